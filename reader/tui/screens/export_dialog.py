"""Export notes: choose Markdown, JSON or CSV and a file; an existing file needs a second Export.

Writing goes through ``reader.notes.export`` (``render`` + ``write_export``: atomic, never
overwrites unless told to). The dialog dismisses with the path written, or None if cancelled.
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from reader.corpus import Corpus
from reader.notes import NotesStoreError
from reader.notes.export import ExportError
from reader.text.counts import counted
from reader.tui.notes_actions import EXPORT_FORMATS, NotesController, default_export_path


class ExportDialog(ModalScreen[Path | None]):
    """Pick a format and a path, then write every note there."""

    BINDINGS = [
        Binding("ctrl+s", "export", "Export", tooltip="Write the file", id="export.write"),
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without exporting", id="export.cancel"
        ),
    ]

    def __init__(
        self,
        controller: NotesController,
        corpus: Corpus | None,
        *,
        directory: str | os.PathLike[str] | None = None,
        fmt: str = "md",
    ) -> None:
        super().__init__()
        self.controller = controller
        self.corpus = corpus
        self.directory = directory
        self.fmt = fmt if fmt in EXPORT_FORMATS else "md"
        self.start_path = default_export_path(self.fmt, directory)
        if directory is None and controller.last_export is not None:
            # A second export in a session goes where the first went, in the same format.
            self.fmt, self.start_path = controller.last_export
        self._confirmed: Path | None = None
        """The existing file the user has agreed to overwrite (by pressing Export twice)."""

    def compose(self) -> ComposeResult:
        count = self.controller.note_count()
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export notes"
            dialog.border_subtitle = "enter or ctrl+s exports · esc cancels"
            yield Static(
                Content(f"{counted(count, 'note')} will be written."),
                id="export-count",
            )
            with RadioSet(id="export-format"):
                for fmt, (label, _extension) in EXPORT_FORMATS.items():
                    yield RadioButton(label, value=fmt == self.fmt, id=f"export-{fmt}")
            yield Label("File")
            yield Input(
                str(self.start_path),
                id="export-path",
                select_on_focus=False,
            )
            yield Static("", id="export-warning")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.path_input.focus()
        self.path_input.cursor_position = len(self.path_input.value)

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    def _warn(self, message: str) -> None:
        self.query_one("#export-warning", Static).update(Content(message))

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        button_id = event.pressed.id or ""
        fmt = button_id.removeprefix("export-")
        if fmt not in EXPORT_FORMATS or fmt == self.fmt:
            return
        old_extension = EXPORT_FORMATS[self.fmt][1]
        self.fmt = fmt
        # Follow the format in the file name, unless the user chose another extension.
        value = self.path_input.value
        if value.endswith(old_extension):
            self.path_input.value = value[: -len(old_extension)] + EXPORT_FORMATS[fmt][1]
            # The cursor stays where it was: at the end, an edit goes where the user expects.
            self.path_input.cursor_position = len(self.path_input.value)
        self._reset_confirmation()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        self._reset_confirmation()

    def _reset_confirmation(self) -> None:
        if self._confirmed is not None:
            self._confirmed = None
            self.query_one("#export-go", Button).label = "Export"
            self._warn("")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_export(self) -> None:
        raw = self.path_input.value.strip()
        if not raw:
            self._warn("Choose a file to write.")
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        force = False
        if path.exists() and not path.is_dir():
            if self._confirmed != path:
                self._confirmed = path
                self.query_one("#export-go", Button).label = "Overwrite"
                self._warn(f"{path} already exists. Press Overwrite (or enter) to replace it.")
                return
            force = True
        try:
            written = self.controller.export(self.fmt, path, self.corpus, force=force)
        except (ExportError, NotesStoreError, OSError, ValueError) as error:
            self._warn(f"Cannot export: {error}")
            return
        self.app.notify(f"Notes written to {written}", markup=False, timeout=5)
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
