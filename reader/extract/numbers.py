"""Quantities in article text: counts with their noun, money, percentages, measures, ordinals.

``find_numbers(text)`` runs one compiled regex over the text for number cores (digits, number
words, vague plurals such as "tens of thousands"), then looks a few characters either side of each
match to decide what it counts:

- ``money``: a currency sign or word ("$200 million", "5 billion euros"); ``unit`` is an ISO code.
- ``percent``: "2.5%", "15 percent", "15 per cent"; ``unit`` is ``%`` (or ``percentage points``).
- ``measure``: a unit of time, distance, weight... ("eight-year war", "2 1/2 years", "40 km");
  ``unit`` is the singular unit ("year").
- ``count``: a number with the noun it counts ("10,000 combat and special forces soldiers" ->
  10000 ``soldiers``); ``unit`` is the noun as written, lower-cased, or None for a bare number.
- ``ordinal``: "21st", "second" (``unit`` is the noun that follows, when there is one).

Approximate and vague quantities are flagged ``approx`` ("some 100,000", "tens of thousands",
"1000's"); ``qualifier`` keeps the words that made them so ("some", "more than").

Not quantities: calendar years ("2014", "the 1990s"), days of dates ("January 10", "9 and 10"
after a month), clock times, and numbers glued to names ("COVID-19", "F-16", "G7"): the dates
engine and the reader's eye cover those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.extract.timex_lexicon import DAY_PAIRING, MONTHS, ZONE, alternation, trie_alternation
from reader.text.counts import plural

__all__ = ["NumberMention", "find_numbers", "unit_key"]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One quantity, with offsets into the text it was found in."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    """ISO currency code (money), ``%`` (percent), singular unit (measure), noun as written (count)."""
    kind: str
    """count | money | percent | measure | ordinal"""
    approx: bool = False
    """Hedged ("some 100,000") or vague ("tens of thousands", "dozens")."""
    qualifier: str | None = None
    """The hedge as written, lower-cased: "some", "more than", "nearly"..."""
    vague: bool = False
    """A vague plural ("tens of thousands", "dozens", "1000's"): ``value`` is the lower bound
    of a range up to ten times as much."""

    @property
    def unit_as_said(self) -> str | None:
        """The unit as a sentence says it with this value: "2.5 years", "1 year", "6 feet"."""
        if self.kind != "measure" or self.unit is None or self.value == 1:
            return self.unit
        return plural(self.unit)


# --------------------------------------------------------------------------- lexicon


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}  # fmt: skip
# Vague plurals: "thousands of", "tens of thousands of" (the smallest value the words allow).
_VAGUE = {"dozens": 12.0, "scores": 20.0, "tens": 10.0, "hundreds": 1e2, "thousands": 1e3,
          "millions": 1e6, "billions": 1e9}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip

_CURRENCY_SIGNS = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
    "ca$": "CAD", "hk$": "HKD", "nz$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
    "₴": "UAH", "₹": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "chf": "CHF",
    "jpy": "JPY", "cny": "CNY", "uah": "UAH",
}  # fmt: skip
_CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "sterling": "GBP", "ruble": "RUB",
    "rouble": "RUB", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "hryvnia": "UAH",
    "hryvnias": "UAH", "rupee": "INR", "swiss franc": "CHF", "franc": "CHF",
    "lira": "TRY", "lire": "TRY", "shekel": "ILS", "won": "KRW", "zloty": "PLN", "zlotys": "PLN",
}  # fmt: skip

_MEASURE_UNITS = {
    "second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour",
    "hr": "hour", "day": "day", "night": "night", "week": "week", "month": "month",
    "year": "year", "yr": "year", "decade": "decade", "century": "century", "centurie": "century",
    "mile": "mile", "kilometer": "kilometer", "kilometre": "kilometer", "km": "kilometer",
    "meter": "meter", "metre": "meter", "m": "meter", "centimeter": "centimeter",
    "centimetre": "centimeter", "cm": "centimeter", "millimeter": "millimeter",
    "millimetre": "millimeter", "mm": "millimeter", "feet": "foot", "foot": "foot", "ft": "foot",
    "inch": "inch", "inche": "inch", "yard": "yard", "acre": "acre", "hectare": "hectare",
    "ton": "ton", "tonne": "ton", "kilogram": "kilogram", "kg": "kilogram", "gram": "gram",
    "g": "gram", "pound": "pound", "lb": "pound", "ounce": "ounce", "liter": "liter",
    "litre": "liter", "gallon": "gallon", "barrel": "barrel", "degree": "degree",
    "megawatt": "megawatt", "mw": "megawatt", "gigawatt": "gigawatt", "kilowatt": "kilowatt",
    "kph": "km/h", "mph": "mph", "knot": "knot",
    "square mile": "square mile",
    "square kilometer": "square kilometer", "square kilometre": "square kilometer",
    "sq km": "square kilometer", "sq mile": "square mile",
}  # fmt: skip

# Nouns news text counts. A number's noun is the first of these after it (or a plural-looking
# word when none is listed), so adjectives in between ("24 former US officials") are skipped.
_COUNT_NOUNS = _word_set(
    """
    people persons person residents citizens civilians inhabitants children kids adults women men
    girls boys students workers employees staff members voters migrants refugees immigrants
    asylum-seekers prisoners detainees hostages captives protesters demonstrators activists
    journalists reporters officials diplomats lawmakers legislators senators representatives
    ministers leaders politicians candidates delegates ambassadors envoys advisers advisors
    experts analysts scientists doctors nurses patients victims casualties deaths dead injured
    wounded fatalities survivors troops soldiers servicemen servicemembers sailors marines
    airmen fighters militants rebels separatists insurgents combatants forces police officers
    policemen guards personnel contractors mercenaries volunteers reservists conscripts
    battalions brigades divisions units regiments companies squadrons tanks missiles rockets
    drones jets aircraft planes helicopters warships ships vessels boats submarines vehicles
    weapons guns rifles rounds shells bombs warheads launchers systems batteries cars trucks
    buses trains homes houses buildings apartments schools hospitals villages towns cities
    countries nations states provinces regions districts counties sites bases facilities
    plants factories airports ports bridges roads attacks strikes airstrikes cyberattacks
    incidents explosions blasts raids clashes battles violations cases infections tests doses
    vaccines votes seats ballots signatures signatories pages documents files emails letters
    messages posts tweets calls meetings talks rounds sessions summits visits trips flights
    sanctions measures proposals demands points steps conditions options agreements deals
    treaties laws bills rules amendments charges counts indictments arrests convictions
    sentences lawsuits complaints reports stories articles books copies jobs shares stocks
    barrels tonnes tons acres hectares animals cattle sheep birds species trees families
    households businesses firms banks shops stores outlets organizations organisations groups
    parties teams clubs members tracks leaders sides rounds times percent euros dollars
    """
)
_STOP_WORDS = _word_set(
    """
    a an the this that these those it its their our his her my your them they we he she who
    whom whose which what where when while if than then as of in on at to from by for with
    into onto over under about after before since until during between among against through
    across along around near without within per via and or but nor so yet not no is are was
    were be been being have has had do does did will would shall should can could may might
    must also only just even still already more most less least very too said says say told
    according each every all both either neither any some many much few other another such
    there here now again ago later earlier
    """
)
# Words that end in "s" without being plurals.
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ics", "ness", "ys")

_MONTHS = alternation(MONTHS)

# --------------------------------------------------------------------------- grammar

_WORD_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}"
    rf"|{'|'.join(_ONES)}|a\s+dozen|half\s+a\s+dozen|dozen)"
)
_SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion)"
_SCALE_ABBR = r"(?:bn|mn|mln|tn|trn|[kmb])"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_CURRENCY_SIGN = (
    r"(?:(?:U\.S\.\s?\$|(?:US|AU|CA|HK|NZ|A|C)\$|\$|€|£|¥|₽|₴|₹)\s?"
    r"|(?:USD|EUR|GBP|RUB|CHF|JPY|CNY|UAH)\s?)"
)

# The leading lookahead is for speed: positions that cannot start a number (inside words, or at
# a word whose first letter no number word, currency code or vague plural has) fail at once.
_CORE_RE = re.compile(
    rf"""
    (?=[\d$€£¥₽₴₹.]|\b[otfsenahdmbucgrj])
    (?:(?P<vague>(?:(?:tens|hundreds|dozens|scores)\s+of\s+)?
        (?:thousands|millions|billions|hundreds|dozens|scores|tens|\d{{1,3}}(?:,?000)+['\u2019]?s)
        (?=\s+of\b))
    |(?:(?<![\w$])(?P<cur>{_CURRENCY_SIGN})|(?<![\w.,/:$€£¥₽₴₹-])(?<![A-Za-z]-))
     (?P<digits>{_DIGITS})
     (?P<frac>\s+\d/\d{{1,2}}|\s?[½¼¾])?
     (?P<ord>(?<=1)st|(?<=2)nd|(?<=3)rd|(?<=\d)th)?
     (?P<plural>['\u2019]?s\b)?
     (?:(?P<scale>\s*(?:{_SCALE_WORDS}\b|{_SCALE_ABBR}(?![\w])))|(?!(?!pc\b)[\w]|[.,/:]\d))
    |(?<![\w-])(?P<words>(?:{_WORD_NUMBER})(?:\s+dozen)?(?:[\s-]+(?:{_SCALE_WORDS}))?
        |an?\s+(?:{_SCALE_WORDS})|{_SCALE_WORDS})(?![\w])
    |(?<![\w-])(?P<ordword>{"|".join(_ORDINALS)})(?![\w-]))
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Every match of the grammar starts at one of these tokens. Scanning lower-cased text for them
# case-sensitively is far cheaper than trying the IGNORECASE grammar at every word start, so the
# grammar only runs where a number can begin (``find_numbers`` gives the same mentions either way).
_START_WORDS = [
    *_ONES, *_TEENS, *_TENS, *_ORDINALS, *_VAGUE, "hundred", "thousand", "million", "billion",
    "trillion", "dozen", "half", "a", "an",
]  # fmt: skip
# The currency signs written with letters; "U.S. $5" may have a space before its "$".
_CURRENCY_CODES = [sign.replace(".$", ".") for sign in _CURRENCY_SIGNS if sign[0].isalpha()]
_START_RE = re.compile(
    rf"(?<!\w)(?:{trie_alternation(_START_WORDS)})(?!\w)"
    rf"|(?<![\w$])(?:{trie_alternation(_CURRENCY_CODES)})"
    # One character each, so a number may also start at the next digit ("x51,000s of").
    r"|[\d$€£¥₽₴₹]|\.(?=\d)"
)

_MONTH_BEFORE_RE = re.compile(
    rf"(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?{DAY_PAIRING})?$",
    re.IGNORECASE,
)
_MONTH_AFTER_RE = re.compile(rf"(?:\s+of)?\s+{_MONTHS}\b", re.IGNORECASE)
_DAY_RANGE_AFTER_RE = re.compile(
    rf"{DAY_PAIRING}\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}\b",
    re.IGNORECASE,
)
_CLOCK_AFTER_RE = re.compile(
    rf"\s*(?:a(?:\.\s?)?m\.?|p(?:\.\s?)?m\.?|o'clock|hrs|{ZONE})(?![\w])", re.IGNORECASE
)
# British papers write "9.1pc", always closed up: "10 PCs" with a space are computers.
_PERCENT_RE = re.compile(
    r"\s*(?:(?P<pct>%|percent\b|per\s*cent\b)|(?P<pp>percentage\s+points?\b))|(?P<pc>pc\b)",
    re.IGNORECASE,
)
_MEASURE_HYPHEN_RE = re.compile(
    r"-(?P<unit>second|minute|hour|day|night|week|month|year|decade|century|mile|kilometer|"
    r"kilometre|km|meter|metre|foot|feet|inch|ton|tonne|pound|acre|degree|megawatt)s?"
    r"(?:-(?:old|long))?(?![\w])",
    re.IGNORECASE,
)
_MEASURE_RE = re.compile(
    r"\s*(?P<unit>square\s+(?:miles?|kilomet(?:er|re)s?)|sq\.?\s+(?:km|miles?)"
    # Speeds, in any spelling, before the distances they start with: "100 km/h" is no "100 km".
    r"|(?P<kmh>km\s?/\s?hr?|kmh|kmph|(?:km|kilomet(?:er|re)s?)\s+(?:per|an)\s+hour)"
    r"|(?P<mph>miles?\s+(?:per|an)\s+hour)"
    r"|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|yrs?"
    r"|decades?|century|centuries|miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|m"
    r"|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm|feet|foot|ft|inch(?:es)?|yards?|acres?"
    r"|hectares?|tons?|tonnes?|kilograms?|kg|grams?|g|pounds?|lbs?|ounces?|lit(?:er|re)s?"
    r"|gallons?|barrels?|degrees?|megawatts?|mw|gigawatts?|kilowatts?|kph|mph|knots?)(?![\w])",
    re.IGNORECASE,
)
_CURRENCY_WORD_RE = re.compile(
    r"\s+(?:(?:US|U\.S\.|American|Canadian|Australian)\s+)?"
    r"(?P<cur>dollars?|euros?|pounds?\s+sterling|sterling|rubles?|roubles?|yuan|renminbi|yen"
    r"|hryvnias?|rupees?|swiss\s+francs?|francs?|lira|lire|shekels?|won|zlotys?)(?![\w])",
    re.IGNORECASE,
)
_QUALIFIER_RE = re.compile(
    r"(?:(?<![\w])(?P<q>some|about|around|approximately|roughly|nearly|almost|an\s+estimated"
    r"|estimated|more\s+than|over|at\s+least|less\s+than|fewer\s+than|under|up\s+to"
    r"|as\s+many\s+as|as\s+much\s+as|close\s+to|upwards\s+of|just\s+over|just\s+under"
    r"|well\s+over|no\s+fewer\s+than|no\s+less\s+than|no\s+more\s+than|at\s+most))\s+$",
    re.IGNORECASE,
)
_APPROX_QUALIFIERS = _word_set("some about around approximately roughly nearly almost estimated")
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019.-]*|\S", re.UNICODE)
_OF_RE = re.compile(
    r"\s+of\s+(?:(?:the|these|those|them|its|their|our|his|her|whom|which|us)\s+)?", re.IGNORECASE
)


# --------------------------------------------------------------------------- helpers


def _parse_digits(digits: str) -> float:
    return float(digits.replace(",", ""))


def _parse_fraction(frac: str | None) -> float:
    if not frac:
        return 0.0
    frac = frac.strip()
    if frac in "½¼¾":
        return {"½": 0.5, "¼": 0.25, "¾": 0.75}[frac]
    num, den = frac.split("/")
    return int(num) / int(den) if int(den) else 0.0


def _word_value(words: str) -> float | None:
    """Value of "twenty-five", "a dozen", "two hundred thousand", "a million"."""
    parts = re.split(r"[\s-]+", words.lower())
    total = 0.0
    current = 0.0
    seen = False
    for part in parts:
        if part in ("a", "an", "half"):
            if part == "half":
                current += 0.5
                seen = True
            elif not seen:
                current = 1.0
                seen = True
            continue
        if part in _ONES:
            current += _ONES[part]
        elif part in _TEENS:
            current += _TEENS[part]
        elif part in _TENS:
            current += _TENS[part]
        elif part == "dozen":
            current = (current or 1.0) * 12
        elif part in _SCALES and len(part) > 3:
            scale = _SCALES[part]
            current = (current or 1.0) * scale
            if scale >= 1e3:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _is_plural_noun(word: str) -> bool:
    # The word pattern keeps an abbreviation's dot, so a noun ending a sentence arrives as "cats.".
    lower = word.lower().rstrip(".")
    return (
        len(lower) > 3
        and lower.endswith("s")
        and lower.isalpha()
        and not lower.endswith(_NOT_PLURAL_ENDINGS)
        and lower not in _STOP_WORDS
    )


def _noun_after(text: str, pos: int, *, singular_ok: bool) -> tuple[int, int] | None:
    """Span of the noun a number at ``text[..pos]`` counts: skips adjectives, stops at clauses.

    Looks at up to six words; a listed count noun wins (extended over a following listed noun:
    "forces soldiers"), else a plural-looking word; ``singular_ok`` accepts a singular first word
    ("one soldier", "the second round").
    """
    limit = min(len(text), pos + 80)
    seen_words = 0
    fallback: tuple[int, int] | None = None
    found: tuple[int, int] | None = None
    for match in _WORD_RE.finditer(text, pos, limit):
        word = match.group()
        if not word[0].isalpha():
            if word in "-\u2010\u2011" and seen_words:
                continue
            break
        if text[pos : match.start()].count("\n"):
            break
        lower = word.lower().rstrip(".")
        if found is not None:
            if lower in _COUNT_NOUNS:
                found = (match.start(), match.start() + len(word.rstrip(".")))
                continue
            break
        if lower in _COUNT_NOUNS:
            found = (match.start(), match.start() + len(word.rstrip(".")))
            continue
        if lower in _STOP_WORDS:
            # "combat and special forces soldiers": a conjunction inside the noun phrase.
            if lower in ("and", "or") and seen_words:
                continue
            break
        if lower.endswith("ing") or lower.endswith("ly"):
            break
        if fallback is None and (
            _is_plural_noun(word) or (singular_ok and seen_words == 0 and word.islower())
        ):
            fallback = (match.start(), match.start() + len(word.rstrip(".")))
        seen_words += 1
        if seen_words >= 6:
            break
    return found or fallback


def unit_key(mention: NumberMention) -> str | None:
    """A comparison key for the unit: singular, with common synonyms merged ("soldiers" = "troops")."""
    unit = mention.unit
    if unit is None:
        return None
    if mention.kind != "count":
        return unit
    word = unit.lower().replace("\u2019", "'")
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return _SYNONYMS.get(word, word)


_SYNONYMS = {
    "soldiers": "troop", "soldier": "troop", "troops": "troop", "forces": "troop",
    "servicemen": "troop", "servicemembers": "troop", "personnel": "troop",
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
    "dead": "death", "fatalities": "death", "killed": "death", "wounded": "injured",
    "nations": "country", "nation": "country", "officers": "official",
}  # fmt: skip


# --------------------------------------------------------------------------- public API


def find_numbers(text: str) -> list[NumberMention]:
    """Quantities in ``text``, in text order. Never raises on odd input (gives fewer mentions)."""
    if not text or not isinstance(text, str):
        return []
    mentions: list[NumberMention] = []
    for match in _grammar_matches(text):
        try:
            mention = _mention(text, match)
        except (ValueError, ZeroDivisionError, OverflowError):
            mention = None
        if mention is not None:
            mentions.append(mention)
    return mentions


def _grammar_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_CORE_RE.finditer(text)`` yields, with the grammar tried only at start tokens."""
    lowered = text.lower()
    if len(lowered) != len(text):  # lower-casing moved offsets ("İ"): scan the text itself
        yield from _CORE_RE.finditer(text)
        return
    consumed = 0
    for start in _START_RE.finditer(lowered):
        if start.start() < consumed:
            continue
        match = _CORE_RE.match(text, start.start())
        if match is not None:
            consumed = match.end()
            yield match


def _mention(text: str, match: re.Match[str]) -> NumberMention | None:
    start, end = match.span()
    approx = vague = False
    kind = "count"
    unit: str | None = None
    is_year_like = False
    needs_unit = False
    currency = None

    if match.group("vague") is not None:
        parts = re.split(r"\s+of\s+", match.group("vague").lower())
        value = 1.0
        for part in parts:
            if part in _VAGUE:
                value *= _VAGUE[part]
            else:
                # "1000's" / "1,000s": the spun spelling of "thousands".
                value *= _parse_digits(re.sub(r"['\u2019]?s$", "", part))
        approx = vague = True
        needs_unit = True
    elif match.group("digits") is not None:
        digits = match.group("digits")
        start = match.start("digits")
        if match.group("cur"):
            currency = _CURRENCY_SIGNS.get(re.sub(r"\s", "", match.group("cur")).lower(), "USD")
            start = match.start()
        value = _parse_digits(digits) + _parse_fraction(match.group("frac"))
        if match.group("ord"):
            kind = "ordinal"
        plural_s = match.group("plural")
        scale = match.group("scale")
        if plural_s:
            if not re.fullmatch(r"\d*[1-9]?0{2,}|\d{1,3}(?:,000)+", digits) or (
                1600 <= value <= 2099 and "," not in digits
            ):
                # "1990s", "the '80s": decades are the dates engine's; "7s" is nothing.
                return None
            approx = vague = True
            needs_unit = True
            end = match.end("plural")
        if scale:
            scale_word = scale.strip().lower()
            # A bare "m"/"b"/"k" is a scale after a currency sign ("$5m") or before a counted
            # noun ("5m people"); otherwise "5m" / "5 m" is metres, "5k" a race.
            if scale_word in ("m", "b", "k") and not currency:
                after = _noun_after(text, match.end("scale"), singular_ok=False)
                counted = after is not None and text[after[0] : after[1]].lower() in _COUNT_NOUNS
                if not counted and scale_word != "m":
                    return None
                if not counted:
                    scale = None
            if scale:
                value *= _SCALES[scale_word]
                end = match.end("scale")
        if not scale:
            end = (
                match.end("ord")
                if match.group("ord")
                else match.end("frac")
                if match.group("frac")
                else match.end("digits")
            )
            if plural_s:
                end = match.end("plural")
        is_year_like = (
            not currency
            and not scale
            and not plural_s
            and kind == "count"
            and re.fullmatch(r"(?:1[6-9]|20)\d\d", digits) is not None
        )
        before = text[max(0, start - 30) : start]
        if _MONTH_BEFORE_RE.search(before) or (
            kind != "ordinal" and value <= 31 and _MONTH_AFTER_RE.match(text, end)
        ):
            return None  # a day of a date
        if kind == "ordinal" and _MONTH_AFTER_RE.match(text, end):
            return None
        if _CLOCK_AFTER_RE.match(text, end) or re.search(r"(?:\bno|\bnos|#)\.?\s*$", before, re.I):
            return None
        if kind != "ordinal" and value <= 31 and _DAY_RANGE_AFTER_RE.match(text, end):
            return None  # "12 and 13 January"
    elif match.group("words") is not None:
        parsed = _word_value(match.group("words"))
        if parsed is None:
            return None
        value = parsed
        needs_unit = True
    else:
        value = float(_ORDINALS[match.group("ordword").lower()])
        kind = "ordinal"
        needs_unit = True

    # Qualifier before the number.
    qualifier = None
    q = _QUALIFIER_RE.search(text, max(0, start - 24), start)
    if q is not None:
        qualifier = re.sub(r"\s+", " ", q.group("q").lower())
        approx = (
            approx
            or qualifier in _APPROX_QUALIFIERS
            or qualifier.startswith(("an estimated", "close", "upwards"))
        )

    # What follows: percent, currency word, measure, noun.
    if kind != "ordinal":
        pct = _PERCENT_RE.match(text, end)
        cur_word = _CURRENCY_WORD_RE.match(text, end)
        hyphen = _MEASURE_HYPHEN_RE.match(text, end)
        measure = _MEASURE_RE.match(text, end)
        if pct is not None:
            kind, unit, end = "percent", "percentage points" if pct.group("pp") else "%", pct.end()
        elif currency is not None:
            kind, unit = "money", currency
        elif cur_word is not None:
            word = re.sub(r"\s+", " ", cur_word.group("cur").lower())
            code = _CURRENCY_WORDS.get(word) or _CURRENCY_WORDS.get(word.rstrip("s"))
            prefix = cur_word.group(0).lower()
            if "canadian" in prefix:
                code = "CAD"
            elif "australian" in prefix:
                code = "AUD"
            kind, unit, end = "money", code or word, cur_word.end()
        elif hyphen is not None:
            kind, end = "measure", hyphen.end()
            unit = _MEASURE_UNITS.get(
                hyphen.group("unit").lower().rstrip("s"), hyphen.group("unit").lower()
            )
        elif measure is not None and not (
            measure.group("unit").lower() in ("m", "g")
            and re.match(r"\s", text[end : end + 1] or "x")
        ):
            kind, end = "measure", measure.end()
            raw = re.sub(r"\s+", " ", measure.group("unit").lower().rstrip("."))
            if measure.group("kmh"):  # "km / h", "kilometres an hour"
                raw = "km/h"
            elif measure.group("mph"):  # "1 mile per hour"
                raw = "mph"
            unit = _MEASURE_UNITS.get(raw) or _MEASURE_UNITS.get(raw.rstrip("s")) or raw
            if raw.endswith("es") and raw[:-2] in _MEASURE_UNITS:
                unit = _MEASURE_UNITS[raw[:-2]]
    of = None
    if kind in ("count", "ordinal"):
        noun_from = end
        of = _OF_RE.match(text, end)
        if of is not None and (needs_unit or kind == "count"):
            # "two of these attacks", "tens of thousands of our citizens".
            noun_from = of.end()
        noun = _noun_after(text, noun_from, singular_ok=kind == "ordinal" or value == 1)
        if noun is None and of is not None:
            noun = None
        if noun is not None:
            unit = text[noun[0] : noun[1]].lower()
            end = noun[1]
        elif is_year_like:
            return None  # a calendar year
        elif needs_unit:
            return None  # "the two", "one of them": not a quantity a reader compares
    if is_year_like and kind == "count" and unit is not None and unit.lower() not in _COUNT_NOUNS:
        return None
    # "one" is a pronoun far more often than a count: keep "one soldier", not "one of the".
    if (
        match.group("words") is not None
        and value == 1
        and kind == "count"
        and (
            of is not None
            or unit is None
            or (unit not in _COUNT_NOUNS and unit + "s" not in _COUNT_NOUNS)
        )
    ):
        return None
    if qualifier is not None:
        start = q.start("q")  # type: ignore[union-attr]
    return NumberMention(start, end, text[start:end], value, unit, kind, approx, qualifier, vague)
