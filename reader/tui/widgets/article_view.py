"""The reading pane: an article's text wrapped by word, quotes and dates highlighted, a sentence cursor.

Drawn with the Line API: the text is pre-wrapped into rows of character offsets (recomputed on
resize) and only the visible rows are styled, so a 50,000-word article opens and scrolls at once.
Every highlight is a span of offsets into ``Article.text``; the current sentence is available as a
span (``current_span``) so notes can attach to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.model import Article, Span
from reader.text.sentences import Sentence, split_sentences
from reader.tui.labels import short_id

READING_WIDTH = 100
"""Lines longer than this are hard to read; wider panes keep a margin instead."""

NOTE_MARKER = "✎"
"""Drawn at the end of the row where a note with a body ends."""
_NOTE_MARKER_CELLS = 2
"""A space and the marker, after the row's text."""

_WORD_RE = re.compile(r"(\S+)(\s*)")
_BOILERPLATE_HEADING = "── set aside as boilerplate ──"


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Rows of ``text`` wrapped by word to ``width`` cells, as ``(start, end)`` offsets.

    Every line break in the text starts a new row; an empty line is an empty row; a word wider
    than the row is split. Trailing spaces stay at the end of their row (they are not drawn).
    """
    width = max(1, width)
    rows: list[tuple[int, int]] = []
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = length
        row_start = line_start
        column = 0
        position = line_start
        for match in _WORD_RE.finditer(text, line_start, line_end):
            word_start, word_end = match.span(1)
            if position < word_start:
                column += cell_len(text[position:word_start])
            word_width = cell_len(text[word_start:word_end])
            if column + word_width > width and column > 0:
                rows.append((row_start, word_start))
                row_start, column = word_start, 0
            while word_width > width:
                # A word longer than the row (a URL, a run of symbols): cut it at the row edge.
                cut = word_start
                used = 0
                while cut < word_end and used + cell_len(text[cut]) <= width:
                    used += cell_len(text[cut])
                    cut += 1
                cut = max(cut, word_start + 1)
                rows.append((row_start, cut))
                row_start = word_start = cut
                word_width = cell_len(text[word_start:word_end])
            column += word_width + cell_len(match.group(2))
            position = match.end()
        rows.append((row_start, line_end))
        line_start = line_end + 1
    return rows


def _overlaps(start: int, end: int, row_start: int, row_end: int) -> bool:
    return start < row_end and end > row_start and row_end > row_start


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """One article's text, with a sentence cursor moved by j/k and highlighted spans."""

    PANE_NAME = "Reading pane"

    HELP = (
        "The article's text. j/k move the sentence cursor, g/G jump to the ends, "
        "b shows the lines set aside as boilerplate. h highlights the sentence, a writes a note "
        "on it; shift+down/up spread it over more sentences, or select text with the mouse."
    )

    BINDINGS = [
        Binding("down,j", "sentence(1)", "Next sentence", show=False, id="text.next"),
        Binding("up,k", "sentence(-1)", "Previous sentence", show=False, id="text.previous"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="text.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="text.page-up"),
        Binding("g,home", "first", "Top", show=False, id="text.top"),
        Binding("G,end", "last", "Bottom", show=False, id="text.bottom"),
        Binding(
            "shift+down",
            "extend(1)",
            "Extend passage down",
            show=False,
            tooltip="Grow the passage under the cursor by a sentence (for h and a)",
            id="text.extend-down",
        ),
        Binding(
            "shift+up",
            "extend(-1)",
            "Extend passage up",
            show=False,
            id="text.extend-up",
        ),
        Binding(
            "h",
            "note('highlight')",
            "Highlight",
            tooltip="Highlight the sentence (or the selected passage); again to remove",
            id="text.highlight",
        ),
        Binding(
            "a",
            "note('annotate')",
            "Note",
            tooltip="Write or edit a note on the sentence (or the selected passage)",
            id="text.annotate",
        ),
    ]

    COMPONENT_CLASSES = {
        "article-view--quote",
        "article-view--speaker",
        "article-view--date",
        "article-view--cursor",
        "article-view--target",
        "article-view--boilerplate",
        "article-view--empty",
        "article-view--note",
        "article-view--note-marker",
    }

    DEFAULT_CSS = """
    ArticleView {
        padding: 0 1;
        overflow-x: hidden;
        & > .article-view--quote { color: $text-accent; }
        & > .article-view--speaker { text-style: bold underline; }
        & > .article-view--date { color: $text-warning; text-style: bold; }
        & > .article-view--cursor { background: $boost; }
        &:focus > .article-view--cursor { background: $primary 25%; }
        & > .article-view--target { background: $warning 35%; }
        & > .article-view--boilerplate { color: $text-muted; text-style: italic; }
        & > .article-view--empty { color: $text-muted; text-style: italic; }
    }
    """

    class CursorMoved(Message):
        """The sentence cursor moved (or the article changed)."""

        def __init__(self, view: ArticleView, sentence: int | None, span: Span | None) -> None:
            super().__init__()
            self.view = view
            self.sentence = sentence
            self.span = span

        @property
        def control(self) -> ArticleView:
            return self.view

    class NoteRequested(Message):
        """The user asked to highlight (``h``) or annotate (``a``) ``span`` of the article."""

        def __init__(self, view: ArticleView, action: str, span: Span) -> None:
            super().__init__()
            self.view = view
            self.action = action
            self.span = span

        @property
        def control(self) -> ArticleView:
            return self.view

    show_boilerplate: var[bool] = var(False, init=False)

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.empty_message = "Choose a version to read."
        self._document = ""
        self._body_length = 0
        self._rows: list[tuple[int, int]] = []
        self._row_starts: list[int] = []
        self._sentences: list[Sentence] = []
        self._sentence_starts: list[int] = []
        self._cursor: int | None = None
        self._extent: int | None = None
        """The sentence where a shift+up/down passage started (None: just the cursor's)."""
        self._notes: list[tuple[int, int, bool]] = []
        """Noted spans ``(start, end, has a body)`` painted under the text, by start."""
        self._target: Span | None = None
        self._spans: list[tuple[int, int, str]] = []
        self._span_starts: list[int] = []
        self._span_max_end: list[int] = []
        self._quotes: tuple[Any, ...] = ()
        self._wrap_width = 0
        self._cache: LRUCache[tuple[int, int, int, int, int], Strip] = LRUCache(512)

    # ------------------------------------------------------------------ content

    def show_article(self, article: Article | None) -> None:
        """Display an article (plain at first; ``set_marks`` adds the highlights)."""
        self.article = article
        self._quotes = ()
        self._spans, self._span_starts, self._span_max_end = [], [], []
        self._target = None
        self._extent = None
        self._notes = []
        text = article.text if article is not None else ""
        self._sentences = split_sentences(text) if text else []
        self._sentence_starts = [s.start for s in self._sentences]
        self._cursor = 0 if self._sentences else None
        if article is None:
            self.empty_message = "Choose a version to read."
            self.border_title = None
            self.border_subtitle = None
        else:
            self.empty_message = "This article has no text."
            # Untitled, unattributed copies are named by their short id (as on the command line).
            name = article.title or article.outlet or f"{short_id(article.id)} (no title)"
            self.border_title = Content(name)
            details = [p for p in (article.outlet, article.date, f"{article.words:,} words") if p]
            self.border_subtitle = Content(" · ".join(details))
        self._build_document()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._announce()

    def set_marks(self, quotes: Sequence[Any], dates: Sequence[Any]) -> None:
        """Highlight the engine's quotes (with their speakers) and dates."""
        spans: list[tuple[int, int, str]] = []
        for quote in quotes:
            spans.append((quote.start, quote.end, "article-view--quote"))
            if quote.speaker_start is not None and quote.speaker_end is not None:
                spans.append((quote.speaker_start, quote.speaker_end, "article-view--speaker"))
        spans.extend((d.start, d.end, "article-view--date") for d in dates)
        limit = self._body_length
        spans = sorted((s, min(e, limit), c) for s, e, c in spans if 0 <= s < e and s < limit)
        self._quotes = tuple(quotes)
        self._spans = spans
        self._span_starts = [s for s, _, _ in spans]
        running = 0
        self._span_max_end = []
        for _, end, _ in spans:
            running = max(running, end)
            self._span_max_end.append(running)
        self._cache.clear()
        self.refresh()
        self._announce()

    def set_notes(self, spans: Sequence[Any]) -> None:
        """Paint noted spans (objects with ``start``, ``end`` and ``annotated``)."""
        limit = self._body_length
        self._notes = sorted(
            (s.start, min(s.end, limit), bool(s.annotated))
            for s in spans
            if 0 <= s.start < s.end and s.start < limit
        )
        self._cache.clear()
        self.refresh()

    @property
    def note_spans(self) -> list[tuple[int, int, bool]]:
        """The painted note spans (for tests)."""
        return list(self._notes)

    def watch_show_boilerplate(self) -> None:
        self._build_document()

    def _build_document(self) -> None:
        article = self.article
        body = article.text if article is not None else ""
        self._body_length = len(body)
        document = body
        if article is not None and self.show_boilerplate:
            lines = article.boilerplate or ("(nothing was set aside)",)
            document = body + "\n\n" + _BOILERPLATE_HEADING + "\n" + "\n".join(lines)
        self._document = document
        self._rewrap()

    def _text_width(self) -> int:
        # The scrollbar's column is always reserved: wrapping must not depend on whether the
        # text happens to need a scrollbar, or a resize would re-wrap twice.
        # The note marker's cells too: a row that fills the width would otherwise lose it.
        available = (
            self.content_region.width - self.styles.scrollbar_size_vertical - _NOTE_MARKER_CELLS
        )
        return max(0, min(available, READING_WIDTH))

    def _rewrap(self) -> None:
        width = self._text_width()
        self._wrap_width = width
        if self.article is None or not self._document or width <= 0:
            self._rows = []
        else:
            self._rows = wrap_offsets(self._document, width)
        self._row_starts = [start for start, _ in self._rows]
        self._cache.clear()
        self.virtual_size = Size(width, len(self._rows))
        self.refresh()

    # ------------------------------------------------------------------ queries

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def sentence_count(self) -> int:
        return len(self._sentences)

    @property
    def sentence_index(self) -> int | None:
        return self._cursor

    def current_span(self) -> Span | None:
        """The span of the sentence under the cursor, or of the sentences shift+up/down spread
        it over (what a note would attach to)."""
        if self._cursor is None:
            return None
        if self._extent is None or self._extent == self._cursor:
            return self._sentences[self._cursor].span
        first, last = sorted((self._extent, self._cursor))
        return Span(self._sentences[first].start, self._sentences[last].end)

    def selected_span(self) -> Span | None:
        """The body text selected with the mouse, as a span (None if nothing is selected)."""
        selection = self.text_selection
        if selection is None or not self._rows or self._body_length == 0:
            return None

        def offset(point: Any, default: int) -> int:
            if point is None:
                return default
            row = min(max(point.y, 0), len(self._rows) - 1)
            start, end = self._rows[row]
            column = 0
            for position in range(start, end):
                if column >= point.x:
                    return position
                column += cell_len(self._document[position])
            return end

        start = min(offset(selection.start, 0), self._body_length)
        end = min(offset(selection.end, self._body_length), self._body_length)
        text = self._document[start:end]
        # Whitespace at either end is not part of what a reader means to mark.
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
        return Span(start, end) if end > start else None

    def note_span(self) -> Span | None:
        """What ``h`` and ``a`` act on: the mouse selection if any, else the cursor's passage."""
        return self.selected_span() or self.current_span()

    def action_note(self, action: str) -> None:
        span = self.note_span()
        if self.article is None or span is None:
            self.app.bell()
            return
        self.post_message(self.NoteRequested(self, action, span))

    def quote_at_cursor(self) -> Any | None:
        """The first quote that overlaps the current sentence, if any."""
        span = self.current_span()
        if span is None:
            return None
        for quote in self._quotes:
            if quote.start < span.end and quote.end > span.start:
                return quote
        return None

    def row_of(self, offset: int) -> int:
        """The row showing character ``offset`` of the document."""
        return max(0, bisect_right(self._row_starts, offset) - 1)

    def offset_at(self, x: int, row: int) -> int | None:
        """The document offset under cell ``x`` of ``row`` (None past the end)."""
        if not 0 <= row < len(self._rows):
            return None
        start, end = self._rows[row]
        column = 0
        for position in range(start, end):
            column += cell_len(self._document[position])
            if column > x:
                return position
        return max(start, end - 1)

    def visible_text(self) -> str:
        """The rows currently on screen, as plain text (for tests and screen readers)."""
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        return "\n".join(self._document[s:e].rstrip() for s, e in self._rows[top : top + height])

    # ------------------------------------------------------------------ cursor

    def _sentence_at(self, offset: int) -> int | None:
        if not self._sentences:
            return None
        index = bisect_right(self._sentence_starts, offset) - 1
        return min(max(index, 0), len(self._sentences) - 1)

    def _announce(self) -> None:
        self.post_message(self.CursorMoved(self, self._cursor, self.current_span()))

    def move_cursor(
        self, index: int | None, *, scroll: bool = True, keep_extent: bool = False
    ) -> None:
        if index is None or not self._sentences:
            return
        index = min(max(index, 0), len(self._sentences) - 1)
        old = self.current_span()
        self._cursor = index
        if not keep_extent:
            self._extent = None
        self._target = None
        self._refresh_span(old)
        self._refresh_span(self.current_span())
        if scroll:
            self._scroll_to_span(self.current_span())
        self._announce()

    def jump_to(self, start: int, end: int | None = None) -> None:
        """Move the cursor to the sentence holding ``start`` and mark ``[start, end)`` until the next move."""
        if not self._rows:
            return
        index = self._sentence_at(start)
        if index is not None:
            self.move_cursor(index, scroll=False)
        self._target = Span(start, end if end is not None and end > start else start + 1)
        self._cache.clear()
        row = self.row_of(start)
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=max(0, row - height // 3), animate=False, immediate=True)
        self.refresh()

    def _refresh_span(self, span: Span | None) -> None:
        if span is None or not self._rows:
            return
        first = self.row_of(span.start)
        last = self.row_of(max(span.start, span.end - 1))
        self.refresh_lines(first - self.scroll_offset.y, last - first + 1)

    def _scroll_to_span(self, span: Span | None) -> None:
        if span is None or not self._rows:
            return
        first = self.row_of(span.start)
        last = self.row_of(max(span.start, span.end - 1))
        top = self.scroll_offset.y
        height = max(1, self.scrollable_content_region.height)
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=min(first, last - height + 1), animate=False, immediate=True)

    def action_sentence(self, step: int) -> None:
        if self._cursor is None:
            return
        self.move_cursor(self._cursor + step)

    def action_extend(self, step: int) -> None:
        """Spread the passage under the cursor over one more sentence (shift+down/up)."""
        if self._cursor is None:
            return
        if self._extent is None:
            self._extent = self._cursor
        self.move_cursor(self._cursor + step, keep_extent=True)

    def action_page(self, direction: int) -> None:
        if not self._rows:
            return
        height = max(1, self.scrollable_content_region.height - 2)
        top = min(max(0, self.scroll_offset.y + direction * height), max(0, len(self._rows) - 1))
        self.scroll_to(y=top, animate=False, immediate=True)
        start = self._rows[min(self.scroll_offset.y, len(self._rows) - 1)][0]
        index = self._sentence_at(start)
        if index is not None and self._sentences[index].end <= start:
            index = min(index + 1, len(self._sentences) - 1)
        self.move_cursor(index, scroll=False)

    def action_first(self) -> None:
        self.move_cursor(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        if self._sentences:
            self.move_cursor(len(self._sentences) - 1)
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    async def _on_click(self, event: events.Click) -> None:
        offset = self.offset_at(event.x - self.gutter.left, event.y + self.scroll_offset.y)
        if offset is not None and offset < self._body_length:
            self.move_cursor(self._sentence_at(offset), scroll=False)

    # ------------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _on_resize(self, event: events.Resize) -> None:
        if self._text_width() != self._wrap_width:
            anchor = self.current_span()
            self._rewrap()
            self._scroll_to_span(anchor)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        text = "\n".join(self._document[s:e].rstrip() for s, e in self._rows)
        return selection.extract(text), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self._rows:
            if y == 0:
                content = Content(self.empty_message).stylize(
                    self.get_visual_style("article-view--empty", partial=True)
                )
                message = Strip(content.render_segments(self.visual_style), content.cell_length)
                return message.crop_extend(0, width, base)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        selection = self.text_selection
        row_start, row_end = self._rows[index]
        cursor = self.current_span()
        cursor_key = (
            (cursor.start, cursor.end)
            if cursor and _overlaps(cursor.start, cursor.end, row_start, row_end)
            else (-1, -1)
        )
        target = self._target
        key = (index, *cursor_key, *((target.start, target.end) if target else (-1, -1)))
        strip = self._cache.get(key) if selection is None else None
        if strip is None:
            strip = self._render_row(index, row_start, row_end, cursor, selection)
            if selection is None:
                self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def _render_row(
        self,
        index: int,
        row_start: int,
        row_end: int,
        cursor: Span | None,
        selection: Selection | None,
    ) -> Strip:
        plain = self._document[row_start:row_end].rstrip()
        row_end = row_start + len(plain)
        content = Content(plain)

        def paint(start: int, end: int, component: str) -> None:
            nonlocal content
            if _overlaps(start, end, row_start, row_end):
                style = self.get_visual_style(component, partial=True)
                content = content.stylize(
                    style, max(start, row_start) - row_start, min(end, row_end) - row_start
                )

        if row_start >= self._body_length:
            paint(row_start, row_end, "article-view--boilerplate")
        # Notes go under the cursor: its translucent background blends over theirs.
        marker = False
        for start, end, annotated in self._notes:
            if start >= row_end:
                break
            paint(start, end, "article-view--note")
            if annotated and row_start < end <= row_end:
                marker = True
        if cursor is not None:
            paint(cursor.start, cursor.end, "article-view--cursor")
        # Marks that reach this row: those starting before its end whose running end passes its start.
        last = bisect_left(self._span_starts, row_end) - 1
        while last >= 0 and self._span_max_end[last] > row_start:
            start, end, component = self._spans[last]
            paint(start, end, component)
            last -= 1
        if self._target is not None:
            paint(self._target.start, self._target.end, "article-view--target")
        if selection is not None and (span := selection.get_span(index)) is not None:
            start, end = span
            if end == -1:
                end = len(plain)
            content = content.stylize(self.screen.get_visual_style("screen--selection"), start, end)
        if marker:
            # After the row's text, so offsets (and mouse selection) stay those of the article.
            content = content + Content(" " + NOTE_MARKER).stylize(
                self.get_visual_style("article-view--note-marker", partial=True), 1
            )
        return Strip(content.render_segments(self.visual_style), content.cell_length)
