"""A small dialog listing a story's versions, to put one of them on a side of the comparison."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.corpus import Corpus
from reader.model import Article, Story
from reader.tui.labels import short_id, version_name
from reader.tui.widgets.wrapping_option_list import WrappingOptionList

__all__ = ["PickVersionScreen", "version_prompt"]


def version_prompt(article: Article, similarity: float | None, note: str = "") -> Content:
    """One option: outlet, date, size and similarity to the other side (plain text only)."""
    parts: list[str | tuple[str, str]] = [
        (article.outlet or short_id(article.id), "bold"),
        "  ",
        (article.date or "undated", "$text-muted"),
        f"  {article.words} words",
    ]
    if similarity is not None:
        parts.append(("  similarity ", "$text-muted"))
        parts.append(f"{similarity:.0%}")
    if note:
        parts.append((f"  ({note})", "$text-muted italic"))
    # The second line says what the version is when the outlet does not: title or opening.
    second = article.title or (None if article.outlet else version_name(article))
    if second:
        parts.append("\n")
        parts.append((second, "$text-muted"))
    return Content.assemble(*parts)


class PickVersionScreen(ModalScreen[str | None]):
    """Dismisses with the chosen article id, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", id="pick-version.cancel"),
    ]

    def __init__(
        self, corpus: Corpus, story: Story, side: str, current_id: str, other_id: str
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.story = story
        self.side = side
        self.current_id = current_id
        self.other_id = other_id

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        for article_id in self.story.article_ids:
            try:
                article = self.corpus.article(article_id)
            except KeyError:
                continue
            note = ""
            if article_id == self.current_id:
                note = "shown"
            elif article_id == self.other_id:
                note = "on the other side"
            similarity = (
                None
                if article_id == self.other_id
                else self.story.similarity(article_id, self.other_id)
            )
            options.append(
                Option(
                    version_prompt(article, similarity, note),
                    id=article_id,
                    disabled=article_id == self.other_id,
                )
            )
        side_name = "left (A)" if self.side == "left" else "right (B)"
        with Vertical(id="pick-version-dialog"):
            yield Label(
                Content(f"Version for the {side_name} side — Enter to pick, Esc to cancel"),
                id="pick-version-title",
            )
            yield WrappingOptionList(*options, id="pick-version-list", pane_name="Versions")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        for index, option in enumerate(option_list.options):
            if option.id == self.current_id:
                option_list.highlighted = index
                break
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
