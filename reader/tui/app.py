"""The reader app: loads a corpus in the background and opens the Library on it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState, get_current_worker

from reader.corpus import Corpus, load_corpus
from reader.tui import memory
from reader.tui.commands import ReaderCommands
from reader.tui.messages import CorpusFailed, CorpusLoaded, LoadProgress
from reader.tui.notes_actions import NotesCommands, NotesController
from reader.tui.screens.help import HelpScreen, binding_sections
from reader.tui.screens.library import LibraryScreen

# Articles from which a loaded corpus is set aside from garbage collection by the loader's thread
# (collecting a big corpus takes long enough to be felt if the UI's thread did it).
_FREEZE_FROM = 1_000


def _set_aside_if_big(corpus: Corpus) -> None:
    if len(corpus.articles) >= _FREEZE_FROM:
        memory.set_aside()


class LoadAbandoned(Exception):
    """Raised from the loader's progress callback once nobody waits for the corpus (the app quit).

    Textual cancels the worker on exit but cannot stop its thread, and the process waits for that
    thread: without this a quit during a long load left a blank terminal until the load ended.
    """


class ReaderApp(App[None]):
    """Compare versions of the same news story."""

    CSS_PATH = Path(__file__).parent / "reader.tcss"
    """Absolute, so subclasses defined elsewhere (benchmarks, tests) find it too."""
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands, NotesCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    """Below 120 columns the details pane steps aside (``d`` brings it in place of the text)."""

    BINDINGS = [
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            tooltip="Every key of this screen",
            id="app.help",
        ),
        Binding(
            "t",
            "cycle_theme",
            "Theme",
            show=False,
            tooltip="Next theme (dark and light)",
            id="app.theme",
        ),
        Binding("q", "back", "Back", show=False, id="app.back"),
        Binding("N", "notes", "Notes", tooltip="Every note, by story and article", id="app.notes"),
        Binding(
            "ctrl+z",
            "undo_note",
            "Undo note delete",
            show=False,
            tooltip="Bring back the last note deleted or highlight removed",
            id="app.undo-note",
        ),
    ]

    CURATED_THEMES = (
        "textual-dark",
        "nord",
        "tokyo-night",
        "gruvbox",
        "catppuccin-mocha",
        "textual-light",
        "catppuccin-latte",
        "solarized-light",
    )
    """Dark and light themes whose quote and date colours stay readable; ``t`` cycles them."""

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]] | None = None,
        *,
        corpus: Corpus | None = None,
        use_cache: bool = True,
        data_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__()
        self.notes = NotesController(self, data_dir)
        """The notes store (``data_dir``, else ``$READER_DATA_DIR``, else platformdirs)."""
        self.paths = [Path(p) for p in paths] if paths else []
        self.use_cache = use_cache
        self.corpus: Corpus | None = corpus
        # A corpus handed in is set aside once it is shown (on_corpus_loaded), not here: building
        # an app that never runs must not freeze the process.
        self.library = LibraryScreen()

    def get_default_screen(self) -> LibraryScreen:
        return self.library

    def on_mount(self) -> None:
        self.sub_title = self._corpus_name()
        if self.corpus is not None:
            self.post_message(CorpusLoaded(self.corpus))
        else:
            self.load()

    def _corpus_name(self) -> str:
        if not self.paths:
            return "sample corpus"
        if len(self.paths) == 1:
            return str(self.paths[0])
        return f"{self.paths[0]} and {len(self.paths) - 1} more"

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="load corpus")
    def load(self) -> Corpus:
        worker = get_current_worker()

        def progress(stage: str, done: int, total: int) -> None:
            if worker.is_cancelled:
                raise LoadAbandoned
            self.post_message(LoadProgress(stage, done, total))

        corpus = load_corpus(self.paths or None, progress, use_cache=self.use_cache)
        _set_aside_if_big(corpus)
        self.post_message(CorpusLoaded(corpus))
        return corpus

    def on_load_progress(self, message: LoadProgress) -> None:
        self.library.show_progress(message.stage, message.done, message.total)

    def on_corpus_loaded(self, message: CorpusLoaded) -> None:
        self.corpus = message.corpus
        self.library.set_corpus(message.corpus)
        # Once the corpus is on screen, the screens' own objects are set aside too (the corpus
        # itself, if big, already was: this collection is then quick).
        self.call_after_refresh(memory.set_aside)

    def on_corpus_failed(self, message: CorpusFailed) -> None:
        self.library.show_error(message.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "load":
            error = event.worker.error
            self.post_message(CorpusFailed(f"{type(error).__name__}: {error}"))

    # ------------------------------------------------------------------ actions

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(binding_sections(self.screen)))

    def action_cycle_theme(self) -> None:
        themes = self.CURATED_THEMES
        index = themes.index(self.theme) if self.theme in themes else -1
        self.theme = themes[(index + 1) % len(themes)]
        self.notify(f"Theme: {self.theme}", timeout=2)

    def action_notes(self) -> None:
        from reader.tui.screens.notes import NotesScreen  # noqa: PLC0415 - only when asked for

        if not isinstance(self.screen, NotesScreen):
            self.push_screen(NotesScreen())

    def action_undo_note(self) -> None:
        note = self.notes.undo()
        self.notify("Note restored." if note is not None else "Nothing to undo.", timeout=2)

    def action_export_notes(self) -> None:
        from reader.tui.screens.export_dialog import ExportDialog  # noqa: PLC0415

        self.push_screen(ExportDialog(self.notes, self.corpus))

    def on_unmount(self) -> None:
        self.notes.close()
        memory.release()

    async def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()
        else:
            self.exit()


def run(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    *,
    use_cache: bool = True,
    data_dir: str | os.PathLike[str] | None = None,
) -> None:
    ReaderApp(paths, use_cache=use_cache, data_dir=data_dir).run()
