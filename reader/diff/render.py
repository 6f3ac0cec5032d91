"""Rich renderings of an ``Alignment`` and a ``Survival`` for the terminal.

Article text is untrusted: it only ever enters ``rich.text.Text`` objects, never markup.
Styles: deleted words red and struck through (left), inserted words green and underlined
(right), replaced words yellow and underlined on both sides, removed sentences red, added
sentences green. Row markers say the class without colour: ``=`` equal, ``~`` minor,
``≈`` reworded, ``≠`` changed, ``↕`` moved, ``−`` removed, ``+`` added.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reader.diff.model import AlignedPair, Alignment
from reader.diff.survival import Survival
from reader.text.counts import counted

__all__ = ["MARKERS", "render_header", "render_side_by_side", "render_survival", "render_unified"]

MARKERS = {
    "equal": "=",
    "minor": "~",
    "reworded": "≈",
    "changed": "≠",
    "moved": "↕",
    "removed": "−",
    "added": "+",
}
STYLE_DELETE = "red strike"
STYLE_INSERT = "green underline"
STYLE_REPLACE = "yellow underline"
STYLE_REMOVED = "red"
STYLE_ADDED = "green"
STYLE_NOTE = "italic magenta"
STYLE_MARKER = {
    "equal": "dim",
    "minor": "cyan",
    "reworded": "yellow",
    "changed": "bold yellow",
    "moved": "magenta",
    "removed": "red",
    "added": "green",
}


def render_header(
    alignment: Alignment, a_label: str | None = None, b_label: str | None = None
) -> Text:
    """Two lines: which versions, then the summary numbers."""
    stats = alignment.stats
    header = Text()
    header.append("A ", style="bold")
    header.append(a_label or alignment.a_id)
    header.append("  →  ", style="dim")
    header.append("B ", style="bold")
    header.append(b_label or alignment.b_id)
    header.append("\n")
    header.append(f"similarity {alignment.similarity:.0%}", style="bold")
    header.append(f" · {stats.kept:.0%} of A kept word for word")
    header.append(f" · {stats.a_matched:.0%} of A's sentences matched\n")
    parts = [(op, count) for op, count in stats.counts.items() if count]
    for index, (op, count) in enumerate(parts):
        if index:
            header.append(" · ", style="dim")
        header.append(f"{MARKERS[op]} {count} {op}", style=STYLE_MARKER[op])
    if not parts:
        header.append("both versions are empty", style="dim")
    return header


def _side_text(alignment: Alignment, pair: AlignedPair, side: str) -> Text:
    """One side of a pair, with its word edits highlighted."""
    text = alignment.a_text if side == "a" else alignment.b_text
    span = pair.a if side == "a" else pair.b
    assert span is not None
    out = Text(text[span.start : span.end])
    if pair.op == "removed":
        out.stylize(STYLE_REMOVED)
        return out
    if pair.op == "added":
        out.stylize(STYLE_ADDED)
        return out
    for token in pair.tokens:
        start, end = (token.a_start, token.a_end) if side == "a" else (token.b_start, token.b_end)
        if start == end or token.op == "equal":
            continue
        style = (
            STYLE_REPLACE
            if token.op == "replace"
            else STYLE_DELETE
            if side == "a"
            else STYLE_INSERT
        )
        out.stylize(style, start - span.start, end - span.start)
    return out


def _marker(op: str, row_number: int) -> Text:
    return Text.assemble((f"{row_number:>3} ", "dim"), (MARKERS[op], STYLE_MARKER[op]))


def render_side_by_side(
    alignment: Alignment,
    a_label: str | None = None,
    b_label: str | None = None,
    *,
    changes_only: bool = False,
) -> RenderableType:
    """Header plus a two-column table, one line per ``Alignment.side_by_side_lines`` entry.

    Each column has its own gutter (row number and class), so that a sentence only A has and
    one only B has can stand side by side, each marked as what it is.
    """
    table = Table(
        box=box.SIMPLE_HEAD,
        expand=True,
        leading=1,  # a blank line between rows: each row is a sentence, often several lines
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column("", no_wrap=True, width=5)
    table.add_column(Text(a_label or alignment.a_id, style="bold"), ratio=1, overflow="fold")
    table.add_column("", no_wrap=True, width=5)
    table.add_column(Text(b_label or alignment.b_id, style="bold"), ratio=1, overflow="fold")
    shown = 0
    for row_index, b_row_index in alignment.side_by_side_lines():
        row = alignment.rows[row_index]
        pair = alignment.pairs[row.pair]
        if changes_only and pair.op == "equal":
            continue
        shared = b_row_index is not None
        left = _row_side(alignment, row_index, "a", shared)
        right = _row_side(alignment, row_index if b_row_index is None else b_row_index, "b", shared)
        # Each row's number and class stand in the gutter of the column holding its text.
        a_marker, b_marker = _marker(pair.op, row_index + 1), Text()
        if b_row_index is not None:
            b_pair = alignment.pairs[alignment.rows[b_row_index].pair]
            b_marker = _marker(b_pair.op, b_row_index + 1)
        elif alignment.free_column(row_index) == "a":  # only B has this sentence
            a_marker, b_marker = Text(), a_marker
        table.add_row(a_marker, left, b_marker, right)
        shown += 1
    return _under_header(alignment, a_label, b_label, table if shown else None, changes_only)


def _row_side(alignment: Alignment, row_index: int, side: str, shared: bool) -> Text:
    """What one column shows of a row: its text, a moved row's pointer, or nothing."""
    row = alignment.rows[row_index]
    pair = alignment.pairs[row.pair]
    partner = None if row.partner is None else row.partner + 1
    shows = row.show_a if side == "a" else row.show_b
    if shows and (pair.a if side == "a" else pair.b) is not None:
        text = _side_text(alignment, pair, side)
        if shared and pair.op == "moved" and partner is not None:
            # Its blank column holds the other side's sentence: the pointer follows the text.
            text.append(f"  ↕ {'to' if side == 'a' else 'from'} row {partner}", style=STYLE_NOTE)
        return text
    if pair.op == "moved" and partner is not None:
        return Text(f"↕ moved {'from' if side == 'a' else 'to'} row {partner}", style=STYLE_NOTE)
    return Text()


def _under_header(
    alignment: Alignment,
    a_label: str | None,
    b_label: str | None,
    table: Table | None,
    changes_only: bool,
) -> RenderableType:
    """The header, then ``table``, or why there is none (no rows to show)."""
    body: RenderableType = (
        table
        if table is not None
        else Text("No differences." if changes_only else "Nothing to compare.", style="dim")
    )
    return Group(render_header(alignment, a_label, b_label), Text(""), body)


def _unified_pair(alignment: Alignment, pair: AlignedPair) -> Text:
    """One pair as a single text: A's deleted words struck red right before B's new words."""
    if pair.b is None:
        return _side_text(alignment, pair, "a")
    if pair.a is None:
        return _side_text(alignment, pair, "b")
    a_text, b_text = alignment.a_text, alignment.b_text
    out = Text()
    position = pair.b.start
    for token in pair.tokens:
        out.append(b_text[position : token.b_start])  # the spacing between tokens, as in B
        old = a_text[token.a_start : token.a_end]
        new = b_text[token.b_start : token.b_end]
        if token.op == "equal":
            out.append(new)
        elif token.op == "insert":
            out.append(new, style=STYLE_INSERT)
        elif token.op == "delete":
            if out.plain and not out.plain[-1].isspace():
                out.append(" ")
            out.append(old, style=STYLE_DELETE)
            if token.b_start < pair.b.end:
                out.append(" ")
        else:
            out.append(old, style=STYLE_DELETE)
            out.append(" ")
            out.append(new, style=STYLE_INSERT)
        position = max(position, token.b_end)
    out.append(b_text[position : pair.b.end])
    return out


def render_unified(
    alignment: Alignment,
    a_label: str | None = None,
    b_label: str | None = None,
    *,
    changes_only: bool = False,
) -> RenderableType:
    """Header plus one column in B's reading order, edits inline; moved sentences noted."""
    table = Table(
        box=box.SIMPLE,  # a box (of spaces) so that ``leading`` separates the rows
        expand=True,
        show_header=False,
        show_edge=False,
        leading=1,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column("", no_wrap=True, width=5)
    table.add_column("", ratio=1, overflow="fold")
    shown = 0
    for row_index, row in enumerate(alignment.rows):
        pair = alignment.pairs[row.pair]
        if changes_only and pair.op == "equal":
            continue
        partner = None if row.partner is None else row.partner + 1
        if pair.op == "moved" and row.show_a:
            body = Text.assemble(
                _side_text(alignment, pair, "a"), (f"  ↕ moved to row {partner}", STYLE_NOTE)
            )
        elif pair.op == "moved":
            body = Text.assemble(
                (f"↕ moved from row {partner}: ", STYLE_NOTE), _unified_pair(alignment, pair)
            )
        else:
            body = _unified_pair(alignment, pair)
        table.add_row(_marker(pair.op, row_index + 1), body)
        shown += 1
    return _under_header(alignment, a_label, b_label, table if shown else None, changes_only)


_FATE_STYLE = {"kept": "green", "changed": "yellow", "dropped": "red"}


def render_survival(survival: Survival, labels: dict[str, str] | None = None) -> RenderableType:
    """A table: each base sentence, and its fate in every other version (columns V1, V2, ...)."""
    labels = labels or {}
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, padding=(0, 1))
    table.add_column("#", no_wrap=True, justify="right", width=3)
    table.add_column(
        Text(f"base: {labels.get(survival.base_id, survival.base_id)}", style="bold"), ratio=1
    )
    for number in range(1, len(survival.version_ids) + 1):
        table.add_column(Text(f"V{number}", style="bold"), no_wrap=True, width=6)
    for row in survival.rows:
        cells: list[Text] = [
            Text(str(row.sentence + 1), style="dim"),
            Text(survival.base_text[row.span.start : row.span.end]),
        ]
        for fate in row.fates:
            if fate.status == "kept":
                label = "kept"
            elif fate.status == "changed":
                label = f"{fate.similarity:.0%}"
            else:
                label = "—"
            if fate.moved:
                label += " ↕"
            cells.append(Text(label, style=_FATE_STYLE[fate.status]))
        table.add_row(*cells)
    summary = Text()
    summary.append(f"Base {labels.get(survival.base_id, survival.base_id)}", style="bold")
    summary.append(f": {counted(len(survival.rows), 'sentence')}")
    if not survival.version_ids:
        summary.append("; the story has no other version to compare with.")
    for number, version in enumerate(survival.version_ids, start=1):
        summary.append(f"\n  V{number} ", style="bold")
        summary.append(f"{labels.get(version, version)}: ")
        summary.append(f"{survival.share(version, 'kept'):.0%} kept", style="green")
        summary.append(" · ")
        summary.append(f"{survival.share(version, 'changed'):.0%} changed", style="yellow")
        summary.append(" · ")
        summary.append(f"{survival.share(version, 'dropped'):.0%} dropped", style="red")
    legend = Text(
        "kept = same words · NN% = reworded (word similarity) · — = dropped · ↕ = moved",
        style="dim",
    )
    return Group(summary, Text(""), table, legend)
