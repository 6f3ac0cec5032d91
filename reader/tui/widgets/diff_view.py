"""Side-by-side (or unified) view of an alignment: one Line-API widget for both columns.

Both columns are drawn by the same ``render_line`` from one precomputed list of wrapped lines
(``diff_layout.layout_lines``), so an aligned pair always starts on the same screen line and
vertical scrolling needs no synchronisation. Only visible lines are drawn and each draw looks
only at its own pair's marks, so scrolling costs the same on a 50,000-word pair as on a short one.

Article text is drawn as plain ``Segment`` text: it is never parsed as markup.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.tui.widgets.diff_layout import (
    DIVIDER,
    GUTTER,
    MARKERS,
    DiffDocument,
    Line,
    Mark,
    layout_lines,
    screen_rows,
    side_by_side_columns,
)

__all__ = ["DiffView"]

QUOTE_MARKER = "❝"
CURSOR_BAR = "▌"
NOTE_MARKER = "✎"
"""After the text of the line where a note with a body ends."""

# Which component class colours a pair class's gutter marker.
_MARKER_CLASS = {
    "minor": "diff-view--mark-edit",
    "reworded": "diff-view--mark-edit",
    "changed": "diff-view--mark-del",
    "moved": "diff-view--mark-moved",
    "added": "diff-view--mark-ins",
    "removed": "diff-view--mark-del",
}


def _tint(op: str, side: str, unified: bool) -> str | None:
    """The background of a side's cell: a sentence only A or only B has, or a moved one (side
    by side only: unified, the arrows say it)."""
    if op == "removed" and side == "a":
        return "diff-view--removed"
    if op == "added" and side == "b":
        return "diff-view--added"
    if op == "moved" and not unified:
        return "diff-view--moved"
    return None


_MARK_CLASS = {
    "delete": "diff-view--delete",
    "insert": "diff-view--insert",
    "minor": "diff-view--minor",
    "quote": "diff-view--quote",
}


class DiffView(ScrollView, can_focus=True, inherit_bindings=False):
    """Draws a ``DiffDocument``; keeps a cursor on one aligned row."""

    PANE_NAME = "Diff"
    """Section title of this widget's keys in the help screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket,n", "next_change", "Next change", id="diff.next"),
        Binding("left_square_bracket,p", "previous_change", "Prev change", id="diff.previous"),
        Binding("j,down", "cursor_down", "Next sentence", show=False, id="diff.down"),
        Binding("k,up", "cursor_up", "Previous sentence", show=False, id="diff.up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="diff.page-down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="diff.page-up"),
        Binding("g,home", "first", "Top", show=False, id="diff.top"),
        Binding("G,end", "last", "Bottom", show=False, id="diff.bottom"),
        Binding("m,enter", "jump_counterpart", "Moved counterpart", show=False, id="diff.moved"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-view--cursor",
        "diff-view--bar",
        "diff-view--gutter",
        "diff-view--divider",
        "diff-view--delete",
        "diff-view--insert",
        "diff-view--minor",
        "diff-view--quote",
        "diff-view--removed",
        "diff-view--added",
        "diff-view--moved",
        "diff-view--note",
        "diff-view--mark-del",
        "diff-view--mark-ins",
        "diff-view--mark-edit",
        "diff-view--mark-moved",
        "diff-view--mark-quote",
        "diff-view--noted",
        "diff-view--note-marker",
    }

    DEFAULT_CSS = """
    DiffView {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    DiffView > .diff-view--cursor { background: $primary 18%; }
    DiffView > .diff-view--bar { color: $primary; }
    DiffView > .diff-view--gutter { color: $text-muted; }
    DiffView > .diff-view--divider { color: $text-muted; }
    DiffView > .diff-view--delete { background: $error 35%; }
    DiffView > .diff-view--insert { background: $success 35%; }
    DiffView > .diff-view--minor { text-style: underline; }
    DiffView > .diff-view--quote { background: $warning 55%; text-style: bold underline; }
    DiffView > .diff-view--removed { background: $error 12%; }
    DiffView > .diff-view--added { background: $success 12%; }
    DiffView > .diff-view--moved { background: $accent 12%; }
    DiffView > .diff-view--note { color: $text-muted; text-style: italic; }
    DiffView > .diff-view--mark-del { color: $error; text-style: bold; }
    DiffView > .diff-view--mark-ins { color: $success; text-style: bold; }
    DiffView > .diff-view--mark-edit { color: $warning; text-style: bold; }
    DiffView > .diff-view--mark-moved { color: $accent; text-style: bold; }
    DiffView > .diff-view--mark-quote { color: $warning; text-style: bold; }
    DiffView > .diff-view--noted { background: $secondary 60%; }
    DiffView > .diff-view--note-marker { color: $text-warning; text-style: bold; }
    """

    class CursorMoved(Message):
        """The cursor row changed (or a new document/layout arrived)."""

        def __init__(self, view: DiffView, row: int) -> None:
            super().__init__()
            self.view = view
            self.row = row

        @property
        def control(self) -> DiffView:
            return self.view

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document: DiffDocument | None = None
        self.unified = False
        self.cursor_row = 0
        self._lines: list[Line] = []
        self._row_first_line: list[int] = []
        self._row_last_line: list[int] = []
        self._order: list[int] = []
        """Rows in the order the screen shows them (where to go on j/k), line by line and left
        before right: side by side, unpaired sentences of both versions share lines, so row
        order would run down A's column and then jump back up B's."""
        self._rank: list[int] = []
        """Each row's place in ``_order``."""
        self._change_order: list[int] = []
        """The document's change rows in screen order."""
        self._layout_width = 0
        self._strip_cache: LRUCache[tuple[int, tuple[bool, bool], int, int], Strip] = LRUCache(1024)
        self._style_cache: dict[tuple[str, ...], Style] = {}
        self._overlay_cache: dict[tuple[str, Style], Style] = {}
        self._notes: dict[str, tuple[tuple[int, int, bool], ...]] = {"a": (), "b": ()}
        """Per side: noted spans ``(start, end, has a body)`` in that article's text, by start."""

    # -- data ---------------------------------------------------------------------------------

    @property
    def lines(self) -> list[Line]:
        """The laid-out screen lines (read-only use)."""
        return self._lines

    def set_document(self, document: DiffDocument | None, cursor_row: int = 0) -> None:
        """Show ``document`` with the cursor on ``cursor_row`` (scrolled into view)."""
        self.document = document
        rows = len(document.alignment.rows) if document is not None else 0
        self.cursor_row = min(max(0, cursor_row), max(0, rows - 1))
        self._relayout()
        self.scroll_to(y=0, animate=False)
        self._scroll_row_into_view(self.cursor_row, context=True)
        self.post_message(self.CursorMoved(self, self.cursor_row))

    def set_notes(self, side: str, spans: Iterable[Any]) -> None:
        """Paint noted spans (objects with ``start``, ``end``, ``annotated``) on side "a" or "b"."""
        key = "a" if side in ("a", "left") else "b"
        self._notes[key] = tuple(
            sorted((s.start, s.end, bool(s.annotated)) for s in spans if s.start < s.end)
        )
        self._strip_cache.clear()
        self.refresh()

    def note_spans(self, side: str) -> tuple[tuple[int, int, bool], ...]:
        """The painted note spans of a side (for tests)."""
        return self._notes["a" if side in ("a", "left") else "b"]

    def set_unified(self, unified: bool) -> None:
        if unified == self.unified:
            return
        self.unified = unified
        self._relayout(keep_row=self.cursor_row)

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width
        return width if width > 0 else self.app.size.width

    def _relayout(self, keep_row: int | None = None) -> None:
        """Wrap the document again (new width, mode or data), keeping ``keep_row`` in place."""
        keep_offset = 0
        if keep_row is not None and keep_row < len(self._row_first_line):
            keep_offset = self._row_first_line[keep_row] - round(self.scroll_y)
        width = self._text_width()
        self._layout_width = width
        document = self.document
        self._lines = layout_lines(document, width, self.unified) if document is not None else []
        rows = len(document.alignment.rows) if document is not None else 0
        first = [-1] * rows
        last = [-1] * rows
        for index, line in enumerate(self._lines):
            for row in line.rows:
                if first[row] < 0:
                    first[row] = index
                last[row] = index
        # A row with no line of its own (never expected) borrows the next line's position.
        for row in range(rows - 1, -1, -1):
            if first[row] < 0:
                following = first[row + 1] if row + 1 < rows else len(self._lines)
                first[row] = last[row] = max(0, following - 1) if following else 0
        self._row_first_line, self._row_last_line = first, last
        order = screen_rows(document.alignment, self.unified) if document is not None else []
        rank = [0] * rows
        for position, row in enumerate(order):
            rank[row] = position
        self._order, self._rank = order, rank
        changes = document.change_rows if document is not None else ()
        self._change_order = sorted(changes, key=rank.__getitem__)
        self._strip_cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        if keep_row is not None and keep_row < rows:
            self.scroll_to(y=max(0, first[keep_row] - keep_offset), animate=False)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._layout_width:
            self._relayout(keep_row=self.cursor_row)

    def notify_style_update(self) -> None:
        # Theme or CSS change: every cached colour is stale.
        super().notify_style_update()
        self._style_cache.clear()
        self._overlay_cache.clear()
        self._strip_cache.clear()

    # -- cursor -------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.document.alignment.rows) if self.document is not None else 0

    def row_lines(self, row: int) -> tuple[int, int]:
        """First and last screen line of ``row``."""
        return self._row_first_line[row], self._row_last_line[row]

    def row_at_line(self, line: int, x: int | None = None) -> int | None:
        """The row drawn on screen line ``line`` (a paragraph gap belongs to the next row); on a
        line two unpaired sentences share, the one in the column at ``x`` (else A's)."""
        if not self._lines:
            return None
        line = min(max(0, line), len(self._lines) - 1)
        for index in itertools.chain(range(line, len(self._lines)), range(line, -1, -1)):
            rows = self._lines[index].rows
            if rows:
                if x is not None and len(rows) == 2:
                    left_width, _ = side_by_side_columns(self._layout_width)
                    return rows[1] if x > 1 + GUTTER + left_width else rows[0]
                return rows[0]
        return None

    def _step(self, row: int, steps: int) -> int:
        """The row ``steps`` rows after (or before) ``row`` in screen order, within bounds."""
        index = min(max(0, self._rank[row] + steps), len(self._order) - 1)
        return self._order[index]

    def move_cursor(self, row: int, *, context: bool = False) -> None:
        """Put the cursor on ``row`` and scroll it into view."""
        if self.document is None or not self.row_count:
            return
        row = min(max(0, row), self.row_count - 1)
        old = self.cursor_row
        self.cursor_row = row
        self._refresh_row(old)
        self._refresh_row(row)
        self._scroll_row_into_view(row, context=context)
        if old != row:
            self.post_message(self.CursorMoved(self, row))

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._row_first_line):
            first, last = self.row_lines(row)
            self.refresh_lines(first, last - first + 1)

    def _scroll_row_into_view(self, row: int, *, context: bool) -> None:
        """Scroll so ``row`` is visible; ``context`` puts a far jump a third down the screen."""
        if not (0 <= row < len(self._row_first_line)):
            return
        first, last = self.row_lines(row)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if first >= top and last < top + height:
            return
        if context:
            target = first - height // 3
        elif first < top or last - first + 1 > height:
            target = first
        else:
            target = last - height + 1
        self.scroll_to(y=max(0, target), animate=False)

    def _cursor_on_screen(self) -> bool:
        if not (0 <= self.cursor_row < len(self._row_first_line)):
            return False
        first, last = self.row_lines(self.cursor_row)
        top = round(self.scroll_y)
        return last >= top and first < top + self.scrollable_content_region.height

    def _visible_row(self) -> int:
        """The cursor row, or the first row on screen when the user scrolled the cursor away."""
        if self._cursor_on_screen():
            return self.cursor_row
        row = self.row_at_line(round(self.scroll_y))
        return self.cursor_row if row is None else row

    def change_position(self) -> tuple[int, int]:
        """(changes at or before the cursor, total changes): "change 3 of 24"."""
        if self.document is None or not self._rank:
            return 0, 0
        here = self._rank[self.cursor_row]
        done = sum(1 for r in self._change_order if self._rank[r] <= here)
        return done, len(self._change_order)

    def current_span(self, side: str) -> tuple[str, int, int] | None:
        """(article id, start, end) of the cursor row's sentence(s) on ``side`` ("a"/"left" or
        "b"/"right"); None when that side has nothing on the row."""
        document = self.document
        if document is None or not self.row_count:
            return None
        row = document.alignment.rows[self.cursor_row]
        pair = document.alignment.pairs[row.pair]
        if side in ("a", "left"):
            span, shown, article = pair.a, row.show_a, document.left
        elif side in ("b", "right"):
            span, shown, article = pair.b, row.show_b, document.right
        else:
            raise ValueError(f"side must be 'a'/'left' or 'b'/'right', not {side!r}")
        if span is None or not shown:
            return None
        return article.id, span.start, span.end

    # -- actions ------------------------------------------------------------------------------

    def action_next_change(self) -> None:
        if self.document is None:
            return
        start = self._visible_row()
        for row in self._change_order:
            ahead = self._rank[row] - self._rank[start]
            if ahead > 0 or (ahead == 0 and start != self.cursor_row):
                self.move_cursor(row, context=True)
                return
        self.app.bell()

    def action_previous_change(self) -> None:
        if self.document is None:
            return
        start = self._visible_row()
        for row in reversed(self._change_order):
            behind = self._rank[start] - self._rank[row]
            if behind > 0 or (behind == 0 and start != self.cursor_row):
                self.move_cursor(row, context=True)
                return
        self.app.bell()

    def action_cursor_down(self) -> None:
        if not self._order:
            return
        start = self._visible_row()
        self.move_cursor(self._step(start, 1) if start == self.cursor_row else start)

    def action_cursor_up(self) -> None:
        if not self._order:
            return
        start = self._visible_row()
        self.move_cursor(self._step(start, -1) if start == self.cursor_row else start)

    def action_page_down(self) -> None:
        if not self._lines:
            return
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        target = min(top + height, round(self.max_scroll_y))
        if target <= top:
            self.move_cursor(self._order[-1])
            return
        self.scroll_to(y=target, animate=False)
        row = self.row_at_line(target)
        # A row straddling the top edge: the first row that starts on screen is clearer (past
        # the other column's row on a shared line, which starts just as high).
        while row is not None and self._row_first_line[row] < target and row != self._order[-1]:
            row = self._step(row, 1)
        if row is not None:
            self.move_cursor(row)

    def action_page_up(self) -> None:
        if not self._lines:
            return
        height = max(1, self.scrollable_content_region.height)
        target = max(0, round(self.scroll_y) - height)
        self.scroll_to(y=target, animate=False)
        row = self.row_at_line(target)
        if row is not None:
            self.move_cursor(row)

    def action_first(self) -> None:
        if not self._order:
            return
        self.scroll_to(y=0, animate=False)
        self.move_cursor(self._order[0])

    def action_last(self) -> None:
        if not self._order:
            return
        self.scroll_to(y=self.max_scroll_y, animate=False)
        self.move_cursor(self._order[-1])

    def action_jump_counterpart(self) -> None:
        """On a moved sentence, jump to where it stands in the other version."""
        document = self.document
        if document is None or not self.row_count:
            return
        partner = document.alignment.rows[self.cursor_row].partner
        if partner is None:
            self.app.bell()
            return
        self.move_cursor(partner, context=True)

    def on_click(self, event: events.Click) -> None:
        row = self.row_at_line(round(self.scroll_y) + event.y, event.x)
        if row is not None:
            self.move_cursor(row)

    # -- drawing ------------------------------------------------------------------------------

    def _style(self, *names: str) -> Style:
        """The cursor/tint base for a cell: full styles, later names win."""
        style = self._style_cache.get(names)
        if style is None:
            style = self.rich_style
            for name in names:
                style += self.get_component_rich_style(name)
            self._style_cache[names] = style
        return style

    def _overlay(self, base: Style, name: str) -> Style:
        """``name`` on top of ``base``: its own background if it has one, else base's."""
        key = (name, base)
        style = self._overlay_cache.get(key)
        if style is None:
            partial = self.get_component_rich_style(name, partial=True)
            if partial.bgcolor is not None:
                style = base + self.get_component_rich_style(name)
            else:
                style = base + partial
            self._overlay_cache[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        base = self._style()
        if index >= len(self._lines) or self.document is None:
            return Strip.blank(width, base)
        line = self._lines[index]
        cursor = self.cursor_row
        shown = line.rows
        on_cursor: tuple[bool, bool]
        if line.b_row is None:
            on_cursor = (cursor in shown, cursor in shown)
        else:
            # Lines two unpaired sentences share: a column is the cursor's only where its own
            # sentence has text, the lines ``row_lines`` gives (and a move refreshes).
            on_cursor = (
                line.row == cursor and cursor in shown,
                line.b_row == cursor and cursor in shown,
            )
        # The view never scrolls sideways, so the finished strip (cropped, with the offsets that
        # mouse selection needs) depends only on the line, the cursor and the width.
        key = (index, on_cursor, width, scroll_x)
        strip = self._strip_cache.get(key)
        if strip is None:
            strip = (
                Strip(self._render_segments(line, on_cursor))
                .crop_extend(scroll_x, scroll_x + width, base)
                .apply_offsets(scroll_x, index)
            )
            self._strip_cache[key] = strip
        return strip

    def _render_segments(self, line: Line, on_cursor: tuple[bool, bool]) -> list[Segment]:
        """One screen line; ``on_cursor`` says whether its A and its B side are the cursor's row
        (both, unless two unpaired sentences share the line)."""
        document = self.document
        assert document is not None
        cursor_names = ("diff-view--cursor",)
        base = self._style(*cursor_names) if on_cursor[0] else self._style()
        segments = [
            Segment(CURSOR_BAR, self._overlay(self._style(*cursor_names), "diff-view--bar"))
            if any(on_cursor)
            else Segment(" ", base)
        ]
        if line.row < 0:
            return segments
        if self.unified:
            width = max(1, self._layout_width - 1 - GUTTER - 1)
            if line.a is not None:
                self._cell(segments, line, "a", width, on_cursor[0], "-")
            else:
                self._cell(segments, line, "b", width, on_cursor[1], " " if line.shared else "+")
            return segments
        left_width, right_width = side_by_side_columns(self._layout_width)
        self._cell(segments, line, "a", left_width, on_cursor[0], None)
        divider_base = base if on_cursor[0] == on_cursor[1] else self._style()
        segments.append(Segment(DIVIDER, self._overlay(divider_base, "diff-view--divider")))
        self._cell(segments, line, "b", right_width, on_cursor[1], None)
        return segments

    def _cell(
        self,
        segments: list[Segment],
        line: Line,
        side: str,
        width: int,
        on_cursor: bool,
        sign: str | None,
    ) -> None:
        """Append one column: gutter (marker, quote marker[, sign], space) then padded text,
        all of the row whose text this side of the line shows (another row's on a shared line)."""
        document = self.document
        assert document is not None
        alignment = document.alignment
        text_range = line.a if side == "a" else line.b
        row_index = line.side_row(side)
        row = alignment.rows[row_index]
        pair = alignment.pairs[row.pair]
        quoted = document.quote_changes[row.pair]
        tint = _tint(pair.op, side, self.unified)
        base_names: tuple[str, ...] = ("diff-view--cursor",) if on_cursor else ()
        base = self._style(*base_names)
        present = text_range is not None
        cell_base = base
        if tint and present:
            # On a line two rows share, the cursor's colour wins over the tint: it says which
            # column's sentence the cursor is on (elsewhere the bar at the left is enough).
            names = (tint, *base_names) if line.b_row is not None else (*base_names, tint)
            cell_base = self._style(*names)
        gutter_style = self._overlay(cell_base, "diff-view--gutter")

        # Gutter: the class marker and quote marker only on the row's first line.
        first_of_side = present and line.first
        marker = MARKERS.get(pair.op, " ") if first_of_side else " "
        marker_class = _MARKER_CLASS.get(pair.op)
        if pair.op == "moved" and first_of_side and row.partner is not None:
            marker = "↓" if row.partner > row_index else "↑"
        segments.append(
            Segment(
                marker, self._overlay(cell_base, marker_class) if marker_class else gutter_style
            )
        )
        show_quote = quoted and first_of_side
        segments.append(
            Segment(
                QUOTE_MARKER if show_quote else " ",
                self._overlay(cell_base, "diff-view--mark-quote") if show_quote else gutter_style,
            )
        )
        if sign is not None:
            sign_class = {"-": "diff-view--mark-del", "+": "diff-view--mark-ins"}.get(sign)
            segments.append(
                Segment(sign, self._overlay(cell_base, sign_class) if sign_class else gutter_style)
            )
        segments.append(Segment(" ", cell_base))

        used = 0
        if text_range is not None:
            text = alignment.a_text if side == "a" else alignment.b_text
            marks = document.a_marks[row.pair] if side == "a" else document.b_marks[row.pair]
            start, end = text_range
            notes = [n for n in self._notes[side] if n[0] < end and n[1] > start]
            used = self._marked_segments(segments, text, text_range, marks, notes, cell_base)
            if used + 2 <= width and any(a and start < e <= end for _, e, a in notes):
                note_style = self._overlay(cell_base, "diff-view--note-marker")
                segments.append(Segment(" " + NOTE_MARKER, note_style))
                used += 2
        elif line.first and pair.op == "moved" and row.partner is not None:
            note = "↓ moved: see below (m)" if row.partner > row_index else "↑ moved: see above (m)"
            note = note[:width]
            segments.append(Segment(note, self._overlay(base, "diff-view--note")))
            used = cell_len(note)
        if used < width:
            segments.append(Segment(" " * (width - used), cell_base))

    def _marked_segments(
        self,
        segments: list[Segment],
        text: str,
        text_range: tuple[int, int],
        marks: tuple[Mark, ...],
        notes: list[tuple[int, int, bool]],
        cell_base: Style,
    ) -> int:
        """Append the text of ``text_range`` cut at mark and note boundaries, noted spans under
        the marks (a mark's colour wins); returns the cells used."""
        start, end = text_range
        cuts = {start, end}
        for s, e, *_ in (*marks, *notes):
            cuts.update(c for c in (s, e) if start < c < end)
        ordered = sorted(cuts)
        used = 0
        for s, e in zip(ordered, ordered[1:], strict=False):
            style = cell_base
            if any(ns <= s < ne for ns, ne, _ in notes):
                style = self._overlay(style, "diff-view--noted")
            mark = next((m for m in marks if m.start <= s < m.end), None)
            if mark is not None:
                style = self._overlay(style, _MARK_CLASS[mark.kind])
            # Tabs would break the column arithmetic.
            chunk = text[s:e].replace("\t", " ")
            segments.append(Segment(chunk, style))
            used += cell_len(chunk)
        return used
