"""Plain-English readings of TIMEX3 values (what the detail pane and `reader dates` show)."""

from __future__ import annotations

import pytest

from reader.extract.date_reading import reading
from reader.extract.dates import find_dates


@pytest.mark.parametrize(
    ("type_", "value", "mod", "said"),
    [
        ("DATE", "2022-01-10", None, "Mon 10 Jan 2022"),
        ("DATE", "2021-12-28", None, "Tue 28 Dec 2021"),
        ("DATE", "2021-W51", None, "week of Mon 20 Dec 2021"),
        ("DATE", "2021-W51-WE", None, "weekend of 25–26 Dec 2021"),
        ("DATE", "2022-W13-WE", None, "weekend of 2–3 Apr 2022"),
        ("DATE", "1989-WXX", None, "a week in 1989"),
        ("DATE", "2021-12", None, "December 2021"),
        ("DATE", "2022", "START", "early 2022"),
        ("DATE", "2021-Q3", None, "Q3 2021"),
        ("DATE", "2021-H1", None, "first half of 2021"),
        ("DATE", "2021-SU", None, "summer 2021"),
        ("DATE", "199", None, "the 1990s"),
        ("DATE", "19", None, "the 20th century"),
        ("DATE", "XXXX-01-10", None, "10 January, year unknown"),
        ("DATE", "XXXX-01", None, "January, year unknown"),
        ("DATE", "XXXX-H2", None, "second half, year unknown"),
        ("DATE", "XXXX-WXX-5", None, "a Friday, date unknown"),
        ("TIME", "XXXX-WXX-5TNI", None, "a Friday night, date unknown"),
        ("TIME", "XXXX-WXX-7T08:00", None, "a Sunday at 08:00, date unknown"),
        ("DATE", "XXXX-XX-XX", None, "a day, date unknown"),
        ("DATE", "XXXX-WXX", None, "a week, date unknown"),
        ("TIME", "XXXX-XX-XXT15:00", None, "15:00, date unknown"),
        ("TIME", "XXXX-XX-XXTNI", None, "night, date unknown"),
        ("DATE", "PRESENT_REF", None, "now"),
        ("TIME", "2021-12-27TEV", None, "Mon 27 Dec 2021, evening"),
        ("TIME", "2021-12-27T15:30", None, "Mon 27 Dec 2021, 15:30"),
        ("TIME", "2021-12-24T24", None, "Fri 24 Dec 2021, midnight"),  # TimeML's midnight
        ("DURATION", "P2W", None, "2 weeks"),
        ("DURATION", "P1D", None, "1 day"),
        ("DURATION", "P2.5Y", None, "2.5 years"),
        ("DURATION", "PXY", None, "some years"),
        ("DURATION", "P2Y6M", None, "2 years 6 months"),
        ("DURATION", "PT1M30S", None, "1 minute 30 seconds"),
        ("DURATION", "P10Y", "APPROX", "about 10 years"),
        ("DURATION", "P2W", "LESS_THAN", "less than 2 weeks"),
        ("SET", "P1W", None, "every week"),
        ("SET", "XXXX-WXX-1", None, "every Monday"),
        ("SET", "XXXX-07", None, "every July"),
    ],
)
def test_reading(type_: str, value: str, mod: str | None, said: str) -> None:
    assert reading(type_, value, mod) == said


@pytest.mark.parametrize("value", ["2021-13", "2021-02-30", "2021-W60", "P1.5.5Y", "P", "x", ""])
def test_a_value_it_cannot_read_is_shown_as_it_is(value: str) -> None:
    assert reading("DATE", value) == value


def test_every_value_found_in_news_text_reads_as_words() -> None:
    text = (
        "The talks open on Monday, January 10, the White House said last week. A deal may "
        "take two weeks, or 2 1/2 years, officials said on Tuesday evening. Since the 1990s "
        "prices have risen every year; this summer and in the third quarter they fell."
    )
    mentions = find_dates(text, "2021-12-29")
    assert len(mentions) >= 8
    for mention in mentions:
        assert reading(mention.type, mention.value, mention.mod) != mention.value, mention


def test_a_modified_date_reads_as_a_bound() -> None:
    (mention,) = find_dates("Mexico signed the deal more than 20 years ago.", "2016-09-28")
    assert reading(mention.type, mention.value, mention.mod) == "1996 or earlier"
    # Counted ahead from the article's date, "more than" points the other way.
    (mention,) = find_dates("The ban ends more than two years from now.", "2016-09-28")
    assert reading(mention.type, mention.value, mention.mod, "2016-09-28") == "2018 or later"
    (mention,) = find_dates("It began less than a year ago.", "2016-09-28")
    assert reading(mention.type, mention.value, mention.mod, "2016-09-28") == "2015 or later"
