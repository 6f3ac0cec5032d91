"""Two-line header of the compare screen: which versions, how similar, what kind of changes.

Line 1 names version A and B (outlet, date, words, id) over their columns; line 2 gives the
similarity, a legend with the count of every change class (using the gutter symbols) and where
the cursor is ("change 3/24"). Outlet, title and id come from articles: untrusted, so they are
only ever placed into ``Content`` as plain text.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from reader.model import Article
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


def _version_label(article: Article) -> str:
    parts = [article.outlet or "", article.date or "", f"{article.words} words", article.id]
    return " · ".join(p for p in parts if p)


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
        if self._unified:
            a = Content.assemble(("- A ", "bold $error"), _version_label(document.left))
            b = Content.assemble(("+ B ", "bold $success"), _version_label(document.right))
        else:
            a = Content.assemble(("A ", "bold $primary"), _version_label(document.left))
            b = Content.assemble(("B ", "bold $primary"), _version_label(document.right))
        # Side by side each label sits over its column (the view's columns split in halves).
        half = (width - 1) // 2
        return Content.assemble(a.truncate(half, ellipsis=True, pad=True), "  ", b).truncate(
            width, ellipsis=True
        )

    def _stats_line(self, width: int) -> Content:
        document = self._document
        if self._status or document is None:
            return Content(self._status)
        tail = self._tail()
        tail_width = Content.assemble(*tail).cell_length
        # Words where they fit; then without the quote tallies; then, on a narrow terminal,
        # symbols and counts only (the gutter uses the same symbols).
        for compact, quote_tallies in ((False, True), (False, False), (True, False)):
            line = Content.assemble(
                *self._legend(document, compact=compact, quote_tallies=quote_tallies)
            )
            if line.cell_length + tail_width <= width:
                break
        if line.cell_length + tail_width > width:
            line = line.truncate(max(0, width - tail_width), ellipsis=True)
        return Content.assemble(line, *tail).truncate(width)

    def _legend(
        self, document: DiffDocument, *, compact: bool, quote_tallies: bool = True
    ) -> list[str | tuple[str, str]]:
        stats = document.alignment.stats
        parts: list[str | tuple[str, str]] = [
            ("sim " if compact else "similarity ", "$text-muted"),
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
        if quote_tallies:
            for status, count in document.quote_statuses:
                parts += [
                    separator,
                    (f"{count} quote{'s' if count != 1 else ''} {status}", "$warning"),
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
