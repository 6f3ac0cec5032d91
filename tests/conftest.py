"""Shared fixtures: every test runs with its own cache and data directories, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus import seeds_dir
from reader.ingest import read_path
from reader.model import Article


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path_factory.mktemp("reader-state")
    monkeypatch.setenv("READER_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("READER_DATA_DIR", str(base / "data"))


@pytest.fixture(scope="session")
def seeds_path() -> Path:
    return seeds_dir()


@pytest.fixture(scope="session")
def seed_articles(seeds_path: Path) -> dict[str, Article]:
    """The five seed articles by their short number ("000" ... "004")."""
    articles, skipped = read_path(seeds_path)
    assert not skipped
    return {a.id[:3]: a for a in articles}
