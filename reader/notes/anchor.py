"""W3C Web Annotation selectors and re-anchoring a note in a (possibly edited) article.

A note remembers where it points twice: by position (``TextPositionSelector``, exact but brittle)
and by quotation (``TextQuoteSelector``: the quoted text plus ~32 characters either side, robust to
edits elsewhere). ``anchor`` tries them in order of confidence and says which one worked, so a UI
can show a moved or approximate highlight differently, and an orphaned note is never lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar

from rapidfuzz import fuzz

from reader.model import Article
from reader.text.tokens import fold

CONTEXT_CHARS = 32
"""How much text either side of a quote the quote selector keeps (as hypothes.is does)."""

FUZZY_THRESHOLD = 80.0
"""Minimum rapidfuzz ratio (0-100) between the stored quote and an approximate match."""

SHORT_QUOTE_CHARS = 24
SHORT_QUOTE_THRESHOLD = 95.0
"""A quote shorter than this, found without its context, must match at least this well."""
CONTEXT_CONFIRMED = 90.0
CONFIRMED_THRESHOLD = 60.0
"""When the stored prefix and suffix match at least ``CONTEXT_CONFIRMED`` around a candidate,
the quote itself need only match ``CONFIRMED_THRESHOLD``."""

AnchorStatus = Literal["exact", "moved", "fuzzy", "orphaned"]
ANCHOR_STATUSES: tuple[AnchorStatus, ...] = ("exact", "moved", "fuzzy", "orphaned")


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "type": "TextQuoteSelector",
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TextQuoteSelector:
        return cls(
            exact=str(data.get("exact", "")),
            prefix=str(data.get("prefix", "") or ""),
            suffix=str(data.get("suffix", "") or ""),
        )


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TextPositionSelector:
        return cls(start=int(data["start"]), end=int(data["end"]))


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a note lands in an article's display text now; ``start``/``end`` are None if orphaned."""

    start: int | None
    end: int | None
    status: AnchorStatus
    score: float = 100.0
    """Confidence 0-100 (100 for exact and moved; the match ratio for fuzzy; 0 for orphaned)."""

    @property
    def found(self) -> bool:
        return self.status != "orphaned"


ORPHANED = Anchor(None, None, "orphaned", 0.0)


class Anchorable(Protocol):
    """What ``anchor`` needs from a note (``reader.notes.store.Note`` has it)."""

    @property
    def quote(self) -> TextQuoteSelector: ...
    @property
    def position(self) -> TextPositionSelector | None: ...
    @property
    def article_fingerprint(self) -> str: ...


NoteT = TypeVar("NoteT", bound=Anchorable)


def describe(
    text: str, start: int, end: int, context: int = CONTEXT_CHARS
) -> tuple[TextQuoteSelector, TextPositionSelector]:
    """Both selectors for ``text[start:end]`` (offsets are clamped into the text)."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )
    return quote, TextPositionSelector(start, end)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The first place ``quote`` occurs in ``text`` as a reader would type it.

    Tries the literal string, then the folded form (curly vs straight quotes, dashes, case), then
    the folded form with any run of whitespace matching any other (a quote copied across a line
    break). Offsets are into ``text``; None if it does not occur.
    """
    needle = quote.strip()
    if not needle or not text:
        return None
    at = text.find(needle)
    if at >= 0:
        return at, at + len(needle)
    folded_text, folded_needle = fold(text), fold(needle)
    at = folded_text.find(folded_needle)
    if at >= 0:
        return at, at + len(needle)
    pattern = r"\s+".join(re.escape(part) for part in folded_needle.split())
    match = re.search(pattern, folded_text)
    return match.span() if match else None


def anchor(note: Anchorable, article: Article, threshold: float = FUZZY_THRESHOLD) -> Anchor:
    """Re-anchor ``note`` in ``article``'s display text: exact, moved, fuzzy or orphaned."""
    text = article.text or ""
    quote = note.quote
    position = note.position
    exact = quote.exact
    if not exact or not text:
        return ORPHANED

    # Unchanged at the stored position: the same article, or one edited only elsewhere.
    if (
        position is not None
        and 0 <= position.start <= position.end <= len(text)
        and text[position.start : position.end] == exact
        and (
            note.article_fingerprint == article.fingerprint
            or _context_score(text, position.start, position.end, quote) >= 99.0
        )
    ):
        return Anchor(position.start, position.end, "exact")

    moved = _find_moved(text, quote, position)
    if moved is not None:
        return Anchor(moved[0], moved[1], "moved")

    return _find_fuzzy(text, quote, threshold)


def _context_score(text: str, start: int, end: int, quote: TextQuoteSelector) -> float:
    """How well the text around ``[start, end)`` matches the stored prefix and suffix (0-100)."""
    scores = []
    if quote.prefix:
        before = text[max(0, start - len(quote.prefix)) : start]
        scores.append(fuzz.ratio(fold(quote.prefix), fold(before)))
    if quote.suffix:
        after = text[end : end + len(quote.suffix)]
        scores.append(fuzz.ratio(fold(quote.suffix), fold(after)))
    return sum(scores) / len(scores) if scores else 100.0


def _find_moved(
    text: str, quote: TextQuoteSelector, position: TextPositionSelector | None
) -> tuple[int, int] | None:
    """Every occurrence of the exact quote (literal, else folded); the best by context wins."""
    starts = _occurrences(text, quote.exact)
    if not starts:
        starts = _occurrences(fold(text), fold(quote.exact))
    if not starts:
        return None
    length = len(quote.exact)
    old_start = position.start if position is not None else 0
    # Context decides between repeated quotes; closeness to the old position breaks ties.
    best = max(
        starts,
        key=lambda s: (round(_context_score(text, s, s + length, quote), 3), -abs(s - old_start)),
    )
    return best, best + length


def _occurrences(haystack: str, needle: str) -> list[int]:
    found = []
    at = haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _find_fuzzy(text: str, quote: TextQuoteSelector, threshold: float) -> Anchor:
    """Approximate match: locate the quote with its context first, then the quote inside that."""
    folded_text = fold(text)
    exact = fold(quote.exact)
    prefix, suffix = fold(quote.prefix), fold(quote.suffix)
    window_start, window_end = 0, len(text)
    narrowed = False
    with_context = prefix + exact + suffix
    if len(with_context) > len(exact) and len(with_context) < len(folded_text):
        around = fuzz.partial_ratio_alignment(with_context, folded_text)
        if around is not None and around.score >= threshold:
            # Leave slack so a quote that grew or shrank still fits inside the window.
            slack = max(len(exact) // 2, CONTEXT_CHARS)
            window_start = max(0, around.dest_start - slack)
            window_end = min(len(text), around.dest_end + slack)
            narrowed = True
    window = folded_text[window_start:window_end]
    if len(exact) > len(window):
        return ORPHANED
    hit = fuzz.partial_ratio_alignment(exact, window)
    if hit is None:
        return ORPHANED
    start, end, context = _refine(
        text,
        folded_text,
        (prefix, exact, suffix),
        window_start + hit.dest_start,
        window_start + hit.dest_end,
    )
    score = fuzz.ratio(exact, folded_text[start:end])
    if narrowed and context >= CONTEXT_CONFIRMED:
        # The words either side are where they were: a short quote with one word changed
        # is still this quote, though its own ratio is low.
        threshold = min(threshold, CONFIRMED_THRESHOLD)
    elif not narrowed and len(exact) < SHORT_QUOTE_CHARS:
        # Without its context a short quote matches some other phrase too easily.
        threshold = max(threshold, SHORT_QUOTE_THRESHOLD)
    if score < threshold:
        return ORPHANED
    return Anchor(start, end, "fuzzy", round(score, 1))


REFINE_CHARS = 12
"""How far either edge of an approximate match may shift to fit the quote's word boundaries."""


def _refine(
    text: str, folded_text: str, parts: tuple[str, str, str], start: int, end: int
) -> tuple[int, int, float]:
    """The word-aligned span near ``[start, end)`` most like the quote, and how well the text
    either side of it matches the stored prefix and suffix (0-100).

    ``partial_ratio_alignment`` happily starts or ends a match on a neighbouring comma, inside
    a word, or short of a changed word at the quote's edge; scoring the quote together with its
    context at each nearby pair of word edges gives the span a reader would have selected.
    """
    prefix, exact, suffix = parts
    length = len(text)
    starts = [
        i
        for i in range(max(0, start - REFINE_CHARS), min(length, start + REFINE_CHARS) + 1)
        if i < length and not text[i].isspace() and (i == 0 or not text[i - 1].isalnum())
    ]
    ends = [
        j
        for j in range(max(1, end - REFINE_CHARS), min(length, end + REFINE_CHARS) + 1)
        if not text[j - 1].isspace() and (j == length or not text[j].isalnum())
    ]
    before = {s: fuzz.ratio(prefix, folded_text[max(0, s - len(prefix)) : s]) for s in starts}
    after = {e: fuzz.ratio(suffix, folded_text[e : e + len(suffix)]) for e in ends}
    best: tuple[float, int, int, int] | None = None
    for s in starts:
        for e in ends:
            if e <= s:
                continue
            # Each part weighs by its length, so the quote itself counts most.
            total = (
                fuzz.ratio(exact, folded_text[s:e]) * len(exact)
                + before[s] * len(prefix)
                + after[e] * len(suffix)
            )
            key = (total, -(abs(s - start) + abs(e - end)), s, e)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return start, end, 0.0
    s, e = best[2], best[3]
    context_parts = [(before[s], len(prefix)), (after[e], len(suffix))]
    weight = sum(n for _, n in context_parts)
    context = sum(score * n for score, n in context_parts) / weight if weight else 0.0
    return s, e, context


def anchor_all(notes: Iterable[NoteT], article: Article) -> list[tuple[NoteT, Anchor]]:
    """Each note with its anchor in ``article``: found ones in text order, then the orphans
    (in the order given), so a view can paint highlights and list what it could not place."""
    placed = [(note, anchor(note, article)) for note in notes]
    found = sorted(
        (pair for pair in placed if pair[1].start is not None),
        key=lambda pair: (pair[1].start, pair[1].end),
    )
    return found + [pair for pair in placed if pair[1].start is None]
