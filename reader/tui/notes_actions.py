"""The app's notes: one ``NotesStore`` and the small helpers the screens call.

Every change is one quick store call made on the UI thread (each is a single short SQLite
transaction, well under a millisecond), so a note is saved the moment it is made and quitting
never needs a confirmation. After each change ``changed`` is published with the article id, and
the views that show that article repaint their highlights.

Deleting is soft: ``undo`` brings back the most recently deleted note (and the one before, ...).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.signal import Signal

from reader.model import Article, Span
from reader.notes import Anchor, Note, NoteNotFound, NotesStore, NotesStoreError, anchor_all
from reader.notes.export import ExportError, default_enricher, render, write_export
from reader.tui.screens.note_editor import NoteEdit, NoteEditor

if TYPE_CHECKING:
    from textual.app import App

    from reader.corpus import Corpus

EXPORT_FORMATS: dict[str, tuple[str, str]] = {
    "md": ("Markdown", ".md"),
    "json": ("JSON (W3C Web Annotation)", ".json"),
    "csv": ("CSV", ".csv"),
}
"""Export format -> (label, file extension)."""

_STORE_ERRORS = (NotesStoreError, NoteNotFound, sqlite3.Error, OSError, ValueError)
"""What a store call can fail with; the app reports it instead of crashing."""


@dataclass(frozen=True, slots=True)
class NoteSpan:
    """Where a note is painted in an article: ``[start, end)`` and whether it has a body."""

    start: int
    end: int
    annotated: bool
    note_id: str


def default_export_path(fmt: str, directory: str | os.PathLike[str] | None = None) -> Path:
    """``~/reader-notes.<ext>`` (or in ``directory``)."""
    extension = EXPORT_FORMATS.get(fmt, ("", ".md"))[1]
    base = Path(directory) if directory is not None else Path("~")
    return base / f"reader-notes{extension}"


def pin_payload(kind: str, item: Any) -> dict[str, Any]:
    """What a pin remembers about a detail-pane item (JSON-safe values only)."""

    def text(value: Any) -> str | None:
        return None if value is None else str(value)

    if kind == "quote":
        return {
            "type": "quote",
            "speaker": text(getattr(item, "speaker", None)),
            "value": text(getattr(item, "content", None)),
            "cue": text(getattr(item, "cue", None)),
        }
    if kind == "date":
        return {
            "type": "date",
            "value": text(getattr(item, "value", None)),
            "text": text(getattr(item, "text", None)),
            "resolved": bool(getattr(item, "resolved", False)),
        }
    if kind == "number":
        value = getattr(item, "value", None)
        return {
            "type": "number",
            "value": float(value) if isinstance(value, int | float) else text(value),
            "kind": text(getattr(item, "kind", None)),
            "unit": text(getattr(item, "unit", None)),
            "text": text(getattr(item, "text", None)),
        }
    return {
        "type": kind,
        "kind": text(getattr(item, "kind", None)),
        "value": text(getattr(item, "summary", None)),
    }


def describe_pin(payload: Mapping[str, Any] | None) -> str:
    """One line for a pin: "quote · Dmitry Peskov", "date · 2024-05-01"."""
    if not payload:
        return ""
    kind = str(payload.get("type") or "item")
    if kind == "quote":
        return f"quote · {payload.get('speaker') or 'unattributed'}"
    if kind == "disagreement":
        return f"disagreement · {payload.get('kind') or ''}".rstrip(" ·")
    value = payload.get("value")
    return f"{kind} · {value}" if value is not None else kind


class NotesController:
    """The app's notes store plus highlight / annotate / pin / delete / undo for the screens."""

    def __init__(self, owner: App[Any], data_dir: str | os.PathLike[str] | None = None) -> None:
        self._owner = owner
        self.data_dir = Path(data_dir).expanduser() if data_dir is not None else None
        self._store: NotesStore | None = None
        self._deleted: list[str] = []
        """Ids of notes deleted in this session, most recent last (the undo stack)."""
        self.changed: Signal[str] = Signal(owner, "notes-changed")
        """Published with the article id after every change."""
        self.last_export: tuple[str, Path] | None = None
        """The format and file of this session's last export: the next one starts from them."""

    # ------------------------------------------------------------------ store

    @property
    def store(self) -> NotesStore:
        """The store, opened on first use (``--data-dir``, ``$READER_DATA_DIR`` or platformdirs)."""
        if self._store is None:
            self._store = NotesStore(data_dir=self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def _fail(self, error: Exception) -> None:
        self._owner.notify(f"Notes: {error}", severity="error", markup=False, timeout=6)

    def _changed(self, article_id: str) -> None:
        self.changed.publish(article_id)

    # ------------------------------------------------------------------ reading

    def all_notes(self) -> list[Note]:
        try:
            return self.store.list()
        except _STORE_ERRORS as error:
            self._fail(error)
            return []

    def note_count(self) -> int:
        """Live notes in the store, counted there (the export dialog says how many)."""
        try:
            return self.store.count()
        except _STORE_ERRORS as error:
            self._fail(error)
            return 0

    def notes_on(self, article: Article) -> list[Note]:
        """Live notes on ``article`` (by id, or by path: ids can change between loads)."""
        try:
            return self.store.on_article(article.id, article.path)
        except _STORE_ERRORS as error:
            self._fail(error)
            return []

    def placed(self, article: Article) -> list[tuple[Note, Anchor]]:
        """The article's notes anchored in its text (found ones in text order, then orphans)."""
        return anchor_all(self.notes_on(article), article)

    def spans(self, article: Article) -> list[NoteSpan]:
        """What a view paints: the found notes' spans."""
        return [
            NoteSpan(where.start, where.end, bool(note.body.strip()), note.id)
            for note, where in self.placed(article)
            if where.start is not None and where.end is not None and where.end > where.start
        ]

    def note_on(self, article: Article, span: Span) -> Note | None:
        """The most recent note placed exactly on ``span`` (what ``a`` edits rather than adds)."""
        found = [
            note
            for note, where in self.placed(article)
            if (where.start, where.end) == (span.start, span.end) and note.kind != "pin"
        ]
        return max(found, key=lambda note: note.created_at) if found else None

    # ------------------------------------------------------------------ changes

    def _toggle_highlight(
        self, article: Article, span: Span, existing: Note | None, story_id: str | None
    ) -> Note | None:
        """Highlight ``span``; on a span already highlighted (no note written, ``existing``)
        remove it instead. Returns the note now on the span, or None when it removed one (or
        failed)."""
        if existing is not None:
            if existing.kind == "highlight" and not existing.body.strip() and not existing.tags:
                self.delete(existing.id)
                return None
            return existing  # a written note is never removed by a stray ``h``
        try:
            note = self.store.add(
                article, span.start, span.end, kind="highlight", story_id=story_id
            )
        except _STORE_ERRORS as error:
            self._fail(error)
            return None
        self._changed(article.id)
        return note

    def annotate(
        self,
        article: Article,
        span: Span,
        body: str,
        tags: Iterable[str] = (),
        *,
        story_id: str | None = None,
    ) -> Note | None:
        """Write ``body`` and ``tags`` on ``span``: edits the note already there, else adds one."""
        existing = self.note_on(article, span)
        try:
            if existing is not None:
                note = self.store.update(existing.id, body=body, tags=list(tags))
            else:
                note = self.store.add(
                    article, span.start, span.end, body=body, tags=tags, story_id=story_id
                )
        except _STORE_ERRORS as error:
            self._fail(error)
            return None
        self._changed(article.id)
        return note

    def request(
        self,
        action: str,
        article: Article,
        span: Span,
        *,
        story_id: str | None,
        where: str,
    ) -> None:
        """What ``h`` (``action="highlight"``) and ``a`` (``"annotate"``) do on a passage, in any view:
        toggle the highlight, or open the editor on the note already there (else a new one)."""
        if action == "highlight":
            had = self.note_on(article, span)
            note = self._toggle_highlight(article, span, had, story_id)
            if note is None and had is not None:
                self._owner.notify("Highlight removed (ctrl+z brings it back).", timeout=3)
            elif note is not None and had is not None:
                self._owner.notify("This passage already has a note (a edits it).", timeout=3)
            return
        existing = self.note_on(article, span)

        def saved(result: NoteEdit | None) -> None:
            if result is not None:
                self.annotate(article, span, result.body, result.tags, story_id=story_id)

        self._owner.push_screen(
            NoteEditor(
                article.text[span.start : span.end],
                body=existing.body if existing else "",
                tags=existing.tags if existing else (),
                title="Edit note" if existing else "New note",
                where=where,
            ),
            callback=saved,
        )

    def edit(self, note_id: str, body: str, tags: Iterable[str]) -> Note | None:
        try:
            note = self.store.update(note_id, body=body, tags=list(tags))
        except _STORE_ERRORS as error:
            self._fail(error)
            return None
        self._changed(note.article_id)
        return note

    def pin(
        self,
        article: Article,
        span: Span,
        payload: Mapping[str, Any],
        *,
        story_id: str | None = None,
    ) -> Note | None:
        """Pin a detail-pane item (a quote and its speaker, a date and its value...) as a note."""
        for note, where in self.placed(article):
            same_span = (where.start, where.end) == (span.start, span.end)
            if note.kind == "pin" and note.payload == dict(payload) and same_span:
                return note  # already pinned: pinning twice would only add a duplicate
        try:
            note = self.store.add(
                article, span.start, span.end, kind="pin", payload=payload, story_id=story_id
            )
        except _STORE_ERRORS as error:
            self._fail(error)
            return None
        self._changed(article.id)
        return note

    def delete(self, note_id: str) -> Note | None:
        """Soft-delete a note; ``undo`` brings it back."""
        try:
            note = self.store.delete(note_id)
        except _STORE_ERRORS as error:
            self._fail(error)
            return None
        self._deleted.append(note.id)
        self._changed(note.article_id)
        return note

    def undo(self) -> Note | None:
        """Bring back the most recently deleted note (None if nothing was deleted)."""
        while self._deleted:
            note_id = self._deleted.pop()
            try:
                note = self.store.undelete(note_id)
            except NoteNotFound:
                continue  # purged by another process meanwhile: try the one before
            except _STORE_ERRORS as error:
                self._fail(error)
                return None
            self._changed(note.article_id)
            return note
        return None

    # ------------------------------------------------------------------ export

    def export(
        self,
        fmt: str,
        path: str | os.PathLike[str],
        corpus: Corpus | None,
        *,
        force: bool = False,
    ) -> Path:
        """Write every live note as ``fmt`` to ``path``; raises ``ExportError`` if it exists."""
        notes = self.store.list()
        articles = corpus.articles if corpus is not None else ()
        stories = corpus.stories if corpus is not None else ()
        content = render(
            fmt, notes, articles, stories, enrich=default_enricher() if fmt == "md" else None
        )
        written = write_export(content, Path(path).expanduser(), force=force)
        if written is None:  # "-" (stdout) makes no sense from the app
            raise ExportError("choose a file to write")
        self.last_export = (fmt, written)
        return written


def notes_of(app: App[Any]) -> NotesController:
    """The app's notes controller (made on first use when the app did not make one)."""
    controller = getattr(app, "notes", None)
    if not isinstance(controller, NotesController):
        controller = NotesController(app)
        app.notes = controller  # type: ignore[attr-defined]
    return controller


class NotesCommands(Provider):
    """Palette commands: "notes: open", "notes: export"."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(title, app action, help)."""
        return [
            ("notes: open", "notes", "Every note, grouped by story and article"),
            ("notes: export", "export_notes", "Write the notes as Markdown, JSON or CSV"),
            ("notes: undo delete", "undo_note", "Bring back the last note deleted"),
        ]

    def _callback(self, action: str) -> Any:
        method = getattr(self.app, f"action_{action}", None)
        return method if callable(method) else (lambda: None)

    async def discover(self) -> Hits:
        for title, action, help_text in self._commands():
            yield DiscoveryHit(Content(title), self._callback(action), text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    self._callback(action),
                    text=title,
                    help=help_text,
                )
