"""Temporal expressions: find them in article text and normalise them to TimeML TIMEX3 values.

``find_dates(text, dct)`` looks for trigger words first (``_TRIGGER``: months, weekdays, units,
digits...), matches the grammar (``_GRAMMAR``, built from the pieces in ``timex_lexicon``) only
where one stands, and normalises the matches; a few handlers match a part of a mention again
(a clock's day, "the day after X", "the weekend of").
Relative expressions ("Tuesday", "next month", "a year ago") are resolved against ``dct``, the
article's date; "the following day", "a year earlier" and "the quarter" are resolved against the
last date the text itself mentioned (TimeML's reference time), falling back to ``dct``.

Conventions (decided here, relied on by the cross-version ledger):
- "January 9 and 10" gives two mentions: "January 9" (``2022-01-09``) and "10" (``2022-01-10``),
  so the ledger can see that one version names the 9th and the 10th and another only the 10th.
  The same holds for "Jan. 9-10" and "April 24 or 25".
- ``resolved`` is True when the value is a concrete calendar value with no unknown digits
  (``2022-01-10``, ``2021-W51``, ``2021-12``, ``2021``, ``2021-Q3``, ``2021-12-27TEV``); it is
  False for durations, sets, ``PRESENT_REF``-style references and partly unknown values
  (``XXXX-01-10``). Without an article date nothing relative is resolved.
- Where the TimeML-annotated news we measure on disagrees with itself, the value its annotators
  write most often wins (counted over TimeBank and AQUAINT together); the TimeML guidelines only
  break ties: ISO weeks zero-padded (``1998-W08``: padded 7 vs unpadded 6); "this/last/next week"
  as ``1998-W09`` 23 vs ``1998-WXX`` 18 (WXX only in TimeBank, mostly 1989 WSJ); bare years
  ``1968`` 100 vs ``1968-XX`` 12; decades ``199`` 5 (5 documents) vs ``199X`` 4 (2 documents);
  "a decade ago" ``1989`` 13 vs ``1989-XX`` 4. "<weekday> night" and "<weekday> morning" are the bare day (``1998-10-23``, type DATE): night 10 bare (5 of them tag
  only the weekday) vs ``TNI`` 6 vs ``TEV`` 3, morning 5 bare vs ``TMO`` 3; "Monday evening"
  keeps ``TEV`` (4 of 4), "this morning" / "last night" keep their part of day (3 of 3), and a
  plural part of day ("Tuesday nights") is a SET. "The week" alone is ``1989-WXX`` (4 of 5) and
  "this century" is ``P100Y`` (2 of 2).
- "Three days later" is a DURATION over "Three days" (``P3D``), "later" being its signal (3 of 3
  tagged); "three days ago" and "a year earlier" are dates counted back from the article date or
  the reference time.
- Words the annotated news tags less than ~40% of the time are left out, since each such
  prediction costs more than it earns: bare "recent", "the foreseeable future", rates after an
  amount ("$5 million a year": 2 of 8), "today's world", "the day before <clause>".
- A year missing from "January 10" is inferred as the nearest such date to the article date,
  moved to the future or past when the sentence has a cheap tense cue ("will", "next", "last",
  "was"...). A bare weekday is the last such day on or before the article date unless the
  clause holding it looks ahead. The clause is read the way a careful reader would: the verb
  right before the date ("said Tuesday"), then a verb right after it ("on Sunday issued", "for
  Saturday was canceled"), then the nearest cue in the date's own clause, then, when the date
  opens its clause ("On Tuesday, the league plans to"), the clause's verb after it. "Until"
  looks ahead except before a pluperfect ("Until Thursday, they had not") or after an activity
  that lasted ("kept going until 2 a.m. Friday"); plans look ahead even in the past tense
  ("planned a march on Saturday"); so do an open condition ("if she wins in November"), a
  present copula or passive ("The vote is Friday", "the appeal is heard in March") and the
  news present of a scheduled event ("Arafat meets Albright Monday").
- "daily"/"weekly" naming a newspaper ("the Communist Party daily Granma", "the weekly said") is
  not tagged, although AQUAINT's annotators tag it 3 times in 5: a reader is never helped by a
  newspaper listed among the dates.
- Sentence-opening "Now," and "Currently," are discourse markers, never tagged in the
  annotated news (0 of 5); "now" elsewhere is tagged 60 times in 85 and kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from reader.extract import timex_lexicon as lx
from reader.text.sentences import ABBREVIATIONS, TITLE_ABBREVIATIONS

__all__ = ["DateMention", "find_dates", "sort_key"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """One temporal expression: its span in the text and its TIMEX3 normalisation."""

    start: int
    end: int
    text: str
    type: str
    """DATE | TIME | DURATION | SET (TIMEX3 types)."""
    value: str
    """TIMEX3 value: 2022-01-10, 2021-W51, 2021-12, 2021-Q3, P2W, PRESENT_REF, XXXX-01-10 ..."""
    resolved: bool
    """True when the value is a concrete calendar value (see the module docstring)."""
    mod: str | None = None
    """TimeML mod: START, MID, END, APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, ..."""


# --------------------------------------------------------------------------- grammar

_M, _WD, _D, _Y = lx.MONTH, lx.WEEKDAY, lx.DAY, lx.YEAR
_NUM, _UNIT, _POD = lx.NUMBER, lx.UNIT, lx.PART_OF_DAY
_PM, _APPROX, _CLOCK = lx.POINT_MOD, lx.APPROX, lx.CLOCK
_PMS = rf"(?:mid-|{_PM}\s+)"  # a point modifier and its separator ("mid-November", "early 2022")
_YEAR_ANY = rf"(?:{_Y}|{lx.SPELLED_YEAR})"
_RELYEAR = r"(?:this|last|next)\s+year"
_DAY_PAIRING = lx.DAY_PAIRING
_DAY_TAIL = rf"(?:{_DAY_PAIRING}{_D})?"
_MONTH_DAY = (
    rf"(?:{_M}\s*{_D}{_DAY_TAIL}(?:,?\s+{_YEAR_ANY}|\s+(?:of\s+)?{_RELYEAR})?"
    # Day first, alone or as the end of a pair or range ("10 and 12 November", "10-12 March").
    rf"|(?:the\s+)?(?:{_D}{_DAY_PAIRING})?{_D}(?:\s+of)?\s+{_M}(?:,?\s+{_YEAR_ANY})?"
    rf"|{_M}\s+(?:the\s+)?{lx.DAY_WORD}(?:,?\s+{_YEAR_ANY})?"
    rf"|the\s+{lx.DAY_WORD}\s+of\s+{_M}(?:,?\s+{_YEAR_ANY})?)"
)
_QPRE = (
    rf"(?:{_Y}|(?:this|last|next)\s+year's|its|their|the\s+company's|year-ago|year-earlier"
    r"|comparable|corresponding|same|fiscal|calendar|latest|current|recent|previous|prior|flat)"
)
_ORDQ = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)"
# "Christmas trees", "Easter eggs", "Christmas Island": a holiday's things and places are no date.
_HOLIDAY_THINGS = (
    r"(?:trees?|lights?|cards?|decorations?|carols?|songs?|ornaments?|gifts?|presents?|eggs?"
    r"|markets?|movies?|films?|specials?|sweaters?|cakes?|puddings?|island|rising)(?![\w-])"
)
_REL_UNIT_WORD = (
    r"(?:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter"
    r"|fiscal\s+year)(?![\w-])"
)

# Alternatives are tried in this order at each position: longer, more specific shapes first.
_GRAMMAR = [
    (
        "numeric",
        r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
        r"|(?<![\d/])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:19|20)?\d\d(?![\d/])"
        # day first, where the day shows it ("21/03/2013"); "03/04/2013" stays month first
        r"|(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])",
    ),
    (
        "clock_date",
        rf"{_CLOCK}(?:,?\s+(?:on\s+)?(?:{_WD}(?:,?\s+{_MONTH_DAY})?|{_MONTH_DAY}"
        r"|yesterday|today|tomorrow|tonight|(?:this|last)\s+(?:morning|afternoon|evening|night)))?"
        r"(?:\s+(?:in\s+the\s+)?" + _POD + ")?",
    ),
    (
        "date",
        rf"(?:the\s+week\s+of\s+|{_PMS}|(?:last|next|this)\s+)?(?:{_WD},?\s+)?{_MONTH_DAY}",
    ),
    ("monthyear", rf"{_PMS}?(?:the\s+)?{_M}(?:\s+of|,)?\s+(?:{_YEAR_ANY}|{_RELYEAR})"),
    (
        "holiday",
        # Atomic, so "Christmas Eve lights" cannot fall back to "Christmas" before "Eve".
        rf"(?:(?:last|next|this|on)\s+)?(?>{lx.HOLIDAY}(?:,?\s+{_Y})?)(?!\s+{_HOLIDAY_THINGS})",
    ),
    (
        "ago",
        rf"(?:{_APPROX}\s+)?(?:{_NUM}(?:\s+(?:or|to)\s+{_NUM})?\s+(?:more\s+)?{_UNIT}"
        rf"|{lx.PLURAL_UNIT})(?:\s+or\s+so)?\s+(?:ago|earlier|later|from\s+now|hence|back)"
        r"(?![\w-])",
    ),
    (
        "quarter",
        rf"(?:the\s+)?(?:{_QPRE}[\s-]+){{0,3}}{_ORDQ}[\s-]+(?:fiscal[\s-]+)?"
        rf"(?:quarter|half|period)s?(?:\s+of\s+(?:fiscal\s+)?(?:{_Y}|{_RELYEAR}|the\s+year))?(?![\w-])"
        rf"|(?:the\s+)?(?:{_QPRE}[\s-]+){{1,3}}(?:fiscal\s+)?(?:quarter|period)(?:\s+a\s+year\s+(?:ago|earlier)|\s+(?:of\s+)?(?:last|this|next)\s+year)?(?![\w-])"
        rf"|(?:the|that)\s+quarter(?:\s+a\s+year\s+(?:ago|earlier))?(?![\w-])",
    ),
    (
        "anaphor",
        r"(?:the\s+)?day\s+before\s+(?:yesterday|last\s+" + _WD + ")|"
        r"(?:(?:earlier|later|early|late)\s+(?:on\s+)?)?(?:that|the\s+same|the\s+following"
        r"|the\s+next|the\s+previous|the\s+preceding|the\s+prior)\s+(?:day|morning|afternoon|evening"
        r"|night|week|weekend|month|year)(?![\w-])"
        # "the day after Christmas": counted from the date named, as one expression
        rf"|the\s+day\s+(?:before|after)\s+(?:{lx.HOLIDAY}(?:,?\s+{_Y})?|{_MONTH_DAY}|{_WD})(?![\w-])"
        r"|the\s+day\s+(?:before|after)(?:\s+yesterday|\s+tomorrow)?(?![\w-])",
    ),
    (
        "weekday",
        rf"(?:mid-|(?:{_PM}|last|next|this|this\s+coming|this\s+past|the\s+previous|the\s+following"
        rf"|the\s+next|coming|each|every)\s+)?{_WD}(?:'s)?(?![\w-])(?:\s+{_POD}|\s+at\s+{_CLOCK})?",
    ),
    (
        "relday",
        rf"{_PMS}?(?:yesterday|today|tomorrow|tonight)(?![\w-])(?:\s+{_POD})?"
        rf"|{_PMS}?(?:this|last|tomorrow|yesterday)\s+{_POD}"
        rf"|(?:mid|early|late)-?\s*(?:morning|afternoon|evening)(?:\s+(?:yesterday|today|tomorrow))?(?![\w-])",
    ),
    (
        "duration",
        # "Over the past few days": before "the", "over" is a preposition, not a modifier.
        rf"(?:{_APPROX}\s+(?![Tt]he\s))?(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following"
        r"|final|latest|remaining|initial|ensuing|last\s+few|past\s+few|next\s+few)\s+)?(?:"
        + _APPROX
        + r"\s+)?"
        + rf"{_NUM}(?:\s*(?:to|or|-)\s*{_NUM}|-plus)?\s+(?:more\s+|additional\s+|full\s+|"
        rf"straight\s+|consecutive\s+|long\s+|single\s+|extra\s+|whole\s+|entire\s+)?{_UNIT}(?:\s+and\s+a\s+half|\s+or\s+(?:so|more|two|longer))?"
        rf"|(?:{_APPROX}\s+)?(?<![\w-])(?:\d+(?:\.\d+)?|{lx.NUMBER_WORD}|several|few|multi|many)-{_UNIT}(?:-(?:old|long))?"
        rf"|(?<![\w-])(?:(?:hour|day|week|month|year)-?long|(?:hours?|days|decades?|years|months"
        r"|weeks)-long)(?![\w-])"
        rf"|(?:{_APPROX}\s+(?![Tt]he\s))?(?:the\s+)?(?:past|last|next|coming|recent|previous|following|ensuing)\s+"
        rf"(?:few\s+|several\s+|many\s+)?{lx.PLURAL_UNIT}"
        r"|(?:the\s+)?(?:past|last)\s+(?:decade|century)(?![\w-])"
        r"|(?<=for\s)(?:years|months|weeks|decades|days|centuries)(?![\w-])"
        # "after weeks of talks", "weeks or months of his capture": vague amounts of time
        r"|(?<!the\s)(?<!of\s)(?<![\w-])(?:weeks|months|years|decades)"
        r"(?:\s+or\s+(?:weeks|months|years|decades))?(?=\s+of\s)"
        # "for the first time in years", "in the weeks ahead"
        r"|(?<=time\sin\s)(?:years|months|weeks|decades|days)(?![\w-])"
        r"|the\s+(?:days|weeks|months|years)\s+ahead(?![\w-])",
    ),
    (
        "year",
        rf"{_PMS}?(?:(?:the\s+)?(?:fiscal|calendar|model)(?:\s+year)?\s+|the\s+year\s+|"
        rf"post-|pre-|FY\s*)?(?:{_Y}|{lx.SPELLED_YEAR}(?![\w-]))(?:\s+(?:and\s+beyond|or\s+later|or\s+earlier"
        r"|and\s+later|onward|onwards))?",
    ),
    ("yearago", r"year-(?:ago|earlier)(?![\w-])"),
    # Financial shorthand: "Q3", "Q3 2012", "Q4'12", "H1 2013", "FY2013".
    (
        "shorthand",
        r"(?:Q[1-4]|H[12](?=\s*(?:FY\s*)?(?:'\d\d|(?:19|20)\d\d)(?!\d)))"
        r"(?:\s*(?:FY\s*)?(?:'\d\d|(?:19|20)\d\d)(?!\d))?(?![\w-])|FY\s*'?(?:(?:19|20)\d\d|\d\d)(?![\w-])",
    ),
    (
        "relunit",
        rf"(?:{_PM}\s+(?:in\s+)?)?(?:this|last|next|the\s+past|the\s+last|the\s+previous"
        r"|the\s+coming|the\s+current|the\s+next|this\s+past|this\s+coming|the\s+latest"
        r"|the\s+current\s+fiscal|the\s+fiscal|the|this\s+fiscal|last\s+fiscal|next\s+fiscal"
        r"|the\s+full)\s+" + _REL_UNIT_WORD + r"(?!\s+of\s+(?:\d|nineteen|two\s+thousand))(?:'s)?"
        r"|(?:by\s+)?year(?:'s)?[\s-]end(?![\w-])",
    ),
    (
        "decade",
        # "the 90s", "the mid-90s": two digits only after "the" (an age is "his 90s")
        # (Curly apostrophes are straightened before matching: "the 1980’s", "the ’90s".)
        rf"the\s+(?:{_PM}\s*)?(?<![\w$'])[1-9]0'?s(?![\w'])"
        rf"|(?:the\s+)?(?:{_PM}\s*)?(?:(?<![\w$])1[0-9]{{2}}0'?s|(?<![\w$])20[0-9]0'?s"
        r"|'[0-9]0s"
        r"|(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
    ),
    (
        "century",
        rf"(?:the\s+)?{_PMS}?(?:\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth"
        r"|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
        r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|this|last|next)"
        r"[\s-]+century(?![\w-])",
    ),
    (
        "set",
        rf"(?:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|every\s+other\s+(?:day|week|month|year)"
        rf"|(?:every|each|per)\s+(?:{_NUM}\s+)?(?:{_UNIT}|{_WD}|{_M}|{lx.SEASON}|{_POD})"
        r"|(?:once|twice|three\s+times|four\s+times)\s+(?:a|an|per)\s+(?:day|week|month|year|quarter|decade)"
        rf"|{_WD}s(?:\s+{_POD})?)(?![\w-])",
    ),
    (
        "ref",
        r"(?:right\s+)?now(?![\w-])|currently|(?:more\s+|most\s+|until\s+)?recently|recent(?![\w-])"
        r"|lately|these\s+days|nowadays|at\s+present|presently|the\s+present(?!\s+(?:case|study|report))"
        r"|the\s+(?:near\s+|distant\s+|foreseeable\s+)?future(?![\w-])|the\s+past(?![\w-])"
        # "the past nine elections" counts things, not time.
        rf"(?!\s+(?:\d|{lx.NUMBER_WORD}(?![\w-])|few|several|couple|many))"
        r"|formerly|the\s+near\s+term|the\s+short\s+term|as\s+soon\s+as\s+possible|current(?![\w-])",
    ),
    (
        "month",
        rf"(?:mid-|(?:{_PM}|last|next|this|this\s+past|this\s+coming)\s+)?(?:the\s+month\s+of\s+)?{_M}",
    ),
    (
        "season",
        rf"(?:(?:{_PM}|last|next|this|this\s+past|this\s+coming|the|during\s+the|in\s+the)\s+"
        rf"|(?:early|late|mid)-)(?:{lx.SEASON})(?:\s+of\s+{_YEAR_ANY}|\s+{_Y})?|(?:spring|summer|autumn|winter)(?:\s+of)?\s+{_Y}",
    ),
    ("clock", _CLOCK),
]

# A word's start; an apostrophe counts as inside a word only after a letter ("'last week").
_WORD_START = r"(?<!\w)(?<!\w')"
_KINDS = tuple(name for name, _ in _GRAMMAR)
_PATTERN = re.compile(
    _WORD_START + r"(?:" + "|".join(f"(?P<{name}>{rx})" for name, rx in _GRAMMAR) + r")",
    re.IGNORECASE,
)


# Every expression the grammar accepts contains one of these "trigger" tokens. Scanning for them
# is much cheaper than trying the whole grammar at every word, so the grammar only runs at triggers.
_TRIGGER_PREFIXES = [
    *lx.WEEKDAY_NAMES,
    # "may" is a whole-word trigger below: as a prefix it would fire on "maybe", "mayor"
    *(name for name in lx.MONTH_NAMES if name != "may"),
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
    "millenni",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "overnight",
    "noon",
    "midnight",
    "midday",
    "christmas",
    "thanksgiving",
    "easter",
    "halloween",
    "valentine",
    "election",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "nineteen",
    "thousand",
    "annually",
    "hourly",
    "daily",
    "biweekly",
    "quarterly",
]
_TRIGGER_WORDS = [
    "now",
    "current",
    "currently",
    "recent",
    "recently",
    "lately",
    "nowadays",
    "present",
    "presently",
    "future",
    "past",
    "term",
    "soon",
    "previously",
    "formerly",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "half",
    "period",
    "may",
    "labor",
    "memorial",
    "inauguration",
    "independence",
    "boxing",
    "bastille",
    "patrick's",
    "veterans",
]
_TRIGGER = re.compile(
    _WORD_START
    + r"(?:"
    + lx.trie_alternation(_TRIGGER_PREFIXES)
    + "|(?:"
    + lx.trie_alternation(_TRIGGER_WORDS)
    + r")(?![\w'])"
    + "|(?:"
    + "|".join(w for w in lx.MONTHS if w not in lx.MONTH_NAMES)
    + r")(?:\.|\s*\d)"
    r"|(?:1[6-9]|20)\d\d(?!\d)|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d\d|q[1-4](?![\w-])|h[12]\s*'?\d|fy\s*'?\d"
    r"|\d{1,2}(?:[:.]\d\d)?\s*[ap](?:\.\s?)?m(?![a-z])|\d{1,2}:\d\d(?!\d)"
    rf"|(?:\d{{1,2}}\.\d\d|[012]\d{{3}})\s*(?:{lx.ZONE_LOWER})"
    r"|\d{1,2}\s+o'clock|\d0'?s(?![\w'])|'\d0s)"
)
# Case-sensitive matching over lower-cased text is several times faster than IGNORECASE in `re`
# (its branch prefilter only works on plain literals); the IGNORECASE twin serves texts whose
# lower-casing changes their length (offsets would no longer line up).
_TRIGGER_ANY_CASE = re.compile(_TRIGGER.pattern, re.IGNORECASE)
# Words that may come before an expression's first trigger ("the past two", "about 5 1/2",
# "early", "the fiscal first"), read backwards from the trigger with one reversed match.
_LEFT_WORDS = [
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "the",
    "a",
    "an",
    "this",
    "that",
    "last",
    "next",
    "past",
    "previous",
    "following",
    "coming",
    "current",
    "latest",
    "early",
    "earlier",
    "late",
    "later",
    "mid",
    "middle",
    "end",
    "beginning",
    "start",
    "of",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "half",
    "around",
    "about",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "more",
    "than",
    "less",
    "fewer",
    "under",
    "at",
    "least",
    "most",
    "up",
    "to",
    "no",
    "not",
    "within",
    "just",
    "well",
    "barely",
    "only",
    "fiscal",
    "calendar",
    "comparable",
    "corresponding",
    "same",
    "its",
    "their",
    "company's",
    "recent",
    "prior",
    "flat",
    "few",
    "several",
    "couple",
    "number",
    "numerous",
    "many",
    "dozen",
    "and",
    "or",
    "each",
    "every",
    "per",
    "once",
    "twice",
    "times",
    "right",
    "until",
    "in",
    "on",
    "by",
    "during",
    "additional",
    "single",
    "extra",
    "whole",
    "entire",
    "plus",  # "15-plus years"
    "full",
    "straight",
    "consecutive",
    "long",
    "trading",
    "business",
    "working",
    "school",
    "post",
    "pre",
    "fy",
    "ensuing",
    "remaining",
    "initial",
    "latter",
    "hundred",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "near",
    "short",
    "long",
    "distant",
    "foreseeable",
    "these",
    "as",
    "st.",  # "St. Patrick's Day"
    "new",  # "New Year's Day", however the two words are spaced
    "good",  # "Good Friday"
    "black",  # "Black Friday"
    "cyber",  # "Cyber Monday"
    "through",  # "10 through 12 November"
]
_LEFT_REVERSED = re.compile(
    r"(?:[\s,\-–]+(?:"
    + lx.trie_alternation([w[::-1] for w in _LEFT_WORDS])
    # A word's start, read backwards: as (?<!\w)(?<!\w') reads it forwards, an opening quote
    # before it ("'last week") is no apostrophe inside a word.
    + r"|(?:ts|dn|dr|ht)?\d+(?:[/.,]\d+)*)(?!\w)(?!'\w))+",
    re.IGNORECASE,
)
# Word starts where an expression may begin (connectives only ever sit inside one).
_CANDIDATE_START = re.compile(
    _WORD_START
    + r"(?!(?:of|and|or|than|to|in|on|during|least|most|times|number|up)(?![\w']))[\w']",
    re.IGNORECASE,
)

# Small helpers used while normalising one match.
_MONTH_RE = re.compile(lx.MONTH, re.I)
_LAST_AS_VERB = re.compile(
    rf"(?:\b{lx.alternation(lx.MODALS | {'to', 'did', 'does', 'do', 'not'})}|n't|'ll)\s+$", re.I
)
_PAIRING = r"(?:and|or|to|through|till|until|-|–)"
# A month right before a pairing word: what makes the next month ("... and May") a month.
_AFTER_MONTH = re.compile(rf"(?i:{lx.MONTH})\s*{_PAIRING}\s*$")
# "to May 2013" after a bare month: the year both months share.
_RANGE_END_YEAR = re.compile(
    rf"\s*{_PAIRING}\s*(?:early\s+|mid-?|late\s+)?(?i:{lx.MONTH}),?\s+((?:1[6-9]|20)\d\d)(?!\d)"
)
# The end of a period ("the 12 months to May", "sales this year through August"): the month is
# where a span ends, not a deadline ahead.
_PERIOD_END = re.compile(
    r"\b(?:months?|weeks?|year|quarter|period)\s+(?:to|through|until|till)\s+$", re.I
)
_UNIT_AFTER_UNIT = re.compile(r"\s+after\s+(day|night|week|month|year)\b", re.I)
_OF_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b", re.I)
_PREPOSITION_TENSE = {
    "since": "past",
    "until": "future",
    "till": "future",
    "by": "future",
    "through": "future",
}
_WEEKDAY_RE = re.compile(lx.WEEKDAY, re.I)
_AFTER_WEEKDAY = re.compile(rf"(?i:{lx.WEEKDAY})\s*{_PAIRING}\s*(?:(?:early|late)\s+)?$")
_YEAR_RE = re.compile(lx.YEAR)
_SPELLED_YEAR_RE = re.compile(lx.SPELLED_YEAR, re.I)
_DAY_RE = re.compile(r"(?<![\d$])(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])")
_POD_RE = re.compile(lx.PART_OF_DAY, re.I)
_DAY_WORD_RE = re.compile(lx.DAY_WORD, re.I)


def _ordinal_day(word: str) -> int:
    """1-31 for a spelled ordinal ("nineteenth", "twenty-second"), 0 when it is none."""
    parts = re.split(r"[-\s]+", word.lower())
    tens = {"twenty": 20, "thirty": 30}.get(parts[0], 0) if len(parts) == 2 else 0
    unit = lx.ORDINALS.get(parts[-1], 30 if parts[-1] == "thirtieth" else 0)
    return tens + unit if 1 <= tens + unit <= 31 else 0


_UNIT_RE = re.compile(
    r"(second|sec|minute|min|hour|day|night|weekend|week|fortnight|month|quarter|year|decade"
    r"|centur|millenni)",
    re.I,
)
_NUM_RE = re.compile(lx.NUMBER, re.I)
# What ``_UNIT_RE`` matches of a word, for the words it matches only the start of.
_UNIT_NAMES = {"centur": "century", "millenni": "millennium", "sec": "second", "min": "minute"}


def _unit_name(match: re.Match[str]) -> str:
    """The unit a ``_UNIT_RE`` match names ("centur" of "centuries" is "century")."""
    stem = match[1].lower()
    return _UNIT_NAMES.get(stem, stem)


_CLOCK_RE = re.compile(
    r"(?:(\d{1,2})(?:[:.](\d\d))?\s*([ap])(?:\.\s?)?m\.?|(\d{1,2})[:.](\d\d)|(\d{1,2})\s+o'clock|(noon|midday|midnight)"
    rf"|([01]\d|2[0-3])([0-5]\d)(?=\s*{lx.ZONE}|\s+hours))",
    re.I,
)
# Tense cues, matched case-sensitively on lower-cased snippets (much faster than IGNORECASE).
# Modals and plans: what looks ahead wherever it stands in the clause.
_MODAL_AHEAD = r"will|won't|'ll|shall|going\s+to|plans?\s+to|scheduled|slated|set\s+to"
_FUTURE_WORDS = (
    rf"{_MODAL_AHEAD}|would|expects?|expected|upcoming|until|till"
    # "next to the embassy" is a place and "due to the strike" a cause, not the future.
    r"|next(?!\s+to\b)|due(?!\s+to\s+(?:the|a|an|its|his|her|their|this|that|higher|lower|poor)\b)"
    r"|planned|planning|ahead\s+of"
    # A condition still open: "if she wins in November", "if he were to win in November".
    r"|if|unless|were\s+to"
    r"|is\s+to|are\s+to|set\s+for|as\s+(?:soon|early)\s+as|effective|deadline"
    # The news present of a scheduled event: "Arafat meets Albright Monday", "the team faces".
    r"|meets|(?<!\bto\s)meet|visits|travels|opens|begins|starts|resumes|returns|arrives|leaves|heads|faces|hosts"
    r"|ends|closes|concludes|expires|is\s+forecast|are\s+forecast"
)
_STRONG_PAST_WORDS = frozenset(
    [
        "was", "were", "had", "did", "last", "ago", "since", "earlier", "began", "took", "came",
        "said", "told", "rose", "fell", "won", "went", "gave", "ran", "saw", "fled", "struck",
        "wrote", "spoke", "knew", "grew", "flew", "drove", "chose", "met", "left", "sold", "bought",
    ]
)  # fmt: skip
_PAST_WORDS = lx.alternation(_STRONG_PAST_WORDS)
_FUTURE_CUE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b")
# Verbs that put their clause ahead, nouns such as "deadline" left out: read after a mention
# ("On Tuesday, the league plans to") and early in a long sentence.
_FUTURE_VERB = re.compile(
    rf"\b(?:{_MODAL_AHEAD}|would|planning\s+to|is\s+to|are\s+to|expects?\s+to)\b"
)
_PAST_CUE = re.compile(rf"\b(?:{_PAST_WORDS})\b")
_ANY_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS}))\b")
# The other past forms are a weaker cue, most being participles too ("will be held", "is
# expected"); those that are also the bare verb ("will hit on Tuesday") are no cue at all.
_BARE_FORM_PASTS = frozenset({"let", "put", "hit", "set"})
_WEAK_PAST_CUE = re.compile(
    r"\b(?:[a-z]{3,}ed|"
    + lx.alternation((lx.IRREGULAR_PASTS - _STRONG_PAST_WORDS - _BARE_FORM_PASTS) | {"led"})
    + r")\b"
)
_PAST_BEFORE_FUTURE = re.compile(r"\bhad\s+(?:been\s+)?$")
# "until Thursday, they had not ...": a pluperfect after "until" looks back.
_UNTIL_WORD = (
    r"(?:until|till)\s+(?:(?:about|around|nearly|almost|roughly|shortly\s+(?:before|after))\s+)?$"
)
_UNTIL_TAIL = re.compile(rf"\b{_UNTIL_WORD}")
_UNTIL_NEAR = re.compile(r"\b(?:until|till)\b[^,;.]{0,25}$")
_LASTED_UNTIL = re.compile(
    r"\b(?:kept\s+\w+ing|went\s+on|stayed|lasted|remained|continued|waited|stood|sat|ran|worked"
    r"|danced|marched|partied|protested|talked|played|slept)\s+(?:[a-z]+\s+){0,2}" + _UNTIL_WORD
)
_PLUPERFECT = re.compile(r"\bhad\b")
# What may stand before a mention that opens its clause: "On", "Also on", "But late", "Until".
_CLAUSE_OPENER = re.compile(r"\s*(?:[a-z]+\s+){0,2}")
_FOLLOWING_VERB = re.compile(r"\s+([a-z']+)")
_CLAUSE_BREAK = re.compile(r"[,;]|\s_\s|--")


def _clause_end(text: str) -> int:
    m = _CLAUSE_BREAK.search(text)
    return m.start() if m else len(text)


# A sentence ends at . ! ? before a space, except after abbreviations ("9 a.m. Tuesday",
# "Mr. Smith", "Jan. 9"): single letters and the sentence splitter's short forms (lower-cased
# text).
_BREAK_CANDIDATE = re.compile(r"[.!?]\s|\n")
_TRAILING_LETTERS = re.compile(r"[a-z]+$")
_ABBREVIATIONS = TITLE_ABBREVIATIONS | ABBREVIATIONS | {"no"}


def _is_break(text: str, candidate: re.Match[str]) -> bool:
    at = candidate.start()
    if text[at] != ".":
        return True
    word = _TRAILING_LETTERS.search(text, max(0, at - 6), at)
    return word is None or (len(word[0]) > 1 and word[0] not in _ABBREVIATIONS)


def _sentence_start(text: str) -> int:
    """Where the last sentence of ``text`` begins (0 when it holds no sentence break)."""
    begin = 0
    for candidate in _BREAK_CANDIDATE.finditer(text):
        if _is_break(text, candidate):
            begin = candidate.end()
    return begin


def _sentence_end(text: str) -> int:
    """Where the first sentence of ``text`` ends (its length when it holds no break)."""
    for candidate in _BREAK_CANDIDATE.finditer(text):
        if _is_break(text, candidate):
            return candidate.start()
    return len(text)


# A form of "be", a participle, and at most two words more before the mention.
_PASSIVE_REST = r"\s+\S+\s+(?:\S+\s+){0,2}$"
_PRESENT_PASSIVE = re.compile(rf"\b(?:is|are){_PASSIVE_REST}")
_PASSIVE_TAIL = re.compile(rf"\b(?:be|been|being|is|are){_PASSIVE_REST}")
# A modal or plan that puts what follows in the article's future.
_PLAINLY_AHEAD = re.compile(
    rf"\b(?:{_MODAL_AHEAD}|expects?\b[^.;]{{0,30}}\bto|set\s+for|upcoming|preparing\s+for)\b"
)
# "Monday's debate in New York will be": the verb after a possessive weekday's noun phrase.
_AHEAD_AFTER_ITS_NOUN = re.compile(
    rf"(?:\s+[\w.'-]+){{1,5}}?\s+(?:{_MODAL_AHEAD}|is\s+(?:due|expected)\s+to)\b", re.I
)
# What is left of a date of each unit when there is no article date to count from.
_UNKNOWN_OF_UNIT = {
    "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "fortnight": "XXXX-WXX", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}  # fmt: skip
_PRESENT_COPULA = frozenset({"is", "are"})
# "one day" as "some day": after a modal, or ending a clause that has one.
# Read in the text's own case, so that the month "May" is none; nor is "a can of".
_ANY_MODAL = rf"(?<!\ba\s)(?<!\bthe\s)\b(?:{lx.alternation(lx.MODALS)}|'ll)"
_MODAL_BEFORE = re.compile(rf"{_ANY_MODAL}\s+(?:[a-z]+ly\s+)?$")
_MODAL_ANYWHERE = re.compile(rf"{_ANY_MODAL}\b")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:!?\"\u201d)]|$)")
_COUNTED_BY = re.compile(
    r"\b(?:for|in|within|after|by|only|than|of|just|about|every|each|last|lasts|lasted|take|takes"
    r"|took|spend|spends|spent|wait|waits|waited)\s+$"
)
# A plan met or missed ("as planned", "later than expected"): the verb before it tells the
# tense; alone, it is a schedule still kept ("going ahead as scheduled"), weakly ahead.
_AS_PLANNED = re.compile(
    r"\b(?:as|than)\s+(?:[a-z]+ly\s+)?(?:planned|scheduled|expected|promised|announced|forecast)\b"
)
# The verb right before a mention ("announced Wednesday", "said on Tuesday", "will open on").
_ADJACENT_VERB = re.compile(
    r"\b([a-z']+)\s+(?:(?:on|at|in|until|by|since|late|early|last|this)\s+){0,2}$"
)


# --------------------------------------------------------------------------- calendar helpers


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lx_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx_) // 451
    month = (h + lx_ - 7 * m + 114) // 31
    day = (h + lx_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _parse_dct(dct: str | None) -> date | None:
    if not dct:
        return None
    match = re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", dct)
    if not match:
        return None
    return _safe_date(int(match[1]), int(match[2]), int(match[3]))


def _number_value(text: str) -> float | None:
    """The quantity a number phrase gives, or None for vague ones ("several", "a few")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t in lx.VAGUE_NUMBERS:
        return None
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t.startswith("a couple") or t.startswith("couple"):
        return 2.0 + half
    if t in ("a dozen", "dozen"):
        return 12.0
    m = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?: (\d)/(\d))?", t)
    if m:
        value = float(m[1].replace(",", ""))
        if m[2] and int(m[3]):
            value += int(m[2]) / int(m[3])
        return value + half
    total, current = 0, 0
    for word in re.split(r"[\s-]+", t):
        if word not in lx.NUMBER_WORDS:
            return None
        n = lx.NUMBER_WORDS[word]
        if n in (100, 1000):
            current = max(current, 1) * n
            if n == 1000:
                total, current = total + current, 0
        else:
            current += n
    return float(total + current) + half


def _spelled_year(text: str) -> int | None:
    words = re.split(r"[\s-]+", text.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(lx.NUMBER_WORDS.get(w, 0) for w in rest)
    if words and words[0] == "nineteen":
        rest = [w for w in words[1:] if w not in ("and", "oh")]
        if rest[:1] == ["hundred"]:
            return 1900 + sum(lx.NUMBER_WORDS.get(w, 0) for w in rest[1:])
        return 1900 + sum(lx.NUMBER_WORDS.get(w, 0) for w in rest)
    return None


def _find_year(text: str) -> int | None:
    m = _YEAR_RE.search(text)
    if m:
        return int(m[0])
    m = _SPELLED_YEAR_RE.search(text)
    return _spelled_year(m[0]) if m else None


_POINT_MODS = re.compile(
    r"(?P<START>(?:early|earlier|the\s+beginning\s+of|the\s+start\s+of|the\s+first\s+half\s+of"
    r"|the\s+early)\b)"
    r"|(?P<END>late|later|the\s+end\s+of|the\s+last\s+half\s+of|the\s+second\s+half\s+of"
    r"|the\s+latter|by\s+year)"
    r"|(?P<MID>mid(?!night|day)|the\s+middle\s+of)|(?P<APPROX>(?:around|about|approximately|roughly)\b)",
    re.IGNORECASE,
)
_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_ENDED_ON = re.compile(
    rf"\s+(?:that\s+)?(?:ended|ending|ends|through)\s+({lx.MONTH})\s*\d", re.IGNORECASE
)


# Before a capitalised "Today" or "Daily" mid-sentence: a name it ends ("VOA Today",
# "Breitbart News Daily"); or an opening quote mark, when the quotation is a title ('"Nightly
# News"', '"Today" show': a capitalised word or the closing mark follows), not a sentence
# ('"Today was calm," he said').
_ENDS_A_NAME = re.compile(r"[A-Z][\w'&.-]*\s+$")
_OPENING_MARK_BEFORE = re.compile(r"[\"“']\s*$")
_HEADLINE_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")
# A title in marks closes them or runs on in capitals; "“Tonight’s debate" is a possessive day.
_TITLE_GOES_ON = re.compile(r"[\"”]|['’](?!s\b)|\s+[A-Z]")
# "a brighter tomorrow", "our tomorrow": the future as an idea. Only an adjective may stand
# between ("a meeting tomorrow" is a day).
_A_TOMORROW = re.compile(
    r"\b(?:a|an|our|their|your|my)\s+(?:(?:[a-z]+(?:er|est)|bright|new)\s+)?$", re.IGNORECASE
)
_GENERIC_TODAY = re.compile(
    r"'s\s+(?:\w+\s+)?(?:world|youth|young|society|generation|children|kids|families|economy"
    r"|markets?|technology|computers|standards|culture|politics|women|men)\b",
    re.IGNORECASE,
)


_GAME_CLOCK_AFTER = re.compile(r"\s+(?:to\s+(?:play|go)|remaining|left)\b")
# "with 7:42 left in the first half", "the first quarter of the season": a game's or a season's.
_GAME_CLOCK_BEFORE = re.compile(r"\d:\d\d\s+(?:left|remaining|to\s+play)\s+in\s+$")
_OF_THE_SEASON = re.compile(r"\s+of\s+the\s+(?:\d{4}(?:-\d\d)?\s+)?season\b")
# Words of a game report, near which "the second half" and "the fourth quarter" are the game's.
_GAME_WORDS = (
    r"scor(?:ed|ing)|touchdowns?|field\s+goals?|free\s+throws?|rebounds|halftime|innings?"
    r"|(?:3|three)-pointers?|quarterback|penalty\s+kick|playoffs?"
)
_SPORTS_WORDS = re.compile(rf"\b(?:{_GAME_WORDS}|possessions?|to\s+play)\b", re.IGNORECASE)
# More words of a game report: three different ones anywhere in a text make it one, and a
# quarter or half with no year in it is then the game's ("the Colts rallied in the fourth
# quarter", "with 7:42 left in the first half").
_GAME_REPORT_WORDS = re.compile(
    rf"\b(?:{_GAME_WORDS}|yards|interceptions?|fumbled?|kickoff|sacks|dunk|jumper|end\s+zone"
    r"|coach|tip-off|buzzer)\b",
    re.IGNORECASE,
)
_TODAY_SHOW = re.compile(r"Today\s+[Ss]how\b")
# Before a clock time: another clock and an open parenthesis ("10:35 a.m. (0735 GMT)").
_CLOCK_BEFORE_PAREN = re.compile(rf"(?:[ap]\.?m\.?|\d:\d\d|local\s+time|{lx.ZONE})\s*\($", re.I)
# A day a clock time can hang on; without the article's date, "Sunday" stays a weekday
# ("XXXX-WXX-7").
_DAY_OF_A_TIME = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|XXXX-WXX-\d")
_DAY_AFTER_A_CLOCK = re.compile(
    r"(?:[ \t]+local[ \t]+time)?(?:[ \t]*\([^()\n]{1,30}\))?,?[ \t]+(?:on[ \t]+)?"
)
_HIGH_BEFORE = re.compile(r"\bhigh\s+$", re.I)
# The day in a clock mention; it may come first ("5pm on 31 March"), so a day number before the
# month belongs to it.
_CLOCK_DAY_TAIL = re.compile(
    rf"(?:{_WD}|(?:{_D}\s+(?:of\s+)?)?{_M}|yesterday|today|tomorrow|tonight"
    r"|(?:this|last)\s+(?:morning|afternoon|evening|night))",
    re.I,
)


# The afternoon, evening or night named after a clock without a.m. or p.m. ("6:41 last night",
# "10:15 tonight", "6:30 in the evening"), and the hours of each read as p.m.
_THE_PART_OF_DAY_AFTER = re.compile(
    r"\s+(?:on|in|during)\s+the\s+(afternoon|evening|night)\b", re.I
)
_PM_PARTS = re.compile(r"\b(afternoon|evening|night|tonight)\b", re.I)
_PM_HOURS = {"afternoon": (1, 6), "evening": (4, 11), "night": (5, 11), "tonight": (5, 11)}


def _hour_in_part_of_day(hour: int, after: str) -> int:
    """``hour`` on a 24-hour clock, read from the part of the day named after it."""
    part = _PM_PARTS.search(after)
    if part is None:
        return hour
    first, last = _PM_HOURS[part[1].lower()]
    return hour + 12 if first <= hour <= last else hour


_A_PERIOD_OF_AN_AWARD = re.compile(r"(?:the\s+)?(?:year|week|month|day|decade|century)", re.I)
_AN_AWARD_OF = re.compile(
    r"\b(?:coach|player|rookie|person|man|woman|athlete|album|song|record|car|team|executive"
    r"|employee|manager|driver|artist|entertainer|teacher|volunteer|company|word|book|film|movie"
    r"|picture|pitcher|newcomer|citizen|businessman|businesswoman|goal|play)\s+of\s+(?:the\s+)?$",
    re.I,
)
_STREET_AFTER_A_NUMBER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
    r"|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|Terrace|Parkway|Pkwy|Highway|Hwy|Way)(?![\w-])"
)
_YEAR_PREPOSITION_BEFORE = re.compile(r"\b(?:in|since|during|until|by|of)\s+$", re.I)
_SEPT_11_2001 = date(2001, 9, 11)
_THE_ATTACKS_AFTER = re.compile(
    r"\s+(?:(?:terror(?:ist)?\s+)?attacks|terrorist|hijackers|conspiracy|Commission|commission"
    r"|truthers?|era)(?![\w-])"
)


def _mod_of(text: str) -> str | None:
    m = _POINT_MODS.match(text)
    return m.lastgroup if m else None


_APPROX_MODS = (
    (r"(?:more\s+than|over|well\s+over|just\s+over)\b", "MORE_THAN"),
    (r"(?:less\s+than|fewer\s+than|under|just\s+under|almost|barely)\b", "LESS_THAN"),
    (r"nearly\b", "APPROX"),
    (r"(?:at\s+least|no\s+less\s+than)\b", "EQUAL_OR_MORE"),
    (r"(?:at\s+most|up\s+to|no\s+more\s+than|not\s+more\s+than|within)\b", "EQUAL_OR_LESS"),
    (r"(?:about|around|approximately|roughly|some)\b", "APPROX"),
)


def _quantity_mod(text: str) -> str | None:
    t = text.lower()
    for rx, mod in _APPROX_MODS:
        if re.match(rx, t):
            return mod
    if re.search(r"\bor\s+so\b", t):
        return "APPROX"
    return None


# "Friday night" and "Thursday morning" are written as the bare day most often in the
# annotated news (night: day 10, TNI 6, TEV 3; morning: day 5, TMO 3); evenings and
# afternoons keep their part of day (TEV 4 of 4, TAF 1 of 1).
_WEEKDAY_BARE_PARTS = frozenset({"NI", "MO"})


# A weekday in the name of a paper or a show ("the Sunday Times", "the Mail on Sunday", "Fox
# News Sunday") or a named day that is no date of its week ("Super Tuesday").
_PAPER_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Herald|Independent|Observer|Tribune|Mail|Magazine"
    r"|Edition)\b"
)
_PAPER_BEFORE_WEEKDAY = re.compile(
    r"(?:\b(?:Mail|Independent|Scotland|Wales|Ireland)\s+on|\bFox\s+News|\bSuper|\bManic|\bBloody)\s+$"
)


def _names_a_paper_or_show(text: str, start: int, end: int) -> bool:
    word_start = _WEEKDAY_RE.search(text, start, end)
    if word_start is None or not word_start[0][0].isupper():
        return False
    return (
        _PAPER_AFTER_WEEKDAY.match(text, word_start.end()) is not None
        or _PAPER_BEFORE_WEEKDAY.search(text, max(0, word_start.start() - 24), word_start.start())
        is not None
    )


# What follows "daily"/"weekly" when it names a newspaper: its name, a reporting verb, or the end
# of the phrase after a name-like lead ("Party daily", "the Italian weekly.").
_NEWSPAPER_NOUN = re.compile(
    rf"\s+(?:(?!(?i:{lx.WEEKDAY}|{lx.MONTH}|except|from|until|through)\b)(?:[A-Z][\w'-]+|(?:the|le|la|el|die|der|il)\s+[A-Z])"
    r"|(?:said|says|reported|reports|wrote|writes|quoted|quotes|cited|cites|published|carried"
    r"|added|claimed)\b)"
)


def _first_tense(text: str, future: re.Pattern[str]) -> str | None:
    """ "future" or "past", whichever cue comes first in ``text``; None without either."""
    fut = future.search(text)
    past = _PAST_CUE.search(text) or _WEAK_PAST_CUE.search(text)
    if fut and (not past or fut.start() < past.start()):
        return "future"
    return "past" if past else None


def _fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


# --------------------------------------------------------------------------- resolver


class _Resolver:
    """Normalises matches in text order, keeping the reference time for anaphoric expressions."""

    def __init__(self, text: str, dct: date | None) -> None:
        self.text = text
        self.dct = dct
        self.ref_day: date | None = None  # last day-precise date mentioned
        self.ref_value: str | None = None  # last calendar value mentioned (any precision)
        self.ref_quarter: tuple[int, int] | None = None
        # True after "the nine months" / "the year": "a year earlier" then compares whole years.
        self.year_period = False
        self.last_quarter: str | None = None  # any quarter named, year-ago ones included
        # Where the clause of a day inside a longer mention starts ("2 a.m. Friday").
        self.clause_start: int | None = None
        self._game_report: bool | None = None  # read once, when a quarter or half asks

    # ----- context

    def _sentence_before(self, start: int, reach: int = 80) -> str:
        """The lower-cased words of the mention's sentence before ``start``, ``reach`` at most."""
        before = self.text[max(0, start - reach) : start].lower()
        return before[_sentence_start(before) :]

    @contextmanager
    def _tense_read_from(self, start: int) -> Iterator[None]:
        """Within it, ``tense`` reads the clause from ``start``: a day inside a longer mention
        ("2 a.m. Friday") takes the tense of the words before the whole mention."""
        self.clause_start = start
        try:
            yield
        finally:
            self.clause_start = None

    def _line_around(self, start: int, end: int) -> tuple[int, int]:
        """Where the line holding ``text[start:end]`` starts and ends."""
        line_end = self.text.find("\n", end)
        return self.text.rfind("\n", 0, start) + 1, len(self.text) if line_end < 0 else line_end

    def _normalise_at(
        self, at: int, kinds: tuple[str, ...], end: int | None = None
    ) -> list[tuple[int, int, str, str, str | None]]:
        """The mention the grammar finds at ``at`` (ending at ``end`` when given), if it is one
        of ``kinds``; its trailing spaces and commas are left out, as ``find_dates`` does."""
        sub = _PATTERN.match(self.text, at, len(self.text) if end is None else end)
        if sub is None or sub.lastgroup not in kinds or (end is not None and sub.end() != end):
            return []
        stop = sub.end()
        while stop > at and self.text[stop - 1] in " ,":
            stop -= 1
        return self.normalise(sub.lastgroup, at, stop)

    def _in_a_headline(self, start: int) -> bool:
        """Whether the line holding ``start`` capitalises most of its words, as headlines do."""
        words = _HEADLINE_WORD_RE.findall(self.text, *self._line_around(start, start))
        return sum(word[0].isupper() for word in words) > 0.6 * len(words)

    def _ends_a_name(self, start: int, end: int) -> bool:
        """Whether the capitalised word at ``text[start:end]`` is part of a name ("VOA Today",
        "Breitbart News Daily", '"Nightly News"'), not opens a sentence or a line ("Monday.
        Today the ...")."""
        text = self.text
        if _OPENING_MARK_BEFORE.search(text, max(0, start - 3), start):
            return _TITLE_GOES_ON.match(text, end) is not None
        return (
            _ENDS_A_NAME.search(text, max(0, start - 24), start) is not None
            and self._sentence_before(start).strip() != ""
        )

    def tense(self, start: int, end: int) -> str | None:
        """'future', 'past', 'weak_past' (only the weaker past forms) or 'weak_future' (only a
        modal early in a long sentence, or a plan kept, "as planned", with no other cue) for the
        clause holding the mention, as a careful reader would judge it: "until" first, then the
        verb right before the mention ("said Tuesday", "will open on", "the appeal is heard
        in"), then the verb right after it ("the State Department on Sunday issued"), then the
        nearest cue in the mention's own clause (after a comma, a dash or "that"), then the
        clause's verb after it ("On Tuesday, the league plans to"), then the rest of the
        sentence before it.

        What a weak reading weighs depends on what is at stake for the reader of each kind: a
        weekday is at most a week off either way, so "weak_future" counts as "future" there; a
        month or a day of the year could be months off, so it only breaks a near tie there; a
        quarter or a weekend looks ahead only on a plain "future"."""
        if self.clause_start is not None:
            start = self.clause_start
        # "began as planned Saturday": the verb before the plan tells when, not the plan.
        said_before = self._sentence_before(start)
        before = _AS_PLANNED.sub(lambda m: " " * len(m[0]), said_before)
        after = self.text[end : end + 100].lower()
        after = after[: _sentence_end(after)]
        tail = before[-40:]
        if _UNTIL_NEAR.search(tail) and _PLUPERFECT.search(after[:60]):
            return "past"  # "Until that day in April, he had never been ..."
        if _UNTIL_TAIL.search(tail):
            # "Until Thursday, they had not called him a suspect" looks back, and so does a
            # past activity that lasted until then ("kept going until 2 a.m. Friday");
            # "officials postponed until Tuesday any action" sets a deadline ahead.
            # (A pluperfect after it was answered just above.)
            return "past" if _LASTED_UNTIL.search(tail) else "future"
        adjacent = _ADJACENT_VERB.search(tail)
        if adjacent is not None:
            verb = adjacent[1]
            if _FUTURE_CUE.fullmatch(verb) or verb in _PRESENT_COPULA:
                # "The vote is Friday": a present copula names a day still to come.
                return "future"
            weak = _WEAK_PAST_CUE.fullmatch(verb) is not None
            if _PAST_CUE.fullmatch(verb) or (weak and not _PASSIVE_TAIL.search(tail)):
                return "past"
            if weak and _PRESENT_PASSIVE.search(tail):
                return "future"  # "the appeal is heard in March": a present passive is scheduled
        # "the State Department on Sunday issued", "a vigil for Saturday was canceled": a verb
        # right after the mention is its clause's main verb.
        following = _FOLLOWING_VERB.match(after)
        if following is not None:
            verb = following[1]
            if _PAST_CUE.fullmatch(verb) or _WEAK_PAST_CUE.fullmatch(verb):
                return "past"
            if _FUTURE_VERB.fullmatch(verb):
                return "future"
        # A clause opens after a comma, a dash, or "that" ("decided that on Election Day, I
        # will vote": the date belongs to "will vote", not to "decided").
        that = before.rfind(" that ")
        clause_at = max(
            before.rfind(","),
            before.rfind(";"),
            before.rfind(" _ "),
            before.rfind("--"),
            that + len(" that") if that >= 0 else -1,
        )
        clause = before[clause_at + 1 :] if clause_at >= 0 else before
        best = self._nearest_cue(clause)
        if best is None and _WEAK_PAST_CUE.search(clause) and not _PASSIVE_TAIL.search(clause):
            return "weak_past"
        if best is None and _CLAUSE_OPENER.fullmatch(clause):
            # The mention opens its clause ("On Tuesday, the league plans to..."): the clause's
            # verb comes after it. Only verbs count here, not nouns such as "deadline".
            after_clause = after.lstrip(" ,")
            after_clause = after_clause[: _clause_end(after_clause)]
            found = _first_tense(after_clause, _FUTURE_VERB)
            if found is not None:
                return found
        if best is None and clause_at >= 0:
            best = self._nearest_cue(before[:clause_at])
        if best is not None:
            return best
        if _WEAK_PAST_CUE.search(before) and not _PASSIVE_TAIL.search(before):
            return "weak_past"
        found = _first_tense(after[:40], _FUTURE_CUE)
        if found is None and self._modal_earlier_in_sentence(start, before):
            return "weak_future"
        if found is None and before != said_before:
            return "weak_future"  # "are going ahead as scheduled Tuesday": nothing else to go by
        # A past cue after the date is weaker evidence than one before it.
        return "weak_past" if found == "past" else found

    def _modal_earlier_in_sentence(self, start: int, before: str) -> bool:
        """Whether a long sentence looks ahead before the words ``tense`` reads ("flights
        would leave Bombay on Monday and Tuesday nights from March 30, with the third departing
        each Thursday from August 6"): weak evidence, since the modal may govern another
        clause ("will expand by 1.6 percent, less than forecast in July")."""
        wide = self._sentence_before(start, 300)
        # The cues in ``before`` were read already; a modal may straddle where it begins.
        return len(wide) > len(before) and _FUTURE_VERB.search(wide) is not None

    @staticmethod
    def _nearest_cue(before: str) -> str | None:
        best: tuple[int, str] | None = None
        for m in _ANY_CUE.finditer(before):
            if m[0] == "last" and _LAST_AS_VERB.search(before, max(0, m.start() - 10), m.start()):
                continue  # "will last through June 3": a verb, not "last week"
            best = (m.start(), "future" if m.lastgroup == "future" else "past")
        if best is None:
            return None
        if best[1] == "future" and _PAST_BEFORE_FUTURE.search(before[: best[0]]):
            return "past"  # "had been due to expire Friday"
        return best[1]

    def remember(self, value: str) -> None:
        if not value[:4].isdigit():
            return
        self.ref_value = value
        m = _DAY_VALUE.match(value)
        if m:
            self.ref_day = _safe_date(int(m[1]), int(m[2]), int(m[3])) or self.ref_day
        elif value[4:6] == "-Q" and len(value) == 7:
            self.ref_quarter = (int(value[:4]), int(value[6]))
            self.year_period = False

    def anchor_day(self) -> date | None:
        return self.ref_day or self.dct

    def unnamed_day_of_month(self) -> str | None:
        """The month the text last named, when no day of it was named ("in July … the next
        morning"): the day is in that month, which day unknown."""
        if self.ref_value is None or not re.fullmatch(r"\d{4}-\d\d", self.ref_value):
            return None
        if self.ref_day is not None and _fmt_day(self.ref_day)[:7] == self.ref_value:
            return None
        return self.ref_value + "-XX"

    # ----- year inference

    def infer_year(
        self, month: int, day: int | None, start: int, end: int, cue: str | None = None
    ) -> int | None:
        if self.dct is None:
            return None
        tense = cue or self.tense(start, end)
        candidates = []
        for year in (self.dct.year - 1, self.dct.year, self.dct.year + 1):
            d = _safe_date(year, month, day or 15)
            if d is not None:
                candidates.append((year, d))
        if not candidates:
            return None
        ref = self.dct if day else self.dct.replace(day=15)
        if day is None:
            # A bare month is the current one, else the latest past one unless the sentence
            # looks ahead ("will ... in March", "until January").
            if month == self.dct.month:
                return self.dct.year
            ahead = (month - self.dct.month) % 12
            if tense == "future" or (tense != "past" and ahead <= 2):
                return self.dct.year if month > self.dct.month else self.dct.year + 1
            return self.dct.year if month < self.dct.month else self.dct.year - 1
        past = [c for c in candidates if c[1] <= ref]
        future = [c for c in candidates if c[1] > ref]
        nearest_past = max(past, key=lambda c: c[1]) if past else None
        nearest_future = min(future, key=lambda c: c[1]) if future else None
        if tense == "future" and nearest_future and (nearest_future[1] - ref).days < 300:
            return nearest_future[0]
        if tense in ("past", "weak_past") and nearest_past and (ref - nearest_past[1]).days < 300:
            return nearest_past[0]
        # News looks back more often than ahead: a future date must be clearly nearer, unless
        # the sentence looks ahead somewhere, when the nearer one wins.
        ahead_weight = 1.0 if tense == "weak_future" else 1.5
        best = min(
            candidates, key=lambda c: abs((c[1] - ref).days) * (ahead_weight if c[1] > ref else 1.0)
        )
        return best[0]

    # ----- dispatch

    def normalise(
        self, kind: str, start: int, end: int
    ) -> list[tuple[int, int, str, str, str | None]]:
        """(start, end, type, value, mod) tuples for one match; empty when the match is rejected."""
        handler = getattr(self, "_" + kind)
        raw = self.text[start:end]
        if _A_PERIOD_OF_AN_AWARD.fullmatch(raw) and _AN_AWARD_OF.search(
            self.text, max(0, start - 24), start
        ):
            return []  # "coach of the year", "Person of the Week": an award, not a time
        repeated = _UNIT_AFTER_UNIT.match(self.text, end)
        if repeated is not None and repeated[1].lower() == raw.rsplit(None, 1)[-1].lower():
            return []  # "bring that night after night": a repetition, not a night
        result = handler(raw, start, end)
        if result is None:
            return []
        if isinstance(result, tuple):
            result = [(start, end, *result)]
        for item in result:
            if _QUARTER_VALUE.fullmatch(item[3]):
                self.last_quarter = item[3]
        return result

    # ----- handlers: each gets the raw matched text and returns (type, value, mod) or a list

    def _numeric(self, raw: str, start: int, end: int):
        m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", raw)
        if m:
            d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        else:
            mm, dd, yy = (int(x) for x in raw.split("/"))
            if mm > 12:
                mm, dd = dd, mm
            if yy < 100:
                yy += 2000 if yy < 50 else 1900
            d = _safe_date(yy, mm, dd)
        if d is None:
            return None
        value = _fmt_day(d)
        self.remember(value)
        return ("DATE", value, None)

    def _day_value(
        self, month: int, day: int, year: int | None, start: int, end: int
    ) -> str | None:
        if year is None:
            lead = self.text[start : start + 5].lower()
            cue = (
                "past" if lead.startswith("last") else "future" if lead.startswith("next") else None
            )
            year = self.infer_year(month, day, start, end, cue)
        if year is None:
            if _safe_date(2000, month, day) is None:
                return None
            return f"XXXX-{month:02d}-{day:02d}"
        if _safe_date(year, month, day) is None:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"

    def _date(self, raw: str, start: int, end: int):
        mod = _mod_of(raw)
        month_m = _MONTH_RE.search(raw)
        if month_m is None:
            return None
        month = lx.MONTHS[month_m[0].lower().rstrip(".")]
        # Days: those after the month (or the one before it in "10 January").
        after = raw[month_m.end() :]
        before = raw[: month_m.start()]
        year = None
        year_m = _YEAR_RE.search(after) or _SPELLED_YEAR_RE.search(after)
        day_zone_end = month_m.end() + (year_m.start() if year_m else len(after))
        if year_m:
            year = int(year_m[0]) if year_m[0].isdigit() else _spelled_year(year_m[0])
        elif self.dct is not None and re.search(r"\blast\s+year\b", after, re.I):
            year = self.dct.year - 1
        elif self.dct is not None and re.search(r"\bnext\s+year\b", after, re.I):
            year = self.dct.year + 1
        elif self.dct is not None and re.search(r"\bthis\s+year\b", after, re.I):
            year = self.dct.year
        days = [
            (month_m.end() + m.start(), month_m.end() + m.end(), int(m[1]))
            for m in _DAY_RE.finditer(raw[month_m.end() : day_zone_end])
        ]
        month_last = not days  # "10 and 12 November": the last day takes the month
        if month_last:
            days = [(m.start(), m.end(), int(m[1])) for m in _DAY_RE.finditer(before)]
            if len(days) > 1 and days[0][2] >= days[-1][2]:
                # "a 30-7 Oct. 19 loss": a score, not a range of days; read on from the month.
                return self._normalise_at(start + month_m.start(), ("date",)) or None
        if not days:
            word_m = _DAY_WORD_RE.search(raw)  # "January nineteenth", "the fifth of March"
            if word_m is not None:
                days = [(word_m.start(), word_m.end(), _ordinal_day(word_m[0]))]
        if not days or not days[0][2]:
            return None
        if year is None and month == 9 and [d[2] for d in days] == [11] and self._names_911(end):
            year = 2001
        out = []
        first_end = days[0][1] if len(days) > 1 else len(raw)
        for i, (ds, de, day) in enumerate(days):
            value = self._day_value(month, day, year, start, end)
            if value is None:
                return None
            if i == 0:
                span = (start, start + first_end if len(days) > 1 else end)
            else:
                last = i == len(days) - 1 and (year_m is not None or month_last)
                span = (start + ds, end if last else start + de)
            out.append((span[0], span[1], "DATE", value, mod if i == 0 else None))
        if re.match(r"the\s+week\s+of\s", raw, re.I) and len(out) == 1:
            day_m = _DAY_VALUE.fullmatch(out[0][3])
            if day_m is not None:  # "the week of March 6": the ISO week holding that day
                week = _iso_week(date(int(day_m[1]), int(day_m[2]), int(day_m[3])))
                out = [(out[0][0], out[0][1], "DATE", week, None)]
        for item in out:
            self.remember(item[3])
        return out

    def _names_911(self, end: int) -> bool:
        """Whether "Sept. 11" ending at ``end`` names the 2001 attacks ("the Sept. 11 terrorist
        attacks", "Sept. 11 conspiracy theories") in an article written after them."""
        return (
            self.dct is not None
            and self.dct > _SEPT_11_2001
            and _THE_ATTACKS_AFTER.match(self.text, end) is not None
            and "Benghazi" not in self.text[end : end + 80]  # the 2012 attack has its own
        )

    def _monthyear(self, raw: str, start: int, end: int):
        month_m = _MONTH_RE.search(raw)
        if month_m is None:
            return None
        month = lx.MONTHS[month_m[0].lower().rstrip(".")]
        year = _find_year(raw[month_m.end() :])
        if year is None and self.dct is not None:
            rel = raw[month_m.end() :].lower()
            year = self.dct.year + (-1 if "last" in rel else 1 if "next" in rel else 0)
        if year is None:
            return ("DATE", f"XXXX-{month:02d}", _mod_of(raw))
        value = f"{year:04d}-{month:02d}"
        self.remember(value)
        return ("DATE", value, _mod_of(raw))

    def _holiday(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        t = re.sub(r"^(?:last|next|this|on) ", "", t)
        year = _find_year(t)
        name = re.sub(r",? \d{4}$", "", t).strip()
        if name.startswith("the fourth"):
            name = name[4:]
        if name in ("election day", "labor day", "memorial day") and not year and self.dct is None:
            return ("DATE", "XXXX-XX-XX", None)  # no fixed month-day to give

        def on(y: int) -> date | None:
            if name in lx.HOLIDAYS:
                mo, da = lx.HOLIDAYS[name]
                return date(y, mo, da)
            if name.startswith("thanksgiving"):
                return _thanksgiving(y)
            if name.startswith("easter"):
                e = _easter(y)
                return e + timedelta(days=1) if name.endswith("monday") else e
            if name == "good friday":
                return _easter(y) - timedelta(days=2)
            if name == "black friday":
                return _thanksgiving(y) + timedelta(days=1)
            if name == "cyber monday":
                return _thanksgiving(y) + timedelta(days=4)
            if name == "election day":
                nov1 = date(y, 11, 1)
                return nov1 + timedelta(days=(7 - nov1.weekday()) % 7 + 1)
            if name == "inauguration day":
                # A U.S. president takes office on January 20 after the election year.
                return date(y, 1, 20) if y % 4 == 1 else None
            if name == "labor day":
                sep1 = date(y, 9, 1)
                return sep1 + timedelta(days=(7 - sep1.weekday()) % 7)
            if name == "memorial day":
                may31 = date(y, 5, 31)
                return may31 - timedelta(days=may31.weekday())
            return None

        if year is None:
            if self.dct is None:
                d0 = on(2001)  # a year every holiday falls in (2001 % 4 == 1)
                if d0 is None:
                    return None
                return ("DATE", f"XXXX-{d0.month:02d}-{d0.day:02d}", None)
            prefix = raw.lower().split()[0]
            tense = "past" if prefix == "last" else "future" if prefix == "next" else None
            dct = self.dct
            # Inauguration Day comes once in four years: look as far either side.
            reach, window = (3, 4 * 330) if name == "inauguration day" else (1, 330)
            options = [
                found
                for y in range(dct.year - reach, dct.year + reach + 1)
                if (found := on(y)) is not None
            ]
            if tense is None:
                tense = self.tense(start, end)
            # Tense picks the side only within a year; beyond that the nearest holiday wins.
            near = [d for d in options if abs((d - dct).days) < window]
            chosen: date | None
            if tense in ("past", "weak_past") and any(d <= dct for d in near):
                chosen = max(d for d in near if d <= dct)
            elif tense == "future" and any(d >= dct for d in near):
                chosen = min(d for d in near if d >= dct)
            else:
                chosen = min(options, key=lambda d: abs((d - dct).days), default=None)
        else:
            chosen = on(year)
        if chosen is None:
            return None
        value = _iso_week(chosen) if name.endswith("week") else _fmt_day(chosen)
        self.remember(value)
        return ("DATE", value, None)

    def _clock_time(self, raw: str) -> str | None:
        m = _CLOCK_RE.search(raw)
        if m is None:
            return None
        if m[7]:
            word = m[7].lower()
            return "T24" if word == "midnight" else "T12:00"  # TimeML writes midnight as T24
        if m[1]:
            hour, minute = int(m[1]), int(m[2] or 0)
            if hour > 12:
                return None
            hour = hour % 12 + (12 if m[3].lower() == "p" else 0)
        elif m[8]:
            hour, minute = int(m[8]), int(m[9])
        else:
            hour, minute = (int(m[4]), int(m[5])) if m[4] else (int(m[6]), 0)
            hour = _hour_in_part_of_day(hour, raw[m.end() :])
        if hour > 24 or minute > 59:
            return None
        return f"T{hour:02d}:{minute:02d}"

    def _clock_date(self, raw: str, start: int, end: int):
        # "until 5:00 on the night of May 29th": the part of the day may follow the mention.
        part_after = _THE_PART_OF_DAY_AFTER.match(self.text, end)
        time_part = self._clock_time(raw + (" " + part_after[1] if part_after else ""))
        if time_part is None:
            return None
        if _CLOCK_BEFORE_PAREN.search(self.text, max(0, start - 12), start):
            return None  # "10:35 a.m. (0735 GMT)": the same moment in another time zone
        if _GAME_CLOCK_AFTER.match(self.text, end):
            return None  # "with 4:43 to play": a game clock, not a time of day
        if raw[:4].lower() == "noon" and _HIGH_BEFORE.search(self.text, max(0, start - 6), start):
            return None  # "High Noon", the film and the figure of speech
        tail_m = _CLOCK_DAY_TAIL.search(raw)
        day_value: str | None = None
        day_at: int | None = None
        if tail_m is not None:
            day_at = start + tail_m.start()
        else:
            # "at 11.30pm local time (2230 GMT) on Wednesday": the day a few words on.
            later = _DAY_AFTER_A_CLOCK.match(self.text, end)
            if later is not None:
                day_at = later.end()
        if day_at is not None:
            # The day's tense is read from before the clock ("until 2 a.m. Friday").
            with self._tense_read_from(start):
                results = self._normalise_at(day_at, ("date", "weekday", "relday"))
            if results and _DAY_OF_A_TIME.fullmatch(results[0][3][:10]):
                day_value = results[0][3][:10]  # not "today" undated: that is PRESENT_REF
        if day_value is None:
            if self.dct is None:
                return ("TIME", "XXXX-XX-XX" + time_part, _mod_of(raw))
            anchor = self.dct
            if (
                tail_m is None
                and self.ref_day is not None
                and not self._alone_on_its_line(start, end)
            ):
                # A time of the day the text last named ("On Monday … at 3 p.m."); but a time
                # heading its own line is a live blog's entry, on the article's date.
                anchor = self.ref_day
            day_value = _fmt_day(anchor)
        return ("TIME", day_value + time_part, _mod_of(raw))

    def _alone_on_its_line(self, start: int, end: int) -> bool:
        line_start, line_end = self._line_around(start, end)
        return not self.text[line_start:start].strip() and not self.text[end:line_end].strip(" .:")

    def _clock(self, raw: str, start: int, end: int):
        return self._clock_date(raw, start, end)

    def _weekday_date(self, weekday: int, qualifier: str, start: int, end: int) -> date | None:
        base = self.dct
        if base is None:
            return None
        if qualifier in ("the previous", "the following", "the next"):
            base = self.anchor_day() or base
        diff_back = (base.weekday() - weekday) % 7
        diff_fwd = (weekday - base.weekday()) % 7
        if qualifier in ("last", "this past", "the previous"):
            return base - timedelta(days=diff_back or 7)
        if qualifier in ("next", "the following", "the next"):
            return base + timedelta(days=diff_fwd or 7)
        if qualifier in ("this coming", "coming"):
            return base + timedelta(days=diff_fwd)
        if self.tense(start, end) in ("future", "weak_future"):
            return base + timedelta(days=diff_fwd)
        return base - timedelta(days=diff_back)

    def _weekday(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        wd_m = _WEEKDAY_RE.search(t)
        if wd_m is None:
            return None
        weekday = lx.WEEKDAYS[wd_m[0].lower()]
        qualifier = t[: wd_m.start()].strip()
        pod_m = _POD_RE.search(t, wd_m.end())
        pod = lx.PARTS_OF_DAY.get(pod_m[0].lower(), "") if pod_m else ""
        if qualifier in ("each", "every") or (pod_m and pod_m[0].endswith("s")):
            # "every Tuesday", "Tuesday nights": a recurring day
            return ("SET", f"XXXX-WXX-{weekday + 1}" + (f"T{pod}" if pod else ""), None)
        if _names_a_paper_or_show(self.text, start, end):
            return None
        mod = _mod_of(qualifier) if qualifier else None
        if qualifier in ("on",):
            qualifier = ""
            start = start + raw.lower().index(wd_m[0][:3].lower())
        if qualifier == "around" and re.search(
            r"\b(?:get|gets|got|getting|go|went|way|ways|come|came|turn|turned)\s+$",
            self.text[max(0, start - 12) : start].lower(),
        ):
            # "get around Wednesday's ruling": a phrasal verb, not an approximate day
            start += raw.lower().index(wd_m[0][:3].lower())
            qualifier, mod = "", None
        if mod is not None:
            qualifier = ""
        d: date | None
        if not qualifier and raw.lower().endswith("'s") and self.dct is not None:
            # "Wednesday's ruling" reports an event: every possessive weekday in the annotated
            # news is on or before the article date, unless its sentence plainly looks ahead
            # ("Trump will face Clinton in Monday's debate"; not "ahead of Friday's meeting",
            # which is ahead only of the story's own time).
            if _PLAINLY_AHEAD.search(self._sentence_before(start)) or _AHEAD_AFTER_ITS_NOUN.match(
                self.text, end
            ):
                d = self._weekday_date(weekday, "this coming", start, end)
            else:
                d = self.dct - timedelta(days=(self.dct.weekday() - weekday) % 7)
        elif (
            not qualifier
            and self.dct is not None
            and self.ref_day is not None
            and self.ref_day > self.dct
            and _AFTER_WEEKDAY.search(self.text, max(0, start - 24), start)
        ):
            # The second day of a pair still ahead ("landfall late Thursday or early Friday")
            # follows the first, which was just remembered. Past pairs come in any order
            # ("statements made Friday and Thursday") and each looks back on its own.
            d = self._weekday_date(weekday, "the following", start, end)
        else:
            d = self._weekday_date(weekday, qualifier, start, end)
        clock = self._clock_time(t[wd_m.end() :]) if " at " in t[wd_m.end() :] else None
        if d is None:
            value = f"XXXX-WXX-{weekday + 1}"
            kind = "DATE"
        else:
            value = _fmt_day(d)
            self.remember(value)
            kind = "DATE"
        if clock:
            return [(start, end, "TIME", value + clock, mod)]
        if pod and not (pod in _WEEKDAY_BARE_PARTS and d is not None):
            return [(start, end, "TIME", value + "T" + pod, mod)]
        return [(start, end, kind, value, mod)]

    def _relday(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        if (t in ("today", "tomorrow") and _GENERIC_TODAY.match(self.text, end)) or (
            t == "tomorrow" and self.text[max(0, start - 3) : start].lower() == "of "
        ):
            return None  # "today's world", "the people of tomorrow": an era, not a day
        if raw in ("Today", "TODAY") and (
            _TODAY_SHOW.match(self.text, start, end + 6) or self._ends_a_name(start, end)
        ):
            return None  # "USA Today", NBC's "Today show", "VOA Today": a paper, a programme
        if (
            raw[0].isupper()
            and t != "today"
            and all(word[0].isupper() for word in raw.split())
            and self._ends_a_name(start, end)
            and not self._in_a_headline(start)
        ):
            return None  # "CBS This Morning", "World News Tonight": a programme
        if t == "tomorrow" and _A_TOMORROW.search(self.text, max(0, start - 24), start):
            return None  # "hoping for a brighter tomorrow": the future, not a day
        mod = _mod_of(t)
        offset = 0
        if "yesterday" in t:
            offset = -1
        elif "tomorrow" in t:
            offset = 1
        pod_m = _POD_RE.search(t)
        pod = lx.PARTS_OF_DAY.get(pod_m[0].lower(), "") if pod_m else ""
        if re.match(r"(?:mid|early|late)-?\s*(?:morning|afternoon|evening)", t):
            mod = "MID" if t.startswith("mid") else mod
        if "last night" in t or "tonight" in t:
            offset = -1 if "last" in t else 0
            pod = "NI"
        if self.dct is None:
            if offset == 0 and not pod and "today" in t:
                return ("DATE", "PRESENT_REF", mod)
            return ("TIME" if pod else "DATE", "XXXX-XX-XX" + (f"T{pod}" if pod else ""), mod)
        d = self.dct + timedelta(days=offset)
        value = _fmt_day(d)
        self.remember(value)
        if "tonight" in t and not t.endswith(("night", "nights")):
            return ("DATE", value, mod)
        if pod:
            return ("TIME", value + "T" + pod, mod)
        return ("DATE", value, mod)

    def _ago(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        direction_m = re.search(r"(ago|earlier|later|from now|hence|back)$", t)
        if direction_m is None:
            return None
        direction = direction_m[1]
        body = t[: direction_m.start()].strip()
        body = re.sub(r"\s+or so$", "", body)
        mod = _quantity_mod(body) if not re.search(r"\bor so\b", t) else "APPROX"
        body = re.sub(rf"^{_APPROX}\s+", "", body)
        unit_m = _UNIT_RE.search(body)
        if unit_m is None:
            return None
        unit = _unit_name(unit_m)
        num_text = body[: unit_m.start()].strip()
        num_text = re.sub(r"\s+(?:more|trading|business|working|calendar)$", "", num_text)
        num_text = re.split(r"\s+(?:or|to)\s+", num_text)[0]
        # A bare plural ("Hours later", "years ago") names no amount.
        amount = _number_value(num_text) if num_text else None
        if direction == "later":
            # "Three days later": the annotated news tags the length alone ("Three days" P3D,
            # "A few days" PXD, "over an hour" PT1H: 3 of 3), "later" being its signal.
            quantity_end = start + len(raw[: raw.lower().rindex("later")].rstrip())
            return [(start, quantity_end, "DURATION", _duration_value(amount, unit), mod)]
        # Left: ago, back (before the article's date), earlier (before the text's last date),
        # from now, hence (after the article's date).
        sign = 1 if direction in ("from now", "hence") else -1
        anchored_to_text = direction == "earlier"
        base_day = self.anchor_day() if anchored_to_text else self.dct
        if amount is None:
            return ("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", mod)  # "years ago"
        if base_day is None:
            # "a day earlier" with no date to count from: a day, which one unknown.
            return ("DATE", _UNKNOWN_OF_UNIT.get(unit, "XXXX-XX-XX"), mod)
        n = int(amount) if amount >= 1 else 1
        n *= lx.UNIT_MULTIPLIER.get(unit, 1)
        if unit in ("year", "decade", "century", "millennium"):
            # Earnings reports compare with "a year ago/earlier": the same quarter a year before.
            if unit == "year" and n == 1 and sign < 0 and self.ref_quarter is not None:
                if self.year_period:
                    return ("DATE", f"{self.ref_quarter[0] - 1:04d}", mod)
                return ("DATE", f"{self.ref_quarter[0] - 1:04d}-Q{self.ref_quarter[1]}", mod)
            if anchored_to_text and self.ref_value:
                shifted = _shift_years(self.ref_value, sign * n)
                if shifted:
                    # Not remembered: "a year earlier" twice in a row means the same year.
                    return ("DATE", shifted, mod)
            value = f"{base_day.year + sign * n:04d}"
            return ("DATE", value, mod)
        elif unit == "quarter":
            q = _quarter_of(base_day) + sign * n
            year = base_day.year + (q - 1) // 4
            value = f"{year:04d}-Q{(q - 1) % 4 + 1}"
        elif unit == "month":
            y, m = _add_months(base_day.year, base_day.month, sign * n)
            value = f"{y:04d}-{m:02d}"
        elif unit in ("week", "weekend", "fortnight"):
            value = _iso_week(base_day + timedelta(weeks=sign * n))
        elif unit in ("day", "night"):
            d = base_day + timedelta(days=sign * n)
            value = _fmt_day(d)
        else:
            value = _fmt_day(base_day)
            return ("TIME", value, mod)
        self.remember(value)
        return ("DATE", value, mod)

    def is_a_game_report(self) -> bool:
        if self._game_report is None:
            kinds = {m[0].lower() for m in _GAME_REPORT_WORDS.finditer(self.text)}
            self._game_report = len(kinds) >= 3
        return self._game_report

    def _quarter(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        if (
            _SPORTS_WORDS.search(self.text, max(0, start - 150), end + 150)
            or _GAME_CLOCK_BEFORE.search(self.text, max(0, start - 30), start)
            or _OF_THE_SEASON.match(self.text, end)
        ):
            return None  # "scored 11 points, all in the second half": a game's, not a year's
        year = _find_year(t)
        if year is None and not re.search(r"fiscal|\byear\b", t) and self.is_a_game_report():
            return None
        half = "half" in t
        ord_m = re.search(
            r"(first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)[\s-]+(?:fiscal[\s-]+)?(?:quarter|half|period)",
            t,
        )
        ago = bool(re.search(r"year-ago|year-earlier|a year (?:ago|earlier)", t))
        if year is None and self.dct is not None:
            if "next year" in t:
                year = self.dct.year + 1
            elif "last year" in t:
                year = self.dct.year - 1
        if ord_m is None:
            if t.startswith("that ") and self.last_quarter is not None:
                return ("DATE", self.last_quarter, None)  # the quarter just named
            # "the quarter", "the latest quarter", "the year-ago period": the reporting quarter.
            if self.dct is None:
                return ("DATE", "XXXX-QX", None)
            current_quarter = (self.dct.year, _quarter_of(self.dct))
            previous_index = current_quarter[0] * 4 + current_quarter[1] - 2
            last_completed = (previous_index // 4, previous_index % 4 + 1)
            ended = _ENDED_ON.match(self.text, end)
            ended_month = lx.MONTHS.get(ended[1].lower().rstrip(".")) if ended else None
            if ended_month is not None:
                # "the quarter ended Sept. 30": the calendar quarter holding that date.
                qn = (ended_month - 1) // 3 + 1
                qy = self.dct.year if ended_month <= self.dct.month else self.dct.year - 1
            elif re.search(r"\blatest\b", t):
                qy, qn = last_completed
            elif re.search(r"\bcurrent\b", t):
                qy, qn = current_quarter
            elif self.ref_quarter is not None:
                qy, qn = self.ref_quarter
            elif re.search(r"\bthis\b", t):
                qy, qn = current_quarter
            else:
                qy, qn = last_completed
            if year is not None:
                qy = year  # "the 1988 quarter", "last year's quarter"
            elif ago:
                qy -= 1
            value = f"{qy:04d}-Q{qn}"
            if not ago and year is None:
                self.ref_quarter = (qy, qn)
                self.year_period = False
            return ("DATE", value, None)
        word = ord_m[1]
        n = lx.ORDINALS.get(word, 2 if word in ("final", "last", "latter") else 0)
        if word in ("final", "last") and not half:
            n = 4
        if half:
            n = min(n, 2)
        if re.search(r"quarters$", t):
            return ("SET", f"XXXX-Q{n}", None)
        if year is None:
            if self.dct is None:
                return ("DATE", f"XXXX-{'H' if half else 'Q'}{n}", None)
            year = self.dct.year
            current = _quarter_of(self.dct) if not half else (1 if self.dct.month <= 6 else 2)
            if n > current and self.tense(start, end) != "future":
                year -= 1
            if ago:
                year -= 1
        value = f"{year:04d}-{'H' if half else 'Q'}{n}"
        if (
            not half
            and not ago
            and (
                self.ref_quarter is None
                or not _AFTER_COMPARISON.search(self.text[max(0, start - 14) : start])
            )
        ):
            self.ref_quarter = (year, n)
            self.year_period = False
        return ("DATE", value, None)

    def _shorthand(self, raw: str, start: int, end: int):
        """ "Q3 2012" (2012-Q3), "H1 2013" (2013-H1), "FY2013" (2013); a bare "Q3" takes the
        latest such quarter unless the sentence looks ahead."""
        if not raw[0].isupper():
            return None  # "q3", "fy" in lower case are not this shorthand
        m = re.fullmatch(r"(?:([QH])([1-4]))?\s*(?:FY\s*)?'?(\d{2}|\d{4})?", raw, re.I)
        if m is None:
            return None
        year = None
        if m[3]:
            year = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3])
            if year > 2069:
                year -= 100
        if m[1] is None:
            if year is None:
                return None
            value = f"{year:04d}"
            self.remember(value)
            return ("DATE", value, None)
        letter, n = m[1].upper(), int(m[2])
        if year is None:
            if self.dct is None:
                return ("DATE", f"XXXX-{letter}{n}", None)
            year = self.dct.year
            current = _quarter_of(self.dct) if letter == "Q" else (1 if self.dct.month <= 6 else 2)
            if n > current and self.tense(start, end) != "future":
                year -= 1
        value = f"{year:04d}-{letter}{n}"
        if letter == "Q":
            self.ref_quarter = (year, n)
            self.year_period = False
        self.remember(value)
        return ("DATE", value, None)

    def _yearago(self, raw: str, start: int, end: int):
        """ "year-ago results", "year-earlier profit": the reporting period a year back."""
        if self.dct is None:
            return ("DATE", "XXXX", None)
        if self.ref_quarter is not None:
            if self.year_period:
                return ("DATE", f"{self.ref_quarter[0] - 1:04d}", None)
            return ("DATE", f"{self.ref_quarter[0] - 1:04d}-Q{self.ref_quarter[1]}", None)
        return ("DATE", f"{self.dct.year - 1:04d}", None)

    def _day_from(self, direction: str, start: int, end: int):
        """ "the day before/after" the date at ``text[start:end]``: that date, a day off."""
        items = self._normalise_at(start, _KINDS, end)
        day = _DAY_OR_YEARLESS_DAY.fullmatch(items[0][3]) if len(items) == 1 else None
        if day is None:
            return items or None  # "the day after January 9 and 10": the dates named stand
        year = day[1]
        # A day with no year is shifted in a leap year, so that "the day after February 28"
        # is February 29 wherever it can be.
        anchor = date(2000 if year == "XXXX" else int(year), int(day[2]), int(day[3]))
        shifted = anchor + timedelta(days=-1 if direction == "before" else 1)
        value = _fmt_day(shifted) if year != "XXXX" else f"XXXX{_fmt_day(shifted)[4:]}"
        self.remember(value)
        return ("DATE", value, None)

    def _anaphor(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        mod = _mod_of(t)
        if t.startswith(("day before", "the day before")) and "last" in t:
            wd_m = _WEEKDAY_RE.search(t)
            if wd_m is None or self.dct is None:
                return None
            d = self._weekday_date(lx.WEEKDAYS[wd_m[0]], "last", start, end)
            if d is None:
                return None
            value = _fmt_day(d - timedelta(days=1))
            self.remember(value)
            return ("DATE", value, None)
        if t.startswith("the day"):
            named = _DAY_BEFORE_AFTER.match(raw)
            if named is not None and t.split()[-1] not in ("yesterday", "tomorrow"):
                return self._day_from(named[1].lower(), start + named.end(), end)
            if re.search(r"(?:before|after)$", t) and re.match(
                r"\s+(?!(?:the|a|an|his|her|its|their|our|my|your)\b)[a-z]",
                self.text[end : end + 10],
            ):
                return None  # "the day before authorities issued...": anchored to a clause
            base = self.dct
            if "yesterday" in t:
                offset = -2
            elif "tomorrow" in t:
                offset = 2
            else:
                base = self.anchor_day()
                offset = -1 if "before" in t else 1
            if base is None:
                return ("DATE", "XXXX-XX-XX", None)
            value = _fmt_day(base + timedelta(days=offset))
            self.remember(value)
            return ("DATE", value, None)
        unit_m = re.search(r"(day|morning|afternoon|evening|night|weekend|week|month|year)$", t)
        if unit_m is None:
            return None
        unit = unit_m[1]
        if re.search(r"following|next", t):
            step = 1
        elif re.search(r"previous|preceding|prior", t):
            step = -1
        else:
            step = 0
        base = self.anchor_day()
        if base is None:
            return ("DATE", "XXXX-XX-XX", mod)
        if unit in ("day", "morning", "afternoon", "evening", "night"):
            in_month = self.unnamed_day_of_month()  # "in July … the next morning"
            if in_month is not None:
                value = in_month
            else:
                value = _fmt_day(base + timedelta(days=step))
                self.remember(value)
            if unit != "day":
                return ("TIME", value + "T" + lx.PARTS_OF_DAY[unit], mod)
            return ("DATE", value, mod)
        if unit in ("week", "weekend"):
            value = _iso_week(base + timedelta(weeks=step)) + ("-WE" if unit == "weekend" else "")
            return ("DATE", value, mod)
        year_base = int(self.ref_value[:4]) if self.ref_value else base.year
        if unit == "month":
            month_base = (
                int(self.ref_value[5:7])
                if self.ref_value and re.match(r"\d{4}-\d\d", self.ref_value)
                else base.month
            )
            y, m = _add_months(year_base, month_base, step)
            return ("DATE", f"{y:04d}-{m:02d}", mod)
        return ("DATE", f"{year_base + step:04d}", mod)

    def _some_day(self, start: int, end: int) -> bool:
        """Whether "one day" means some day ahead: after a modal ("Islam will one day be"), or
        ending a clause that looks ahead ("can benefit this country one day."), not counted
        ("in one day", "followed by one day")."""
        before = self._sentence_before(start)
        opening = start - len(before)
        if _MODAL_BEFORE.search(self.text, opening, start):
            return True
        return (
            _CLAUSE_ENDS.match(self.text, end) is not None
            and _COUNTED_BY.search(before) is None
            and _MODAL_ANYWHERE.search(self.text, opening, start) is not None
        )

    def _duration(self, raw: str, start: int, end: int):
        verb = re.match(r"last\s+", raw, re.I)
        if verb is not None and _LAST_AS_VERB.search(self.text, max(0, start - 10), start):
            # "could last two weeks": "last" is the verb, the duration is what follows it.
            found = self._duration(raw[verb.end() :], start + verb.end(), end)
            return None if found is None else [(start + verb.end(), end, *found)]
        unit_word = raw.rsplit(None, 1)[-1]
        if (
            unit_word.istitle()
            and len(unit_word) > 1
            and self._sentence_before(start).strip()
            and not self._in_a_headline(start)
        ):
            return None  # "on CBS's 60 Minutes": a capitalised unit inside a sentence is a title
        t = re.sub(r"\s+", " ", raw.lower())
        if t == "one day" and self._some_day(start, end):
            return ("DATE", "FUTURE_REF", None)
        if re.match(r"(?:the )?(?:past|last) (?:decade|century)$", t):
            unit = "decade" if "decade" in t else "century"
            return ("DURATION", _duration_value(1.0, unit), None)
        mod = _quantity_mod(t)
        core = re.sub(rf"^{_APPROX}\s+", "", t)
        core = re.sub(r"^the ", "", core)
        core = re.sub(
            r"^(?:past|last|next|first|coming|previous|following|final|latest|remaining|initial|ensuing"
            r"|recent) ",
            "",
            core,
        )
        core = re.sub(rf"^{_APPROX}\s+", "", core)
        unit_m = _last_match(_UNIT_RE, core)
        if unit_m is None:
            return None
        if re.fullmatch(r"[a-z]+s or [a-z]+s", core):
            unit_m = _UNIT_RE.match(core) or unit_m  # "weeks or months": the first says how long
        unit = _unit_name(unit_m)
        num_text = core[: unit_m.start()].strip(" -")
        num_text = re.sub(
            r"\s*(?:more|additional|full|straight|consecutive|long|single|extra|whole|entire|trading"
            r"|business|working|calendar|school)$",
            "",
            num_text,
        )
        num_text = re.sub(
            r"\s*(?:more|additional|full|straight|consecutive|long|single|extra|whole|entire)$",
            "",
            num_text,
        )
        if num_text.endswith("-plus"):  # "15-plus years": fifteen years or more
            num_text = num_text[: -len("-plus")]
            mod = mod or "EQUAL_OR_MORE"
        if not num_text and re.match(r"(?:hour|day|week|month|year|decade)-?long", core):
            amount: float | None = 1.0  # "a day-long meeting": one day, where "days-long" is vague
        elif not num_text:
            if (
                re.match(r"(?:years|months|weeks|days|decades)", core)
                and ("recent" in t or "past" in t)
                and "years" in core
            ):
                return ("DATE", "PAST_REF", None)
            amount = None
        else:
            parts = re.split(r"\s*(?:\bto\b|\bor\b|-)\s*", num_text)
            first = parts[0]
            amount = _number_value(first) if first not in ("multi",) else None
            if (
                amount is None
                and first not in lx.VAGUE_NUMBERS
                and first not in ("multi", "several", "few", "many")
            ):
                return None
            if (
                len(parts) > 1
                and parts[1]
                and re.search(r"\bto\b", num_text)
                and amount is not None
            ):
                second = _number_value(parts[1])
                if second is not None and second != amount and re.search(r"\d", num_text):
                    amount = None  # "12 to 18 months": TimeML writes an unknown quantity
        following = self.text[end : end + 16]
        if re.match(r"\s+old\b", following) and "-" not in t:
            return None  # an age ("52 years old"), which TimeML leaves out
        if (
            unit == "second"
            and re.fullmatch(r"an? second", t)
            and re.match(
                r"\s+(?!(?:or|and|of|later|earlier|ago|before|after|longer|too|to|in)\b)[a-z]",
                following,
            )
        ):
            return None  # the ordinal: "a second group", "a second betrayal"
        if unit == "quarter" and (
            re.search(r"-quarters$", t)
            or (re.search(r"\b(?:a|one)\s+quarter$", t) and re.match(r"\s+of\b", following))
        ):
            return None  # a fraction: "three-quarters of its food", "a quarter of the market"
        if unit == "weekend":
            return ("DURATION", "P2D", mod)
        if amount is not None and re.search(r"\band a half$", t):
            amount += 0.5  # "a minute and a half"
        if unit == "month" and amount in (6.0, 9.0) and re.match(r"(?:the|first)\b", t):
            self.year_period = True  # "for the nine months": results for the year so far
        value = _duration_value(amount, unit)
        # "$5 million a year", "twice a day": a frequency, not a length of time.
        if re.fullmatch(r"an? (?:year|month|week|day|night|hour|quarter)", t):
            before = self.text[max(0, start - 24) : start].lower()
            if re.search(r"(?:times|once|twice)\s*$", before):
                return ("SET", value, None)
            if re.search(
                r"(?:\d%?|percent|cents?|dollars?|million|billion|hours|miles|kilomet(?:er|re)s|km"
                r"|knots|\$\S*)\s*$",
                before,
            ):
                # "$5 million a year", "$55 a night", "120 miles an hour": a rate, which the
                # annotated news tags in only 2 of 8 cases.
                return None
        return ("DURATION", value, mod)

    def _weekend_of_date(self, end: int) -> date | None:
        """The day named in "the weekend of May 4-5", which says which weekend is meant."""
        of = re.match(r"\s+of\s+", self.text[end : end + 8])
        if of is None:
            return None
        results = self._normalise_at(end + of.end(), ("date",))
        day = _DAY_VALUE.fullmatch(results[0][3]) if results else None
        return _safe_date(int(day[1]), int(day[2]), int(day[3])) if day else None

    def _relunit(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        mod = _mod_of(t)
        if re.fullmatch(r"This\s+Week|Next\s+Year|This\s+Year", raw) and not re.search(
            r"(?:^|[.!?]\s+|\n\s*)$", self.text[max(0, start - 4) : start]
        ):
            return None  # a title mid-sentence: ABC's "This Week"
        if re.match(r"(?:by )?year(?:'s)?[ -]end", t):
            if self.dct is None:
                return ("DATE", "XXXX", "END")
            # "since year-end" counts from one already past: last year's, bar the last days.
            since = re.search(r"\bsince\s+$", self.text[max(0, start - 8) : start], re.I)
            passed = since is not None and (self.dct.month, self.dct.day) < (12, 25)
            return ("DATE", f"{self.dct.year - passed:04d}", "END")
        t_core = re.sub(rf"^{_PM}\s+(?:in\s+)?", "", t) if mod else t
        t_core = t_core.removesuffix("'s")
        unit_m = re.search(
            r"(week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)$",
            t_core,
        )
        if unit_m is None:
            return None
        unit = unit_m[1]
        qualifier = t_core[: unit_m.start()].strip().replace("fiscal", "").strip()
        qualifier = re.sub(r"\s+", " ", qualifier)
        if (
            qualifier in ("last", "the past", "the last", "the previous", "this past", "the latest")
            and unit != "weekend"
        ):
            offset = -1
        elif qualifier in ("next", "the next", "the coming", "this coming"):
            offset = 1
        else:
            offset = 0
        if qualifier == "the full" and unit != "year":
            return None  # "the full week" is a length, "the full year" the reporting year
        if unit == "fall" and qualifier == "the" and not mod:
            return None  # "the fall" is as often a collapse as a season
        if qualifier == "this" and unit == "century" and not mod:
            return ("DURATION", "P100Y", None)  # how the annotated news writes it, 2 of 2
        if qualifier == "the" and unit == "week" and not mod:
            # "For the week, the index dropped": annotated news gives the year, not the week.
            return ("DATE", f"{self.dct.year:04d}-WXX" if self.dct else "XXXX-WXX", None)
        if qualifier == "the" and unit in ("month", "quarter", "decade", "century") and not mod:
            return None  # too vague to annotate without context
        if qualifier == "the" and unit == "year" and not mod:
            after = self.text[end : end + 12].lower()
            if re.match(r"\s+(?:ended|ending|to\b)", after):
                return ("DURATION", "P1Y", None)
        if self.dct is None:
            unknown = _UNKNOWN_OF_UNIT.get(unit, "XXXX-" + lx.SEASONS.get(unit, "XX"))
            if (
                offset == 0
                and qualifier in ("this", "the current")
                and unit in ("year", "month", "week")
            ):
                unknown = "PRESENT_REF"
            return ("DATE", unknown, mod)
        d = self.dct
        if unit == "week":
            value = _iso_week(d + timedelta(weeks=offset))
        elif unit == "weekend":
            named = self._weekend_of_date(end) if qualifier == "the" else None
            if named is not None:
                ref = named
            elif qualifier in ("last", "this past", "the past", "the last"):
                ref = d - timedelta(days=d.weekday() + 1)
            elif qualifier in ("next", "the coming", "this coming"):
                ref = d + timedelta(days=(5 - d.weekday()) % 7 or 7)
            else:
                tense = self.tense(start, end) if d.weekday() < 5 else None  # read once
                if qualifier == "this" and (d.weekday() >= 4 or tense != "past"):
                    # "This weekend" is this week's, unless a weekday story tells of it in the past.
                    ref = d + timedelta(days=5 - d.weekday())
                elif d.weekday() >= 5 or tense == "future":
                    ref = d + timedelta(days=(5 - d.weekday()) % 7)
                else:
                    ref = d - timedelta(days=d.weekday() + 1)
            value = _iso_week(ref) + "-WE"
        elif unit == "month":
            y, m = _add_months(d.year, d.month, offset)
            value = f"{y:04d}-{m:02d}"
        elif unit == "year":
            if "latest" in qualifier:
                offset = -1
            value = f"{d.year + offset:04d}"
        elif unit == "quarter" and offset == 0 and self.ref_quarter is not None:
            # "This quarter's loss" after "the third quarter ended Sept. 30": the quarter reported.
            value = f"{self.ref_quarter[0]:04d}-Q{self.ref_quarter[1]}"
        elif unit == "quarter":
            q = _quarter_of(d) + offset
            year = d.year + (q - 1) // 4
            value = f"{year:04d}-Q{(q - 1) % 4 + 1}"
            self.ref_quarter = (year, (q - 1) % 4 + 1)
            self.year_period = False
        elif unit == "decade":
            value = f"{d.year // 10 + offset:03d}"
        elif unit == "century":
            value = f"{d.year // 100 + offset:02d}"
        else:
            season = lx.SEASONS[unit]
            lead = "this past" if qualifier == "this past" else _LEAD_OF_OFFSET.get(offset, "")
            value = f"{_season_year(season, d, lead):04d}-{season}"
        self.remember(value)
        return ("DATE", value, mod)

    def _decade(self, raw: str, start: int, end: int):
        t = raw.lower()
        mod = _mod_of(re.sub(r"^the\s+", "", t))
        m = re.search(r"(\d{3})0'?s", t)
        if m:
            return ("DATE", m[1], mod)
        m = re.search(r"(?<![\d$])'?(\d)0'?s", t)
        if (
            m
            and "'" not in m[0]
            and re.search(
                r"temperature|degrees|\bhighs?\b|\blows?\b",
                self.text[max(0, start - 40) : start],
                re.I,
            )
        ):
            return None  # "highs in the 90s" is a temperature
        words = {
            "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
            "eighties": 8, "nineties": 9,
        }  # fmt: skip
        digit = int(m[1]) if m else next((v for k, v in words.items() if k in t), None)
        if digit is None:
            return None
        century = 19
        if self.dct is not None and digit * 10 <= self.dct.year % 100 and self.dct.year >= 2000:
            century = self.dct.year // 100
        return ("DATE", f"{century}{digit}", mod)

    def _century(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        mod = _mod_of(re.sub(r"^the ", "", t))
        m = re.search(r"(\d{1,2})(?:st|nd|rd|th)", t)
        if m:
            n = int(m[1])
        else:
            word_m = re.search(r"(twenty-first|\w+)[ -]+century", t)
            word = word_m[1] if word_m else ""
            if word in ("this", "last", "next"):
                if self.dct is None:
                    return ("DATE", "XX", mod)
                n = self.dct.year // 100 + 1 + {"this": 0, "last": -1, "next": 1}[word]
            else:
                n = lx.ORDINALS.get(word, 0)
        if not 1 <= n <= 30:
            return None
        return ("DATE", f"{n - 1:02d}", mod)

    def _year(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        year = _find_year(t)
        if year is None:
            return None
        mod = _mod_of(t)
        if re.search(r"and beyond|or later|and later|onwards?$", t):
            mod = "ON_OR_AFTER"
        elif t.endswith("or earlier"):
            mod = "ON_OR_BEFORE"
        elif t.startswith("post-"):
            mod = "AFTER"
        elif t.startswith("pre-"):
            mod = "BEFORE"
        half = re.search(r"(first|second|last) half of", t)
        value = f"{year:04d}"
        if half:
            value += "-H1" if half[1] == "first" else "-H2"
            mod = None
        # A bare number in a list of amounts is not a year: "1,500" is excluded by the grammar;
        # here reject counts such as "1999 people".
        after = self.text[end : end + 16].lower()
        if re.fullmatch(r"\d{4}", raw) and re.match(
            r"\s+(?:people|persons|men|women|votes|shares|units|troops|cars|times|feet|meters|metres|miles|km|tons|tonnes)\b",
            after,
        ):
            return None
        if (
            re.fullmatch(r"\d{4}", raw)
            and _STREET_AFTER_A_NUMBER.match(self.text, end)
            and not _YEAR_PREPOSITION_BEFORE.search(self.text, max(0, start - 8), start)
        ):
            return None  # "2088 Philip Street", "1600 Pennsylvania Avenue": a house number
        self.remember(value)
        return ("DATE", value, mod)

    def _set(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        simple = {
            "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
            "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
        }  # fmt: skip
        if t in simple:
            before = self.text[max(0, start - 10) : start].lower()
            if t == "daily" and re.search(r"\b(?:average|the)\s+$", before):
                return None  # "average daily volume", "the daily tally": a modifier, no frequency
            if t in ("daily", "weekly") and _NEWSPAPER_NOUN.match(self.text, end):
                return None  # "the Communist Party daily Granma", "the weekly said": a newspaper
            if raw[0].isupper() and self._ends_a_name(start, end):
                return None  # "Breitbart News Daily", NBC's "Nightly News": part of a name
            if re.search(r"(?:\d%?|percent|million|billion|units|shares)\s+$", before):
                return None  # "rise 8.5% annually", "10,000 units annually": a rate
            return ("SET", simple[t], None)
        wd_m = _WEEKDAY_RE.search(t)
        if wd_m:
            pod_m = _POD_RE.search(t, wd_m.end())
            value = f"XXXX-WXX-{lx.WEEKDAYS[wd_m[0]] + 1}"
            if pod_m:
                value += "T" + lx.PARTS_OF_DAY.get(pod_m[0], "")
            return ("SET", value, None)
        month_m = _MONTH_RE.search(t)
        if month_m and not _UNIT_RE.search(t):
            return ("SET", f"XXXX-{lx.MONTHS[month_m[0].rstrip('.')]:02d}", None)
        season_m = re.search(lx.SEASON, t)
        if season_m:
            return ("SET", f"XXXX-{lx.SEASONS[season_m[0]]}", None)
        pod_m = _POD_RE.search(t)
        if pod_m and not _UNIT_RE.search(t):
            return ("SET", f"TXX{lx.PARTS_OF_DAY.get(pod_m[0], '')}".replace("TXX", "T"), None)
        unit_m = _last_match(_UNIT_RE, t)
        if unit_m is None:
            return None
        unit = _unit_name(unit_m)
        amount = 2.0 if "other" in t else 1.0
        num_m = re.match(rf"(?:every|each|per) ({_NUM}) ", t)
        if num_m:
            amount = _number_value(num_m[1]) or 1.0
        return ("SET", _duration_value(amount, unit), None)

    def _ref(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        if t == "recent" or "foreseeable" in t:
            # Annotated in under 40% of uses ("the recent attacks"): more noise than signal.
            return None
        if (
            t in ("now", "currently")
            and self.text[end : end + 1] == ","
            and _opens_sentence(self.text, start)
        ):
            # "Now, he says, ...", "Currently, organs are rationed": a discourse opener, which the
            # annotated news never tags (0 of 5).
            return None
        if re.search(r"now|currently|current|these days|nowadays|present", t):
            return ("DATE", "PRESENT_REF", None)
        if re.search(r"future|soon|as soon as possible|near term|short term|long term", t):
            return ("DATE", "FUTURE_REF", None)
        return ("DATE", "PAST_REF", None)

    def _month(self, raw: str, start: int, end: int):
        month_m = _MONTH_RE.search(raw)
        if month_m is None:
            return None
        word = month_m[0]
        key = word.lower().rstrip(".")
        # Bare months must be written as names: "may", "march" and abbreviations are other words.
        if len(key) <= 4 and key not in ("june", "july", "may") or not word[0].isupper():
            return None
        preceding = self.text[max(0, start - 12) : start].lower()
        prep_m = re.search(
            r"\b(in|by|since|until|through|from|during|of|on|for|before|after|till)\s+$", preceding
        )
        prep = prep_m[1] if prep_m else ""
        # The second month of a pair or range ("March and May", "from April to May 2013").
        paired = _AFTER_MONTH.search(self.text, max(0, start - 24), start) is not None
        period_end = _PERIOD_END.search(self.text, max(0, start - 24), start) is not None
        has_lead = bool(re.match(r"(?:last|next|this|early|late|mid)", raw.lower()))
        if key == "may" and not (prep or has_lead or paired or period_end):
            return None
        if key == "march" and not (prep or has_lead or paired):
            # "March" alone is usually the month, but "the March on Washington" is not: demand a
            # capital and no following capitalised word.
            after = self.text[end : end + 3]
            if re.match(r"\s+[A-Z]", after) or re.match(
                r"\s+(?:on|to|for|of)\b", self.text[end : end + 5]
            ):
                return None
        lead = raw[: month_m.start()].strip().lower()
        lead = re.sub(r"\s+", " ", lead)
        lead = re.sub(r"(?:the month of)$", "", lead).strip()
        # The preposition before the month is a tense cue of its own, unless it ends a period:
        # "since" looks back; "until", "by" and "through" look ahead, unless their clause is
        # plainly told in the past ("prices rose through March"). A weaker past keeps looking
        # ahead: "has extended loans through January" runs on into January.
        cue = None if period_end else _PREPOSITION_TENSE.get(prep)
        if cue == "future" and self.tense(start, end) == "past":
            cue = "past"
        mod = _mod_of(lead) if lead else None
        month = lx.MONTHS[key]
        if self.dct is None:
            return [(start, end, "DATE", f"XXXX-{month:02d}", mod)]
        year: int | None
        if lead == "last":
            # "last February" in March is a year back: the month just gone is "last month".
            year = self.dct.year if month < self.dct.month - 1 else self.dct.year - 1
        elif lead == "this past":
            year = self.dct.year if month < self.dct.month else self.dct.year - 1
        elif lead in ("next", "this coming"):
            year = self.dct.year if month > self.dct.month else self.dct.year + 1
        elif lead == "this":
            year = self.dct.year
        else:
            after = self.text[end : end + 12].lower()
            if re.match(r"\s+(?:this|last|next) year", after):
                return None  # the grammar's month-year alternative covers it
            range_end = _RANGE_END_YEAR.match(self.text, end)
            if range_end is not None:
                year = int(range_end[1])  # "from April to May 2013": the range's year
            elif self.ref_value and _OF_THAT_YEAR.match(self.text, end):
                # "in January 2007 and in September of that year": the year told before.
                year = int(self.ref_value[:4])
            else:
                year = self.infer_year(month, None, start, end, cue)
        if year is None:
            return None
        value = f"{year:04d}-{month:02d}"
        self.remember(value)
        return [(start, end, "DATE", value, mod)]

    def _season(self, raw: str, start: int, end: int):
        t = re.sub(r"\s+", " ", raw.lower())
        season_m = re.search(lx.SEASON, t)
        if season_m is None:
            return None
        season = lx.SEASONS[season_m[0]]
        lead = t[: season_m.start()].strip()
        mod = _mod_of(lead) if lead else None
        year = _find_year(t[season_m.end() :])
        if lead in ("during the", "in the"):
            start += raw.lower().index("the")
            lead = "the"
        if season_m[0] == "fall" and lead in ("the", "") and year is None:
            return None
        if year is None:
            if self.dct is None:
                return ("DATE", f"XXXX-{season}", mod)
            year = _season_year(season, self.dct, lead)
        value = f"{year:04d}-{season}"
        self.remember(value)
        return ("DATE", value, mod)


# "After a flat second quarter, ...": a quarter named for comparison is not the one reported.
_AFTER_COMPARISON = re.compile(r"(?:after|than|from|with|since)\s+(?:a|an|the|its)?\s*$", re.I)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or re.search(r'(?:^|[.!?"\'\n]\s*|\n)$', before) is not None


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is what we want
        pass
    return found


def _season_year(season: str, d: date, lead: str) -> int:
    """The year of the ``season`` meant on ``d``: the ``lead`` "last" one, the "next" one, the
    "this past" one (the latest one over: "this past summer" said in July is last year's), else
    this year's."""
    order, current = lx.SEASON_ORDER[season], _season_index(d)
    if lead == "this past":
        return d.year - (1 if order >= current else 0)
    if lead == "last":
        return d.year - 1
    if lead == "next":
        return d.year + (0 if order > current else 1)
    return d.year


_LEAD_OF_OFFSET = {-1: "last", 1: "next"}


def _season_index(d: date) -> int:
    # December's winter is the one that runs into next year: every "next" season follows it.
    return {12: 4, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(d.month, 3)


def _shift_years(value: str, delta: int) -> str | None:
    m = re.match(r"(\d{4})(.*)$", value)
    if m is None:
        return None
    year = int(m[1]) + delta
    rest = m[2]
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _duration_value(amount: float | None, unit: str) -> str:
    """A TIMEX3 duration ("P2W", "PT5H30M", "P2Y6M"); None amounts give X ("PXY")."""
    letter, is_time = lx.UNITS.get(unit, ("Y", False))
    if letter == "WE":
        return "P2D" if amount is None else f"P{_format_amount(2 * amount)}D"
    prefix = "PT" if is_time else "P"
    if amount is None:
        if unit in ("decade", "century", "millennium"):
            return {"decade": "PXE", "century": "PXC", "millennium": "PXL"}[unit]
        return f"{prefix}X{letter}"
    amount *= lx.UNIT_MULTIPLIER.get(unit, 1)
    whole = int(amount)
    frac = amount - whole
    if frac and whole >= 0:
        smaller = {"Y": ("M", 12), "M": ("D", 30) if not is_time else ("S", 60), "W": ("D", 7),
                   "D": ("H", 24), "H": ("M", 60), "S": ("", 0), "Q": ("M", 3)}  # fmt: skip
        sub_letter, factor = smaller.get(letter, ("", 0))
        if sub_letter and factor:
            sub = round(frac * factor)
            if letter == "D":
                head = f"P{whole}D" if whole else "P"
                return f"{head}T{sub}H"
            if letter == "Q":
                return f"P{whole * 3 + sub}M"
            head = f"{prefix}{whole}{letter}" if whole else prefix
            return f"{head}{sub}{sub_letter}"
        return f"{prefix}{_format_amount(amount)}{letter}"
    return f"{prefix}{whole}{letter}"


# --------------------------------------------------------------------------- public API


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Grammar matches in text order, tried only around trigger tokens (same result as a full scan
    for every expression whose prefix words are in ``_LEFT_WORDS``)."""
    consumed = 0
    lowered = text.lower()
    same_length = len(lowered) == len(text)
    triggers = _TRIGGER.finditer(lowered) if same_length else _TRIGGER_ANY_CASE.finditer(text)
    for trigger in triggers:
        trigger_start = trigger.start()
        if trigger_start < consumed:
            continue
        left_from = max(consumed, trigger_start - 72)
        left = _LEFT_REVERSED.match(text[left_from:trigger_start][::-1])
        first = trigger_start - left.end() if left else trigger_start
        candidates = (
            [first]
            if first == trigger_start
            else [m.start() for m in _CANDIDATE_START.finditer(text, first, trigger_start)]
            + [trigger_start]
        )
        for candidate in candidates:
            match = _PATTERN.match(text, candidate)
            if match is not None and match.end() > trigger_start:
                consumed = match.end()
                yield match
                break


def find_dates(text: str, dct: str | None) -> list[DateMention]:
    """Temporal expressions in ``text``, in text order, normalised against ``dct`` (ISO date or None).

    Never raises on odd input: empty, binary-looking or non-Latin text simply gives fewer mentions.
    """
    if not text or not isinstance(text, str):
        return []
    # Every rule reads straight apostrophes ("Monday’s", "o’clock", "today’s world"): curly ones
    # are straightened once here, character for character, so offsets and spans stay the text's.
    read = text.replace("\u2019", "'").replace("\u2018", "'")  # (faster than translate)
    resolver = _Resolver(read, _parse_dct(dct))
    mentions: list[DateMention] = []
    for match in _matches(read):
        kind = match.lastgroup
        if kind is None:
            continue
        start, end = match.span()
        # Spaces and commas swallowed by optional parts of the grammar are not part of the span.
        while end > start and text[end - 1] in " ,":
            end -= 1
        try:
            items = resolver.normalise(kind, start, end)
        except (ValueError, OverflowError, KeyError, IndexError):
            items = []
        for s, e, typ, value, mod in items:
            if e <= s:
                continue
            mentions.append(DateMention(s, e, text[s:e], typ, value, _is_resolved(typ, value), mod))
    return mentions


_DAY_BEFORE_AFTER = re.compile(r"the\s+day\s+(before|after)\s+", re.IGNORECASE)
_DAY_OR_YEARLESS_DAY = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


_RESOLVED_VALUE = re.compile(
    r"\d{2,4}(?:-(?:\d\d(?:-\d\d)?|W\d\d(?:-WE)?|Q\d|H\d|SP|SU|FA|WI))?(?:T[\w:]+)?"
)


def _is_resolved(typ: str, value: str) -> bool:
    return typ in ("DATE", "TIME") and _RESOLVED_VALUE.fullmatch(value) is not None


_GRANULARITY_DAYS = {"Q": 91, "H": 182, "W": 7}


def sort_key(mention: DateMention) -> tuple[int, str, int, int]:
    """Orders mentions by the time they refer to: resolved calendar values first, earliest first.

    Unresolved values, durations and sets follow in text order. Coarser periods sort at their
    start ("2022" before "2022-01-10"), ties broken by precision then position.
    """
    if not mention.resolved:
        return (1, "", mention.start, mention.end)
    value = mention.value
    key = value
    m = re.fullmatch(r"(\d{4})-(Q|H)(\d)", value)
    if m:
        month = (int(m[3]) - 1) * (3 if m[2] == "Q" else 6) + 1
        key = f"{m[1]}-{month:02d}"
    m = re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value)
    if m:
        try:
            key = _fmt_day(date.fromisocalendar(int(m[1]), int(m[2]), 1))
        except ValueError:
            key = m[1]
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        key = f"{m[1]}-{ {'WI': '01', 'SP': '03', 'SU': '06', 'FA': '09'}[m[2]] }"
    if re.fullmatch(r"\d{3}", value):
        key = value + "0"
    elif re.fullmatch(r"\d{2}", value):
        key = value + "00"
    return (0, key, mention.start, mention.end)
