"""Numbers extraction on small texts and on the seeds."""

from __future__ import annotations

import pytest

from reader.extract.numbers import find_numbers, unit_key
from reader.model import Article


def only(text: str):
    mentions = find_numbers(text)
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text
    return mention


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "approx"),
    [
        ("Russia said 10,000 soldiers returned.", 10000, "soldiers", "count", False),
        ("regrouping some 100,000 Russian troops on its border", 100000, "troops", "count", True),
        ("a group of 24 former officials wrote", 24, "officials", "count", False),
        ("rallying tens of thousands of troops around", 10000, "troops", "count", True),
        ("tens of 1000’s of troops on the border", 10000, "troops", "count", True),
        ("a $200 million aid package", 200_000_000, "USD", "money", False),
        ("a €5bn loan", 5_000_000_000, "EUR", "money", False),
        ("paid 3 billion euros", 3_000_000_000, "EUR", "money", False),
        ("inflation hit 2.5% in May", 2.5, "%", "percent", False),
        ("prices rose 15 percent", 15, "%", "percent", False),
        ("the two tracks of policy", 2, "tracks", "count", False),
        ("a dozen officials", 12, "officials", "count", False),
        ("about two dozen young protesters", 24, "protesters", "count", True),
        ("inflation hit 9.1pc in June", 9.1, "%", "percent", False),
        ("fighting an eight-year war", 8, "year", "measure", False),
        ("the first gathering in 2 1/2 years.", 2.5, "year", "measure", False),
        ("more than 1,200 people were killed", 1200, "people", "count", False),
    ],
)
def test_quantities(text: str, value: float, unit: str, kind: str, approx: bool) -> None:
    mentions = [m for m in find_numbers(text) if m.kind != "ordinal"]
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert mention.value == pytest.approx(value)
    assert (mention.unit, mention.kind, mention.approx) == (unit, kind, approx)


def test_qualifier_is_kept_in_the_span() -> None:
    mention = only("regrouping some 100,000 Russian troops")
    assert mention.text == "some 100,000 Russian troops"
    assert mention.qualifier == "some"
    assert not only("more than 1,200 people").approx


def test_vague_plurals_are_ranges() -> None:
    assert only("tens of thousands of troops").vague
    assert not only("some 100,000 troops").vague


@pytest.mark.parametrize(
    "text",
    [
        "Crimea, which it annexed in 2014.",
        "talks on January 10 and Jan. 9-10",
        "scheduled for January 9 and 10, to discuss",
        "on 12 and 13 January",
        "in the 1990s",
        "COVID-19 and F-16",
        "at 10:30 a.m. sharp",
        "one of the costliest cyberattacks",
        "No. 3 on the list",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_numbers(text) == []


def test_units_compare_across_spellings() -> None:
    soldiers = only("10,000 combat soldiers")
    troops = only("10,000 troops")
    assert unit_key(soldiers) == unit_key(troops)
    assert unit_key(only("24 officials")) == "official"


@pytest.mark.parametrize("text", ["", "\x00\x01\ufffd" * 50, "Число 5 тысяч человек", "%%%$$$"])
def test_odd_input_never_raises(text: str) -> None:
    for mention in find_numbers(text):
        assert text[mention.start : mention.end] == mention.text


def test_seeds(seed_articles: dict[str, Article]) -> None:
    found = {key: find_numbers(a.text) for key, a in seed_articles.items()}
    for key, mentions in found.items():
        text = seed_articles[key].text
        assert all(text[m.start : m.end] == m.text for m in mentions)
        # No calendar year is a quantity.
        assert not any(m.text in ("2014", "2015", "2016", "2017") for m in mentions)
    spun = [m for m in found["001"] if m.text.startswith("tens of 1000")]
    assert spun and spun[0].value == 10000 and spun[0].unit == "troops"
    assert any(m.value == 10000 and unit_key(m) == "troop" for m in found["000"])
    assert any(m.value == 24 and m.unit == "officials" for m in found["003"])
    assert any(m.kind == "measure" and m.unit == "year" and m.value == 8 for m in found["004"])


def test_a_plural_noun_that_ends_the_sentence_is_the_unit() -> None:
    found = find_numbers("The shelter took in 3 cats. Then it closed.")
    assert [(m.text, m.unit) for m in found] == [("3 cats", "cats")]


def test_a_measure_unit_is_said_in_the_plural_its_value_needs() -> None:
    said = {
        n.text: n.unit_as_said
        for n in find_numbers("A 2 1/2 years war, a one-year deal, six feet.")
    }
    assert said == {"2 1/2 years": "years", "one-year": "year", "six feet": "feet"}


def test_a_clock_time_is_no_quantity_even_with_spaced_initials() -> None:
    found = [n.text for n in find_numbers("It began at 9 a. m. and 7 p.m. with 3 men.")]
    assert found == ["3 men"]


def test_a_british_clock_time_is_no_number() -> None:
    assert find_numbers("It ended at 10.15am, and the update came at 14.05 BST.") == []


def test_scanning_only_at_start_tokens_finds_what_a_full_scan_finds() -> None:
    """The trigger scan is a speed-up only: on number-dense random text it must give exactly the
    matches of trying the grammar at every position."""
    import random

    from reader.extract import numbers

    tokens = [
        "one", "Two", "twenty-one", "a", "an", "A Dozen", "half a dozen", "hundred",
        "Thousands of", "tens of", "1,000s of", "U.S. $", "5", ".5", "3.5", "10,000", "1st",
        "first", "million", "bn", "m", " ", "-", "/", ",", ".", ":", "x", "people", "troops", "%",
        "'s", "½", "B52", "İ",
        # every currency sign and code the grammar knows, as written and in capitals
        *numbers._CURRENCY_SIGNS, *(sign.upper() for sign in numbers._CURRENCY_SIGNS),
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(
            rng.choice(tokens) + rng.choice(["", " ", " ", "-", ","])
            for _ in range(rng.randint(1, 12))
        )
        full = [m.span() for m in numbers._CORE_RE.finditer(text)]
        assert [m.span() for m in numbers._grammar_matches(text)] == full, text


def test_speeds_are_no_distances_however_written() -> None:
    text = (
        "Gusts reached 100 km/h, or 62 miles per hour, and later 120 km / h; the limit is "
        "30 kilometres an hour, 100 km from the coast; a snail does 1 kilometer per hour and "
        "a cyclist 25 km per hour."
    )
    found = [(n.text, n.unit, n.unit_as_said) for n in find_numbers(text)]
    assert found == [
        ("100 km/h", "km/h", "km/h"),
        ("62 miles per hour", "mph", "mph"),
        ("120 km / h", "km/h", "km/h"),
        ("30 kilometres an hour", "km/h", "km/h"),
        ("100 km", "kilometer", "kilometers"),
        ("1 kilometer per hour", "km/h", "km/h"),
        ("25 km per hour", "km/h", "km/h"),
    ]


def test_a_clock_time_with_any_time_zone_is_no_number() -> None:
    assert find_numbers("It ended at 14.05 CET; troops left at 0600 JST.") == []


def test_the_first_day_of_a_range_through_a_month_is_no_count() -> None:
    assert find_numbers("The festival runs from 10 through 12 November.") == []
