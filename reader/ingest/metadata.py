"""Title, outlet and publication date: from headers, bylines, credits and datelines."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from reader.extract.timex_lexicon import MONTHS

_MONTH_WORD = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_DIGITS, _ORDINAL = r"[0-3]?\d", r"(?:st|nd|rd|th)?"
_DAY_NUMBER = _DAY_DIGITS + _ORDINAL
_MONTH = rf"(?P<month>{_MONTH_WORD})"
_DAY = rf"(?P<day>{_DAY_DIGITS}){_ORDINAL}"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:[\s,;@|-]+(?:at\s+)?\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"

_DATE_FORMS = [
    re.compile(
        r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    ),
    re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + _TIME, re.I),
    re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + _TIME, re.I),
    re.compile(r"(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)"),
]


def parse_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` for a date written in any common way, else None.

    Accepts ISO dates and timestamps, "December 15th, 2008", "15 Dec 2008", "Wed, 29 Dec 2021
    10:00:00 GMT" and Unix timestamps (records from scrapers often carry those).
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for form in _DATE_FORMS:
        m = form.search(text)
        if m:
            return _iso(m.group("year"), m.group("month"), m.group("day"))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _iso(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return dt.date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


# A line that is only a date (with an optional label such as "Published:"), as scraped pages
# put under the headline, or the ``date YYYY-MM-DD`` header some collections add.
_DATE_LINE = re.compile(
    r"^\s*(?:(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated)\s*:?\s*)?"
    r"(?P<date>.{6,60}?)\s*$",
    re.I,
)


# "APR 28", "Tuesday, April 28": a header's date without its year (no article date can be had
# from it, but it is no headline and no part of the story either).
_YEARLESS_DATE = re.compile(
    rf"{_WEEKDAY}(?:{_MONTH_WORD}\s+{_DAY_NUMBER}|{_DAY_NUMBER}\s+(?:of\s+)?{_MONTH_WORD}){_TIME}",
    re.I,
)


def _date_part(line: str, longest: int) -> str | None:
    """The date part of a line no longer than ``longest`` that holds nothing else but a label
    such as "Updated:" (``_DATE_LINE``), stripped of the punctuation around it."""
    m = _DATE_LINE.match(line)
    if m is None or len(line) > longest:
        return None
    return m.group("date").strip(" .,|")


def yearless_date_line(line: str) -> bool:
    """Whether a line holds nothing but a month and day (and maybe a weekday, a time and a
    label, as ``date_line`` allows)."""
    part = _date_part(line, 60)
    return part is not None and _YEARLESS_DATE.fullmatch(part) is not None


def date_line(line: str) -> str | None:
    """The ISO date of a line that holds nothing but a date, else None."""
    part = _date_part(line, 80)
    if part is None:
        return None
    for form in _DATE_FORMS:
        found = form.fullmatch(part)
        if found:
            return _iso(found.group("year"), found.group("month"), found.group("day"))
    return None


# Outlets named by wire-service codes in datelines and credits.
AGENCIES = {
    "AP": "The Associated Press",
    "AFP": "Agence France-Presse",
    "Reuters": "Reuters",
    "UPI": "United Press International",
    "dpa": "dpa",
    "Xinhua": "Xinhua",
    "TASS": "TASS",
    "CNN": "CNN",
    "BBC": "BBC",
}
_AGENCY_NAMES = "|".join(sorted(AGENCIES, key=len, reverse=True))

_OUTLET_PATTERNS = [
    # "This article was originally published by Radio Free Europe/Radio Liberty and is reprinted ..."
    re.compile(
        r"(?:originally\s+(?:published|appeared)\s+(?:by|in|on)|republished\s+(?:from|with\s+permission\s+of)|"
        r"reprinted\s+(?:from|with\s+permission\s+(?:of|from)))\s+(?:the\s+website\s+of\s+)?"
        r"(?P<outlet>[A-Z][\w&'./-]*(?:[ /-][A-Z&][\w&'./-]*)*)",
    ),
    # "Copyright 2021 The Associated Press. All rights reserved."
    re.compile(
        r"(?:copyright|\(c\)|©)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<outlet>[A-Z][^.,;\n]{1,60}?)(?:\.|,|;|$)",
        re.I | re.M,
    ),
    # "Source: Reuters", "Credit: AFP"
    re.compile(r"^\s*(?:source|credit|via)\s*:\s*(?P<outlet>[^\n]{2,60}?)\s*$", re.I | re.M),
]
# "WILMINGTON, Delaware (AP) –"; "MOSCOW, Dec 28 (Reuters) -"
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][A-Za-z .,'-]{1,60}\((?P<agency>" + _AGENCY_NAMES + r")\)\s*[-–—:]", re.M
)
# "By Jane Doe, Reuters" / "By JANE DOE Associated Press"
_BYLINE = re.compile(
    r"^\s*By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*(?:,|\||-|–|—)?\s*(?P<outlet>"
    + _AGENCY_NAMES
    + r"|The Associated Press|Associated Press)\s*$",
    re.M,
)
# Agencies name themselves as the party told ("told AFP on Monday"): weakest signal.
_TOLD_AGENCY = re.compile(r"\btold (?P<agency>AFP|Reuters)\b")


def find_outlet(head: str, boilerplate: list[str]) -> str | None:
    """The outlet named by credits, copyright notices, bylines or datelines, else None.

    ``head`` is the start of the body (where datelines and bylines are); ``boilerplate`` the lines
    set aside (where reprint and copyright notices are).
    """
    for line in boilerplate:
        for pattern in _OUTLET_PATTERNS:
            m = pattern.search(line)
            if m:
                outlet = _tidy_outlet(m.group("outlet"))
                if outlet:
                    return outlet
    m = _DATELINE_AGENCY.search(head)
    if m:
        return AGENCIES[m.group("agency")]
    m = _BYLINE.search(head)
    if m:
        name = m.group("outlet")
        return AGENCIES.get(name, "The Associated Press" if "Associated" in name else name)
    m = _TOLD_AGENCY.search(head)
    if m:
        return AGENCIES[m.group("agency")]
    return None


def _tidy_outlet(raw: str) -> str | None:
    outlet = re.sub(r"\s+(?:and|is|was|with|all)\b.*$", "", raw.strip(), flags=re.I).strip(" .,;:")
    if not outlet or outlet.lower() in {"all rights reserved", "the author", "the authors"}:
        return None
    return AGENCIES.get(outlet, outlet)


# Section suffixes sites append to headlines: "Headline | Politics", "Headline - The Site".
_TITLE_SUFFIX = re.compile(r"\s+[|–—]\s+[^|–—]{1,40}$")


def clean_title(title: str) -> str:
    return _TITLE_SUFFIX.sub("", title.strip()).strip()


def looks_like_title(line: str, next_is_break: bool) -> bool:
    """Whether a document's first line is a headline rather than the lede.

    Headlines are short and do not end like a sentence; a lede is a full sentence. A short
    line with no closing punctuation followed by a paragraph break is a headline.
    """
    text = line.strip()
    if not text or len(text) > 200:
        return False
    word_count = len(text.split())
    if word_count > 25:
        return False
    capitalised = sum(1 for w in text.split() if w[:1].isupper()) / word_count
    if text[-1] in "!?":
        # "Obama Administration Restores Protections!": a headline in title case may exclaim or
        # ask; a sentence that does so is written in sentence case.
        return word_count >= 3 and capitalised >= 0.6
    if text[-1] in ".:;,\"”'’" and not text.endswith(("...", "…")):
        return False
    if word_count < 2 and not next_is_break:
        return False
    # A headline either stands alone before a paragraph break or is clearly capitalised.
    return next_is_break or capitalised >= 0.5
