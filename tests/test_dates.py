"""Temporal expression extraction: spans, TIMEX3 values and resolution against the article date."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.extract.dates import DateMention, find_dates, sort_key

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def by_text(mentions: list[DateMention]) -> dict[str, DateMention]:
    """First mention of each surface text."""
    found: dict[str, DateMention] = {}
    for m in mentions:
        found.setdefault(m.text, m)
    return found


def one(text: str, dct: str | None, surface: str) -> DateMention:
    found = by_text(find_dates(text, dct))
    assert surface in found, f"{surface!r} not found in {[m.text for m in find_dates(text, dct)]}"
    return found[surface]


# ----------------------------------------------------------------------------- seeds


def test_seed_000_resolves_against_article_date() -> None:
    text = seed_text("000")
    found = by_text(find_dates(text, "2021-12-29"))
    assert found["Tuesday"].value == "2021-12-28"
    assert found["January 10"].value == "2022-01-10"
    assert found["next month"].value == "2022-01"
    assert found["last week"].value == "2021-W51"
    assert all(found[k].resolved for k in ("Tuesday", "January 10", "next month"))


def test_seed_002_evening_and_earlier_this_month() -> None:
    text = seed_text("002")
    found = by_text(find_dates(text, "2021-12-29"))
    evening = found["Monday evening"]
    assert (evening.type, evening.value) == ("TIME", "2021-12-27TEV")
    earlier = found["Earlier this month"]
    assert (earlier.value, earlier.mod) == ("2021-12", "START")
    assert found["January 10"].value == "2022-01-10"
    assert found["early January"].value == "2022-01"
    assert found["early January"].mod == "START"
    # Anaphoric: "the following day" comes right after "January 12" in the text.
    assert found["the following day"].value == "2022-01-13"


def test_seed_003_two_days_in_one_phrase_give_two_mentions() -> None:
    text = seed_text("003")
    mentions = find_dates(text, "2021-12-29")
    start = text.index("January 9 and 10")
    pair = [m for m in mentions if start <= m.start < start + len("January 9 and 10")]
    assert [(m.text, m.value) for m in pair] == [("January 9", "2022-01-09"), ("10", "2022-01-10")]
    assert pair[1].start == start + len("January 9 and ")


def test_seed_004_durations_and_modifiers() -> None:
    text = seed_text("004")
    found = by_text(find_dates(text, "2021-12-29"))
    assert found["2 1/2 years"].type == "DURATION"
    assert found["2 1/2 years"].value == "P2Y6M"
    eight = found["nearly eight-year"]
    assert (eight.type, eight.value, eight.mod) == ("DURATION", "P8Y", "APPROX")
    assert not eight.resolved
    early = found["early 2022"]
    assert (early.value, early.mod) == ("2022", "START")
    assert found["December 27"].value == "2021-12-27"


def test_every_span_points_at_its_text_in_all_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = find_dates(text, "2021-12-29")
        assert mentions, path.name
        for m in mentions:
            assert text[m.start : m.end] == m.text
        starts = [m.start for m in mentions]
        assert starts == sorted(starts)
        for a, b in zip(mentions, mentions[1:], strict=False):
            assert a.end <= b.start  # no overlaps


# ----------------------------------------------------------------------------- article date


def test_without_article_date_values_keep_only_what_the_text_says() -> None:
    text = "Talks begin on January 10 and officials met on Tuesday; they spoke yesterday."
    found = by_text(find_dates(text, None))
    assert (found["January 10"].value, found["January 10"].resolved) == ("XXXX-01-10", False)
    assert (found["Tuesday"].value, found["Tuesday"].resolved) == ("XXXX-WXX-2", False)
    assert found["yesterday"].resolved is False


def test_article_date_parameter_overrides_resolution() -> None:
    text = "Officials met on Tuesday and will meet again on January 10."
    early = by_text(find_dates(text, "2021-12-29"))
    late = by_text(find_dates(text, "2022-06-02"))
    assert early["Tuesday"].value == "2021-12-28"
    assert late["Tuesday"].value == "2022-05-31"
    assert early["January 10"].value == "2022-01-10"
    assert late["January 10"].value == "2023-01-10"  # "will": the next January 10
    # A timestamp form of the date is accepted; garbage is treated as no date.
    assert by_text(find_dates(text, "2021-12-29T10:00:00"))["Tuesday"].value == "2021-12-28"
    assert by_text(find_dates(text, "not a date"))["Tuesday"].resolved is False


def test_year_inference_follows_tense_cues() -> None:
    dct = "2021-03-10"
    assert one("The vote was held on December 2.", dct, "December 2").value == "2020-12-02"
    assert one("The vote will be held on December 2.", dct, "December 2").value == "2021-12-02"
    assert one("Sales fell in January.", dct, "January").value == "2021-01"
    assert one("He will step down in November.", dct, "November").value == "2021-11"
    assert one("The plant closed last November.", dct, "last November").value == "2020-11"
    # Irregular past forms are past cues; "as planned" is no plan still ahead.
    assert one("She became chairman on June 1.", dct, "June 1").value == "2020-06-01"
    # A past form that is also the bare verb is no cue: "will hit" looks ahead.
    assert one("The storm will hit on Tuesday.", dct, "Tuesday").value == "2021-03-16"
    wsj = "1991-02-25"
    text = "The ground offensive began as previously planned Saturday night."
    assert one(text, wsj, "Saturday night").value == "1991-02-23"
    text = "The talks are going ahead as scheduled Saturday."
    assert one(text, wsj, "Saturday").value == "1991-03-02"
    # The month just gone is "last month": "last February" in March is a year back.
    assert one("The helicopters crashed last February.", dct, "last February").value == "2020-02"
    assert one("This past February was mild.", dct, "This past February").value == "2021-02"
    assert one("Prices rose last January.", dct, "last January").value == "2021-01"
    # A year-end counted from is one already past.
    since = one("The index is up 4% since year-end.", dct, "year-end")
    assert (since.value, since.mod) == ("2020", "END")
    # In the year's last days, the year-end meant is this year's.
    since = one("The index is up 4% since year-end.", "2021-12-28", "year-end")
    assert (since.value, since.mod) == ("2021", "END")
    # An open condition looks ahead past the reporting verb; a settled one does not.
    text = "He said that if she wins in November, she will sign it."
    assert one(text, dct, "November").value == "2021-11"
    text = "He said Friday that if his candidate were to win in November, she would sign it."
    assert one(text, dct, "November").value == "2021-11"
    text = "He said that if she had won in November, she would have signed it."
    assert one(text, dct, "November").value == "2020-11"


def test_weekdays_look_back_unless_the_sentence_looks_ahead() -> None:
    dct = "2021-12-29"  # a Wednesday
    assert one("The minister said Friday that talks failed.", dct, "Friday").value == "2021-12-24"
    assert one("The minister will travel on Friday.", dct, "Friday").value == "2021-12-31"
    assert one("The deal was signed Wednesday.", dct, "Wednesday").value == "2021-12-29"
    assert one("They met last Wednesday.", dct, "last Wednesday").value == "2021-12-22"
    # An irregular past ("heard") outweighs a future earlier in the sentence; its participle
    # after "will be" or "is" still looks ahead.
    text = "He will be sentenced in May, the court heard on Monday."
    assert one(text, dct, "Monday").value == "2021-12-27"
    assert one("The case will be heard on Friday.", dct, "Friday").value == "2021-12-31"
    assert one("The appeal is heard in March.", dct, "March").value == "2022-03"
    assert one("They meet next Monday.", dct, "next Monday").value == "2022-01-03"


# ----------------------------------------------------------------------------- TimeML conventions


@pytest.mark.parametrize(
    ("sentence", "dct", "surface", "kind", "value", "mod"),
    [
        (
            "Profit rose in the third quarter.",
            "1989-11-02",
            "the third quarter",
            "DATE",
            "1989-Q3",
            None,
        ),
        (
            "Output rose sharply in the fourth quarter.",
            "1998-01-26",
            "the fourth quarter",
            "DATE",
            "1997-Q4",
            None,
        ),
        (
            "Shipments resume in mid-November.",
            "1989-10-27",
            "mid-November",
            "DATE",
            "1989-11",
            "MID",
        ),
        ("Prices are rising now.", "1989-10-27", "now", "DATE", "PRESENT_REF", None),
        ("Growth was strong in the 1980s.", "1998-01-08", "the 1980s", "DATE", "198", None),
        ("The index fell this week.", "1998-03-05", "this week", "DATE", "1998-W10", None),
        ("Sales fell last year.", "1989-10-26", "last year", "DATE", "1988", None),
        ("Results improved this year.", "1989-10-26", "this year", "DATE", "1989", None),
        ("The strike lasted two weeks.", "1989-10-26", "two weeks", "DURATION", "P2W", None),
        ("He was jailed for 18 months.", "1989-10-26", "18 months", "DURATION", "P18M", None),
        (
            "The talks ran for more than four hours.",
            "1998-02-27",
            "more than four hours",
            "DURATION",
            "PT4H",
            "MORE_THAN",
        ),
        ("He resigned yesterday.", "1989-10-27", "yesterday", "DATE", "1989-10-26", None),
        ("The plant opened a year ago.", "1989-11-02", "a year ago", "DATE", "1988", None),
        ("Two years ago the firm was tiny.", "1998-04-24", "Two years ago", "DATE", "1996", None),
        ("Loans were repaid in 1990.", "1989-10-26", "1990", "DATE", "1990", None),
        (
            "The deal closes early next year.",
            "1989-10-26",
            "early next year",
            "DATE",
            "1990",
            "START",
        ),
        ("Rates were cut last fall.", "1999-04-10", "last fall", "DATE", "1998-FA", None),
        ("Sales fell in fiscal 1989.", "1989-11-02", "fiscal 1989", "DATE", "1989", None),
        ("Trains run daily.", "1998-03-06", "daily", "SET", "P1D", None),
        (
            "The meeting starts at 10:35 a.m.",
            "1998-08-07",
            "10:35 a.m.",
            "TIME",
            "1998-08-07T10:35",
            None,
        ),
        (
            "Sales surged on Christmas Eve.",
            "2021-12-29",
            "Christmas Eve",
            "DATE",
            "2021-12-24",
            None,
        ),
        ("He died in the 20th century.", "1989-11-01", "the 20th century", "DATE", "19", None),
        (
            "Unemployment rose in recent years.",
            "1989-10-26",
            "recent years",
            "DATE",
            "PAST_REF",
            None,
        ),
        ("Trading ended at year-end.", "1989-10-26", "year-end", "DATE", "1989", "END"),
        (
            "Markets opened at 9:30 a.m. ET Monday.",
            "2021-12-29",
            "9:30 a.m. ET Monday",
            "TIME",
            "2021-12-27T09:30",
            None,
        ),
        (
            "The ceasefire began at 14:00 CET on Friday.",
            "2021-12-29",
            "14:00 CET on Friday",
            "TIME",
            "2021-12-24T14:00",
            None,
        ),
    ],
)
def test_timeml_values(
    sentence: str, dct: str, surface: str, kind: str, value: str, mod: str | None
) -> None:
    mention = one(sentence, dct, surface)
    assert (mention.type, mention.value, mention.mod) == (kind, value, mod)


def test_quarter_context_makes_a_year_ago_a_quarter() -> None:
    text = "Net income rose in the third quarter to $5 million from $4 million a year ago."
    assert one(text, "1989-11-02", "a year ago").value == "1988-Q3"


def test_nine_month_results_compare_with_the_year_before() -> None:
    text = (
        "Net rose in the third quarter to $5 million from $4 million a year earlier. "
        "For the nine months, net was $12 million, up from $10 million a year earlier. "
        "Sales for the full year will rise."
    )
    mentions = find_dates(text, "1989-11-02")
    values = [(m.text, m.value) for m in mentions]
    assert values == [
        ("the third quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "1988"),
        ("the full year", "1989"),
    ]


def test_and_a_half_after_the_unit() -> None:
    assert one("It took a minute and a half.", None, "a minute and a half").value == "PT1M30S"


def test_financial_shorthand() -> None:
    dct = "2013-03-21"
    assert one("Q3 2012 sales fell.", dct, "Q3 2012").value == "2012-Q3"
    assert one("Sales fell in Q4.", dct, "Q4").value == "2012-Q4"
    assert one("Profit in H1 2013 rose.", dct, "H1 2013").value == "2013-H1"
    assert one("Profit in FY2013 rose.", dct, "FY2013").value == "2013"
    assert [m.text for m in find_dates("He has an H1 visa and drove a Q5.", dct)] == []


def test_vague_spans_and_rates() -> None:
    dct = "1989-10-27"
    text = "Net rose in the second quarter. Results for that quarter included a gain."
    assert one(text, dct, "that quarter").value == "1989-Q2"
    assert one("Sales grew for the first time in years.", dct, "years").value == "PXY"
    assert one("Funds may sell in the weeks ahead.", dct, "the weeks ahead").value == "PXW"
    assert [m.text for m in find_dates("Sales should rise 8.5% annually.", dct)] == []
    assert one("The board meets annually.", dct, "annually").value == "P1Y"


def test_ordinary_words_are_not_dates() -> None:
    text = (
        "The company may march into new markets. Prices fall in the spring of hope. "
        "It sold 1,500 shares for $2,000 and 1999 people signed. The current account is fine."
    )
    surfaces = [m.text for m in find_dates(text, "2021-12-29")]
    for word in ("may", "march", "1,500", "2,000", "1999"):
        assert word not in surfaces


def test_quantities_that_are_not_durations() -> None:
    text = (
        "Mr. Reupke, 52 years old, resigned. A second group of directors left. Iraq imports "
        "about three-quarters of its food, and more than a quarter of the market is idle. "
        'Average daily volume fell. He spoke on ABC News\' "This Week" and saw "High Noon."'
    )
    surfaces = [m.text for m in find_dates(text, "1989-10-26")]
    assert surfaces == []


def test_durations_next_to_those_quantities_still_count() -> None:
    text = "The loan runs 52 years. It took a second or two. The plant ran daily. Results came after several quarters of losses."
    found = by_text(find_dates(text, "1989-10-26"))
    assert found["52 years"].value == "P52Y"
    assert found["daily"].value == "P1D"
    assert found["several quarters"].value == "PXQ"


def test_abbreviation_periods_do_not_end_the_tense_window() -> None:
    # "until" makes the weekday a future one even though "a.m." and "U.S." carry periods.
    dct = "2000-04-03"  # a Monday
    text = "The agency gave the family until 9 a.m. Tuesday to sign."
    assert one(text, dct, "9 a.m. Tuesday").value == "2000-04-04T09:00"
    # "next to" is a place, not a cue for the future.
    text = "A bomb went off next to the U.S. embassy in Nairobi on Friday."
    assert one(text, "1998-08-09", "Friday").value == "1998-08-07"


def test_numeric_dates() -> None:
    found = by_text(find_dates("Filed 2021-12-27 and amended 12/29/2021.", None))
    assert found["2021-12-27"].value == "2021-12-27"
    assert found["2021-12-27"].resolved
    assert found["12/29/2021"].value == "2021-12-29"


# ----------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02\xff" * 50,
        "Россия и США проведут переговоры 10 января 2022 года.",
        "俄美将于1月10日举行会谈。",
        "İİİ Monday İstanbul January 10",  # lower-casing changes the length of this text
        "9" * 5000,
        "January " * 300,
        "12/99/9999 2021-13-45 February 30, 2021 Feb. 29",
    ],
)
def test_bad_input_never_raises(text: str) -> None:
    mentions = find_dates(text, "2021-12-29")
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_offsets_survive_length_changing_case() -> None:
    text = "İİİ officials met Monday and will meet January 10."
    found = by_text(find_dates(text, "2021-12-29"))
    assert found["Monday"].value == "2021-12-27"
    assert text[found["January 10"].start : found["January 10"].end] == "January 10"


def test_output_is_deterministic() -> None:
    text = seed_text("002")
    assert find_dates(text, "2021-12-29") == find_dates(text, "2021-12-29")


def test_sort_key_orders_by_time() -> None:
    text = (
        "After talks on January 10, 2022, a deal in 2021 and the 1990s; for two weeks, on Tuesday."
    )
    mentions = find_dates(text, "2021-12-29")
    ordered = [m.text for m in sorted(mentions, key=sort_key)]
    assert ordered.index("the 1990s") < ordered.index("2021") < ordered.index("Tuesday")
    assert ordered.index("Tuesday") < ordered.index("January 10, 2022")
    assert ordered[-1] == "two weeks"  # durations have no place in time: they go last


@pytest.mark.parametrize(
    ("sentence", "surface", "value"),
    [
        ("The vote is set for January nineteenth.", "January nineteenth", "2023-01-19"),
        ("It happened on the fifth of March.", "the fifth of March", "2022-03-05"),
        ("The talks end on March twenty-second.", "March twenty-second", "2022-03-22"),
        ("Inflation soared in the 90s.", "the 90s", "199"),
        ("The fashion of the mid-'80s returned.", "the mid-'80s", "198"),
        ("The law passed in two thousand ten.", "two thousand ten", "2010"),
        (
            "The ceasefire began at 0600 GMT on Tuesday.",
            "0600 GMT on Tuesday",
            "2022-05-17T06:00",
        ),
    ],
)
def test_spelled_days_decades_years_and_military_time(
    sentence: str, surface: str, value: str
) -> None:
    assert one(sentence, "2022-05-18", surface).value == value


def test_spelled_forms_that_are_not_dates() -> None:
    # An age, a temperature, a crowd and the same moment given in another time zone.
    for text in (
        "She is in her 90s.",
        "Highs will be in the 90s.",
        "About two thousand people marched.",
        "The blast came at 10:35 a.m. (0735 GMT) on Friday.",
    ):
        values = [m.value for m in find_dates(text, "2022-05-18")]
        assert not any(v.startswith(("199", "2000", "2022-05-13T07")) for v in values), (
            text,
            values,
        )


def test_midnight_and_midday_carry_no_mid_modifier() -> None:
    mention = one("The strike started at midnight Monday.", "2022-05-18", "midnight Monday")
    assert (mention.value, mention.mod) == ("2022-05-16T24", None)


def test_the_week_and_the_week_of_a_date() -> None:
    text = "Shares fell on Friday. For the week, the index dropped 3%. A hearing is set for the week of March 6."
    found = by_text(find_dates(text, "2000-02-24"))
    assert found["the week"].value == "2000-WXX"
    assert found["the week of March 6"].value == "2000-W10"


def test_noisy_words_and_rates_are_left_out() -> None:
    text = (
        "The recent attacks worried officials. Troops will stay for the foreseeable future. "
        "It will save $500 million a year. Rooms cost $55 a night. He was last seen Nov. 3, "
        "the day before authorities issued a warrant."
    )
    surfaces = [m.text for m in find_dates(text, "1998-11-21")]
    assert surfaces == ["Nov. 3"]
    # Still dates: the day after an event named by a noun phrase, "once a day", "for centuries".
    assert one("He came the day after his death on Oct. 23.", "1998-11-21", "the day after")
    assert one("Take it once a day.", "1998-11-21", "once a day").type == "SET"
    assert one("It ruled for centuries.", "1998-11-21", "centuries").value == "PXC"


def test_this_century_is_written_as_a_length() -> None:
    assert one("The disasters of this century.", "1999-03-12", "this century").value == "P100Y"


def test_today_and_tomorrow_as_an_era_are_not_days() -> None:
    text = "Mothers in today's world differ. If I chose the people of tomorrow, I would wait."
    assert find_dates(text, "1998-04-24") == []
    assert one("Now for today's geography quiz.", "1998-01-21", "today").value == "1998-01-21"


def test_possessive_weekday_is_a_reported_event() -> None:
    # Friday 2000-01-07: the ruling came on Wednesday the 5th even though the sentence looks ahead.
    text = "Relatives said they would look for ways to get around Wednesday's ruling."
    mention = one(text, "2000-01-07", "Wednesday's")
    assert (mention.value, mention.mod) == ("2000-01-05", None)
    assert (
        one("He will speak next Wednesday.", "2000-01-07", "next Wednesday").value == "2000-01-12"
    )


def test_weekday_tense_comes_from_the_clause_that_holds_it() -> None:
    dct = "2021-12-29"  # a Wednesday
    # The clause opens with the date: its verb comes after it.
    text = "Voters went home. On Friday, the league plans to hold a news conference."
    assert one(text, dct, "Friday").value == "2021-12-31"
    text = "Protests are likely. On Friday, the league held a news conference."
    assert one(text, dct, "Friday").value == "2021-12-24"
    # A verb right after the mention is the clause's own, whatever came earlier.
    text = "Just ahead of the trip, the department on Sunday issued a warning."
    assert one(text, dct, "Sunday").value == "2021-12-26"
    text = "A vigil planned for Saturday was canceled after threats."
    assert one(text, dct, "Saturday").value == "2021-12-25"
    # "until" looks ahead, except before a pluperfect.
    assert one("Officials postponed the vote until Friday.", dct, "Friday").value == "2021-12-31"
    # ... even right after a past-tense verb: the verb is the decision, "until" its deadline.
    text = "Officials postponed until Friday any action on the permit."
    assert one(text, dct, "Friday").value == "2021-12-31"
    text = "Until Tuesday, they had not called him a suspect."
    assert one(text, dct, "Tuesday").value == "2021-12-28"
    # Plans look ahead even in the past tense; "were planning to" is no pluperfect.
    text = "Protesters planned a march on Saturday and were planning to rally on Monday."
    found = by_text(find_dates(text, dct))
    assert (found["Saturday"].value, found["Monday"].value) == ("2022-01-01", "2022-01-03")
    # Reported speech after the date does not turn a planned month into the past.
    text = "The accession was planned for early March, an official said."
    assert one(text, "2021-02-10", "early March").value == "2021-03"


def test_now_and_currently_opening_a_sentence_are_discourse_markers() -> None:
    dct = "1998-03-31"
    assert find_dates('Iraq was ready. Now, he says, "it looks bad."', dct) == []
    assert find_dates("Currently, organs are rationed by region.", dct) == []
    assert one("The fund now holds cash.", dct, "now").value == "PRESENT_REF"
    assert one("Now officials are investigating.", dct, "Now").value == "PRESENT_REF"
    assert one("It currently holds 5%.", dct, "currently").value == "PRESENT_REF"


def test_this_quarter_in_a_results_story_is_the_quarter_reported() -> None:
    text = "It lost $8 million in the third quarter ended Sept. 30. This quarter's loss includes charges."
    assert one(text, "1989-11-01", "This quarter's").value == "1989-Q3"
    assert one("Sales should rise this quarter.", "1989-11-01", "this quarter").value == "1989-Q4"


def test_news_present_of_a_scheduled_event_looks_ahead() -> None:
    dct = "1998-05-01"  # a Friday
    text = "He and Arafat meet separately Monday with the secretary of state."
    assert one(text, dct, "Monday").value == "1998-05-04"
    assert one("He and Arafat met separately Monday.", dct, "Monday").value == "1998-04-27"
    assert one("The team faces Boston on Sunday.", dct, "Sunday").value == "1998-05-03"


def test_a_quarter_named_for_comparison_is_not_the_quarter_reported() -> None:
    text = (
        "Net rose 20% in the third quarter. After a flat second quarter, the gain came from "
        "diapers. Charges were taken in the year-earlier period."
    )
    assert one(text, "1989-11-01", "the year-earlier period").value == "1988-Q3"
    text = (
        "Net rose 20% in the third quarter. In the second quarter, charges were taken a year ago."
    )
    assert one(text, "1989-11-01", "a year ago").value == "1988-Q2"


def test_weekday_night_and_morning_are_the_day_evening_keeps_its_part() -> None:
    # The annotated news writes "Friday night" / "Thursday morning" as the bare day most often;
    # evenings keep TEV (see the module docstring for the counts).
    text = (
        "Police said the man was shot Friday night. He was arrested Thursday morning. "
        "Crowds gathered Monday evening. Flights leave on Tuesday nights."
    )
    found = by_text(find_dates(text, "1998-10-24"))
    assert (found["Friday night"].type, found["Friday night"].value) == ("DATE", "1998-10-23")
    assert found["Thursday morning"].value == "1998-10-22"
    assert (found["Monday evening"].type, found["Monday evening"].value) == (
        "TIME",
        "1998-10-19TEV",
    )
    assert (found["Tuesday nights"].type, found["Tuesday nights"].value) == (
        "SET",
        "XXXX-WXX-2TNI",
    )


def test_an_amount_later_is_a_length_whose_signal_is_later() -> None:
    text = "The talks stalled on Jan. 3. Three days later, a deal was signed. A few weeks later it fell apart."
    found = by_text(find_dates(text, "2022-01-20"))
    three = found["Three days"]
    assert (three.type, three.value) == ("DURATION", "P3D")
    assert text[three.start : three.end] == "Three days"
    assert found["A few weeks"].value == "PXW"
    # "ago" still counts back from the article date.
    assert one("It opened three days ago.", "2022-01-20", "three days ago").value == "2022-01-17"


def test_time_zones_are_capitals_only() -> None:
    # "et al" after a clock time is not Eastern Time.
    (mention,) = find_dates("The paper by Smith at 5 pm et al. was cited.", "2021-12-29")
    assert mention.text == "5 pm"


def test_a_newspaper_called_daily_is_no_frequency() -> None:
    assert find_dates("The Communist Party daily Granma compared Elian.", "2000-01-15") == []
    assert find_dates("The Italian weekly L'Espresso reported it.", "2000-01-15") == []
    # ("The daily said" is caught by "the daily" as a modifier; "the weekly" needs this rule.)
    assert find_dates("The weekly said the talks failed.", "2000-01-15") == []
    m1, m2 = find_dates("Flights leave daily Monday through Friday.", "2021-12-29")[:2]
    assert (m1.text, m1.value, m2.text) == ("daily", "P1D", "Monday")
    (rally,) = find_dates("Crowds gather daily outside the home.", "2000-01-15")
    assert (rally.type, rally.value) == ("SET", "P1D")


def test_a_one_unit_length_written_as_an_adjective() -> None:
    found = by_text(
        find_dates("After a day-long meeting, a year-long inquiry began.", "2000-04-03")
    )
    assert (found["day-long"].value, found["year-long"].value) == ("P1D", "P1Y")
    # The plural names no amount.
    assert one("It ended a decades-long feud.", "2000-04-03", "decades-long").value == "PXE"


def test_a_bare_plural_before_later_names_no_amount() -> None:
    (hours,) = find_dates("The bomb went off. Hours later, the embassy closed.", "1998-08-08")
    assert (hours.text, hours.type, hours.value) == ("Hours", "DURATION", "PTXH")


def test_next_season_said_in_december_is_next_year() -> None:
    assert one("The troops leave next summer.", "2021-12-29", "next summer").value == "2022-SU"
    assert one("The troops leave next summer.", "2021-10-29", "next summer").value == "2022-SU"
    assert one("The troops leave next summer.", "2021-03-02", "next summer").value == "2021-SU"


def test_a_hyphenated_range_of_years_gives_both_years() -> None:
    found = find_dates("The report covers 2019-2021, not the 555-2019 line.", "2021-12-29")
    assert [(m.text, m.value) for m in found] == [("2019", "2019"), ("2021", "2021")]


def test_a_day_of_last_or_next_year_takes_that_year() -> None:
    dct = "2016-10-02"
    text = "Who would have believed that when we started this journey on June 16th of last year"
    assert one(text, dct, "June 16th of last year").value == "2015-06-16"
    assert one("The vote is set for May 5 of next year.", dct, "May 5 of next year").value == (
        "2017-05-05"
    )


def test_over_before_the_past_is_a_preposition_not_a_modifier() -> None:
    (span,) = find_dates("Over the past few days, Cruz signaled a change.", "2016-09-26")
    assert (span.text, span.value, span.mod) == ("the past few days", "PXD", None)
    (span,) = find_dates("Prices rose over two weeks.", "2016-09-26")
    assert (span.text, span.mod) == ("over two weeks", "MORE_THAN")


def test_a_date_after_that_belongs_to_the_clause_it_opens() -> None:
    text = "I have decided that on Election Day, I will vote for the Republican nominee."
    assert one(text, "2016-09-26", "Election Day").value == "2016-11-08"
    text = "He said that on Friday, he announced his decision."
    assert one(text, "2016-09-26", "Friday").value == "2016-09-23"


def test_a_holidays_things_are_no_dates() -> None:
    text = "Mexico retaliated against Christmas trees from Oregon, not Christmas Island."
    assert find_dates(text, "2016-09-28") == []
    assert one("We will meet at Christmas.", "2016-09-28", "Christmas").value == "2016-12-25"


def test_holidays_named_with_an_apostrophe_either_way() -> None:
    dct = "2021-12-29"
    assert one("Shops close on New Year's Day.", dct, "New Year's Day").value == "2022-01-01"
    assert one("Shops close on New Year\u2019s Day.", dct, "New Year\u2019s Day").value == (
        "2022-01-01"
    )
    assert one("The party is on New Year's Eve.", dct, "New Year's Eve").value == "2021-12-31"
    text = "They marched on St. Patrick\u2019s Day."
    assert one(text, dct, "St. Patrick\u2019s Day").value == "2021-03-17"
    assert find_dates("The new year brings new taxes.", dct) == []


def test_a_time_heading_its_own_line_is_on_the_article_date() -> None:
    text = (
        "The Latest on the race:\n\n5 p.m.\n\nTrump spoke about Monday night's debate.\n\n"
        "4:30 p.m.\n\nClinton said the debate on Monday went well. She met donors at 3 p.m.\n"
    )
    values = {m.text: m.value for m in find_dates(text, "2016-09-30")}
    assert values["4:30 p.m."] == "2016-09-30T16:30"
    assert values["3 p.m."] == "2016-09-26T15:00"  # the time of the day the text last named


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("the real estate market of the 1980’s collapsed", "the 1980’s", "198"),
        ("four years to go in the 90's, they said", "the 90's", "199"),
        ("four years to go in the 90’s, they said", "the 90’s", "199"),
        ("it was the ’90s all over again", "the ’90s", "199"),
    ],
)
def test_decades_with_an_apostrophe_straight_or_curly(text: str, surface: str, value: str) -> None:
    decade = one(text, "2016-10-04", surface)
    assert (decade.type, decade.value) == ("DATE", value)


def test_a_clock_time_written_with_spaced_initials() -> None:
    # Tokenised copies of wire stories write "p. m.": 3:10 in the afternoon, not at night.
    text = "The shooting occurred about 3:10 p. m. on Friday."
    found = one(text, "2005-06-25", "about 3:10 p. m. on Friday")
    assert (found.type, found.value, found.mod) == ("TIME", "2005-06-24T15:10", "APPROX")


def test_a_speed_is_no_duration() -> None:
    text = "Police chased him at speeds of up to 120 miles an hour. The chase lasted an hour."
    assert [(m.text, m.value) for m in find_dates(text, "2007-04-10")] == [("an hour", "PT1H")]


def test_today_naming_a_newspaper_or_a_show_is_no_date() -> None:
    text = "(USA Today article) Today, the offices reopened. She told the Today show she was fine."
    assert [(m.text, m.start) for m in find_dates(text, "2007-04-12")] == [("Today", 20)]


def test_a_game_report_has_no_clock_times_or_halves_of_the_year() -> None:
    text = (
        "McDermott broke the record with a free throw with 4:43 to play in the first half. "
        "Echenique scored 11 points, all in the second half."
    )
    assert find_dates(text, "2013-03-08") == []
    text = "Profit rose 5% in the second half, and it expects the fourth quarter to be weak."
    assert [m.value for m in find_dates(text, "2013-03-08")] == ["2012-H2", "2013-Q4"]


def test_a_quarter_far_from_the_play_is_still_the_game_s_in_a_game_report() -> None:
    report = (
        "Luck threw for 205 yards and the Colts beat the Chiefs 20-13 to reach the playoffs. "
        "Charles ran for 226 yards, and his coach was pleased. " + "The crowd sang along. " * 8
    )
    text = report + "The Chiefs rallied to forge a tie entering the fourth quarter."
    assert [m.text for m in find_dates(text, "2012-12-23")] == []
    text = "Hansbrough passed Ford with 7:42 left in the first half at the Smith Center."
    assert find_dates(text, "2008-12-07") == []
    text = "Cheeks became the fifth coach fired within the first quarter of the season."
    assert find_dates(text, "2008-12-13") == []
    # A quarter or half of the year stays the year's in a game report.
    text = report + "Revenue rose in the first half of the year."
    assert [m.value for m in find_dates(text, "2013-03-08")] == ["2013-H1"]
    # Distances are one kind of game word, however many there are.
    text = "He ran a 40-yard dash, a 35-yard and a 20-yard one. Sales rose in the fourth quarter."
    assert [m.value for m in find_dates(text, "2013-03-08")] == ["2012-Q4"]
    # A business story naming a coach keeps its quarters.
    text = "The coach maker said sales rose in the fourth quarter. Its yards were busy."
    assert [m.value for m in find_dates(text, "2013-03-08")] == ["2012-Q4"]


def test_the_day_before_or_after_a_named_date_is_counted_from_it() -> None:
    dct = "2021-12-29"
    assert one("The day after Christmas, shops opened.", dct, "The day after Christmas").value == (
        "2021-12-26"
    )
    text = "The vote came the day before Christmas Eve."
    assert one(text, dct, "the day before Christmas Eve").value == "2021-12-23"
    # The date it names is the one later anaphors count from.
    text = "The day after Christmas, shops opened. The next day they closed."
    assert one(text, dct, "The next day").value == "2021-12-27"
    assert one(text, None, "The day after Christmas").value == "XXXX-12-26"
    # With no date right after it, it still counts from the article's date.
    assert one("He left the day after, angry.", dct, "the day after").value == "2021-12-30"


def test_the_next_day_after_a_month_is_a_day_of_that_month() -> None:
    dct = "2016-09-26"
    text = "On Friday he spoke. He addressed the convention in July. The following morning he left."
    # Not the day after Friday: the text last named July, and no day of it.
    found = one(text, dct, "The following morning")
    assert (found.type, found.value) == ("TIME", "2016-07-XXTMO")
    text = "On July 18 he arrived. He addressed the convention in July. The next day he left."
    assert one(text, dct, "The next day").value == "2016-07-19"


def test_a_pair_or_range_of_days_written_day_first() -> None:
    dct = "2026-11-22"
    text = "The summit, held between 10 and 12 November, ended yesterday."
    pair = [(m.text, m.value) for m in find_dates(text, dct)][:2]
    assert pair == [("10", "2026-11-10"), ("12 November", "2026-11-12")]
    text = "The festival runs 10-12 March 2027."
    assert [(m.text, m.value) for m in find_dates(text, dct)] == [
        ("10", "2027-03-10"),
        ("12 March 2027", "2027-03-12"),
    ]
    # Every pairing word the grammar knows reaches the first day.
    for text in ("from 10 through 12 November", "from 10–12 November"):
        assert [m.value for m in find_dates(text, dct)] == ["2026-11-10", "2026-11-12"], text
    # A score before a date is no range: "30-7" then "Oct. 19".
    text = "He was hurt in the 30-7 Oct. 19 loss."
    assert [m.text for m in find_dates(text, dct)] == ["Oct. 19"]


def test_a_clock_time_takes_the_day_named_just_after_it() -> None:
    text = "The blast came at around 11.30pm local time (2230 GMT) on Wednesday."
    found = find_dates(text, "2026-11-22")
    # The same moment in another zone is not a second time.
    assert [(m.text, m.value) for m in found] == [
        ("around 11.30pm local time", "2026-11-18T23:30"),
        ("Wednesday", "2026-11-18"),
    ]
    # Without the article's date the weekday is kept, not the whole time dropped.
    assert one("Polls open at 8 a.m. Sunday.", None, "8 a.m. Sunday").value == "XXXX-WXX-7T08:00"
    assert one("It starts at 3 p.m. today.", None, "3 p.m. today").value == "XXXX-XX-XXT15:00"
    found = find_dates("at 1052 GMT (1852 HKT), April 10, 2007", None)
    assert [(m.text, m.value) for m in found][0] == ("1052 GMT", "2007-04-10T10:52")
    # A day on the next line is not the time's.
    text = "Updated 5:40 p.m. ET\nEarly Friday morning, a crash."
    assert one(text, None, "5:40 p.m. ET").value == "XXXX-XX-XXT17:40"


def test_british_clock_times_with_a_dot() -> None:
    dct = "2021-12-29"
    assert one("It ended at 10.15am.", dct, "10.15am").value == "2021-12-29T10:15"
    text = "Wednesday 29 December 2021 10.15 GMT"
    assert one(text, dct, "10.15 GMT").value == "2021-12-29T10:15"
    assert find_dates("Shares rose 2.30 percent.", dct) == []


def test_a_clock_time_takes_a_day_written_day_first() -> None:
    dct = "2013-03-22"
    assert one("The deadline is 5pm GMT on 31 March.", dct, "5pm GMT on 31 March").value == (
        "2013-03-31T17:00"
    )
    assert one("It starts at 9am on 2 April.", dct, "9am on 2 April").value == "2013-04-02T09:00"


def test_the_weekend_of_a_named_date_is_that_dates_weekend() -> None:
    dct = "2013-03-20"  # a Wednesday in ISO week 12
    assert one("The weekend of May 4-5 was busy.", dct, "The weekend").value == "2013-W18-WE"
    assert one("This weekend, the talks resume.", dct, "This weekend").value == "2013-W12-WE"
    assert one("This weekend, the talks resumed.", dct, "This weekend").value == "2013-W11-WE"


def test_the_second_month_of_a_range_and_its_shared_year() -> None:
    dct = "2013-03-20"
    found = by_text(find_dates("The festival runs between March and May.", dct))
    assert found["May"].value == "2013-05"
    found = by_text(find_dates("The talks ran from April to May 2013.", dct))
    assert found["April"].value == "2013-04"
    assert find_dates("Talks between Johnson and May failed.", dct) == []  # a person


def test_last_as_a_verb_is_not_part_of_the_duration() -> None:
    mention = one("The strike could last two weeks.", "2013-03-20", "two weeks")
    assert (mention.type, mention.value) == ("DURATION", "P2W")
    assert one("The strike won't last two weeks.", "2013-03-20", "two weeks").value == "P2W"
    assert one("In the last two weeks, sales fell.", None, "the last two weeks").value == "P2W"


def test_numeric_dates_written_day_first_when_the_day_shows_it() -> None:
    assert one("Published on 21/03/2013.", None, "21/03/2013").value == "2013-03-21"
    assert one("Published on 3/21/2013.", None, "3/21/2013").value == "2013-03-21"


def test_a_weekday_looks_ahead_when_its_clause_plainly_does() -> None:
    dct = "2016-09-25"  # a Sunday; the debate was on Monday 26 September
    assert one("Trump will face Clinton in Monday's debate.", dct, "Monday's").value == (
        "2016-09-26"
    )
    assert one("He criticised Monday's debate.", dct, "Monday's").value == "2016-09-19"
    text = "They would look for ways to get around Wednesday's ruling."
    assert one(text, dct, "Wednesday's").value == "2016-09-21"
    assert one("The vote is Friday.", "2016-09-21", "Friday").value == "2016-09-23"


def test_names_ending_in_a_date_word_are_no_dates() -> None:
    dct = "2016-09-15"
    assert find_dates("Caddell told Breitbart News Daily host Alex Marlow.", dct) == []
    assert [m.text for m in find_dates("She told USA TODAY's weekly series.", dct)] == ["weekly"]


def test_programme_names_and_a_figurative_tomorrow_are_no_dates() -> None:
    dct = "2016-09-25"
    assert find_dates("This is VOA Today.", dct) == []
    assert find_dates('The anchor of NBC\'s "Nightly News." He spoke.', dct) == []
    assert find_dates('He spoke on the "Today" show.', dct) == []
    # A quotation that opens with the word is no title.
    for text in ('"Today was calm," he said.', 'He said, "Today we begin the talks."'):
        assert one(text, dct, "Today").value == "2016-09-25", text
    assert find_dates("Still hoping for a brighter tomorrow, Obama said.", dct) == []
    assert find_dates("A better tomorrow is possible.", dct) == []
    # A noun before it is something happening that day.
    for text in ("We will hold a meeting tomorrow.", "Their hearing tomorrow matters."):
        assert [m.text for m in find_dates(text, dct)] == ["tomorrow"], text
    assert one("The meeting is tomorrow.", dct, "tomorrow").value == "2016-09-26"
    assert one("Today, the market fell.", dct, "Today").value == "2016-09-25"
    # A capitalised word before it that ends a sentence or a heading is no name of a show.
    assert one("Prices fell on Monday. Today the market opened.", dct, "Today").value == (
        "2016-09-25"
    )
    assert one("Interior Department\nToday, the secretary spoke.", dct, "Today").value == (
        "2016-09-25"
    )


def test_a_past_activity_lasting_until_a_day_looks_back() -> None:
    dct = "2016-09-25"  # a Sunday
    text = "Protesters kept going until nearly 2 a.m. Friday in defiance."
    assert one(text, dct, "2 a.m. Friday").value == "2016-09-23T02:00"
    assert one("The curfew runs until 6 a.m. Friday.", dct, "6 a.m. Friday").value == (
        "2016-09-30T06:00"
    )


def test_to_meet_is_no_news_present() -> None:
    text = "Most recently, her decision to meet with Bill Clinton at the end of June drew fire."
    assert one(text, "2016-09-14", "the end of June").value == "2016-06"
    assert one("Arafat and Netanyahu meet Monday.", "2016-09-14", "Monday").value == "2016-09-19"
    # Only the word "to" before it: a team from Toronto meets its rival all the same.
    assert one("Toronto meets Boston on Monday.", "2016-09-14", "Monday").value == "2016-09-19"


def test_until_before_a_pluperfect_looks_back_even_at_a_distance() -> None:
    text = "Until that day in April, Mr. Clarke, 61, had never been arrested."
    assert one(text, "2016-10-02", "April").value == "2016-04"
    assert one("The ban stays until the end of April.", "2016-10-02", "the end of April").value == (
        "2017-04"
    )


def test_a_counted_date_with_nothing_to_count_from_keeps_its_granularity() -> None:
    mention = one("He said a day earlier that it was over.", None, "a day earlier")
    assert (mention.value, mention.resolved) == ("XXXX-XX-XX", False)
    assert one("Two weeks earlier, the talks failed.", None, "Two weeks earlier").value == (
        "XXXX-WXX"
    )
    assert one("Years ago it began.", None, "Years ago").value == "PAST_REF"


def test_a_modal_early_in_a_long_sentence_tips_a_balanced_date_ahead() -> None:
    dct = "2013-02-11"  # a Monday
    text = (
        "The carrier said its new service would run from London to Lagos on weekdays from "
        "March 4, with a second route to Accra starting on Saturdays from August 3."
    )
    # August 3 is 173 days ahead and 192 days back: the "would" far before it decides.
    assert one(text, dct, "August 3").value == "2013-08-03"
    text = (
        "The minister is scheduled to spend two days in Madrid and then a few hours in Lisbon, "
        "his final stop Thursday evening."
    )
    assert one(text, dct, "Thursday evening").value.startswith("2013-02-14")
    # Weak evidence: a month well in the past stays there, and so does a day near the past.
    text = (
        "The bank expects that the economy will grow by a modest 1.2 percent, almost half a "
        "percentage point less than the figure it put out in July."
    )
    assert one(text, "2013-10-08", "July").value == "2013-07"
    text = (
        "The bank expects that the economy will grow by a modest 1.2 percent, almost half a "
        "percentage point less than the figure in its report on July 9."
    )
    assert one(text, "2013-10-08", "July 9").value == "2013-07-09"
    # A short sentence gives nothing beyond what tense reads.
    assert one("It will rain. The talks ended on August 3.", dct, "August 3").value == (
        "2012-08-03"
    )


def test_a_month_ending_a_span_of_this_year_is_in_this_year() -> None:
    text = "Sales at the chain rose 4% this year through August, the retailer said."
    assert one(text, "2013-10-25", "August").value == "2013-08"
    text = "Prices rose 4% in the 12 months through August."
    assert one(text, "2013-10-25", "August").value == "2013-08"
    # Without "this year", "through" still looks ahead.
    text = "The offer runs through August, the retailer said."
    assert one(text, "2013-10-25", "August").value == "2014-08"


def test_a_weekday_naming_a_paper_or_a_show_is_no_date() -> None:
    dct = "2013-06-14"
    for text in (
        "The Sunday Times reported the plan.",
        "He told the Mail on Sunday that he would quit.",
        "He appeared on Fox News Sunday with Chris Wallace.",
        "Candidates campaigned hard before Super Tuesday.",
    ):
        assert find_dates(text, dct) == [], text
    # A paper named before a weekday leaves the weekday a day.
    assert one("A witness told the Daily News Tuesday that he ran.", dct, "Tuesday").value == (
        "2013-06-11"
    )
    assert one("The Observer on Sunday said it had the letter.", dct, "Sunday").value == (
        "2013-06-09"
    )


def test_shopping_days_and_good_friday_are_holidays() -> None:
    dct = "2013-12-06"
    assert one("Black Friday sales rose 2%.", dct, "Black Friday").value == "2013-11-29"
    assert one("Cyber Monday was quieter.", dct, "Cyber Monday").value == "2013-12-02"
    assert one("Shops close on Good Friday.", "2013-03-20", "Good Friday").value == "2013-03-29"


def test_the_second_day_of_a_pair_still_ahead_follows_the_first() -> None:
    dct = "2013-06-14"  # a Friday
    text = "The storm is expected to make landfall late Thursday or early Friday."
    assert one(text, dct, "early Friday").value == "2013-06-21"
    assert one("The fair will run Saturday through Friday.", dct, "Friday").value == "2013-06-21"
    # Days already past are listed in any order, each counted back on its own.
    text = "Following are statements made Friday and Thursday by the lawyers."
    assert [m.value for m in find_dates(text, dct)] == ["2013-06-14", "2013-06-13"]


def test_a_scheduled_end_in_the_news_present_looks_ahead() -> None:
    text = "The summit, which ends on Saturday, is the first since 2010."
    assert one(text, "2013-06-12", "Saturday").value == "2013-06-15"


def test_may_ending_a_period_is_the_month() -> None:
    text = "Inflation in the 12 months to May was 2.7%, down from 2.9% in April."
    assert one(text, "2013-06-14", "May").value == "2013-05"
    assert [m.text for m in find_dates("He handed the letter to May.", "2013-06-14")] == []


def test_weather_forecast_for_a_day_looks_ahead() -> None:
    text = "Snow is forecast for the weekend, and rain is forecast on Sunday night."
    assert one(text, "2021-12-29", "the weekend").value == "2021-W52-WE"
    assert one(text, "2021-12-29", "Sunday night").value.startswith("2022-01-02")


def test_curly_apostrophes_read_as_straight_ones() -> None:
    dct = "2016-09-25"  # a Sunday
    for quote in ("'", "\u2019"):
        assert find_dates(f"In today{quote}s world, prices rise.", dct) == []
        text = f"Trump will face Clinton in Monday{quote}s debate."
        assert one(text, dct, f"Monday{quote}s").value == "2016-09-26"
        clock = one(f"It opened at 5 o{quote}clock Friday.", dct, f"5 o{quote}clock Friday")
        assert clock.value == "2016-09-23T05:00"
    # An opening single quote is no apostrophe inside a word.
    for opening in ("'", "\u2018"):
        assert one(f"{opening}Tonight was calm,{opening} he said.", dct, "Tonight").value == (
            "2016-09-25TNI"
        )


def test_last_as_a_verb_is_no_past_cue() -> None:
    dct = "2013-02-20"  # a Wednesday
    assert one("The festival will last through June 3.", dct, "June 3").value == "2013-06-03"
    text = "The storm will last through the weekend."
    assert one(text, dct, "the weekend").value == "2013-W08-WE"
    assert one("The festival ran last June 3.", dct, "last June 3").value == "2012-06-03"


def test_a_holidays_things_cannot_shorten_its_name() -> None:
    dct = "2013-02-20"
    assert find_dates("Christmas Eve lights went up; Christmas Day specials aired.", dct) == []
    assert one("We met on Christmas Eve.", dct, "Christmas Eve").value == "2012-12-24"


def test_new_years_day_however_its_words_are_spaced() -> None:
    for text in ("We met on New  Year's Day.", "We met on New\nYear's Day."):
        assert [m.value for m in find_dates(text, "2013-02-20")] == ["2013-01-01"], text


def test_an_opening_single_quote_does_not_hide_the_words_before_a_trigger() -> None:
    dct = "2016-09-14"
    assert one("He said: 'last week was hard.'", dct, "last week").value == "2016-W36"
    assert one("‘Last Monday was hard,’ he said.", dct, "Last Monday").value == "2016-09-12"
    assert one("'Early next year,' he said.", dct, "Early next year").value == "2017"


def test_a_capitalised_unit_inside_a_sentence_names_a_show_but_not_in_a_headline() -> None:
    dct = "2000-04-17"
    for show in ("60 Minutes", "''60 Minutes''"):
        text = f"Gonzalez said on CBS's {show} that he would stay. It took 60 minutes."
        assert [m.text for m in find_dates(text, dct)] == ["60 minutes"], show
    assert one("Herald: Sox Make Offer To Teixeira (8 Years?)", dct, "8 Years").value == "P8Y"


def test_every_clock_form_knows_the_same_time_zones() -> None:
    dct = "2016-09-14"
    assert one("It ended at 14.05 CET.", dct, "14.05 CET").value == "2016-09-14T14:05"
    assert one("Troops left at 0600 JST.", dct, "0600 JST").value == "2016-09-14T06:00"
    assert one("Markets closed at 1852 HKT.", dct, "1852 HKT").type == "TIME"


def test_the_past_before_a_count_counts_things_not_time() -> None:
    dct = "2016-09-08"
    for text in (
        "He has not done what every nominee has done in the past nine elections.",
        "He hit 105 runs in each of the past five seasons.",
        "They lost six of the past 12 games.",
        "He won in each of the past few seasons.",
    ):
        assert [m.text for m in find_dates(text, dct)] == [], text
    assert one("In the past a man could work.", dct, "the past").value == "PAST_REF"
    assert one("In the past few days it rose.", dct, "the past few days").value == "PXD"


def test_one_day_ahead_is_some_day_and_counted_is_a_day() -> None:
    dct = "2016-09-27"
    text = "Analysts said Islam will one day be the second largest religion."
    assert one(text, dct, "one day").value == "FUTURE_REF"
    text = "They think division can benefit this country one day. A disgrace."
    assert one(text, dct, "one day").value == "FUTURE_REF"
    assert one("The strike will last one day.", dct, "one day").value == "P1D"
    assert one("He had only been in the job one day.", dct, "one day").value == "P1D"
    assert one("It would take one day.", dct, "one day").value == "P1D"
    # An adverb may stand between; a clause that goes on is a day of a story, not some day.
    assert one("It will probably one day be legal.", dct, "one day").value == "FUTURE_REF"
    assert one("She may visit and one day she left.", dct, "one day").value == "P1D"
    # The month and the noun are no modals.
    assert one("The plant in May shut down one day.", dct, "one day").value == "P1D"
    assert one("Shoppers bought a can of soup one day.", dct, "one day").value == "P1D"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("He passed away at 6:41 last night.", "6:41 last night", "2016-09-22T18:41"),
        ("The meeting began at 9:30 this morning.", "9:30 this morning", "2016-09-23T09:30"),
        ("She lands at 10:15 tonight.", "10:15 tonight", "2016-09-23T22:15"),
        ("He arrived at 6:30 in the evening.", "6:30 in the evening", "2016-09-23T18:30"),
        ("He ate at 12:30 in the afternoon.", "12:30 in the afternoon", "2016-09-23T12:30"),
        ("It ended at 2:30 Tuesday night.", "2:30 Tuesday night", "2016-09-20T02:30"),
        ("Troops moved at 1100 hours.", "1100 hours", "2016-09-23T11:00"),
    ],
)
def test_a_clock_time_without_am_or_pm_reads_the_part_of_the_day_after_it(
    text: str, surface: str, value: str
) -> None:
    mention = one(text, "2016-09-23", surface)
    assert (mention.type, mention.value) == ("TIME", value)


def test_a_count_of_hours_is_no_military_time() -> None:
    mention = one("He worked 1100 hours of overtime.", "2016-09-23", "1100 hours")
    assert (mention.type, mention.value) == ("DURATION", "PT1100H")


def test_sept_11_naming_the_attacks_is_2001() -> None:
    dct = "2016-09-23"
    assert one("He trafficked in Sept. 11 conspiracy theories.", dct, "Sept. 11").value == (
        "2001-09-11"
    )
    assert one("After the September 11 attacks, he enlisted.", dct, "September 11").value == (
        "2001-09-11"
    )
    # The anniversary, another day called Sept. 11, and Benghazi's are this year's or their own.
    assert one("The Sept. 11 memorial ceremony will be held.", dct, "Sept. 11").value == (
        "2016-09-11"
    )
    assert one("The vote is on Sept. 11.", dct, "Sept. 11").value == "2016-09-11"
    assert one("The Sept. 11 attacks in Benghazi.", dct, "Sept. 11").value == "2016-09-11"
    # Before the attacks, nothing names them.
    assert one("The Sept. 11 attacks", "1999-01-01", "Sept. 11").value == "1998-09-11"


def test_house_numbers_and_awards_are_no_dates() -> None:
    dct = "2016-09-23"
    assert find_dates("Police arrested him at 2088 Philip Street.", dct) == []
    assert find_dates("He lives at 1600 Pennsylvania Avenue.", dct) == []
    assert [m.text for m in find_dates("In 2015 Apple Street Fair began.", dct)] == ["2015"]
    assert [m.text for m in find_dates("He was named coach of the year in 1987.", dct)] == ["1987"]
    assert find_dates('She was named "Person of the Week".', dct) == []
    interview = "Her campaign manager told CBS This Morning on Monday that it went well for her."
    assert [m.text for m in find_dates(interview, dct)] == ["Monday"]
    assert [m.text for m in find_dates("He left. This morning he returned.", dct)] == [
        "This morning"
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("It was an hourlong show.", "hourlong", "PT1H", None),
        ("It was a weeklong festival.", "weeklong", "P1W", None),
        ("He lost $916 million in a single year.", "a single year", "P1Y", None),
        ("Voters get an extra week of early voting.", "an extra week", "P1W", None),
        ("He has served for 15-plus years.", "15-plus years", "P15Y", "EQUAL_OR_MORE"),
        ("Despite weeks of dipping poll numbers, he won.", "weeks", "PXW", None),
        ("He died within weeks or months of his capture.", "weeks or months", "PXW", None),
    ],
)
def test_lengths_written_as_one_word_with_a_modifier_or_without_a_number(
    text: str, surface: str, value: str, mod: str | None
) -> None:
    mention = one(text, "2016-09-23", surface)
    assert (mention.type, mention.value, mention.mod) == ("DURATION", value, mod)


def test_a_possessive_weekday_whose_noun_phrase_looks_ahead() -> None:
    dct = "2016-09-23"  # a Friday
    assert one("Thursday's vote will decide the matter.", dct, "Thursday's").value == "2016-09-29"
    assert (
        one(
            "And while Monday's debate in New York will be his first, it matters.", dct, "Monday's"
        ).value
        == "2016-09-26"
    )
    assert one("Monday's debate was a disaster.", dct, "Monday's").value == "2016-09-19"
    assert find_dates("It is a matter of days before he leaves.", dct) == []


def test_through_or_until_a_month_looks_back_in_a_plainly_past_clause() -> None:
    dct = "2016-09-22"
    assert one("The unemployment rate rose through March.", dct, "March").value == "2016-03"
    assert one("Sales fell through June, the company said.", dct, "June").value == "2016-06"
    # Ahead otherwise, and where a weaker past runs on: loans extended through January.
    assert one("The program will run through March.", dct, "March").value == "2017-03"
    assert one("The offer is open until March.", dct, "March").value == "2017-03"
    assert one("The bank has extended loans through January.", dct, "January").value == ("2017-01")


def test_a_month_of_that_year_takes_the_year_told_before() -> None:
    text = "He moved to Albany in January 2007 and to First Street in September of that year."
    assert one(text, "2009-01-14", "September").value == "2007-09"
    assert one(text, "2009-01-14", "that year").value == "2007"


def test_a_quotation_opening_with_a_possessive_day_is_a_day_not_a_title() -> None:
    dct = "2016-09-27"
    assert one("“Tonight’s debate showed who he is,” she said.", dct, "Tonight").value == (
        "2016-09-27TNI"
    )
    assert one('"Today\'s ruling is a victory," she said.', dct, "Today").value == "2016-09-27"
    assert find_dates('She watched "Today" on NBC.', dct) == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("Trump's late-summer swoon worried aides.", "late-summer", "2016-SU", "END"),
        ("After a late-afternoon meeting, he left.", "late-afternoon", "2016-09-12TAF", "END"),
        ("An early-morning raid killed two.", "early-morning", "2016-09-12TMO", "START"),
    ],
)
def test_a_hyphenated_early_or_late_season_or_part_of_day(
    text: str, surface: str, value: str, mod: str
) -> None:
    mention = one(text, "2016-09-12", surface)
    assert (mention.value, mention.mod) == (value, mod)


def test_inauguration_day_falls_every_four_years() -> None:
    assert one(
        "Even before Inauguration Day, he hired.", "2016-09-10", "Inauguration Day"
    ).value == ("2017-01-20")
    past = "Protests were held on Inauguration Day."
    assert one(past, "2019-03-01", "Inauguration Day").value == "2017-01-20"
    ahead = "Protests will be held on Inauguration Day."
    assert one(ahead, "2019-03-01", "Inauguration Day").value == "2021-01-20"
    assert one(past, None, "Inauguration Day").value == "XXXX-01-20"


def test_a_unit_repeated_after_itself_is_no_date() -> None:
    dct = "2013-03-08"
    assert find_dates("He can bring that night after night.", dct) == []
    assert [m.text for m in find_dates("That night, after dinner, he left.", dct)] == ["That night"]


def test_a_clock_reads_the_part_of_the_day_named_after_it() -> None:
    dct = "2009-01-14"
    text = "They played basketball until about 5:00 on the night of the shooting."
    assert one(text, dct, "about 5:00").value == "2009-01-14T17:00"
    assert one("The shot came at 9:15 on the night of the party.", dct, "9:15").value == (
        "2009-01-14T21:15"
    )
    assert one("The shop opens at 9:15 on the day of the sale.", dct, "9:15").value == (
        "2009-01-14T09:15"
    )
