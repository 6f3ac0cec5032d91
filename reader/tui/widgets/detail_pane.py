"""The detail pane: an article's quotes, dates (in time order), numbers and the story's disagreements.

Each item knows its span in the article; choosing it (enter or click) asks the reading pane to
jump there. Everything shown comes from the engine (``reader.tui.extraction``); nothing is
re-derived here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.extract.numbers import NumberMention
from reader.model import Span
from reader.text.shorten import clip
from reader.tui.extraction import Disagreement, Marks
from reader.tui.notes_actions import pin_payload
from reader.tui.widgets.wrapping_option_list import WrappingOptionList

_SNIPPET = 110
"""Longest quote snippet shown in the list; the full quote is in the text."""


def _heading(title: str, count: int) -> Option:
    return Option(Content.assemble((f"{title} ", "bold"), (f"({count})", "dim")), disabled=True)


def _quote_prompt(quote: Any) -> Content:
    speaker = quote.speaker or "unattributed"
    cue = f" {quote.cue}" if quote.cue else ""
    kind = " · partial" if quote.partial else ""
    return Content.assemble(
        (speaker, "bold" if quote.speaker else "dim italic"),
        (cue + kind, "dim"),
        "\n",
        ("“" + clip(quote.content, _SNIPPET) + "”", "$text-accent"),
    )


def _date_prompt(mention: Any, said: str) -> Content:
    # Said the way a person says it ("week of Mon 20 Dec 2021"); the TIMEX3 value is in the JSON.
    if " ".join(mention.text.split()) == said:
        return Content.assemble((said, "bold $text-warning"))  # "2014" needs saying once
    return Content.assemble(
        (said, "bold $text-warning"), "  ", (clip(mention.text, 60), "$text-muted")
    )


def format_value(value: float) -> str:
    """10000.0 -> "10,000"; 2.5 -> "2.5"."""
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def _number_prompt(number: NumberMention) -> Content:
    value = format_value(number.value)
    if number.kind == "percent":
        normalised = f"{value}%"
    elif number.kind == "money" and number.unit:
        normalised = f"{number.unit} {value}"
    else:
        normalised = " ".join(p for p in (value, number.unit_as_said) if p)
    if number.approx:
        normalised = "≈ " + normalised
    return Content.assemble((normalised, "bold"), "  ", (clip(number.text, 60), "$text-muted"))


def _disagreement_prompt(item: Disagreement) -> Content:
    return Content.assemble((item.kind, "bold $text-error"), "\n", clip(item.summary, 200))


def _none_found(section: str, marks: Marks) -> str:
    """What an empty section says; no quotes may mean a copy that stripped the quotation marks."""
    if section == "quote":
        unquoted = sum(1 for d in marks.disagreements if d.kind == "unquoted copy")
        if unquoted:
            passages = "passage carries a quote" if unquoted == 1 else "passages carry quotes"
            return (
                f"No quotation marks in this version, but {unquoted} {passages} from other "
                "versions (unquoted copy, under Disagreements)."
            )
        return "No quotation marks found."
    return "none found"


def _span_of(item: Any) -> Span:
    """Quotes, dates, numbers and disagreements all carry their offsets in this article."""
    return Span(item.start, item.end)


class DetailPane(WrappingOptionList):
    """What the engine found in the article; enter jumps to the item in the text."""

    PANE_NAME = "Details pane"

    HELP = (
        "Quotes, dates, numbers and disagreements. Enter jumps to the item in the text, "
        "p pins it as a note."
    )

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="detail.down"),
        Binding("k", "cursor_up", "Up", show=False, id="detail.up"),
        Binding("g", "first", "First", show=False, id="detail.first"),
        Binding("G", "last", "Last", show=False, id="detail.last"),
        Binding(
            "enter",
            "select",
            "Jump to text",
            tooltip="Show this item in the text",
            id="detail.jump",
        ),
        Binding(
            "p",
            "pin",
            "Pin as note",
            tooltip="Keep this item (a quote and its speaker, a date and its value...) as a note",
            id="detail.pin",
        ),
    ]

    class Jump(Message):
        """Show ``span`` of the current article in the reading pane."""

        def __init__(self, pane: DetailPane, span: Span) -> None:
            super().__init__()
            self.pane = pane
            self.span = span

        @property
        def control(self) -> DetailPane:
            return self.pane

    class Pin(Message):
        """Keep the item at ``span`` as a pin note; ``payload`` describes it."""

        def __init__(self, pane: DetailPane, span: Span, payload: dict[str, Any]) -> None:
            super().__init__()
            self.pane = pane
            self.span = span
            self.payload = payload

        @property
        def control(self) -> DetailPane:
            return self.pane

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, markup=False)
        self._targets: dict[str, Span] = {}
        self._items: dict[str, tuple[str, Any]] = {}
        """Option id -> (kind, the engine's item), for pinning."""
        self.border_title = "Details"

    @property
    def targets(self) -> dict[str, Span]:
        """Option id -> span in the article (for tests and the command palette)."""
        return self._targets

    def show(
        self, marks: Marks | None, *, article_id: str | None = None, pending: bool = False
    ) -> None:
        """List an article's marks; ``pending`` while the engine is still working on them."""
        options: list[Option | None] = []
        self._targets = {}
        self._items = {}
        if marks is None:
            message = (
                "Reading the article…"
                if pending
                else "Choose a version to see its quotes and dates."
            )
            self.set_options([Option(Content(message).stylize("dim italic"), disabled=True)])
            return

        def add(prefix: str, rows: Sequence[tuple[Any, Content]]) -> None:
            for n, (item, prompt) in enumerate(rows):
                option_id = f"{prefix}-{n}"
                self._targets[option_id] = _span_of(item)
                self._items[option_id] = (prefix, item)
                options.append(Option(prompt, id=option_id))

        # Each section: its title, its option-id prefix, and per item the item and its prompt.
        sections: list[tuple[str, str, list[tuple[Any, Content]]]] = [
            ("Quotes", "quote", [(quote, _quote_prompt(quote)) for quote in marks.quotes]),
            (
                "Dates",
                "date",
                [(mention, _date_prompt(mention, said)) for mention, said in marks.timeline],
            ),
            ("Numbers", "number", [(number, _number_prompt(number)) for number in marks.numbers]),
        ]
        # Versions not compared get no heading: "none found" would be a false claim.
        if marks.has_ledger:
            sections.append(
                (
                    "Disagreements",
                    "disagreement",
                    [(found, _disagreement_prompt(found)) for found in marks.disagreements],
                )
            )
        for title, prefix, rows in sections:
            if options:
                options.append(None)
            options.append(_heading(title, len(rows)))
            if not rows:
                options.append(
                    Option(Content(_none_found(prefix, marks)).stylize("dim italic"), disabled=True)
                )
            add(prefix, rows)
        self.set_options(options)
        self.highlighted = next(
            (i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None
        )

    def action_pin(self) -> None:
        if self.highlighted is None:
            return
        option_id = self.get_option_at_index(self.highlighted).id or ""
        span = self._targets.get(option_id)
        found = self._items.get(option_id)
        if span is None or found is None:
            self.app.bell()
            return
        kind, item = found
        self.post_message(self.Pin(self, span, pin_payload(kind, item)))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        span = self._targets.get(event.option.id or "")
        if span is not None:
            self.post_message(self.Jump(self, span))
