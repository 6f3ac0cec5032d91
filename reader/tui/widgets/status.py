"""The status line under the panes: load progress, then what the cursor is on."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static


class StatusLine(Horizontal):
    """One line: a message (never parsed as markup) and, while loading, a progress bar."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
        & > #status-text { width: 1fr; height: 1; }
        & > ProgressBar { width: 40; height: 1; display: none; }
        &.-loading > ProgressBar { display: block; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="status-text", markup=False)
        yield ProgressBar(show_eta=False, id="status-progress")

    @property
    def text(self) -> str:
        return str(self.query_one("#status-text", Static).content)

    def show(self, message: str | Content) -> None:
        self.query_one("#status-text", Static).update(
            message if isinstance(message, Content) else Content(message)
        )

    def progress(self, stage: str, done: int, total: int) -> None:
        self.add_class("-loading")
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=done)
        self.show(f"{stage.capitalize()} {done:,}/{total:,}…")

    def done_loading(self) -> None:
        self.remove_class("-loading")


class ReaderFooter(Footer):
    """The key footer, tighter on a narrow terminal so the main keys are not cut off.

    Below ``COMPACT_BELOW`` columns the keys lose their padding and the palette hint (``ctrl+p``
    still works, and ``?`` lists it) gives its place to the screen's own keys.
    """

    COMPACT_BELOW = 110

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < self.COMPACT_BELOW
        if self.compact != narrow or self.show_command_palette == narrow:
            self.compact = narrow
            self.show_command_palette = not narrow
            self.call_after_refresh(self.recompose)

    def bindings_changed(self, screen: Screen) -> None:
        # Textual skips this while the terminal window is unfocused, which leaves the footer
        # showing the keys of the pane focused before (and headless runs never have focus).
        self._bindings_ready = True
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self.recompose)
