"""Plain-English readings of TIMEX3 values, for people rather than scripts.

``reading(type, value, mod)`` turns ``2021-W51`` into "week of Mon 20 Dec 2021", ``P2W`` into
"2 weeks", ``PRESENT_REF`` into "now". The value itself stays the data (JSON, the ledger, notes);
this is only how the detail pane and ``reader dates`` say it. A value this module does not know
is returned as it is, so a reading is never worse than the value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from reader.extract import timex_lexicon as lx
from reader.text.counts import plural

__all__ = ["reading"]

_MONTH_NAMES = [name.capitalize() for name in lx.MONTH_NAMES]
_MONTHS = [name[:3] for name in _MONTH_NAMES]
_WEEKDAY_NAMES = [name.capitalize() for name in lx.WEEKDAY_NAMES]
_WEEKDAYS = [name[:3] for name in _WEEKDAY_NAMES]
# Code -> name; of "fall" and "autumn" (both FA) the later one listed, "autumn", is said.
_SEASONS = {code: name for name, code in lx.SEASONS.items()}
_HALVES = {"1": "first half", "2": "second half"}
_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_UNITS = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "D": "day",
    "Q": "quarter",
    "H": "half-year",
    "E": "decade",
    "C": "century",
    "L": "millennium",
}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_MODS = {
    "APPROX": "about {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
    "START": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "on or before {}",
    "ON_OR_AFTER": "on or after {}",
}

# On a date, "more" and "less" count from the article's date: back ("more than a year ago":
# that year or earlier), or ahead ("more than a year from now": that year or later).
# Mod -> whether it reaches further from the article's date than the value ("more than").
_DATE_MODS = {"MORE_THAN": True, "EQUAL_OR_MORE": True, "LESS_THAN": False, "EQUAL_OR_LESS": False}

_DAY_RE = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)(?:T(.+))?")
_MONTH_RE = re.compile(r"(\d{4})-(\d\d)")
_WEEK_RE = re.compile(r"(\d{4})-W(\d\d?)(-WE)?")
_PART_RE = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_DURATION_RE = re.compile(
    r"P(?:(?:\d+(?:\.\d+)?|X)[YMWDQHECL])*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
)
_AMOUNT_UNIT_RE = re.compile(r"(\d+(?:\.\d+)?|X)([A-Z])")
_CLOCK_RE = re.compile(r"(\d\d):(\d\d)")
_YEARLESS_WEEKDAY_RE = re.compile(r"XXXX-WXX-([1-7])(?:T(\w\w|\d\d:\d\d|24(?::00)?))?")
_YEARLESS_RE = re.compile(r"XXXX-(\d\d|Q[1-4]|H[12]|SP|SU|FA|WI)")


def reading(type_: str, value: str, mod: str | None = None, dct: str | None = None) -> str:
    """How a person would say the TIMEX3 ``value`` of a mention of TIMEX3 ``type_``; ``dct``,
    the article's date the value was counted from, says which way a "more than" points."""
    said = _set(value) if type_ == "SET" else _plain(value)
    if said is None:
        return value
    if type_ in ("DATE", "TIME") and mod in _DATE_MODS:
        # "more than 20 years ago": 1996 or earlier; "more than two years from now": 2018 or later
        ahead = dct is not None and value[:4].isdigit() and value > dct[: len(value)]
        return f"{said} or {'later' if _DATE_MODS[mod] == ahead else 'earlier'}"
    template = _MODS.get(mod or "")
    return template.format(said) if template else said


# Values that keep only their granularity (no article date to count from).
_UNKNOWN = {
    "XXXX-WXX-WE": "a weekend, date unknown",
    "XXXX-WXX": "a week, date unknown",
    "XXXX-XX": "a month, year unknown",
    "XXXX-QX": "a quarter, year unknown",
    "XXXX": "a year, unknown",
    "XXX": "a decade, unknown",
    "XX": "a century, unknown",
}


def _plain(value: str) -> str | None:
    if value in _REFERENCES:
        return _REFERENCES[value]
    if value in _UNKNOWN:
        return _UNKNOWN[value]
    if value.startswith("P"):
        return _duration(value)
    if m := _DAY_RE.fullmatch(value):
        return _day(*m.groups())
    if m := re.fullmatch(r"(\d{4})-WXX", value):
        return f"a week in {m.group(1)}"
    if m := _WEEK_RE.fullmatch(value):
        return _week(int(m.group(1)), int(m.group(2)), weekend=m.group(3) is not None)
    if m := _PART_RE.fullmatch(value):
        year, part = m.groups()
        if part[0] == "Q":
            return f"{part} {year}"
        if part[0] == "H":
            return f"{_HALVES[part[1]]} of {year}"
        return f"{_SEASONS[part]} {year}"
    if yearless := _yearless(value):
        kind, name = yearless
        return f"a {name}, date unknown" if kind == "weekday" else f"{name}, year unknown"
    if m := _MONTH_RE.fullmatch(value):
        month = int(m.group(2))
        return f"{_MONTH_NAMES[month - 1]} {m.group(1)}" if 1 <= month <= 12 else None
    if re.fullmatch(r"\d{4}", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"the {int(value) + 1}{_ordinal_suffix(int(value) + 1)} century"
    return None


def _day(year: str, month: str, day: str, time: str | None) -> str | None:
    if month == "XX":
        if (year, day) != ("XXXX", "XX"):
            return None
        # No article date to count from: "a day", "night" or "15:00", date unknown.
        if time is None:
            return "a day, date unknown"
        said = _time_said(time)
        return f"{said}, date unknown" if said else None
    month_number = int(month)
    if not 1 <= month_number <= 12:
        return None
    if day == "XX":
        said = _MONTH_NAMES[month_number - 1] + ("" if year == "XXXX" else f" {year}")
    elif year == "XXXX":
        said = f"{int(day)} {_MONTH_NAMES[month_number - 1]}, year unknown"
    else:
        try:
            when = date(int(year), month_number, int(day))
        except ValueError:
            return None
        said = _full(when)
    time_said = _time_said(time) if time is not None else None
    return f"{said}, {time_said}" if time_said else said


def _time_said(time: str) -> str | None:
    """A part of day or a clock time as said ("night", "15:00", "midnight" for TimeML's T24)."""
    if time in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[time]
    if time.startswith("24"):
        return "midnight"
    clock = _CLOCK_RE.match(time)
    return clock.group() if clock else None


def _week(year: int, week: int, weekend: bool) -> str | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    if weekend:
        saturday, sunday = monday + timedelta(days=5), monday + timedelta(days=6)
        if saturday.month == sunday.month:
            return f"weekend of {saturday.day}–{_short(sunday)} {sunday.year}"
        return f"weekend of {_short(saturday)}–{_short(sunday)} {sunday.year}"
    return f"week of {_full(monday)}"


def _short(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]}"


def _full(day: date) -> str:
    """ "Mon 10 Jan 2022"."""
    return f"{_WEEKDAYS[day.weekday()]} {_short(day)} {day.year}"


def _duration_parts(value: str) -> list[tuple[str, str]] | None:
    """("2", "year"), ("6", "month") for ``P2Y6M``; None for what is no duration."""
    if _DURATION_RE.fullmatch(value) is None:
        return None
    date_part, _, time_part = value[1:].partition("T")
    parts = [(m[1], _UNITS[m[2]]) for m in _AMOUNT_UNIT_RE.finditer(date_part)]
    parts += [(m[1], _TIME_UNITS[m[2]]) for m in _AMOUNT_UNIT_RE.finditer(time_part)]
    return parts or None


def _duration(value: str) -> str | None:
    parts = _duration_parts(value)
    if parts is None:
        return None
    said = []
    for amount, unit in parts:
        if amount == "X":
            said.append("some " + plural(unit))
        else:
            number = float(amount)
            said.append(f"{number:g} {unit if number == 1 else plural(unit)}")
    return " ".join(said)


def _set(value: str) -> str | None:
    parts = _duration_parts(value)
    if parts is not None:
        if len(parts) != 1:
            return None
        amount, unit = parts[0]
        if amount in ("1", "X"):
            return f"every {unit}"
        return f"every {float(amount):g} {plural(unit)}"
    yearless = _yearless(value)
    return f"every {yearless[1]}" if yearless else None


def _yearless(value: str) -> tuple[str, str] | None:
    """What a value with no year names, and its kind: ("weekday", "Friday night") for
    ``XXXX-WXX-5TNI``, ("month", "July") for ``XXXX-07``, ("part", "summer") for ``XXXX-SU``."""
    if m := _YEARLESS_WEEKDAY_RE.fullmatch(value):
        name = _WEEKDAY_NAMES[int(m.group(1)) - 1]
        time = m.group(2)
        if time is None:
            return "weekday", name
        said = _time_said(time)
        if said is None:
            return None
        # "Friday night", but "Sunday at 08:00" and "Tuesday at midnight"
        return "weekday", f"{name} {said}" if time in _PARTS_OF_DAY else f"{name} at {said}"
    if m := _YEARLESS_RE.fullmatch(value):
        named = m.group(1)
        if named.isdigit():
            month = int(named)
            return ("month", _MONTH_NAMES[month - 1]) if 1 <= month <= 12 else None
        if named[0] == "H":
            return "part", _HALVES[named[1]]
        return "part", _SEASONS.get(named, named)
    return None


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
