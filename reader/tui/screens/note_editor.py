"""The note editor: a small modal with the passage, the note text and its tags.

Enter (in either field) or ctrl+s saves, escape cancels. The passage is article text: it is shown
as literal text, never parsed as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from reader.text.shorten import clip

PASSAGE_LIMIT = 400
"""Longest passage shown in the editor; the whole of it stays in the note."""


@dataclass(frozen=True, slots=True)
class NoteEdit:
    """What the editor returns on save."""

    body: str
    tags: tuple[str, ...]


def parse_tags(text: str) -> tuple[str, ...]:
    """ "check, Kremlin  denial" -> ("check", "Kremlin denial"): commas separate tags."""
    tags: dict[str, None] = {}
    for part in text.split(","):
        tag = " ".join(part.split()).lstrip("#")
        if tag:
            tags.setdefault(tag, None)
    return tuple(tags)


def quoted(text: str, limit: int = PASSAGE_LIMIT) -> str:
    """The passage in quotation marks, unless it already starts with one (a quote's own)."""
    preview = clip(text, limit)
    return preview if preview[:1] in "“\"‘'«„" else f"“{preview}”"


class NoteEditor(ModalScreen[NoteEdit | None]):
    """Write or change the note on a passage."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save the note", id="editor.save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="editor.cancel"),
    ]

    def __init__(
        self,
        passage: str,
        *,
        body: str = "",
        tags: tuple[str, ...] = (),
        title: str = "Note",
        where: str = "",
    ) -> None:
        super().__init__()
        self._passage = passage
        self._body = body
        self._tags = tags
        self._title = title
        self._where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor") as dialog:
            dialog.border_title = self._title
            dialog.border_subtitle = "enter or ctrl+s saves · esc cancels"
            if self._where:
                yield Static(Content(self._where), id="note-editor-where")
            yield Static(Content(quoted(self._passage)), id="note-passage")
            yield Label("Note")
            yield Input(self._body, placeholder="what about this passage?", id="note-body")
            yield Label("Tags (comma separated)")
            yield Input(", ".join(self._tags), placeholder="check, follow-up", id="note-tags")
            with Horizontal(id="note-editor-buttons"):
                yield Button("Save", variant="primary", id="note-save")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        self.query_one("#note-body", Input).focus()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        body = self.query_one("#note-body", Input).value.strip()
        tags = parse_tags(self.query_one("#note-tags", Input).value)
        self.dismiss(NoteEdit(body, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)
