"""Helpers for the Library tests: apps on the seeds or on small corpora written for a test."""

from __future__ import annotations

import contextlib

from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from reader.corpus import Corpus
from reader.model import Article, Story
from reader.tui.app import ReaderApp


async def settle(pilot: Pilot) -> None:
    """Wait until the corpus is loaded and the current article's marks are in."""
    app = pilot.app
    for _ in range(4):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()


def loaded_corpus(app: ReaderApp) -> Corpus:
    """The app's corpus, once ``settle`` has let it load."""
    assert app.corpus is not None
    return app.corpus


def seed_prefix(app: ReaderApp) -> str | None:
    article = app.library.current_article
    return article.id[:3] if article else None


def corpus_of(*texts: str, outlet: str = "Test Wire") -> Corpus:
    """A one-story corpus of plain articles (ids a0, a1, ...)."""
    articles = [
        Article(
            id=f"a{n}",
            path=f"/tmp/a{n}.txt",
            text=text,
            outlet=f"{outlet} {n}",
            date="2024-05-0" + str(n + 1),
        )
        for n, text in enumerate(texts)
    ]
    story = Story("s0", "A test story", tuple(a.id for a in articles))
    return Corpus(articles, [story])
