"""The command palette's own commands (added to Textual's): open a story, compare, view, theme."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from reader.text.counts import counted

MAX_STORY_COMMANDS = 20_000
"""Beyond this the palette would spend longer matching than a person spends typing."""


def highlight(matcher: Matcher, candidate: str) -> Content:
    """Like ``Matcher.highlight`` but never parses the candidate (a story title) as markup."""
    content = Content(candidate)
    _, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ReaderCommands(Provider):
    """Namespaced commands: "story: …", "compare: …", "view: …", "theme: …", "help: …"."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str, bool]]:
        """(title, callback, help, shown when the query is empty)."""
        from reader.tui.app import ReaderApp  # noqa: PLC0415 - avoids an import cycle

        app = self.app
        if not isinstance(app, ReaderApp):
            return
        library = app.library
        yield (
            "compare: closest version",
            library.action_compare,
            "Compare the version you are reading with its closest other version",
            True,
        )
        yield (
            "view: toggle boilerplate",
            library.action_toggle_boilerplate,
            "Show or hide the lines set aside as site chrome",
            True,
        )
        yield (
            "view: toggle details pane",
            library.action_toggle_detail,
            "Show or hide quotes, dates and disagreements",
            True,
        )
        yield (
            "view: filter stories",
            library.action_filter,
            "Filter the story list by title, outlet or id",
            True,
        )
        yield ("help: keys", app.action_help, "Every key of the current screen", True)
        for name in app.CURATED_THEMES:
            yield (
                f"theme: {name}",
                partial(setattr, app, "theme", name),
                "Switch to this theme",
                False,
            )
        corpus = library.corpus
        if corpus is None:
            return
        for story in corpus.stories[:MAX_STORY_COMMANDS]:
            count = len(story.article_ids)
            yield (
                f"story: open {story.title or story.id}",
                partial(library.open_article, story.base),
                counted(count, "version"),
                False,
            )

    async def discover(self) -> Hits:
        for title, callback, help_text, shown in self._commands():
            if shown:
                yield DiscoveryHit(Content(title), callback, text=title, help=_escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text, _ in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, highlight(matcher, title), callback, text=title, help=_escape(help_text)
                )


def _escape(text: str) -> str:
    # The palette renders help with Content.from_markup; titles inside it come from articles.
    from textual.markup import escape  # noqa: PLC0415

    return escape(text)
