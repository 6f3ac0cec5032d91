"""The story list: stories with their versions, drawn line by line so 100,000 rows appear at once.

Rows are story headers followed by their version rows; the cursor only rests on versions (a
header is a divider, not something to read). Filtering keeps a story when its title or id
matches, or only the versions whose outlet, title or id match.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.corpus import Corpus
from reader.model import Story
from reader.text.counts import counted
from reader.tui.labels import version_name

_NAME_ROOM = 22
"""Cells a version's name keeps before the date column is dropped from the row."""


@dataclass(frozen=True, slots=True)
class Row:
    story_index: int
    article_id: str | None = None
    """None for the story's header row."""


def _haystack(*parts: str | None) -> str:
    return "\x00".join(p.casefold() for p in parts if p)


class StoryList(ScrollView, can_focus=True, inherit_bindings=False):
    """Stories and their versions; ``enter`` opens the version under the cursor."""

    PANE_NAME = "Story list"

    HELP = "Stories and their versions. Move with j/k, open with enter, filter with /."

    ALLOW_SELECT = False
    """Rows are navigation, not prose: copying text happens in the reading pane."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("g,home", "first", "First version", show=False, id="list.first"),
        Binding("G,end", "last", "Last version", show=False, id="list.last"),
        Binding(
            "enter", "select", "Read", tooltip="Read the version under the cursor", id="list.select"
        ),
    ]

    COMPONENT_CLASSES = {
        "story-list--header",
        "story-list--meta",
        "story-list--cursor",
        "story-list--empty",
    }

    DEFAULT_CSS = """
    StoryList {
        background: $surface;
        & > .story-list--header { text-style: bold; color: $text-primary; }
        & > .story-list--meta { color: $text-muted; }
        & > .story-list--cursor { background: $primary 20%; color: $text; }
        &:focus > .story-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .story-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    class ArticleHighlighted(Message):
        """The cursor moved to another version."""

        def __init__(self, story_list: StoryList, article_id: str) -> None:
            super().__init__()
            self.story_list = story_list
            self.article_id = article_id

        @property
        def control(self) -> StoryList:
            return self.story_list

    class ArticleSelected(ArticleHighlighted):
        """The user chose the version under the cursor (enter or click)."""

    filter_text: var[str] = var("", init=False)
    """Case-insensitive text the rows must match (title, outlet or id)."""

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._corpus: Corpus | None = None
        self._story_keys: list[str] = []
        self._whole_keys: list[str] = []
        self._last_match: tuple[str, list[int]] | None = None
        """The last non-empty needle and the stories it matched (for narrowing as one types)."""
        self._story_rows: dict[int, list[Row]] = {}
        self._article_keys: dict[str, str] = {}
        self._rows: list[Row] = []
        self._cursor: int | None = None
        self._last_article_id: str | None = None
        """The last version the cursor was on: a filter that hid everything gives it back."""
        self._shown_versions: dict[int, int] = {}
        """How many versions the filter left of each story it cut down (absent: all of them)."""
        self.shown_stories = 0
        """Stories with a row in the list (all of them, or those the filter matched)."""
        self._cache: LRUCache[tuple[int, bool, int], Strip] = LRUCache(1024)
        self.empty_message = "Loading…"

    # ------------------------------------------------------------------ data

    @property
    def corpus(self) -> Corpus | None:
        return self._corpus

    @property
    def rows(self) -> list[Row]:
        return self._rows

    @property
    def cursor_row(self) -> int | None:
        return self._cursor

    @property
    def highlighted_article_id(self) -> str | None:
        if self._cursor is None:
            return None
        return self._rows[self._cursor].article_id

    def set_corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus
        # Folded once per corpus so each filter keystroke is a plain substring scan.
        self._story_keys = [_haystack(s.title, s.id) for s in corpus.stories]
        self._article_keys = {
            a.id: _haystack(a.outlet, a.title, a.id, a.date) for a in corpus.articles
        }
        # A story and all its versions in one string: a story that cannot match is skipped
        # with one substring test instead of one per version.
        self._whole_keys = [
            "\x00".join([key, *(self._article_keys.get(i, "") for i in story.article_ids)])
            for key, story in zip(self._story_keys, corpus.stories, strict=True)
        ]
        self._last_match = None
        self._story_rows = {}
        self.empty_message = "No articles in this corpus." if not corpus.articles else ""
        self._rebuild(keep=None)

    def _whole_story_rows(self, index: int) -> list[Row]:
        """The header and every version row of a story, built once (typing a filter reuses them)."""
        rows = self._story_rows.get(index)
        if rows is None:
            assert self._corpus is not None
            story = self._corpus.stories[index]
            rows = [Row(index), *(Row(index, article_id) for article_id in story.article_ids)]
            self._story_rows[index] = rows
        return rows

    def watch_filter_text(self) -> None:
        self._rebuild(keep=self.highlighted_article_id or self._last_article_id)

    def _rebuild(self, keep: str | None) -> None:
        rows: list[Row] = []
        shown_versions: dict[int, int] = {}
        corpus = self._corpus
        if corpus is not None:
            needle = self.filter_text.strip().casefold()
            candidates: range | list[int] = range(len(corpus.stories))
            last = self._last_match
            if needle and last is not None and needle.startswith(last[0]):
                candidates = last[1]  # typing on narrows the last match: only look there
            matched: list[int] = []
            for index in candidates:
                if needle and needle not in self._whole_keys[index]:
                    continue
                matched.append(index)
                if not needle or needle in self._story_keys[index]:
                    rows.extend(self._whole_story_rows(index))
                    continue
                ids = [
                    i
                    for i in corpus.stories[index].article_ids
                    if needle in self._article_keys.get(i, "")
                ]
                if not ids:
                    continue
                rows.append(Row(index))
                rows.extend(Row(index, article_id) for article_id in ids)
                shown_versions[index] = len(ids)
            self._last_match = (needle, matched) if needle else None
            if needle and not rows:
                self.empty_message = "No story or version matches the filter."
            elif not corpus.articles:
                self.empty_message = "No articles in this corpus."
        previous = self.highlighted_article_id
        self._rows = rows
        self._shown_versions = shown_versions
        self.shown_stories = sum(1 for row in rows if row.article_id is None)
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self._cursor = None
        target = keep
        if target is not None:
            for i, row in enumerate(rows):
                if row.article_id == target:
                    self._cursor = i
                    break
        if self._cursor is None:
            self._cursor = self._next_version(-1, +1)
        self.refresh()
        if self._cursor is not None:
            self._last_article_id = self._rows[self._cursor].article_id
            self.scroll_to_cursor()
            if self.highlighted_article_id != previous or keep is None:
                self.post_message(
                    self.ArticleHighlighted(self, self._rows[self._cursor].article_id or "")
                )

    def move_to_article(self, article_id: str) -> bool:
        """Put the cursor on a version (clearing the filter if it hides it)."""
        for i, row in enumerate(self._rows):
            if row.article_id == article_id:
                self._move(i)
                return True
        if self.filter_text:
            self.filter_text = ""
            return self.move_to_article(article_id)
        return False

    # ------------------------------------------------------------------ cursor

    def _next_version(self, start: int, step: int) -> int | None:
        i = start + step
        while 0 <= i < len(self._rows):
            if self._rows[i].article_id is not None:
                return i
            i += step
        return None

    def _move(self, row: int | None) -> None:
        if row is None or row == self._cursor:
            return
        old = self._cursor
        self._cursor = row
        self._last_article_id = self._rows[row].article_id
        if old is not None:
            self.refresh_line(old)
        self.refresh_line(row)
        self.scroll_to_cursor()
        self.post_message(self.ArticleHighlighted(self, self._rows[row].article_id or ""))

    def scroll_to_cursor(self) -> None:
        if self._cursor is None:
            return
        # Keep the story header in view when the cursor is on its first version.
        top = (
            self._cursor - 1
            if self._cursor > 0 and self._rows[self._cursor - 1].article_id is None
            else self._cursor
        )
        height = max(1, self.scrollable_content_region.height)
        y = self.scroll_offset.y
        if top < y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif self._cursor >= y + height:
            self.scroll_to(y=self._cursor - height + 1, animate=False, immediate=True)

    def refresh_line(self, row: int) -> None:
        self.refresh_lines(row - self.scroll_offset.y, 1)

    def action_cursor_down(self) -> None:
        if self._cursor is None:
            return
        self._move(self._next_version(self._cursor, +1))

    def action_cursor_up(self) -> None:
        if self._cursor is None:
            return
        self._move(self._next_version(self._cursor, -1))

    def action_first(self) -> None:
        self._move(self._next_version(-1, +1))
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_last(self) -> None:
        self._move(self._next_version(len(self._rows), -1))

    def _page(self, direction: int) -> None:
        if self._cursor is None:
            return
        height = max(1, self.scrollable_content_region.height - 1)
        target = min(max(self._cursor + direction * height, 0), len(self._rows) - 1)
        found = self._next_version(target - direction, direction) or self._next_version(
            target, -direction
        )
        self._move(found)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        article_id = self.highlighted_article_id
        if article_id is not None:
            self.post_message(self.ArticleSelected(self, article_id))

    async def _on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y
        if not 0 <= row < len(self._rows):
            return
        if self._rows[row].article_id is None:
            row = self._next_version(row, +1) or row
        if self._rows[row].article_id is None:
            return
        self._move(row)
        if event.chain >= 2:
            self.action_select()

    # ------------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not self._rows:
            # Wrapped: the pane is narrow, and a message cut mid-word says nothing.
            lines = textwrap.wrap(self.empty_message, max(width - 2, 8))
            if y < len(lines):
                style = self.get_component_rich_style("story-list--empty")
                text = set_cell_size(" " + lines[y], width)
                return Strip([Segment(text, style)], width)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        is_cursor = index == self._cursor
        key = (index, is_cursor, width)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._render_row(self._rows[index], width, is_cursor, base)
            self._cache[key] = cached
        return cached

    def _render_row(self, row: Row, width: int, is_cursor: bool, base: Style) -> Strip:
        corpus = self._corpus
        assert corpus is not None
        story = corpus.stories[row.story_index]
        # Full (not partial) component styles: colours with alpha, like $text-muted, are only
        # right once blended over the pane's background.
        meta_style = self.get_component_rich_style("story-list--meta")
        if row.article_id is None:
            header_style = self.get_component_rich_style("story-list--header")
            count = len(story.article_ids)
            shown = self._shown_versions.get(row.story_index)
            if shown is None:
                right = f" {counted(count, 'version')} "
                if width - cell_len(right) < _NAME_ROOM:
                    right = f" {count} "
            else:
                right = f" {shown} of {counted(count, 'version')} "
                if width - cell_len(right) < _NAME_ROOM:
                    right = f" {shown}/{count} "
            left = " " + (story.title or story.id)
            return self._two_columns(left, header_style, right, meta_style, width, base)
        article = corpus.article(row.article_id)
        if is_cursor:
            base = meta_style = self.get_component_rich_style("story-list--cursor")
        left = "   " + version_name(article)
        similarity = f" {_similarity_text(story, article.id):>4} "
        sized = f" {article.words:,}w" + similarity
        # Date and size get their columns while the name keeps room to be read (undated
        # versions leave the date blank so the columns line up); the similarity stays.
        right = similarity
        for candidate in (f" {article.date or '':<10}" + sized, sized):
            if width - cell_len(candidate) >= _NAME_ROOM:
                right = candidate
                break
        return self._two_columns(left, base, right, meta_style, width, base)

    @staticmethod
    def _two_columns(
        left: str, left_style: Style, right: str, right_style: Style, width: int, base: Style
    ) -> Strip:
        right_width = cell_len(right)
        if right_width + 4 > width:
            right, right_width = "", 0
        room = width - right_width
        if cell_len(left) > room:
            left = set_cell_size(left, max(0, room - 1)) + "…"
        left = set_cell_size(left, room)
        return Strip([Segment(left, left_style), Segment(right, right_style)], width)


def _similarity_text(story: Story, article_id: str) -> str:
    if article_id == story.base:
        return "base"
    similarity = story.similarity(story.base, article_id)
    return "–" if similarity is None else f"{similarity:.2f}"
