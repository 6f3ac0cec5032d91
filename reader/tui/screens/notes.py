"""The Notes screen: every note, grouped by story and article, with its passage, text, tags and anchor.

Notes are re-anchored in the loaded articles as the list is built, so the passage shown is the
text as it stands now and a note whose passage is gone is listed as orphaned (never dropped).
Enter goes back to the Library with the article open and the passage marked.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option

from reader.corpus import Corpus
from reader.notes.placement import NoteContext, NoteGroup, PlacedNote, group_notes
from reader.text.counts import counted
from reader.text.shorten import clip
from reader.tui.labels import version_name
from reader.tui.notes_actions import NotesController, describe_pin, notes_of
from reader.tui.screens.note_editor import NoteEdit, NoteEditor, quoted
from reader.tui.widgets.status import ReaderFooter
from reader.tui.widgets.wrapping_option_list import WrappingOptionList

SNIPPET = 160
"""Longest passage shown per note in the list."""

_STATUS_WORDS = {
    "exact": "",
    "moved": "moved",
    "fuzzy": "approximate",
    "orphaned": "orphaned: passage not found",
}
_KIND_SYMBOL = {"highlight": "▌", "note": "✎", "pin": "◆"}


def search_text(entry: PlacedNote) -> tuple[str, frozenset[str]]:
    """What the filter looks in: the note's words (passage, body, tags, pin, article) and its
    tags, case-folded."""
    note = entry.note
    haystack = " ".join(
        [
            entry.passage,
            note.body,
            " ".join(note.tags),
            describe_pin(note.payload),
            entry.article.title or "" if entry.article else note.article_path,
            entry.article.outlet or "" if entry.article else "",
        ]
    ).casefold()
    return haystack, frozenset(tag.casefold() for tag in note.tags)


def matches(searched: tuple[str, frozenset[str]], query: str) -> bool:
    """Every word of ``query`` occurs in the note's ``search_text``; ``#tag`` words must be one
    of its tags."""
    haystack, tags = searched
    for word in query.casefold().split():
        if word.startswith("#") and len(word) > 1:
            if word[1:] not in tags:
                return False
        elif word not in haystack:
            return False
    return True


def group_headings(group: NoteGroup) -> tuple[str, str]:
    """The story and article lines a group of notes is listed under."""
    article = group.article
    if article is None:
        return "Not in this corpus", group.source
    story = (group.story.title or group.story.id) if group.story else "Other articles"
    # The version's human name (outlet, else title, else opening words), as everywhere else in
    # the app; the title too when the outlet named it.
    details = [p for p in (article.title if article.outlet else None, article.date) if p]
    return story, " · ".join([version_name(article), *details])


def entry_prompt(entry: PlacedNote) -> Content:
    """The lines of one note in the list; all of it literal text."""
    note = entry.note
    status = _STATUS_WORDS.get(entry.where.status, "") if entry.where else "article not loaded"
    head: list[str | tuple[str, str]] = [
        (f"{_KIND_SYMBOL.get(note.kind, '•')} {note.kind}", "bold")
    ]
    if note.kind == "pin" and note.payload:
        head += ["  ", (describe_pin(note.payload), "bold")]
    if note.tags:
        head += ["  ", (" ".join(f"#{tag}" for tag in note.tags), "$text-success")]
    if status:
        style = (
            "bold $text-error" if status.startswith(("orphaned", "article")) else "$text-warning"
        )
        head += ["  ", (status, style)]
    lines = [
        Content.assemble(*head),
        Content.assemble((quoted(entry.passage, SNIPPET), "italic")),
    ]
    if note.body.strip():
        lines.append(Content(clip(note.body, 300)))
    return Content("\n").join(lines)


class _ListedGroup(NamedTuple):
    """One story-and-article group of the list: its headings, and per note the entry, what the
    filter looks in and what the list shows."""

    story_heading: str
    article_heading: str
    rows: list[tuple[PlacedNote, tuple[str, frozenset[str]], Content]]


class NotesScreen(Screen[None]):
    """All notes; enter jumps to one, a edits, d deletes, u undoes, / filters, e exports."""

    AUTO_FOCUS = "#notes-list"

    BINDINGS = [
        Binding("a", "edit", "Edit note", tooltip="Edit the note's text and tags", id="notes.edit"),
        Binding(
            "d,delete", "delete", "Delete", tooltip="Delete the note (u undoes)", id="notes.delete"
        ),
        Binding(
            "u,ctrl+z",
            "undo",
            "Undo delete",
            tooltip="Bring the last deleted note back",
            id="notes.undo",
        ),
        Binding(
            "e",
            "export",
            "Export",
            tooltip="Write the notes as Markdown, JSON or CSV",
            id="notes.export",
        ),
        Binding("slash", "filter", "Filter", tooltip="Filter by text, or #tag", id="notes.filter"),
        Binding("escape,q", "back", "Back", tooltip="Back to where you were", id="notes.back"),
        # The app's N opens this screen: here it would do nothing, so the footer drops it.
        Binding("N", "stay", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, PlacedNote] = {}
        """Option id (the note id) -> entry, for what is listed now."""
        self.filter_text = ""
        self._note_index: tuple[Corpus | None, NoteContext] | None = None
        self._listed: list[_ListedGroup] = []
        """The notes as last read and placed (``regroup``), with what the filter looks in and
        what the list shows, built once per read of the store; the filter picks from them."""

    @property
    def controller(self) -> NotesController:
        return notes_of(self.app)

    @property
    def corpus(self) -> Corpus | None:
        corpus = getattr(self.app, "corpus", None)
        return corpus if isinstance(corpus, Corpus) else None

    @property
    def note_context(self) -> NoteContext:
        """The corpus indexed for placing notes, built once per corpus (not per change)."""
        corpus = self.corpus
        if self._note_index is None or self._note_index[0] is not corpus:
            context = NoteContext.build(
                corpus.articles if corpus else (), corpus.stories if corpus else ()
            )
            self._note_index = (corpus, context)
        return self._note_index[1]

    @property
    def notes_list(self) -> OptionList:
        return self.query_one("#notes-list", OptionList)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: words, or #tag", id="notes-filter", compact=True)
        yield WrappingOptionList(id="notes-list", markup=False, pane_name="Notes list")
        yield ReaderFooter()

    def on_mount(self) -> None:
        self.notes_list.border_title = "Notes"
        self.controller.changed.subscribe(self, self._on_notes_changed, immediate=True)
        self.regroup()

    def on_unmount(self) -> None:
        # The signal holds its subscribers' callbacks, so this screen, until it lets go.
        self.controller.changed.unsubscribe(self)

    def _on_notes_changed(self, _article_id: str) -> None:
        self.regroup()

    # ------------------------------------------------------------------ list

    def regroup(self) -> None:
        """Read the notes, place them in the corpus, and list them."""
        self._listed = [
            _ListedGroup(
                *group_headings(group),
                [(entry, search_text(entry), entry_prompt(entry)) for entry in group.entries],
            )
            for group in group_notes(self.controller.all_notes(), self.note_context)
        ]
        self.rebuild()

    def rebuild(self) -> None:
        """List the placed notes the filter keeps, keeping the cursor on the same note (or the
        same place). A filter keystroke only comes here: the store is not read again."""
        listing = self.notes_list
        keep_id = self.highlighted_id
        keep_index = listing.highlighted or 0
        options: list[Option | None] = []
        self.entries = {}
        shown = 0
        total = sum(len(group.rows) for group in self._listed)  # every note read is placed
        last_story = None
        for story_heading, article_heading, rows in self._listed:
            kept = [
                (entry, prompt)
                for entry, searched, prompt in rows
                if not self.filter_text or matches(searched, self.filter_text)
            ]
            if not kept:
                continue
            if story_heading != last_story:
                if options:
                    options.append(None)
                options.append(
                    Option(Content(story_heading).stylize("bold $text-accent"), disabled=True)
                )
                last_story = story_heading
            options.append(Option(Content("  " + article_heading).stylize("bold"), disabled=True))
            for entry, prompt in kept:
                options.append(Option(prompt, id=entry.note.id))
                self.entries[entry.note.id] = entry
                shown += 1
        if not options:
            message = (
                "No note matches the filter."
                if self.filter_text and total
                else "No notes yet. In the reading pane, h highlights the sentence under the "
                "cursor, a writes a note on it, and p pins a detail."
            )
            options.append(Option(Content(message).stylize("dim italic"), disabled=True))
        listing.set_options(options)
        listing.border_subtitle = (
            f"{shown:,} of {total:,}" if self.filter_text else counted(total, "note")
        )
        self._restore_cursor(keep_id, keep_index)

    def _restore_cursor(self, keep_id: str | None, keep_index: int) -> None:
        listing = self.notes_list
        selectable = [
            i for i in range(listing.option_count) if not listing.get_option_at_index(i).disabled
        ]
        if not selectable:
            listing.highlighted = None
            return
        if keep_id is not None and keep_id in self.entries:
            listing.highlighted = listing.get_option_index(keep_id)
            return
        # The note under the cursor is gone: stay at the same place in the list.
        later = [i for i in selectable if i >= keep_index]
        listing.highlighted = later[0] if later else selectable[-1]

    @property
    def highlighted_id(self) -> str | None:
        listing = self.notes_list
        if listing.highlighted is None or listing.option_count == 0:
            return None
        option = listing.get_option_at_index(listing.highlighted)
        return option.id if option.id in self.entries else None

    @property
    def highlighted_entry(self) -> PlacedNote | None:
        note_id = self.highlighted_id
        return self.entries.get(note_id) if note_id else None

    # ------------------------------------------------------------------ filter

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value.strip()
        self.rebuild()

    @on(Input.Submitted, "#notes-filter")
    def _filter_submitted(self) -> None:
        self.notes_list.focus()

    def action_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    # ------------------------------------------------------------------ actions

    @on(OptionList.OptionSelected, "#notes-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.jump(event.option.id)

    def jump(self, note_id: str) -> None:
        """Back to the Library, the note's article open and its passage marked."""
        entry = self.entries.get(note_id)
        if entry is None:
            return
        app = self.app
        library = getattr(app, "library", None)
        if entry.article is None or library is None:
            self.notify(
                "This note's article is not in the loaded corpus.", severity="warning", timeout=4
            )
            return
        while len(app.screen_stack) > 1 and app.screen is not library:
            app.pop_screen()
        article_id = entry.article.id
        where = entry.where
        library.open_article(article_id)
        if where is not None and where.start is not None and where.end is not None:
            start, end = where.start, where.end
            app.call_after_refresh(library.article_view.jump_to, start, end)
        else:
            app.notify(
                "This note's passage is no longer in the text (orphaned); its article is open.",
                severity="warning",
                timeout=5,
            )

    def action_edit(self) -> None:
        entry = self.highlighted_entry
        if entry is None:
            return
        note = entry.note

        def saved(result: object) -> None:
            if isinstance(result, NoteEdit):
                self.controller.edit(note.id, result.body, result.tags)

        where = version_name(entry.article) if entry.article else note.article_path
        self.app.push_screen(
            NoteEditor(
                entry.passage, body=note.body, tags=note.tags, title="Edit note", where=where
            ),
            callback=saved,
        )

    def action_delete(self) -> None:
        note_id = self.highlighted_id
        if note_id is None:
            return
        if self.controller.delete(note_id) is not None:
            self.notify("Note deleted (u brings it back).", timeout=3)

    def action_undo(self) -> None:
        note = self.controller.undo()
        if note is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.notes_list.highlighted = (
            self.notes_list.get_option_index(note.id) if note.id in self.entries else None
        )
        self.notify("Note restored.", timeout=2)

    def action_export(self) -> None:
        from reader.tui.screens.export_dialog import ExportDialog  # noqa: PLC0415

        self.app.push_screen(ExportDialog(self.controller, self.corpus))

    def action_stay(self) -> None:
        """Already on the Notes screen."""

    def action_back(self) -> None:
        filter_input = self.query_one("#notes-filter", Input)
        if filter_input.has_focus and filter_input.value:
            filter_input.value = ""
            self.notes_list.focus()
            return
        self.app.pop_screen()
