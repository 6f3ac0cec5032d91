"""The notes store: CRUD, filters, persistence across processes, concurrent and killed writers,
schema migration. Every store lives under tmp_path; the user's data dir is never touched."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.model import Article
from reader.notes import NoteNotFound, NotesStore, NotesStoreError, find_quote
from reader.notes.anchor import TextPositionSelector
from reader.notes.store import DATA_DIR_ENV, DB_NAME, SCHEMA_VERSION, default_store_path

REPO = Path(__file__).resolve().parents[1]

TEXT = (
    "WASHINGTON — The Biden administration said on Tuesday that talks with Russia would open on "
    "Jan. 10.\n\nJake Sullivan said progress “will have to take place in the context of "
    "de-escalation, not escalation.”\n\nSome of these states are already NATO members."
)
ARTICLE = Article(id="a1", path="stories/a1.txt", text=TEXT, outlet="Wire", date="2021-12-28")


def span(quote: str) -> tuple[int, int]:
    found = find_quote(TEXT, quote)
    assert found is not None, quote
    return found


@pytest.fixture
def store(tmp_path: Path):
    with NotesStore(tmp_path / DB_NAME) as opened:
        yield opened


def test_add_get_and_list_round_trip(store: NotesStore) -> None:
    start, end = span("talks with Russia")
    note = store.add(ARTICLE, start, end, body="When exactly?", tags=["dates", " dates ", "talks"])
    assert note.kind == "note"
    assert note.quote.exact == "talks with Russia"
    assert note.quote.prefix.endswith("said on Tuesday that ")
    assert note.quote.suffix.startswith(" would open")
    assert note.position == TextPositionSelector(start, end)
    assert note.tags == ("dates", "talks")
    assert note.article_fingerprint == ARTICLE.fingerprint
    assert note.created_at.endswith("Z") and note.created_at == note.updated_at
    assert store.get(note.id) == note
    assert store.get(note.id[:8]) == note
    assert store.list() == [note]


def test_kind_defaults_and_pins(store: NotesStore) -> None:
    bare = store.add(ARTICLE, *span("NATO members"))
    assert bare.kind == "highlight" and bare.body == ""
    payload = {"type": "quote", "speaker": "Jake Sullivan", "value": "will have to take place"}
    pin = store.add(ARTICLE, *span("will have to take place"), payload=payload)
    assert pin.kind == "pin"
    assert store.get(pin.id).payload == payload
    assert [n.id for n in store.list(kind="pin")] == [pin.id]


def test_filters(store: NotesStore) -> None:
    other = Article(id="b2", path="b2.txt", text="Talks with Russia open in Geneva.")
    first = store.add(ARTICLE, *span("Jan. 10"), tags=["dates"], story_id="s1")
    second = store.add(other, 0, 17, tags=["talks"], story_id="s1")
    third = store.add(ARTICLE, *span("NATO"), story_id="s2")
    assert [n.id for n in store.list(article_id="a1")] == [first.id, third.id]
    assert [n.id for n in store.list(story_id="s1")] == [first.id, second.id]
    assert [n.id for n in store.list(tag="talks")] == [second.id]
    assert store.list(tag="nothing") == []
    assert store.tags() == [("dates", 1), ("talks", 1)]


def test_notes_on_an_article_by_id_or_by_path(store: NotesStore) -> None:
    from dataclasses import replace

    first = store.add(ARTICLE, *span("Jan. 10"))
    # The same file loaded later under another id (a collision made ids path-qualified).
    renamed = replace(ARTICLE, id="sub/a1")
    second = store.add(renamed, *span("NATO"))
    elsewhere = store.add(Article(id="b2", path="b2.txt", text="Talks open."), 0, 5)
    gone = store.add(ARTICLE, *span("Russia"))
    store.delete(gone.id)
    assert [n.id for n in store.on_article(renamed.id, renamed.path)] == [first.id, second.id]
    assert [n.id for n in store.on_article("a1")] == [first.id]
    assert [n.id for n in store.on_article("b2", "b2.txt")] == [elsewhere.id]


def test_update_changes_only_what_is_given(tmp_path: Path) -> None:
    ticks = iter(datetime(2024, 5, 1, 12, 0, tzinfo=UTC) + timedelta(seconds=i) for i in range(10))
    with NotesStore(tmp_path / DB_NAME, clock=lambda: next(ticks)) as store:
        note = store.add(ARTICLE, *span("Jan. 10"), body="first", tags=["a"])
        changed = store.update(note.id, tags=["b", "c"])
        assert changed.body == "first" and changed.tags == ("b", "c")
        assert changed.created_at == "2024-05-01T12:00:00.000Z"
        assert changed.updated_at == "2024-05-01T12:00:01.000Z"
        assert store.get(note.id) == changed
        assert store.update(note.id, body="").body == ""


def test_delete_is_undoable(store: NotesStore) -> None:
    keep = store.add(ARTICLE, *span("Jan. 10"))
    gone = store.add(ARTICLE, *span("NATO"))
    store.delete(gone.id)
    assert [n.id for n in store.list()] == [keep.id]
    with pytest.raises(NoteNotFound):
        store.get(gone.id)
    assert store.get(gone.id, include_deleted=True).deleted
    assert len(store.list(include_deleted=True)) == 2
    store.undelete(gone.id)
    assert [n.id for n in store.list()] == [keep.id, gone.id]
    store.delete(gone.id)
    assert store.purge_deleted() == 1
    assert store.count(include_deleted=True) == 1


def test_unknown_and_ambiguous_ids(tmp_path: Path) -> None:
    ids = iter(["abc111", "abc222"])
    with NotesStore(tmp_path / DB_NAME, id_factory=lambda: next(ids)) as store:
        store.add(ARTICLE, *span("NATO"))
        store.add(ARTICLE, *span("Jan. 10"))
        with pytest.raises(NoteNotFound, match="ambiguous"):
            store.get("abc")
        assert store.get("abc2").id == "abc222"
        with pytest.raises(NoteNotFound):
            store.delete("zzz")
        with pytest.raises(NoteNotFound):
            store.get("%")


def test_bad_spans_and_kinds_are_refused(store: NotesStore) -> None:
    with pytest.raises(ValueError):
        store.add(ARTICLE, 10, 10)
    with pytest.raises(ValueError):
        store.add(ARTICLE, 0, len(TEXT) + 1)
    with pytest.raises(ValueError):
        store.add(ARTICLE, 0, 5, kind="bookmark")  # type: ignore[arg-type]
    assert store.count() == 0


def test_note_text_loses_control_sequences_whichever_way_it_comes(
    store: NotesStore, tmp_path: Path
) -> None:
    # The CLI, the app and an import all save through add, update or put; a store written by an
    # older reader is cleaned as it is read.
    start, end = span("talks with Russia")
    note = store.add(
        ARTICLE, start, end, body="Check\x1b]0;PWNED\x07\nthis", tags=["a\x1b[31mb", "\x9b2J"]
    )
    assert (note.body, note.tags, note.kind) == ("Check\nthis", ("ab",), "note")
    assert store.get(note.id) == note
    # Only sequences: no body, so a bare highlight.
    assert store.add(ARTICLE, start, end, body="\x1b[2J").kind == "highlight"
    updated = store.update(note.id, body="new\x1b[2J\tbody", tags=["x\x07y"])
    assert (updated.body, updated.tags) == ("new\tbody", ("xy",))
    assert store.put(replace(note, id="imported", body="\x1b[31mred", tags=("\x1bc",))) == "added"
    assert (store.get("imported").body, store.get("imported").tags) == ("red", ())
    db = sqlite3.connect(store.path)
    with db:
        db.execute(
            "UPDATE notes SET body = ?, tags = ? WHERE id = ?",
            ("old\x1b[2J reader", json.dumps(["t\x1b[0m"]), "imported"),
        )
    db.close()
    assert (store.get("imported").body, store.get("imported").tags) == ("old reader", ("t",))


def test_put_refuses_a_position_that_is_no_span(store: NotesStore) -> None:
    start, end = span("talks with Russia")
    note = store.add(ARTICLE, start, end)
    bad = [(-5, 3), (9, 4), (2**63, 2**63 + 1), (10**30, 10**30)]
    for first, last in bad:
        with pytest.raises(ValueError):
            store.put(replace(note, id=f"n{first}", position=TextPositionSelector(first, last)))
    assert store.count() == 1


def test_data_dir_argument_and_env_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert default_store_path() == tmp_path / "from-env" / DB_NAME
    assert default_store_path(tmp_path / "given") == tmp_path / "given" / DB_NAME
    with NotesStore() as store:
        store.add(ARTICLE, *span("NATO"))
    assert (tmp_path / "from-env" / DB_NAME).exists()


def test_wal_and_schema_version(store: NotesStore) -> None:
    db = sqlite3.connect(store.path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_garbage_and_future_files_are_refused_cleanly(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all\x00" * 100)
    with pytest.raises(NotesStoreError):
        NotesStore(garbage)
    future = tmp_path / "future.sqlite3"
    db = sqlite3.connect(future)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    with pytest.raises(NotesStoreError, match="schema version 99"):
        NotesStore(future)


# -- migration ---------------------------------------------------------------------------------

V1_SCHEMA = """
CREATE TABLE notes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, article_id TEXT NOT NULL,
    article_path TEXT NOT NULL DEFAULT '', article_fingerprint TEXT NOT NULL DEFAULT '',
    story_id TEXT, exact TEXT NOT NULL DEFAULT '', prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '', start INTEGER, "end" INTEGER,
    body TEXT NOT NULL DEFAULT '', payload TEXT, created_at TEXT NOT NULL
);
CREATE INDEX notes_article ON notes(article_id);
PRAGMA user_version = 1;
"""


def test_migrates_a_version_1_store(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    start, end = span("talks with Russia")
    db.execute(
        "INSERT INTO notes (id, kind, article_id, article_path, article_fingerprint, exact,"
        ' prefix, suffix, start, "end", body, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
        (
            "old1",
            "note",
            "a1",
            "stories/a1.txt",
            ARTICLE.fingerprint,
            "talks with Russia",
            "",
            "",
            start,
            end,
            "from v1",
            "2020-01-02T03:04:05.000Z",
        ),
    )
    db.commit()
    db.close()

    with NotesStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        old = store.get("old1")
        assert old.body == "from v1" and old.tags == () and not old.deleted
        assert old.updated_at == old.created_at == "2020-01-02T03:04:05.000Z"
        assert store.update("old1", tags=["kept"]).tags == ("kept",)
        store.add(ARTICLE, *span("NATO"), tags=["new"])
        assert store.tags() == [("kept", 1), ("new", 1)]
    # Opening again is a no-op: the migration ran once.
    with NotesStore(path) as store:
        assert store.count() == 2


# -- several processes -------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from reader.model import Article
    from reader.notes import NotesStore
    path, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    article = Article(id="a1", path="a1.txt", text="Talks with Russia open on January 10 in Geneva.")
    store = NotesStore(path)
    for i in range(count):
        note = store.add(article, 0, 17, body=f"{tag} {i}", tags=[tag])
        print(note.id, flush=True)
    store.close()
    """
)


def _run_python(code: str, *args: str, **kwargs) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_notes_persist_across_processes(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    proc = _run_python(WRITER, str(path), "child", "3")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    with NotesStore(path) as store:
        assert sorted(n.body for n in store.list()) == ["child 0", "child 1", "child 2"]
        mine = store.add(ARTICLE, *span("NATO"), body="parent")
    reader_code = (
        "import sys, json; from reader.notes import NotesStore;"
        "s = NotesStore(sys.argv[1]); print(json.dumps([n.body for n in s.list()]))"
    )
    proc = _run_python(reader_code, str(path))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert json.loads(out)[-1] == mine.body


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    NotesStore(path).close()
    writers = [_run_python(WRITER, str(path), tag, "100") for tag in ("left", "right")]
    for proc in writers:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with NotesStore(path) as store:
        notes = store.list()
        assert len(notes) == 200
        assert len({n.id for n in notes}) == 200
        assert len(store.list(tag="left")) == len(store.list(tag="right")) == 100


def test_a_writer_killed_mid_way_leaves_a_consistent_store(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    committed: dict[str, str] = {}
    for round_number in range(3):
        proc = _run_python(WRITER, str(path), f"round{round_number}", "100000")
        assert proc.stdout is not None
        # add() returns after COMMIT, so every id printed is a note that must survive; the child
        # is killed while it is already busy with the next write.
        for seen, line in enumerate(proc.stdout):
            committed[line.strip()] = f"round{round_number} {seen}"
            if seen >= 15 + 10 * round_number:
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()  # type: ignore[union-attr]
        assert proc.returncode == -signal.SIGKILL

        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
        with NotesStore(path) as store:
            bodies = {n.id: n.body for n in store.list()}
        for note_id, body in committed.items():
            assert bodies.get(note_id) == body


def test_one_store_shared_by_threads(store: NotesStore) -> None:
    # A Textual app calls the store from its UI thread and from worker threads.
    from concurrent.futures import ThreadPoolExecutor

    def work(worker: int) -> None:
        for i in range(25):
            note = store.add(ARTICLE, *span("NATO"), body=f"{worker}-{i}", tags=[f"w{worker}"])
            store.update(note.id, tags=[f"w{worker}", "seen"])
            store.list(tag="seen")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, range(4)))
    assert store.count() == 100
    assert store.tags()[0] == ("seen", 100)
    assert len({n.body for n in store.list()}) == 100
