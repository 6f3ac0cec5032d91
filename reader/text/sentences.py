"""News-aware paragraph and sentence segmentation.

Public API (stable; other modules rely on it):

- ``split_paragraphs(text) -> list[Span]``: one span per non-blank line, trimmed. A paragraph
  boundary is any line break: ingest gives one paragraph per line (a news paragraph is one long
  line), and a blank line is simply a line with nothing in it.
- ``split_sentences(text) -> list[Sentence]``: sentences with offsets into ``text``, trimmed of
  surrounding whitespace, in reading order; a sentence never crosses a paragraph boundary.
- ``sentence_index_at(sentences, offset) -> int | None``: the sentence holding a character offset.

The pass is regex driven: a regex finds candidate boundaries (terminal punctuation followed by
optional closing quotes/brackets and whitespace) and a few rules reject the false ones:
abbreviations and titles (``Mr.``, ``U.S.``, ``Jan. 10``), initials (``Vladimir V. Putin``),
a lower-case or punctuation continuation (``George W. Bush. and``, ``in the days to come. . The``),
and a stray closing quote after a space (``how determined we are. “``). Numbers such as ``1.5``
never match because a boundary needs whitespace after it. CJK full stops need no space.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Span
from reader.text.tokens import QUOTE_CHARS

__all__ = [
    "ABBREVIATIONS",
    "TITLE_ABBREVIATIONS",
    "Sentence",
    "sentence_index_at",
    "split_paragraphs",
    "split_sentences",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence ``[start, end)`` in the display text and the index of its paragraph."""

    start: int
    end: int
    paragraph: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]\u300d\u300f\uff09"
# Latin-style terminators need whitespace (or the paragraph end) after them; CJK ones do not.
_CANDIDATE_RE = re.compile(
    rf"(?P<term>[.!?\u2026]+)[{re.escape(_CLOSERS)}]*(?=\s|$)"
    rf"|[\u3002\uff01\uff1f\uff0e]+[{re.escape(_CLOSERS)}]*"
)
_PREVIOUS_WORD_RE = re.compile(r"(\S*)$")
_NEXT_WORD_RE = re.compile(r"\w+")
_SPACE_RE = re.compile(r"\s*")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Never end a sentence: a title is followed by a name.
TITLE_ABBREVIATIONS = _word_set(
    "mr mrs ms messrs mme mlle dr prof gov govs sen sens rep reps gen lt col maj capt cmdr cdr adm "
    "sgt cpl pvt brig st ste rev hon pres supt det insp atty amb fr msgr gens const cllr"
)
"""Abbreviated titles before a name ("Sen.", "Msgr.", "Cllr."), lower case, without the dot."""
# Do not end a sentence when a number follows ("Jan. 10", "No. 3", "Sept. 11").
_BEFORE_NUMBER = _word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art fig p pp ch sec"
)
# Abbreviations that may also end a sentence: end it only if a typical sentence opener follows.
ABBREVIATIONS = _word_set(
    "inc corp ltd co llc plc jr sr bros etc vs al approx dept est ft mt ave blvd rd univ assn "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_NEVER_END = _word_set("vs cf viz")
# Capitalised words that usually open a sentence: after an ambiguous abbreviation ("U.S.",
# "Inc.") one of these means the abbreviation ended the sentence.
_OPENERS = _word_set(
    "the a an he she it they we i you his her its their our this that these those there but and "
    "or so yet in on at as after before when while if although though however meanwhile still "
    "then now for by from with to mr mrs ms dr officials some many most no one last earlier later "
    "also both each what who why how where"
)
_CONTINUATION_CHARS = frozenset(",;:)]}.!?\u2026-\u2010\u2011\u2012\u2013\u2014\u2015%")
_QUOTES = frozenset(QUOTE_CHARS)


def split_paragraphs(text: str) -> list[Span]:
    """One span per non-blank line, trimmed of surrounding whitespace, in order."""
    paragraphs = []
    for match in _LINE_RE.finditer(text):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        paragraphs.append(Span(start + lead, start + lead + len(stripped)))
    return paragraphs


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with offsets into it; see the module docstring for the rules."""
    if not isinstance(text, str) or not text:
        return []
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(split_paragraphs(text)):
        start = paragraph.start
        for cut in _boundaries(text, paragraph.start, paragraph.end):
            _append_trimmed(sentences, text, start, cut, number)
            start = cut
        _append_trimmed(sentences, text, start, paragraph.end, number)
    return sentences


def sentence_index_at(sentences: Sequence[Sentence], offset: int) -> int | None:
    """Index of the sentence containing ``offset`` (None between or outside sentences)."""
    index = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return index
    return None


def _append_trimmed(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start + lead, start + lead + len(stripped), paragraph))


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``[start, end)`` where a new sentence begins after a terminator."""
    cuts = []
    for match in _CANDIDATE_RE.finditer(text, start, end):
        cut = match.end()
        spaces = _SPACE_RE.match(text, cut, end)
        assert spaces is not None  # `\s*` matches the empty string, so it always matches
        following = spaces.end()
        if following >= end:
            break  # the paragraph end closes the sentence anyway
        if match.group("term") is None:
            cuts.append(cut)  # CJK full stop
            continue
        if _is_boundary(text, match.start(), match.group("term"), following, end):
            cuts.append(cut)
    return cuts


def _is_boundary(text: str, term_start: int, term: str, following: int, end: int) -> bool:
    next_char = text[following]
    if next_char.islower() or next_char in _CONTINUATION_CHARS:
        return False
    if next_char in _QUOTES:
        after = following + 1
        while after < end and text[after] in _QUOTES:
            after += 1
        # A quote mark followed by a space or the paragraph end is a stray closing quote
        # ("determined we are. “"); one followed by a lower-case word continues the sentence.
        if after >= end or text[after].isspace() or text[after].islower():
            return False
    if term != ".":
        return True
    previous_match = _PREVIOUS_WORD_RE.search(text, max(0, term_start - 40), term_start)
    assert previous_match is not None  # `(\S*)$` matches the empty string at the end
    previous = previous_match.group(1)
    previous = previous.lstrip(QUOTE_CHARS + "([{")
    if not previous:
        return True
    word = previous.lower()
    if len(previous) == 1 and previous.isalpha() and previous.isupper():
        return False  # an initial: "Vladimir V. Putin"
    if word in TITLE_ABBREVIATIONS or word in _NEVER_END:
        return False
    if next_char.isdigit() and word in _BEFORE_NUMBER:
        return False
    if "." in word or word in ABBREVIATIONS:
        # "U.S.", "a.m.", "Inc.": ambiguous, so only a typical opener makes a new sentence.
        following_word = _NEXT_WORD_RE.search(text, following, min(end, following + 30))
        return following_word is not None and following_word.group().lower() in _OPENERS
    return True
