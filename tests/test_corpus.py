"""Corpus loading: the index cache (hits, invalidation, corruption) and article lookup."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import reader.corpus as corpus_module
import reader.grouping as grouping_module
from reader.cache import CorpusCache, cache_dir
from reader.corpus import ArticleNotFound, load_corpus, seeds_dir


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(seeds_dir(), target)
    return target


def _forbid(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{name} was called on a cached corpus")

    monkeypatch.setattr(module, name, fail)


def test_bundled_seeds_are_found() -> None:
    assert sorted(p.name[:3] for p in seeds_dir().glob("*.txt")) == [
        "000",
        "001",
        "002",
        "003",
        "004",
    ]


def test_unchanged_corpus_is_neither_reparsed_nor_regrouped(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_corpus([corpus_dir])
    _forbid(monkeypatch, corpus_module, "read_file")
    _forbid(monkeypatch, grouping_module, "group_articles")
    second = load_corpus([corpus_dir])
    assert second.articles == first.articles
    assert second.stories == first.stories


def test_an_edited_file_is_reread_and_the_corpus_regrouped(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus([corpus_dir])
    edited = corpus_dir / "004_ab99e996ad05a407.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8"
    )
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    reread: list[str] = []
    real_read_file = corpus_module.read_file

    def spy(path: Path, article_id: str):  # type: ignore[no-untyped-def]
        reread.append(path.name)
        return real_read_file(path, article_id)

    monkeypatch.setattr(corpus_module, "read_file", spy)
    corpus = load_corpus([corpus_dir])
    assert reread == ["004_ab99e996ad05a407.txt"]
    assert corpus.article("004").text.endswith("A new closing paragraph.")


def test_same_size_same_second_edit_is_caught_by_content_hash(corpus_dir: Path) -> None:
    target = corpus_dir / "002_8e545cace7aabc79.txt"
    load_corpus([corpus_dir])
    stat = target.stat()
    original = target.read_text(encoding="utf-8")
    target.write_text(
        original.replace("long-awaited", "long-expected"), encoding="utf-8"
    )  # same length
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert "long-expected" in load_corpus([corpus_dir]).article("002").text


def test_corrupt_cache_is_discarded_and_rebuilt(corpus_dir: Path) -> None:
    load_corpus([corpus_dir])
    database = cache_dir() / "corpus.sqlite"
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    database.write_bytes(b"this is not a database" * 100)
    corpus = load_corpus([corpus_dir])
    assert len(corpus.articles) == 5
    assert CorpusCache(database).enabled


def test_cache_of_another_engine_version_is_discarded(corpus_dir: Path) -> None:
    load_corpus([corpus_dir])
    database = cache_dir() / "corpus.sqlite"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE meta SET value='old' WHERE key='version'")
    cache = CorpusCache(database)
    assert cache.enabled
    assert cache._db is not None
    assert cache._db.execute("SELECT count(*) FROM files").fetchone()[0] == 0
    cache.close()
    assert len(load_corpus([corpus_dir]).articles) == 5


def test_unwritable_cache_dir_still_loads(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("READER_CACHE_DIR", str(blocker / "cache"))
    assert len(load_corpus([corpus_dir]).articles) == 5


def test_article_lookup_by_id_prefix_and_path() -> None:
    corpus = load_corpus(group=False)
    full_id = corpus.article("003").id
    assert full_id.startswith("003_")
    assert corpus.article(full_id).id == full_id
    assert corpus.article(str(seeds_dir() / f"{full_id}.txt")).id == full_id
    with pytest.raises(ArticleNotFound, match="several"):
        corpus.article("00")
    with pytest.raises(ArticleNotFound, match="no article"):
        corpus.article("nope")


def test_a_cache_locked_by_another_writer_is_left_alone(
    corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_corpus([corpus_dir])
    database = cache_dir() / "corpus.sqlite"
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("UPDATE meta SET value='being-rewritten' WHERE key='version'")
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    monkeypatch.setattr(CorpusCache, "busy_timeout", 0.05)
    try:
        assert not CorpusCache(database).enabled
        assert len(load_corpus([corpus_dir]).articles) == 5
    finally:
        other.execute("ROLLBACK")
        other.close()
    # The other writer's database was not discarded as corrupt.
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] == 5
