"""Two-line header of the compare screen: which versions, how similar, what kind of changes.

Line 1 names version A and B (outlet, date, words, id) over their columns; line 2 gives the
share of words kept between them, a legend with the count of every change class (using the gutter symbols) and where
the cursor is ("change 3/24"). Outlet, title and id come from articles: untrusted, so they are
only ever placed into ``Content`` as plain text.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from reader.model import Article
from reader.text.counts import counted
from reader.text.shorten import clip
from reader.tui.labels import short_id, version_name
from reader.tui.widgets.diff_layout import MARKERS, DiffDocument

__all__ = ["DiffHeader"]

# Legend order and the theme colour of each class (the same colours as the gutter markers).
_LEGEND = (
    ("changed", "$error"),
    ("reworded", "$warning"),
    ("minor", "$warning"),
    ("moved", "$accent"),
    ("added", "$success"),
    ("removed", "$error"),
)


_NAME_MIN = 12
"""A version's name is cut to fit its column, but keeps at least this many cells."""


def _version_label(article: Article, room: int) -> str:
    """Name, date, size and short id in ``room`` cells: the name is cut first, then the id."""
    name = version_name(article)
    ident = short_id(article.id)
    details = [article.date or "", f"{article.words:,} words"]
    if not name.startswith(ident):
        details.append(ident)
    details = [d for d in details if d]

    def details_width() -> int:
        return len(" · ".join(["", *details]))

    while len(details) > 1 and room - details_width() < _NAME_MIN:
        details.pop()
    # version_name is already on one line, so clip only cuts it.
    return " · ".join([clip(name, max(_NAME_MIN, room - details_width())), *details])


class DiffHeader(Widget):
    """Shows a ``DiffDocument``'s versions and statistics; ``show`` updates it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._document: DiffDocument | None = None
        self._unified = False
        self._position = (0, 0)
        self._cursor_label = ""
        self._status = ""

    def show(
        self,
        document: DiffDocument | None,
        *,
        unified: bool = False,
        position: tuple[int, int] = (0, 0),
        cursor_label: str = "",
        status: str = "",
    ) -> None:
        """Update what the header says; ``status`` replaces the statistics (loading, errors)."""
        self._document = document
        self._unified = unified
        self._position = position
        self._cursor_label = cursor_label
        self._status = status
        self.refresh()

    def render(self) -> Content:
        width = max(10, self.size.width)
        return Content("\n").join([self._versions_line(width), self._stats_line(width)])

    def _versions_line(self, width: int) -> Content:
        document = self._document
        if document is None:
            return Content("")
        # Side by side each label sits over its column (the view's columns split in halves).
        half = (width - 1) // 2
        if self._unified:
            a_tag, b_tag = ("- A ", "bold $error"), ("+ B ", "bold $success")
        else:
            a_tag, b_tag = ("A ", "bold $primary"), ("B ", "bold $primary")
        a = Content.assemble(a_tag, _version_label(document.left, half - len(a_tag[0])))
        b_room = width - half - 2 - len(b_tag[0])
        b = Content.assemble(b_tag, _version_label(document.right, b_room))
        return Content.assemble(a.truncate(half, ellipsis=True, pad=True), "  ", b).truncate(
            width, ellipsis=True
        )

    def _stats_line(self, width: int) -> Content:
        document = self._document
        if self._status or document is None:
            return Content(self._status)
        tail = Content.assemble(*self._tail())
        # Words where they fit; then symbols and counts (the gutter uses the same symbols) with
        # the quote tallies, which say what happened to the quotes and so go last.
        for compact, quote_tallies in ((False, True), (True, True), (True, False)):
            line = Content.assemble(
                *self._legend(document, compact=compact, quote_tallies=quote_tallies)
            )
            if line.cell_length + tail.cell_length <= width:
                break
        if line.cell_length + tail.cell_length > width:
            # The cursor's own description (what happened on this row) gives way last.
            room = max(0, width - line.cell_length)
            if room < 24:
                line = line.truncate(max(0, width - tail.cell_length), ellipsis=True)
            else:
                tail = tail.truncate(room, ellipsis=True)
        return Content.assemble(line, tail).truncate(width)

    def _legend(
        self, document: DiffDocument, *, compact: bool, quote_tallies: bool = True
    ) -> list[str | tuple[str, str]]:
        stats = document.alignment.stats
        parts: list[str | tuple[str, str]] = [
            # Words the two texts share, not the story list's similarity (a grouping measure).
            ("shared " if compact else "words shared ", "$text-muted"),
            (f"{stats.similarity:.0%}", "bold"),
        ]
        separator = " " if compact else "  "
        for name, colour in _LEGEND:
            count = stats.counts.get(name, 0)
            if count:
                label = f"{count}" if compact else f" {name} {count}"
                parts += [separator, (MARKERS[name], f"bold {colour}"), label]
        if not document.change_rows:
            parts += [separator, ("no changes", "$text-muted")]
        quoted = sum(document.quote_changes)
        if quoted:
            label = f"{quoted}" if compact else f" in quotes {quoted}"
            parts += [separator, ("❝", "bold $warning"), label]
        if quote_tallies and document.quote_statuses:
            tallies = [
                f"{count} {status}" if compact else f"{counted(count, 'quote')} {status}"
                for status, count in document.quote_statuses
            ]
            lead = "quotes: " if compact else ""
            parts += [
                separator,
                (lead + (", " if compact else "  ").join(tallies), "$text-warning"),
            ]
        return parts

    def _tail(self) -> list[str | tuple[str, str]]:
        done, total = self._position
        tail: list[str | tuple[str, str]] = []
        if total:
            tail = [(" │ ", "$text-muted"), f"change {done}/{total}"]
        if self._cursor_label:
            tail += [" ", (self._cursor_label, "$text-muted")]
        return tail
