"""What the diff view draws, prepared without Textual: highlight marks and wrapped lines.

``prepare_document(left, right)`` runs the engine (alignment, quotes) and turns its output into
per-pair highlight marks; it is slow on big articles, so the compare screen calls it in a worker.
``layout_lines(document, width, unified)`` wraps every aligned row to the column width and
returns plain offset ranges, cheap enough to redo on every resize. Drawing a line (``DiffView``)
then only looks at the few marks of that line's pair, so its cost does not grow with the document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from rich.cells import cell_len

from reader.diff import Alignment, align
from reader.extract.article import extract_article
from reader.extract.ledger import build_ledger
from reader.extract.quotes import find_quotes
from reader.model import Article

__all__ = [
    "MARKERS",
    "DiffDocument",
    "Line",
    "Mark",
    "layout_lines",
    "prepare_document",
    "wrap_offsets",
]

MARKERS = {
    "equal": " ",
    "minor": "·",
    "reworded": "~",
    "changed": "*",
    "moved": "↕",
    "added": "+",
    "removed": "-",
}
"""The gutter symbol of each pair class (the header legend repeats them)."""


class Mark(NamedTuple):
    """A highlighted range ``[start, end)`` of one side's text and why it is highlighted."""

    start: int
    end: int
    kind: str
    """``delete``/``insert`` (changed words), ``minor`` (case/punctuation), ``quote`` (a changed
    word inside a quotation: the strongest highlight)."""


class Line(NamedTuple):
    """One screen line of the view.

    Side by side, ``a`` and ``b`` are the ranges of A's and B's text shown on the line (None for a
    blank cell). Unified, exactly one of them is set; ``shared`` marks an equal pair shown once.
    """

    row: int
    """Index into ``Alignment.rows``; -1 for the blank line between paragraphs."""
    first: bool
    """The first line of its row (where the gutter marker goes)."""
    a: tuple[int, int] | None
    b: tuple[int, int] | None
    shared: bool = False
    b_row: int | None = None
    """Side by side, where a sentence only A has and one only B has share the line: the row of
    the B side (``row`` is then the A side's)."""

    def side_row(self, side: str) -> int:
        """The row whose text the ``"a"`` or ``"b"`` side of this line shows."""
        return self.b_row if side == "b" and self.b_row is not None else self.row

    @property
    def rows(self) -> tuple[int, ...]:
        """The rows with text on this line: none for a paragraph gap, two where unpaired
        sentences of both versions share it (one if only one side still has text there)."""
        if self.row < 0:
            return ()
        if self.b_row is None:
            return (self.row,)
        shown = ((self.row, self.a), (self.b_row, self.b))
        return tuple(row for row, text in shown if text) or (self.row,)


@dataclass(frozen=True, slots=True)
class DiffDocument:
    """An alignment plus everything the view needs to draw it."""

    left: Article
    right: Article
    alignment: Alignment
    a_marks: tuple[tuple[Mark, ...], ...]
    """Per pair: the marks on A's side, sorted by start."""
    b_marks: tuple[tuple[Mark, ...], ...]
    quote_changes: tuple[bool, ...]
    """Per pair: some changed word lies inside a quotation on either side."""
    change_rows: tuple[int, ...]
    """Rows to stop at for next/previous change: the first row of every changed pair."""
    row_of_pair: tuple[int, ...]
    """First row of every pair."""
    a_quotes: tuple[tuple[int, int], ...] = ()
    b_quotes: tuple[tuple[int, int], ...] = ()
    """Content spans of the quotations found in each text (sorted)."""
    quote_statuses: tuple[tuple[str, int], ...] = ()
    """From the cross-version quote ledger: how many quotes are ``altered`` (words changed),
    ``unquoted`` (the marks dropped) or ``missing`` in one of the two versions."""
    quote_notes: tuple[str, ...] = ()
    """Per pair: what the ledger says happened to a quote in it ("marks dropped in A"), or ""."""

    def quote_note(self, pair: int) -> str:
        return self.quote_notes[pair] if 0 <= pair < len(self.quote_notes) else ""

    @property
    def change_count(self) -> int:
        return len(self.change_rows)


def _quote_spans(article: Article, with_ledger: bool) -> tuple[tuple[int, int], ...]:
    # With the ledger, the engine's memoised extraction: the ledger (and the Library, for the
    # version just read) asks for the same article, so its quotes are found once. A pair too
    # long for the ledger needs the quotes alone, not the date and number taggers too.
    try:
        found = extract_article(article).quotes if with_ledger else find_quotes(article.text)
    except Exception:  # noqa: BLE001 - odd text must still be comparable, just without quote marks
        return ()
    spans = {(q.content_start, q.content_end) for q in found}
    return tuple(sorted(s for s in spans if s[0] < s[1]))


LEDGER_MAX_WORDS = 20_000
"""Above this many words (both versions) the cross-version quote ledger is skipped: it runs the
date and number taggers too, and opening a long pair must stay quick."""


def _has_ledger(left: Article, right: Article) -> bool:
    return left.words + right.words <= LEDGER_MAX_WORDS and left.id != right.id


class QuoteFate(NamedTuple):
    """What the ledger says happened to one quote on one side: placed by its span there."""

    side: str
    """"a" or "b": the side whose text ``start``/``end`` point into."""
    start: int
    end: int
    note: str


_FATE_NOTES = {
    "unquoted": "quote marks dropped in {side}",
    "altered": "quote altered in {side}",
}


def _ledger_spans(
    left: Article, right: Article, with_ledger: bool
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], dict[str, int], list[QuoteFate]]:
    """Spans of quotes matched across the two versions (a quote may have lost its marks on one
    side: the ledger finds the unquoted passage), how many quotes are altered/unquoted/missing,
    and each such quote's fate where it stands."""
    a_spans: list[tuple[int, int]] = []
    b_spans: list[tuple[int, int]] = []
    statuses: dict[str, int] = {}
    fates: list[QuoteFate] = []
    if not with_ledger:
        return a_spans, b_spans, statuses, fates
    try:
        ledger = build_ledger([left, right])
    except Exception:  # noqa: BLE001 - the ledger only adds emphasis; the diff stands without it
        return a_spans, b_spans, statuses, fates
    sides = {left.id: "a", right.id: "b"}
    for group in ledger.groups:
        for member in group.members:
            side = sides.get(member.article)
            if member.start >= member.end or side is None:
                continue
            (a_spans if side == "a" else b_spans).append((member.start, member.end))
            if member.status in _FATE_NOTES:
                statuses[member.status] = statuses.get(member.status, 0) + 1
                note = _FATE_NOTES[member.status].format(side=side.upper())
                fates.append(QuoteFate(side, member.start, member.end, note))
            if group.reattributed:
                fates.append(QuoteFate(side, member.start, member.end, "speaker differs"))
        if group.missing:
            statuses["missing"] = statuses.get("missing", 0) + len(group.missing)
            absent = "A" if left.id in group.missing else "B"
            for member in group.members:
                side = sides.get(member.article)
                if side is not None and member.start < member.end:
                    note = f"quote missing from {absent}"
                    fates.append(QuoteFate(side, member.start, member.end, note))
    return a_spans, b_spans, statuses, fates


def _quote_notes(alignment: Alignment, fates: list[QuoteFate]) -> tuple[str, ...]:
    """Per pair, the fates of the quotes its sentences hold ("" for none), in a fixed order."""
    notes: list[list[str]] = [[] for _ in alignment.pairs]
    for index, pair in enumerate(alignment.pairs):
        for fate in fates:
            span = pair.a if fate.side == "a" else pair.b
            overlaps = span is not None and fate.start < span.end and span.start < fate.end
            if overlaps and fate.note not in notes[index]:
                notes[index].append(fate.note)
    return tuple(", ".join(sorted(n)) for n in notes)


def _inside_quote(quotes: tuple[tuple[int, int], ...], starts: list[int], s: int, e: int) -> bool:
    """Does ``[s, e)`` overlap a quotation's content?"""
    index = bisect.bisect_right(starts, s) - 1
    for probe in (index, index + 1):
        if 0 <= probe < len(quotes):
            qs, qe = quotes[probe]
            if qs < e and s < qe:
                return True
    return False


def prepare_document(left: Article, right: Article) -> DiffDocument:
    """Align ``left`` (A) with ``right`` (B) and derive the highlight marks of every pair."""
    alignment = align(left, right)
    with_ledger = _has_ledger(left, right)
    a_extra, b_extra, quote_statuses, fates = _ledger_spans(left, right, with_ledger)
    a_quotes = tuple(sorted(set(_quote_spans(left, with_ledger)) | set(a_extra)))
    b_quotes = tuple(sorted(set(_quote_spans(right, with_ledger)) | set(b_extra)))
    a_starts = [s for s, _ in a_quotes]
    b_starts = [s for s, _ in b_quotes]
    a_marks: list[tuple[Mark, ...]] = []
    b_marks: list[tuple[Mark, ...]] = []
    quote_changes: list[bool] = []
    for pair in alignment.pairs:
        on_a: list[Mark] = []
        on_b: list[Mark] = []
        quoted = False
        # Whole-sentence additions and removals are tinted as lines, not word by word.
        if pair.a is not None and pair.b is not None and pair.edit != "equal":
            minor = pair.edit == "minor"
            for token in pair.tokens:
                if token.op == "equal":
                    continue
                if token.a_end > token.a_start:
                    kind = "minor" if minor else "delete"
                    if not minor and _inside_quote(a_quotes, a_starts, token.a_start, token.a_end):
                        kind, quoted = "quote", True
                    on_a.append(Mark(token.a_start, token.a_end, kind))
                if token.b_end > token.b_start:
                    kind = "minor" if minor else "insert"
                    if not minor and _inside_quote(b_quotes, b_starts, token.b_start, token.b_end):
                        kind, quoted = "quote", True
                    on_b.append(Mark(token.b_start, token.b_end, kind))
        a_marks.append(tuple(sorted(on_a)))
        b_marks.append(tuple(sorted(on_b)))
        quote_changes.append(quoted)

    row_of_pair = [-1] * len(alignment.pairs)
    for index, row in enumerate(alignment.rows):
        if 0 <= row.pair < len(row_of_pair) and row_of_pair[row.pair] < 0:
            row_of_pair[row.pair] = index
    change_rows = sorted(
        row_of_pair[p]
        for p in alignment.changes
        if 0 <= p < len(row_of_pair) and row_of_pair[p] >= 0
    )
    return DiffDocument(
        left,
        right,
        alignment,
        tuple(a_marks),
        tuple(b_marks),
        tuple(quote_changes),
        tuple(change_rows),
        tuple(row_of_pair),
        a_quotes,
        b_quotes,
        tuple(sorted(quote_statuses.items())),
        _quote_notes(alignment, fates) if fates else (),
    )


_WORD_RE = re.compile(r"\S+")


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _split_long_word(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Cut a word wider than the column into column-wide pieces."""
    pieces: list[tuple[int, int]] = []
    piece_start, used = start, 0
    for index in range(start, end):
        size = _cells(text[index])
        if used + size > width and index > piece_start:
            pieces.append((piece_start, index))
            piece_start, used = index, 0
        used += size
    pieces.append((piece_start, end))
    return pieces


def wrap_offsets(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells, as offset ranges into ``text``.

    Line breaks in the text are kept; spaces at a wrap point are dropped. Always returns at least
    one range (an empty one for blank text), so every row has a line.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start = line_end = -1
    used = 0
    position = start
    for segment_end in [*(m.start() for m in re.finditer("\n", text[start:end])), end - start]:
        stop = start + segment_end
        line_start = -1
        for match in _WORD_RE.finditer(text, position, stop):
            word_start, word_end = match.span()
            size = _cells(match.group())
            if line_start >= 0:
                gap = _cells(text[line_end:word_start])
                if used + gap + size <= width:
                    line_end, used = word_end, used + gap + size
                    continue
                lines.append((line_start, line_end))
                line_start = -1
            if size > width:
                pieces = _split_long_word(text, word_start, word_end, width)
                lines.extend(pieces[:-1])
                word_start = pieces[-1][0]
                size = _cells(text[word_start:word_end])
            line_start, line_end, used = word_start, word_end, size
        if line_start >= 0:
            lines.append((line_start, line_end))
        position = stop + 1
    if not lines:
        lines.append((start, start))
    return lines


def _paragraphs(document: DiffDocument, side: str, indices: tuple[int, ...]) -> tuple[int, int]:
    sentences = document.alignment.a_sentences if side == "a" else document.alignment.b_sentences
    return sentences[indices[0]].paragraph, sentences[indices[-1]].paragraph


def side_by_side_columns(width: int) -> tuple[int, int]:
    """Text widths of the left and right columns for a view ``width`` cells wide."""
    text = max(2, width - GUTTER * 2 - len(DIVIDER) - 1)
    return text // 2, text - text // 2


GUTTER = 3
"""Cells before each column's text: change marker, quote marker, space."""
UNIFIED_GUTTER = 4
"""Unified lines also carry the side's sign (``-`` A, ``+`` B) before the space."""
DIVIDER = " │ "


def _slots(alignment: Alignment, unified: bool) -> list[tuple[int, int | None]]:
    """The rows in drawing order: one per slot in one column, B's beside A's side by side."""
    if unified:
        return [(index, None) for index in range(len(alignment.rows))]
    return alignment.side_by_side_lines()


def screen_rows(alignment: Alignment, unified: bool) -> list[int]:
    """Every row once, in the order the view draws them (where a row first shows on screen)."""
    return [row for slot in _slots(alignment, unified) for row in slot if row is not None]


def layout_lines(document: DiffDocument, width: int, unified: bool) -> list[Line]:
    """Every screen line of the view at ``width`` cells, in order.

    Side by side, an aligned pair starts on the same line in both columns and the shorter side
    is padded with blank cells. A blank line separates paragraphs (of either version).
    """
    alignment = document.alignment
    a_text, b_text = alignment.a_text, alignment.b_text
    if unified:
        left_width = right_width = max(1, width - 1 - UNIFIED_GUTTER)
    else:
        left_width, right_width = side_by_side_columns(width)
    lines: list[Line] = []
    last_a_paragraph = last_b_paragraph = None
    for row_index, b_row_index in _slots(alignment, unified):
        row = alignment.rows[row_index]
        pair = alignment.pairs[row.pair]
        a_span = pair.a if row.show_a else None
        b_span = pair.b if row.show_b else None
        b_pair = pair
        if b_row_index is not None:
            b_pair = alignment.pairs[alignment.rows[b_row_index].pair]
            b_span = b_pair.b
        new_paragraph = False
        if a_span is not None:
            first, last = _paragraphs(document, "a", pair.a_sentences)
            new_paragraph |= last_a_paragraph is not None and first != last_a_paragraph
            last_a_paragraph = last
        if b_span is not None:
            first, last = _paragraphs(document, "b", b_pair.b_sentences)
            new_paragraph |= last_b_paragraph is not None and first != last_b_paragraph
            last_b_paragraph = last
        if new_paragraph and lines:
            lines.append(Line(-1, False, None, None))
        a_lines = []
        if a_span is not None:
            a_lines = wrap_offsets(a_text, a_span.start, a_span.end, left_width)
        b_lines = []
        if b_span is not None:
            b_lines = wrap_offsets(b_text, b_span.start, b_span.end, right_width)
        if unified:
            if pair.op == "equal" and b_lines:
                lines.extend(Line(row_index, n == 0, None, r, True) for n, r in enumerate(b_lines))
                continue
            lines.extend(Line(row_index, n == 0, r, None) for n, r in enumerate(a_lines))
            lines.extend(
                Line(row_index, n == 0 and not a_lines, None, r) for n, r in enumerate(b_lines)
            )
            continue
        # Side by side: A's and B's lines next to each other (B's from ``b_row_index`` when an
        # A-only and a B-only sentence share the lines).
        height = max(len(a_lines), len(b_lines), 1)
        lines.extend(
            Line(
                row_index,
                n == 0,
                a_lines[n] if n < len(a_lines) else None,
                b_lines[n] if n < len(b_lines) else None,
                b_row=b_row_index,
            )
            for n in range(height)
        )
    return lines
