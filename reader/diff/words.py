"""Word-level diff inside an aligned pair (rapidfuzz Indel opcodes on token lists).

Tokens are words and single punctuation marks (``reader.text.tokens.TOKEN_RE``). Two tokens are
the same when their folded forms match *and* their capitalisation pattern matches, so a case
change or a swapped punctuation mark shows up as an edit, while curly vs straight quotes do not.
Similarity is computed on words only, case-insensitively, so punctuation and case edits do not
lower it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel

from reader.diff.model import TokenOp
from reader.text.tokens import TOKEN_RE, fold

__all__ = ["WordDiff", "diff_words"]


@dataclass(frozen=True, slots=True)
class WordDiff:
    ops: tuple[TokenOp, ...]
    similarity: float
    """Indel similarity of the folded word sequences, 0..1."""
    same_text: bool
    """Token for token identical (whitespace aside)."""
    same_words: bool
    """Identical words once case and punctuation are ignored."""
    a_words: int
    b_words: int
    kept_words: int
    """A's words inside ``equal`` ops."""


def _tokens(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """Token offsets, comparison keys (fold + case pattern) and folded words of a range."""
    folded = fold(text[start:end])
    spans: list[tuple[int, int]] = []
    keys: list[str] = []
    word_forms: list[str] = []
    for match in TOKEN_RE.finditer(text, start, end):
        s, e = match.span()
        raw = match.group()
        norm = folded[s - start : e - start]
        spans.append((s, e))
        if raw[0].isalnum():
            word_forms.append(norm)
            # Case pattern: "Mr"/"mr"/"MR" differ, so case-only edits are visible.
            keys.append(norm + ("\x01" if raw.isupper() else "\x02" if raw[0].isupper() else ""))
        else:
            keys.append(norm)
    return spans, keys, word_forms


def diff_words(
    a_text: str, a_start: int, a_end: int, b_text: str, b_start: int, b_end: int
) -> WordDiff:
    """Word ops between ``a_text[a_start:a_end]`` and ``b_text[b_start:b_end]``.

    Adjacent delete/insert runs are merged into one ``replace`` for display. Offsets are
    absolute into each text.
    """
    a_spans, a_keys, a_words = _tokens(a_text, a_start, a_end)
    b_spans, b_keys, b_words = _tokens(b_text, b_start, b_end)
    if a_keys == b_keys:
        op = TokenOp("equal", a_start, a_end, b_start, b_end)
        return WordDiff((op,), 1.0, True, True, len(a_words), len(b_words), len(a_words))

    def a_pos(index: int) -> int:
        # Insertion point in A: the start of the next token, else the end of the range.
        return (
            a_spans[index][0] if index < len(a_spans) else (a_spans[-1][1] if a_spans else a_start)
        )

    def b_pos(index: int) -> int:
        return (
            b_spans[index][0] if index < len(b_spans) else (b_spans[-1][1] if b_spans else b_start)
        )

    def a_stop(index: int, end_index: int) -> int:
        return a_spans[end_index - 1][1] if end_index > index else a_pos(index)

    def b_stop(index: int, end_index: int) -> int:
        return b_spans[end_index - 1][1] if end_index > index else b_pos(index)

    ops: list[TokenOp] = []
    kept = 0
    pending: list[int] | None = None  # [a_i1, a_i2, b_j1, b_j2] of a run of non-equal opcodes

    def flush() -> None:
        nonlocal pending
        if pending is None:
            return
        i1, i2, j1, j2 = pending
        kind = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        ops.append(TokenOp(kind, a_pos(i1), a_stop(i1, i2), b_pos(j1), b_stop(j1, j2)))
        pending = None

    for opcode in Indel.opcodes(a_keys, b_keys):
        tag, i1, i2, j1, j2 = (
            opcode.tag,
            opcode.src_start,
            opcode.src_end,
            opcode.dest_start,
            opcode.dest_end,
        )
        if tag == "equal":
            flush()
            ops.append(TokenOp("equal", a_pos(i1), a_stop(i1, i2), b_pos(j1), b_stop(j1, j2)))
            kept += sum(1 for index in range(i1, i2) if a_text[a_spans[index][0]].isalnum())
        elif pending is None:
            pending = [i1, i2, j1, j2]
        else:
            pending[1] = i2
            pending[3] = j2
    flush()
    similarity = Indel.normalized_similarity(a_words, b_words) if (a_words or b_words) else 1.0
    return WordDiff(
        tuple(ops),
        round(similarity, 4),
        False,
        a_words == b_words,
        len(a_words),
        len(b_words),
        kept,
    )


def count_words(text: str, start: int, end: int) -> int:
    """Word tokens in a range (the unit of ``DiffStats``)."""
    return sum(1 for match in TOKEN_RE.finditer(text, start, end) if match.group()[0].isalnum())
