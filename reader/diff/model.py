"""Data types of the diff engine: what ``align`` returns and what viewers render directly.

Every offset is a character offset into the display text (``Article.text``) of the side it
belongs to: ``a_*`` into A's text, ``b_*`` into B's.

Pair classes (``AlignedPair.op``), see ``reader.diff.align`` for the thresholds:

- ``equal``: the same text (token for token).
- ``minor``: the same words; only punctuation, quote style, case or whitespace differ.
- ``reworded``: a light edit, word similarity >= ``REWORDED_MIN`` (0.6).
- ``changed``: counterparts with a heavier edit (word similarity below 0.6).
- ``moved``: counterparts out of reading order; ``edit`` says how the text itself changed.
- ``removed``: only in A. ``added``: only in B.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.model import Span
from reader.text.sentences import Sentence

PAIR_OPS = ("equal", "minor", "reworded", "changed", "moved", "added", "removed")
TOKEN_OPS = ("equal", "insert", "delete", "replace")


@dataclass(frozen=True, slots=True)
class TokenOp:
    """One word-level edit: ``A[a_start:a_end]`` became ``B[b_start:b_end]``.

    ``insert`` has an empty A range (at the insertion point), ``delete`` an empty B range.
    """

    op: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "op": self.op,
            "a_start": self.a_start,
            "a_end": self.a_end,
            "b_start": self.b_start,
            "b_end": self.b_end,
        }


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Sentences of A matched to sentences of B (1:1, 2:1, 1:2), or one side alone."""

    op: str
    """The class: one of ``PAIR_OPS``."""
    a: Span | None
    """A's side, covering every sentence in ``a_sentences`` (None for ``added``)."""
    b: Span | None
    similarity: float
    """Word similarity of the two sides, 0..1 (0 for added/removed)."""
    tokens: tuple[TokenOp, ...]
    """Word-level ops covering both sides in order (one insert/delete op for added/removed)."""
    a_sentences: tuple[int, ...]
    """Indices into ``Alignment.a_sentences``."""
    b_sentences: tuple[int, ...]
    edit: str
    """How the text changed, ignoring position: ``op`` except for moved pairs, where it is
    ``equal``, ``minor``, ``reworded`` or ``changed``."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a side-by-side view: a pair, and which of its sides this row shows.

    A moved pair gets two rows: its A side where it stood in A (``show_b`` False) and its
    B side where it stands in B (``show_a`` False); ``partner`` is the other row's index.
    """

    pair: int
    show_a: bool
    show_b: bool
    partner: int | None = None


@dataclass(frozen=True, slots=True)
class DiffStats:
    similarity: float
    """Word-level similarity of the whole versions: 2 * words kept / (words of A + words of B)."""
    kept: float
    """Share of A's words kept unchanged somewhere in B."""
    a_matched: float
    """Share of A's sentences that have a counterpart in B."""
    counts: dict[str, int]
    """Pairs per class (every class of ``PAIR_OPS`` present, zeros included)."""
    a_words: int
    b_words: int
    a_sentences: int
    b_sentences: int

    def to_json(self) -> dict[str, Any]:
        return {
            "similarity": self.similarity,
            "kept": self.kept,
            "a_matched": self.a_matched,
            "counts": dict(self.counts),
            "a_words": self.a_words,
            "b_words": self.b_words,
            "a_sentences": self.a_sentences,
            "b_sentences": self.b_sentences,
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    """The full comparison of version A with version B."""

    a_id: str
    b_id: str
    pairs: tuple[AlignedPair, ...]
    """Reading order: A's order, with B-only sentences placed where they stand in B."""
    similarity: float
    stats: DiffStats
    changes: tuple[int, ...]
    """Indices into ``pairs`` of every pair that is not ``equal``, in reading order."""
    rows: tuple[Row, ...]
    """The side-by-side layout (moved pairs appear twice); ``pairs`` in row order."""
    a_sentences: tuple[Sentence, ...] = field(repr=False)
    b_sentences: tuple[Sentence, ...] = field(repr=False)
    a_text: str = field(repr=False)
    b_text: str = field(repr=False)

    def next_change(self, pair_index: int) -> int | None:
        """The first change after ``pair_index`` (None at the last one)."""
        for index in self.changes:
            if index > pair_index:
                return index
        return None

    def previous_change(self, pair_index: int) -> int | None:
        for index in reversed(self.changes):
            if index < pair_index:
                return index
        return None

    def free_column(self, row_index: int) -> str | None:
        """Which column ``row_index`` leaves blank side by side: ``"b"`` for a sentence only A
        has (or a moved sentence's A side), ``"a"`` for one only B has, None for a pair."""
        row = self.rows[row_index]
        op = self.pairs[row.pair].op
        if op == "removed" or (op == "moved" and not row.show_b):
            return "b"
        if op == "added" or (op == "moved" and not row.show_a):
            return "a"
        return None

    def side_by_side_lines(self) -> list[tuple[int, int | None]]:
        """The rows in the order a side-by-side view draws them, as ``(row, B row or None)``.

        Between two pairs, the rows that leave the B column blank and those that leave the A
        column blank share lines, A's k-th beside B's k-th, as a split diff shows a changed hunk:
        two independent reports then read in parallel instead of one after the other beside a
        blank column. Nothing is paired by it: each row keeps its own class. A moved sentence's
        side takes part (its arrow says where the other side is), so it does not cut a run.
        """
        lines: list[tuple[int, int | None]] = []
        index = 0
        while index < len(self.rows):
            free = self.free_column(index)
            if free is None:
                lines.append((index, None))
                index += 1
                continue
            left: list[int] = []
            right: list[int] = []
            while free is not None:
                (left if free == "b" else right).append(index)
                index += 1
                free = self.free_column(index) if index < len(self.rows) else None
            shared = min(len(left), len(right))
            lines.extend((left[k], right[k]) for k in range(shared))
            # The longer side's rest, in row order, on lines of its own.
            lines.extend((rest, None) for rest in (left[shared:] or right[shared:]))
        return lines

    def to_json(self) -> dict[str, Any]:
        """The ``reader diff --json`` contract."""

        def side(span: Span | None, text: str) -> dict[str, Any] | None:
            if span is None:
                return None
            return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}

        return {
            "a": self.a_id,
            "b": self.b_id,
            "similarity": self.similarity,
            "stats": self.stats.to_json(),
            "changes": list(self.changes),
            "pairs": [
                {
                    "op": pair.op,
                    "edit": pair.edit,
                    "a": side(pair.a, self.a_text),
                    "b": side(pair.b, self.b_text),
                    "similarity": pair.similarity,
                    "a_sentences": list(pair.a_sentences),
                    "b_sentences": list(pair.b_sentences),
                    "tokens": [token.to_json() for token in pair.tokens],
                }
                for pair in self.pairs
            ],
        }
