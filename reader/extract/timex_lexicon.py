"""Word lists and regex pieces for temporal expressions (used by ``reader.extract.dates``).

Kept apart from the normalisation code so the grammar can be read in one place. Every piece is a
non-capturing regex fragment meant to be compiled with ``re.IGNORECASE``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Full names in calendar order; the one source for the name lists of dates and attribution.
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# Modal verbs, lower case ("'ll" and the auxiliaries each user adds are its own).
MODALS = frozenset(["will", "would", "could", "can", "may", "might", "should", "must", "shall"])

# Past tenses that end in neither "-ed" nor a quotation cue: for attribution a subject's verb,
# never its noun; for dates a past tense cue (some of them, see ``dates._WEAK_PAST_CUE``).
IRREGULAR_PASTS = frozenset(
    [
        "took", "made", "went", "came", "ran", "gave", "got", "won", "lost", "saw", "knew",
        "thought", "felt", "held", "kept", "left", "met", "paid", "put", "set", "sent", "spent",
        "stood", "spoke", "became", "began", "brought", "bought", "built", "chose", "drew",
        "drove", "fell", "fought", "found", "caught", "grew", "heard", "hit", "let", "meant",
        "rose", "sat", "sold", "shot", "stole", "struck", "taught", "threw", "understood", "wore",
        "withdrew", "oversaw", "upheld", "sought",
    ]
)  # fmt: skip

MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAY_NAMES)}

# TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "nights": "NI", "mornings": "MO", "afternoons": "AF", "evenings": "EV",
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "a": 1, "an": 1, "couple": 2,
}  # fmt: skip

# Quantities that TimeML writes as X ("several years" -> PXY).
VAGUE_NUMBERS = {"few", "several", "some", "many", "a few", "a number of", "numerous", "countless"}

# Duration units -> (TimeML letter, needs the "T" time designator, plural-insensitive key).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("W", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
    "millennium": ("Y", False), "weekend": ("WE", False),
}  # fmt: skip
UNIT_MULTIPLIER = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}

# Fixed-date holidays (month, day); Thanksgiving and Easter are computed.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year's": (1, 1),
    "independence day": (7, 4), "the fourth of july": (7, 4), "fourth of july": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26),
    "bastille day": (7, 14), "st. patrick's day": (3, 17), "veterans day": (11, 11),
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so prefixes never shadow longer words."""
    items = sorted(words, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items) + ")"


def trie_alternation(words: Iterable[str]) -> str:
    """An alternation of literal words compiled as a prefix tree, so a failed match costs one test."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_S = r"\s+"
MONTH = (
    "(?:"
    + "|".join(MONTH_NAMES)
    + "|(?:"
    + "|".join(word for word in MONTHS if word not in MONTH_NAMES)  # "sept" before "sep"
    + r")\.?)(?![\w-])"
)
WEEKDAY = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
# Between the two days of a pair or range: "9 and 10", "9, and 10", "9-10", "9 through 10".
DAY_PAIRING = r"\s*(?:,?\s*and|or|to|through|-|–)\s*"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d/]|:\d)"
# Spelled ordinal days ("January nineteenth", "the fifth of March"); only used next to a month.
DAY_WORD = (
    r"(?:(?:twenty|thirty)[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth)(?![\w-])"
)
# A 4-digit year not glued to money, decimals, thousands separators or percentages.
YEAR = r"(?<![\w$£€.,/])(?:(?<!\d-)|(?<=(?<!\d)(?:1[6-9]\d\d|20\d\d)-))(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,/]\d|\s*(?:percent|per\s+cent)\b)"
ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
NUMBER_WORD = rf"(?:{TENS}(?:[-\s]{ONES})?|{TEENS}|{ONES}|(?:a\s+|one\s+|two\s+)?(?:hundred|thousand)|a\s+dozen|dozen)"
SPELLED_YEAR = (
    rf"(?:nineteen[-\s](?:{TENS}(?:[-\s]{ONES})?|{TEENS}|hundred(?:\s+and\s+{ONES})?|oh[-\s]{ONES})"
    # "two thousand ten", "two thousand and three"; not "two thousand people" (a count)
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{TENS}(?:[-\s]{ONES})?|{TEENS}|{ONES}))?"
    r"(?![\w-]|\s+(?:hundred|thousand|years|people|dollars|troops|soldiers|men|women|children"
    r"|members|workers|jobs|times|miles|feet|tons|votes|residents|students)\b))"
)
NUMBER = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d)?|{NUMBER_WORD}(?:\s+and\s+a\s+half)?"
    r"|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|several|a\s+number\s+of|few|some|many|numerous"
    r"|an?(?:\s+and\s+a\s+half)?|half\s+an?|a\s+half)"
)
UNIT = (
    r"(?:(?:trading|business|working|calendar|school|full|straight|consecutive)\s+)?"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|millennium|millennia)(?![\w-])"
)
PLURAL_UNIT = (
    r"(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?![\w-])"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)s?(?![\w-])"
SEASON = r"(?:spring|summer|fall|autumn|winter)(?![\w-])"
# Time-zone abbreviations after a clock time; capitals only in running text ("9 a.m. ET").
ZONE_NAMES = (
    r"[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|WES?T|MSK|IST|JST|KST|HKT|SGT|AES?[DT]T?|NZ[SD]T|SAST"
    r"|EAT|CAT|WAT"
)
ZONE = rf"(?-i:{ZONE_NAMES})"
"""A zone as written, whatever the pattern's case flag."""
ZONE_LOWER = ZONE_NAMES.lower()
"""The same zones in lower-cased text (the trigger scans run over it)."""
CLOCK = (
    r"(?:(?:around|about|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    # "3:10 p.m.", and "p. m." as tokenised copies write it
    r"(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s*(?:a\.\s?m\.?|p\.\s?m\.?|am(?![\w])|pm(?![\w]))"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?:\s*(?:hours|hrs|GMT|UTC))?"
    # British style: "10.15am" (above), "14.05 GMT"
    rf"|(?:[01]?\d|2[0-3])\.[0-5]\d(?=\s*{ZONE}\b)"
    r"|(?:1[0-2]|0?[1-9])\s+o'clock|noon|midnight|midday"
    # wire-service military time: "0600 GMT"; "at 1100 hours" (after a preposition: "1100 hours
    # of work" is a duration)
    rf"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*{ZONE}\b)"
    r"|(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bbefore\s)|(?<=\bafter\s)"
    r"|(?<=\baround\s)|(?<=\babout\s))(?:[01]\d|2[0-3])[0-5]\d\s+hours(?![\w-]))"
    rf"(?:\s+(?:{ZONE}|local\s+time)(?![\w]))?"
)
# Modifiers TimeML keeps inside the span and turns into a mod attribute.
POINT_MOD = (
    r"(?:early|late|mid-?|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+last\s+half\s+of"
    r"|the\s+latter\s+part\s+of|the\s+early\s+part\s+of|around|approximately)"
)
APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|over|more\s+than|less\s+than"
    r"|fewer\s+than|under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than"
    r"|not\s+more\s+than|within|just\s+over|just\s+under|well\s+over|barely|only|just)"
)
HOLIDAY = (
    r"(?:christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?"
    r"|independence\s+day|(?:the\s+)?fourth\s+of\s+july|halloween|valentine's\s+day"
    r"|boxing\s+day|bastille\s+day|st\.\s+patrick's\s+day|veterans\s+day"
    r"|easter(?:\s+(?:sunday|monday|week))?"
    r"|good\s+friday|black\s+friday|cyber\s+monday|election\s+day|inauguration\s+day|labor\s+day|memorial\s+day)(?![\w])"
)
