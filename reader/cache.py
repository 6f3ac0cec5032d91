"""The corpus index cache: parsed files and grouped stories, in SQLite under the user cache dir.

Re-opening an unchanged corpus reads nothing but this cache. A file's entry is keyed by its path,
size and modification time; an entry written within a moment of the file's mtime is verified by
content hash too (an edit in the same second as the last read keeps size and mtime). Entries are
``marshal``-ed tuples of plain strings (fast, and unlike pickle cannot run code). The cache is
disposable: a corrupt, locked or version-mismatched cache is discarded and rebuilt, never fatal.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sqlite3
import time
from pathlib import Path

import platformdirs

from reader.model import Article, Skipped, Story, VersionPair

SCHEMA = 1
_RACY_SECONDS = 2.0


def cache_dir() -> Path:
    override = os.environ.get("READER_CACHE_DIR")
    return Path(override) if override else platformdirs.user_cache_path("reader", appauthor=False)


def engine_version() -> str:
    """A hash of the code that produces cached data, so any change to it invalidates the cache."""
    package = Path(__file__).parent
    digest = hashlib.sha1(str(SCHEMA).encode())
    sources = sorted(
        [
            package / "model.py",
            package / "extract" / "timex_lexicon.py",  # month names read by ingest's metadata
            *package.glob("ingest/*.py"),
            *package.glob("grouping*.py"),
            *package.glob("grouping/*.py"),
            *package.glob("text/*.py"),
        ]
    )
    for source in sources:
        with contextlib.suppress(OSError):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


FileEntry = tuple[list[Article], list[Skipped]]


class CorpusCache:
    """A handle on the cache database; every method swallows database errors (a miss)."""

    busy_timeout = 2.0
    """Seconds to wait for another process's write before running without the cache."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / "corpus.sqlite"
        self.version = engine_version()
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, int, int, float, str, bytes]] = []
        self._prefetched: dict[tuple[str, str], tuple[int, int, float, str, bytes]] | None = None
        self._open()

    def _open(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
        except (sqlite3.Error, OSError) as exc:
            if isinstance(exc, sqlite3.OperationalError) and _is_busy(exc):
                # Another reader process is writing: its cache is fine, just not ours to use now.
                self._db = None
                return
            self._recreate()

    def _recreate(self) -> None:
        # Corrupt or unreadable: start afresh once, else run without a cache.
        self._discard()
        try:
            self._db = self._connect()
        except (sqlite3.Error, OSError):
            self._db = None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, timeout=self.busy_timeout, isolation_level=None, check_same_thread=False
        )
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != self.version:
            db.execute("BEGIN IMMEDIATE")
            db.execute("DROP TABLE IF EXISTS files")
            db.execute("DROP TABLE IF EXISTS stories")
            db.execute(
                "CREATE TABLE files (path TEXT, file_id TEXT, size INTEGER, mtime_ns INTEGER,"
                " checked_at REAL, sha1 TEXT, payload BLOB, PRIMARY KEY (path, file_id))"
            )
            db.execute("CREATE TABLE stories (key TEXT PRIMARY KEY, used_at REAL, payload BLOB)")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (self.version,))
            db.execute("COMMIT")
        db.execute("SELECT count(*) FROM files").fetchone()
        return db

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(str(self.path) + suffix).unlink()

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def prefetch(self, keys: list[tuple[str, str]]) -> None:
        """Fetch the entries of many files in one query (a query per file dominates a large
        corpus's cached open); ``get_file`` then answers from memory."""
        if self._db is None or len(keys) < 64:
            return
        try:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (path TEXT, file_id TEXT)")
            self._db.execute("DELETE FROM wanted")
            self._db.executemany("INSERT INTO wanted VALUES (?, ?)", keys)
            rows = self._db.execute(
                "SELECT f.path, f.file_id, f.size, f.mtime_ns, f.checked_at, f.sha1, f.payload"
                " FROM files f JOIN wanted w ON f.path = w.path AND f.file_id = w.file_id"
            ).fetchall()
        except sqlite3.Error:
            return
        self._prefetched = {(row[0], row[1]): row[2:] for row in rows}

    def get_file(
        self, path: Path, name: str, file_id: str, stat: os.stat_result
    ) -> FileEntry | None:
        """The cached entry of ``path`` (stored under ``name``, its ``display_path``), if the
        file is unchanged since."""
        if self._db is None:
            return None
        try:
            if self._prefetched is not None:
                row = self._prefetched.pop((name, file_id), None)
            else:
                row = self._db.execute(
                    "SELECT size, mtime_ns, checked_at, sha1, payload FROM files WHERE path=? AND file_id=?",
                    (name, file_id),
                ).fetchone()
            if row is None or row[0] != stat.st_size or row[1] != stat.st_mtime_ns:
                return None
            if row[2] - stat.st_mtime_ns / 1e9 < _RACY_SECONDS and _file_sha1(path) != row[3]:
                return None
            return _unpack_file(row[4])
        except (sqlite3.Error, ValueError, TypeError, EOFError):
            return None

    def put_file(
        self, path: Path, name: str, file_id: str, stat: os.stat_result, entry: FileEntry
    ) -> None:
        """Queue ``entry`` for ``path``, stored under ``name`` (its ``display_path``)."""
        if self._db is None:
            return
        now = time.time()
        # Only an entry written right after the file changed is ever verified by hash, so only
        # then is the file read again to compute one.
        racy = now - stat.st_mtime_ns / 1e9 < _RACY_SECONDS
        digest = (_file_sha1(path) or "") if racy else ""
        self._pending.append(
            (
                name,
                file_id,
                stat.st_size,
                stat.st_mtime_ns,
                now,
                digest,
                _pack_file(entry),
            )
        )

    def flush(self) -> None:
        """Write pending file entries in one transaction."""
        if self._db is None or not self._pending:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", self._pending
            )
            self._db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
        self._pending.clear()

    def get_stories(self, key: str) -> list[Story] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT payload FROM stories WHERE key=?", (key,)).fetchone()
            return _unpack_stories(row[0]) if row else None
        except (sqlite3.Error, ValueError, TypeError, EOFError):
            return None

    def put_stories(self, key: str, stories: list[Story]) -> None:
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "INSERT OR REPLACE INTO stories VALUES (?, ?, ?)",
                (key, time.time(), _pack_stories(stories)),
            )
            # Keep only the most recently used groupings: each corpus opened adds one.
            self._db.execute(
                "DELETE FROM stories WHERE key NOT IN (SELECT key FROM stories ORDER BY used_at DESC LIMIT 32)"
            )
            self._db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _file_sha1(path: Path) -> str | None:
    from reader.ingest.readers import read_regular_file  # noqa: PLC0415 - keeps cache imports light

    try:
        return hashlib.sha1(read_regular_file(path)).hexdigest()
    except OSError:
        return None


def _pack_file(entry: FileEntry) -> bytes:
    articles, skipped = entry
    return marshal.dumps(
        (
            [
                (a.id, a.path, a.text, a.title, a.outlet, a.date, a.url, a.boilerplate, a.format)
                for a in articles
            ],
            [(s.path, s.reason) for s in skipped],
        )
    )


def _unpack_file(payload: bytes) -> FileEntry:
    articles, skipped = marshal.loads(payload)
    return [Article(*fields) for fields in articles], [Skipped(*fields) for fields in skipped]


def _pack_stories(stories: list[Story]) -> bytes:
    return marshal.dumps(
        [
            (s.id, s.title, s.article_ids, [(p.a, p.b, p.similarity, p.relation) for p in s.pairs])
            for s in stories
        ]
    )


def _unpack_stories(payload: bytes) -> list[Story]:
    return [
        Story(story_id, title, tuple(ids), tuple(VersionPair(*pair) for pair in pairs))
        for story_id, title, ids, pairs in marshal.loads(payload)
    ]
