"""The Compare screen: two versions of a story side by side (or unified), change by change.

The alignment is computed in a thread worker (a 50,000-word pair takes a while) while the view
shows a loading indicator; the screen then hands the prepared ``DiffDocument`` to ``DiffView``.
Swapping sides or picking another version recomputes it the same way and keeps the cursor on the
sentence that stays on screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from reader.corpus import Corpus
from reader.model import Article, Span, Story
from reader.tui import memory
from reader.tui.labels import short_name, version_name
from reader.tui.notes_actions import notes_of
from reader.tui.screens.pick_version import PickVersionScreen
from reader.tui.widgets.diff_header import DiffHeader
from reader.tui.widgets.diff_layout import DiffDocument, prepare_document
from reader.tui.widgets.diff_view import DiffView
from reader.tui.widgets.status import ReaderFooter

__all__ = ["UNIFIED_BELOW", "CompareScreen"]

UNIFIED_BELOW = 100
"""Terminal width under which the screen starts in unified (one-column) mode."""

_WORKER_GROUP = "compare-align"
# Words (both versions together) from which an alignment is set aside from garbage collection.
_SET_ASIDE_FROM_WORDS = 20_000


class CompareScreen(Screen[None]):
    """Compare ``left_id`` (A) with ``right_id`` (B), two versions of ``story``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "swap", "Swap", tooltip="Swap the two sides", id="compare.swap"),
        Binding("u", "toggle_unified", "Unified/split", id="compare.unified"),
        Binding("l", "cycle('left')", "Next left version", show=False, id="compare.cycle-left"),
        Binding("r", "cycle('right')", "Next right version", show=False, id="compare.cycle-right"),
        Binding(
            "v",
            "pick('right')",
            "Pick version",
            tooltip="Choose the version on the right side",
            id="compare.pick-right",
        ),
        Binding("V", "pick('left')", "Pick left version", show=False, id="compare.pick-left"),
        Binding("q,escape", "back", "Back", id="compare.back"),
        Binding(
            "h",
            "note('highlight', 'left')",
            "Highlight A",
            show=False,
            tooltip="Highlight A's sentence on the cursor row; again to remove",
            id="compare.highlight-left",
        ),
        Binding(
            "H",
            "note('highlight', 'right')",
            "Highlight B",
            show=False,
            tooltip="Highlight B's sentence on the cursor row; again to remove",
            id="compare.highlight-right",
        ),
        Binding(
            "a",
            "note('annotate', 'left')",
            "Note on A",
            show=False,
            tooltip="Write or edit a note on A's sentence on the cursor row",
            id="compare.annotate-left",
        ),
        Binding(
            "A",
            "note('annotate', 'right')",
            "Note on B",
            show=False,
            tooltip="Write or edit a note on B's sentence on the cursor row",
            id="compare.annotate-right",
        ),
    ]

    def __init__(self, corpus: Corpus, story: Story, left_id: str, right_id: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.story = story
        self.left_id = left_id
        self.right_id = right_id
        self.document: DiffDocument | None = None
        self._unified_choice: bool | None = None
        """The user's explicit mode (``u``); None follows the terminal width."""
        self._status = ""
        """What the header says while there is no document to show (loading, errors)."""
        self._anchor: tuple[str, int] | None = None
        """(article id, offset) of the sentence to put the cursor on once a recompute lands."""
        self._memory = memory.Holder()  # this screen's alignments, once frozen

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield DiffHeader(id="compare-header")
        yield DiffView(id="compare-diff")
        yield ReaderFooter()

    @property
    def diff_view(self) -> DiffView:
        return self.query_one("#compare-diff", DiffView)

    @property
    def header(self) -> DiffHeader:
        return self.query_one("#compare-header", DiffHeader)

    @property
    def unified(self) -> bool:
        if self._unified_choice is not None:
            return self._unified_choice
        return self.app.size.width < UNIFIED_BELOW

    def on_mount(self) -> None:
        notes_of(self.app).changed.subscribe(self, self._on_notes_changed, immediate=True)
        self.diff_view.unified = self.unified
        self.diff_view.focus()
        self._start_alignment()

    def on_resize(self, event: Resize) -> None:
        if self._unified_choice is None:
            self._apply_mode()

    def _apply_mode(self) -> None:
        self.diff_view.set_unified(self.unified)
        self._update_header()

    # -- alignment worker ---------------------------------------------------------------------

    def _start_alignment(self) -> None:
        try:
            left = self.corpus.article(self.left_id)
            right = self.corpus.article(self.right_id)
        except KeyError as error:
            self._set_status(f"Cannot compare: {error}")
            return
        self.diff_view.loading = True
        # Let go of the comparison shown until now (the view shows loading meanwhile), so that
        # setting the new one aside does not pin the old one with it.
        self.document = None
        self.diff_view.set_document(None)
        self._set_status(
            f"Comparing {short_name(left)} with {short_name(right)} ({left.words + right.words:,} words)…",
        )
        self._align(left, right)

    @work(thread=True, exclusive=True, exit_on_error=False, group=_WORKER_GROUP)
    def _align(self, left: Article, right: Article) -> DiffDocument:
        document = prepare_document(left, right)
        if (
            left.words + right.words >= _SET_ASIDE_FROM_WORDS
            and not get_current_worker().is_cancelled
        ):
            # Here, while the comparison still shows as loading: the collection holds the GIL,
            # so its stall falls in a wait the user already sees rather than on a later key.
            self._memory.set_aside()
        return document

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != _WORKER_GROUP or worker.is_cancelled:
            return
        if event.state == WorkerState.ERROR:
            self.diff_view.loading = False
            message = f"Comparison failed: {worker.error!r}"
            self._set_status(message)
            self.notify(message, severity="error", markup=False)
        elif event.state == WorkerState.SUCCESS:
            document = worker.result
            if not isinstance(document, DiffDocument):
                return
            # A result for a pair the user has already moved away from is stale.
            if (document.left.id, document.right.id) != (self.left_id, self.right_id):
                return
            self._show(document)

    def _set_status(self, status: str) -> None:
        self._status = status
        self._update_header()

    def _show(self, document: DiffDocument) -> None:
        self.document = document
        self._status = ""
        view = self.diff_view
        view.loading = False
        view.unified = self.unified
        cursor = 0
        if self._anchor is not None:
            cursor = _row_for(document, *self._anchor)
            self._anchor = None
        view.set_document(document, cursor)
        self._paint_notes()
        self._update_header()
        # The footer dropped the view's keys while it was loading; nothing else brings them back
        # when the focus stays where it was (a version picked with v).
        self.refresh_bindings()

    # -- notes --------------------------------------------------------------------------------

    def _paint_notes(self) -> None:
        document = self.document
        if document is None:
            return
        notes = notes_of(self.app)
        self.diff_view.set_notes("left", notes.spans(document.left))
        self.diff_view.set_notes("right", notes.spans(document.right))

    def _on_notes_changed(self, article_id: str) -> None:
        if self.document is not None and article_id in (
            self.document.left.id,
            self.document.right.id,
        ):
            self._paint_notes()

    def action_note(self, action: str, side: str) -> None:
        """Highlight or annotate the cursor row's sentence on ``side`` (left is A, right is B)."""
        document = self.document
        found = self.diff_view.current_span(side) if document is not None else None
        if document is None or found is None:
            self.notify(self._no_sentence_message(action, side), severity="warning", timeout=4)
            return
        article = document.left if side == "left" else document.right
        span = Span(found[1], found[2])
        notes_of(self.app).request(
            action,
            article,
            span,
            story_id=self.story.id,
            where=f"{'A' if side == 'left' else 'B'} · {version_name(article)}",
        )

    def _no_sentence_message(self, action: str, side: str) -> str:
        """Why there is nothing to mark on ``side``, and the key that marks what the cursor is on
        (on lines an A-only and a B-only sentence share, the cursor is on one of them)."""
        name, other = ("A", "B") if side == "left" else ("B", "A")
        other_side = "right" if side == "left" else "left"
        if self.document is None or self.diff_view.current_span(other_side) is None:
            return f"{name} has no sentence here."
        key = {"highlight": "h", "annotate": "a"}[action]
        key = key.upper() if other == "B" else key
        verb = "highlights" if action == "highlight" else "writes a note on"
        return f"The cursor is on a sentence only {other} has: {key} {verb} it."

    def _update_header(self) -> None:
        view = self.diff_view
        document = self.document
        label = ""
        if document is not None and view.row_count:
            row = document.alignment.rows[view.cursor_row]
            pair = document.alignment.pairs[row.pair]
            label = (
                pair.op if pair.op in ("added", "removed") else f"{pair.op} {pair.similarity:.0%}"
            )
            if pair.op == "moved":
                label = f"moved ({pair.edit})"
            quote_note = document.quote_note(row.pair)
            if quote_note:
                label += f" · {quote_note}"
            elif document.quote_changes[row.pair]:
                label += " · quote changed"
        self.header.show(
            document,
            unified=self.unified,
            position=view.change_position(),
            cursor_label=label,
            status=self._status,
        )

    def on_diff_view_cursor_moved(self, event: DiffView.CursorMoved) -> None:
        self._update_header()

    # -- public -------------------------------------------------------------------------------

    def current_span(self, side: str) -> tuple[str, int, int] | None:
        """(article id, start, end) of the sentence under the cursor on ``side`` (left/right)."""
        return self.diff_view.current_span(side)

    # -- actions ------------------------------------------------------------------------------

    def _remember_cursor(self, side: str) -> None:
        """Keep the cursor on the current sentence of ``side`` across a recompute."""
        span = self.diff_view.current_span(side) if self.document is not None else None
        self._anchor = (span[0], span[1]) if span is not None else None

    def action_swap(self) -> None:
        self._remember_cursor("left")
        if self._anchor is None:
            self._remember_cursor("right")
        self.left_id, self.right_id = self.right_id, self.left_id
        self._start_alignment()

    def action_toggle_unified(self) -> None:
        self._unified_choice = not self.unified
        self._apply_mode()

    def action_cycle(self, side: str) -> None:
        """Put the story's next version on ``side`` (skipping the one on the other side)."""
        current, other = (
            (self.left_id, self.right_id) if side == "left" else (self.right_id, self.left_id)
        )
        ids = list(self.story.article_ids)
        candidates = [i for i in ids if i not in (current, other)]
        if not candidates:
            self.notify("This story has no other version.", severity="warning")
            return
        position = ids.index(current) if current in ids else -1
        ordered = ids[position + 1 :] + ids[: position + 1]
        chosen = next(i for i in ordered if i in candidates)
        self._replace(side, chosen)

    def action_pick(self, side: str) -> None:
        current, other = (
            (self.left_id, self.right_id) if side == "left" else (self.right_id, self.left_id)
        )

        def picked(article_id: str | None) -> None:
            if article_id and article_id != current and article_id != other:
                self._replace(side, article_id)

        self.app.push_screen(
            PickVersionScreen(self.corpus, self.story, side, current, other), callback=picked
        )

    def _replace(self, side: str, article_id: str) -> None:
        # The side that stays keeps its sentence under the cursor.
        self._remember_cursor("right" if side == "left" else "left")
        if side == "left":
            self.left_id = article_id
        else:
            self.right_id = article_id
        self._start_alignment()

    def on_unmount(self) -> None:
        # The signal holds its subscribers' callbacks, so this screen, until it lets go.
        notes_of(self.app).changed.unsubscribe(self)
        self._memory.let_go(self.app)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()


def _row_for(document: DiffDocument, article_id: str, offset: int) -> int:
    """The first row showing ``article_id``'s sentence at ``offset`` (0 when not found)."""
    alignment = document.alignment
    on_left = document.left.id == article_id
    on_right = document.right.id == article_id
    for index, row in enumerate(alignment.rows):
        pair = alignment.pairs[row.pair]
        if on_left and row.show_a and pair.a is not None and pair.a.start <= offset < pair.a.end:
            return index
        if on_right and row.show_b and pair.b is not None and pair.b.start <= offset < pair.b.end:
            return index
    return 0
