"""The notes store: one SQLite file, one row per note, every change one short transaction.

Safe for several app instances at once (WAL, ``busy_timeout``, rows rather than a rewritten file,
random ids) and for a crash at any moment (each change is a single committed transaction with
``synchronous=FULL``). The schema is versioned with ``PRAGMA user_version``; older files are
migrated in place, inside one transaction, when opened.

Thread use: one ``NotesStore`` may be shared between the UI thread and worker threads; a lock
serialises calls on its connection.
"""

from __future__ import annotations

import builtins
import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import platformdirs

from reader.ingest.decode import strip_controls
from reader.model import Article
from reader.notes.anchor import TextPositionSelector, TextQuoteSelector, describe

NoteKind = Literal["highlight", "note", "pin"]
NOTE_KINDS: tuple[NoteKind, ...] = ("highlight", "note", "pin")

SCHEMA_VERSION = 2
DATA_DIR_ENV = "READER_DATA_DIR"
DB_NAME = "notes.sqlite3"
BUSY_TIMEOUT_MS = 10_000
MAX_POSITION = 2**31 - 1
"""The largest character offset a note may store: far beyond any article (files are capped at
25 MB), and well inside SQLite's 64-bit integers, which an imported file could overflow."""


class NotesStoreError(Exception):
    """The store cannot be opened or used (corrupt file, newer schema, unwritable directory)."""


class NoteNotFound(LookupError):
    """No (or more than one, for a short id) note matches the id given."""


@dataclass(frozen=True, slots=True)
class Note:
    """One highlight, note or pin on a span of an article's display text."""

    id: str
    kind: NoteKind
    article_id: str
    article_path: str
    article_fingerprint: str
    quote: TextQuoteSelector
    position: TextPositionSelector | None
    body: str = ""
    tags: tuple[str, ...] = ()
    story_id: str | None = None
    payload: Mapping[str, Any] | None = field(default=None, hash=False)
    """For pins: the pinned item, e.g. ``{"type": "quote", "speaker": ..., "value": ...}``."""
    created_at: str = ""
    updated_at: str = ""
    """UTC ISO 8601 timestamps (``...Z``)."""
    deleted: bool = False

    @property
    def short_id(self) -> str:
        return self.id[:8]


def default_data_dir() -> Path:
    """``$READER_DATA_DIR`` if set, else the platform's per-user data directory for reader."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def default_store_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    return (Path(data_dir).expanduser() if data_dir else default_data_dir()) / DB_NAME


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def clean_body(body: str) -> str:
    """A note's text without terminal control sequences (newlines and tabs stay)."""
    return strip_controls(str(body))


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without control sequences, empties or repeats, in first-seen order."""
    seen: dict[str, None] = {}
    for tag in tags:
        tag = " ".join(strip_controls(str(tag)).split())
        if tag:
            seen.setdefault(tag, None)
    return tuple(seen)


def check_span(start: object, end: object) -> tuple[int, int]:
    """``(start, end)`` as a stored position: whole numbers, ``0 <= start <= end <=
    MAX_POSITION``; else ``ValueError`` saying what is wrong."""
    values = []
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"position {name} is not a whole number")
        values.append(value)
    first, last = values
    if first < 0 or last < 0:
        raise ValueError("negative position")
    if last > MAX_POSITION:
        raise ValueError(f"position beyond {MAX_POSITION:,}")
    if first > last:
        raise ValueError(f"position start {first:,} is after its end {last:,}")
    return first, last


# Version 1 had no tags, no updated_at and hard deletes; version 2 adds all three.
_SCHEMA_V2 = """
CREATE TABLE IF NOT EXISTS notes (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    article_id TEXT NOT NULL,
    article_path TEXT NOT NULL DEFAULT '',
    article_fingerprint TEXT NOT NULL DEFAULT '',
    story_id TEXT,
    exact TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    start INTEGER,
    "end" INTEGER,
    body TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    payload TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX IF NOT EXISTS notes_article ON notes(article_id);
CREATE INDEX IF NOT EXISTS notes_story ON notes(story_id);
"""


def _migrate_v1_to_v2(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE notes ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE notes ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE notes ADD COLUMN deleted_at TEXT")
    db.execute("UPDATE notes SET updated_at = created_at WHERE updated_at = ''")
    db.execute("CREATE INDEX IF NOT EXISTS notes_story ON notes(story_id)")


_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_v1_to_v2}
"""``_MIGRATIONS[n]`` upgrades a version-``n`` file to version ``n + 1``."""

_COLUMNS = (
    "id, kind, article_id, article_path, article_fingerprint, story_id, exact, prefix, suffix,"
    ' start, "end", body, tags, payload, created_at, updated_at, deleted_at'
)


class NotesStore:
    """Notes in a SQLite file; ``NotesStore()`` opens the user's store, creating it if needed."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        data_dir: str | os.PathLike[str] | None = None,
        clock: Callable[[], datetime] = utc_now,
        id_factory: Callable[[], str] = new_id,
    ) -> None:
        self.path = Path(path) if path is not None else default_store_path(data_dir)
        self._clock = clock
        self._new_id = id_factory
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: every transaction below is an explicit BEGIN IMMEDIATE ... COMMIT.
            self._db = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except (OSError, sqlite3.Error) as exc:
            raise NotesStoreError(f"cannot open notes store {self.path}: {exc}") from exc
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            # FULL: a committed note survives power loss too, not just a killed process.
            self._db.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise NotesStoreError(f"cannot use notes store {self.path}: {exc}") from exc
        except NotesStoreError:
            self._db.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> NotesStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so two processes never deadlock upgrading."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as db:
            # Read inside the write lock: another process may have just migrated the file.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NotesStoreError(
                    f"notes store {self.path} has schema version {version}; this reader "
                    f"understands up to {SCHEMA_VERSION} (upgrade reader)"
                )
            if version == 0:
                for statement in _SCHEMA_V2.split(";"):
                    if statement.strip():
                        db.execute(statement)
                version = SCHEMA_VERSION
            while version < SCHEMA_VERSION:
                _MIGRATIONS[version](db)
                version += 1
            db.execute(f"PRAGMA user_version = {version}")

    @property
    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------

    def add(
        self,
        article: Article,
        start: int,
        end: int,
        *,
        kind: NoteKind | None = None,
        body: str = "",
        tags: Iterable[str] = (),
        story_id: str | None = None,
        payload: Mapping[str, Any] | None = None,
    ) -> Note:
        """Save a note on ``article.text[start:end]``; kind defaults to note if there is a body."""
        # Every note enters through here or ``put``: what a user typed (the CLI, the app) is
        # untrusted text bound for a terminal and export files like any article.
        body = clean_body(body)
        if kind is None:
            kind = "pin" if payload is not None else ("note" if body.strip() else "highlight")
        if kind not in NOTE_KINDS:
            raise ValueError(f"unknown note kind {kind!r} (expected one of {NOTE_KINDS})")
        text = article.text or ""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} is not inside the article text (0-{len(text)})")
        quote, position = describe(text, start, end)
        now = _iso(self._clock())
        note = Note(
            id=self._new_id(),
            kind=kind,
            article_id=article.id,
            article_path=article.path,
            article_fingerprint=article.fingerprint,
            quote=quote,
            position=position,
            body=body,
            tags=clean_tags(tags),
            story_id=strip_controls(story_id) if story_id else None,
            payload=dict(payload) if payload is not None else None,
            created_at=now,
            updated_at=now,
        )
        with self._write() as db:
            self._insert(db, note)
        return note

    def put(self, note: Note) -> Literal["added", "updated", "unchanged"]:
        """Insert ``note`` (import); an existing id is updated only if ``note`` is newer.

        Its body and tags lose control sequences; a position that is not a valid span is a
        ``ValueError`` (nothing is written)."""
        if note.position is not None:
            check_span(note.position.start, note.position.end)
        note = replace(
            note,
            body=clean_body(note.body),
            tags=clean_tags(note.tags),
            story_id=strip_controls(note.story_id) if note.story_id else None,
        )
        with self._write() as db:
            row = db.execute("SELECT updated_at FROM notes WHERE id = ?", (note.id,)).fetchone()
            if row is None:
                self._insert(db, note)
                return "added"
            if note.updated_at <= row[0]:
                return "unchanged"
            db.execute("DELETE FROM notes WHERE id = ?", (note.id,))
            self._insert(db, note)
            return "updated"

    def update(
        self,
        note_id: str,
        *,
        body: str | None = None,
        tags: Iterable[str] | None = None,
        payload: Mapping[str, Any] | None = None,
    ) -> Note:
        """Change a note's body, tags or pin payload (None leaves a field as it is)."""
        with self._write() as db:
            note = self._get(db, note_id, include_deleted=True)
            changed = replace(
                note,
                body=note.body if body is None else clean_body(body),
                tags=note.tags if tags is None else clean_tags(tags),
                payload=note.payload if payload is None else dict(payload),
                updated_at=_iso(self._clock()),
            )
            db.execute(
                "UPDATE notes SET body = ?, tags = ?, payload = ?, updated_at = ? WHERE id = ?",
                (
                    changed.body,
                    json.dumps(list(changed.tags), ensure_ascii=False),
                    _dump_payload(changed.payload),
                    changed.updated_at,
                    note.id,
                ),
            )
        return changed

    def delete(self, note_id: str) -> Note:
        """Soft-delete a note (``undelete`` brings it back); returns the note as it was."""
        return self._set_deleted(note_id, deleted=True)

    def undelete(self, note_id: str) -> Note:
        return self._set_deleted(note_id, deleted=False)

    def _set_deleted(self, note_id: str, *, deleted: bool) -> Note:
        with self._write() as db:
            note = self._get(db, note_id, include_deleted=True)
            now = _iso(self._clock())
            db.execute(
                "UPDATE notes SET deleted_at = ?, updated_at = ? WHERE id = ?",
                (now if deleted else None, now, note.id),
            )
        return replace(note, deleted=deleted, updated_at=now)

    def purge_deleted(self) -> int:
        """Remove soft-deleted notes for good; returns how many."""
        with self._write() as db:
            return db.execute("DELETE FROM notes WHERE deleted_at IS NOT NULL").rowcount

    # -- reading ---------------------------------------------------------------------------

    def get(self, note_id: str, *, include_deleted: bool = False) -> Note:
        """The note with this id, or the one note whose id starts with it; else ``NoteNotFound``."""
        with self._lock:
            return self._get(self._db, note_id, include_deleted=include_deleted)

    def list(
        self,
        *,
        article_id: str | None = None,
        article_path: str | None = None,
        story_id: str | None = None,
        tag: str | None = None,
        kind: NoteKind | None = None,
        include_deleted: bool = False,
    ) -> list[Note]:
        """Notes matching every filter given, oldest first (ties in the order they were saved).
        With both ``article_id`` and ``article_path``, a note on either is on the article."""
        where, params = [], []
        if not include_deleted:
            where.append("deleted_at IS NULL")
        if article_id is not None and article_path:
            where.append("(article_id = ? OR article_path = ?)")
            params += [article_id, article_path]
        elif article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        elif article_path:
            where.append("article_path = ?")
            params.append(article_path)
        if story_id is not None:
            where.append("story_id = ?")
            params.append(story_id)
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if tag is not None:
            where.append("EXISTS (SELECT 1 FROM json_each(notes.tags) WHERE value = ?)")
            params.append(tag.strip())
        sql = f"SELECT {_COLUMNS} FROM notes"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at, rowid"
        with self._lock:
            return [_row_to_note(row) for row in self._db.execute(sql, params)]

    def on_article(self, article_id: str, article_path: str | None = None) -> builtins.list[Note]:
        """Live notes on one article, by its id or by its path (ids can change between loads
        when files are added beside it), oldest first."""
        return self.list(article_id=article_id, article_path=article_path)

    def tags(self) -> builtins.list[tuple[str, int]]:
        """Every tag in use on live notes with its count, most used first."""
        sql = (
            "SELECT value, COUNT(*) FROM notes, json_each(notes.tags)"
            " WHERE deleted_at IS NULL GROUP BY value ORDER BY COUNT(*) DESC, value"
        )
        with self._lock:
            return [(str(tag), int(count)) for tag, count in self._db.execute(sql)]

    def count(self, *, include_deleted: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM notes"
        if not include_deleted:
            sql += " WHERE deleted_at IS NULL"
        with self._lock:
            return int(self._db.execute(sql).fetchone()[0])

    # -- rows ------------------------------------------------------------------------------

    def _get(self, db: sqlite3.Connection, note_id: str, *, include_deleted: bool) -> Note:
        note_id = note_id.strip()
        if not note_id:
            raise NoteNotFound("empty note id")
        row = db.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            escaped = note_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM notes WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (escaped + "%",),
            ).fetchall()
            if len(rows) > 1:
                raise NoteNotFound(f"note id {note_id!r} is ambiguous; give more characters")
            row = rows[0] if rows else None
        if row is None:
            raise NoteNotFound(f"no note with id {note_id!r}")
        note = _row_to_note(row)
        if note.deleted and not include_deleted:
            raise NoteNotFound(f"note {note_id!r} is deleted")
        return note

    @staticmethod
    def _insert(db: sqlite3.Connection, note: Note) -> None:
        position = note.position
        db.execute(
            f"INSERT INTO notes ({_COLUMNS}) VALUES ({', '.join('?' * 17)})",
            (
                note.id,
                note.kind,
                note.article_id,
                note.article_path,
                note.article_fingerprint,
                note.story_id,
                note.quote.exact,
                note.quote.prefix,
                note.quote.suffix,
                position.start if position else None,
                position.end if position else None,
                note.body,
                json.dumps(list(note.tags), ensure_ascii=False),
                _dump_payload(note.payload),
                note.created_at,
                note.updated_at,
                note.updated_at if note.deleted else None,
            ),
        )


def _dump_payload(payload: Mapping[str, Any] | None) -> str | None:
    return (
        None if payload is None else json.dumps(dict(payload), ensure_ascii=False, sort_keys=True)
    )


def _row_to_note(row: tuple[Any, ...]) -> Note:
    (
        note_id,
        kind,
        article_id,
        article_path,
        fingerprint,
        story_id,
        exact,
        prefix,
        suffix,
        start,
        end,
        body,
        tags,
        payload,
        created_at,
        updated_at,
        deleted_at,
    ) = row
    return Note(
        id=note_id,
        kind=kind,
        article_id=article_id,
        article_path=article_path,
        article_fingerprint=fingerprint,
        quote=TextQuoteSelector(exact, prefix, suffix),
        position=TextPositionSelector(start, end)
        if start is not None and end is not None
        else None,
        # Cleaned on the way out too: a store written by an older reader may hold them raw.
        body=clean_body(body),
        tags=clean_tags(json.loads(tags or "[]")),
        story_id=story_id,
        payload=json.loads(payload) if payload else None,
        created_at=created_at,
        updated_at=updated_at or created_at,
        deleted=deleted_at is not None,
    )
