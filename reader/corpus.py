"""Load a corpus: ingest (with the cache), then group its articles into stories.

This is what the CLI and the app call; slow stages report progress through a callback so a
terminal can show a bar and the app a progress indicator.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from reader.cache import CorpusCache
from reader.ingest import discover, file_ids, unique_ids
from reader.ingest.decode import display_path
from reader.ingest.readers import read_file
from reader.model import Article, Skipped, Story
from reader.text.counts import counted
from reader.text.shorten import clip

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages are "reading" and "grouping"."""


def seeds_dir() -> Path:
    """The bundled sample corpus: inside the installed package, or the checkout's ``seeds/``."""
    packaged = Path(str(resources.files("reader"))) / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "seeds"


class ArticleNotFound(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class Corpus:
    articles: list[Article]
    stories: list[Story]
    skipped: list[Skipped] = field(default_factory=list)
    paths: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.articles}
        self._story_of = {
            article_id: story for story in self.stories for article_id in story.article_ids
        }
        self._by_path: dict[str, Article] = {}
        for article in self.articles:
            self._by_path.setdefault(article.path, article)

    def article(self, ref: str) -> Article:
        """An article by id, path, or unambiguous id prefix ("000" for the first seed)."""
        if ref in self._by_id:
            return self._by_id[ref]
        if ref in self._by_path:
            return self._by_path[ref]
        candidate = Path(ref).expanduser()
        try:
            exists = candidate.exists()
        except (OSError, ValueError):  # too long to be a path, in a folder we may not read
            exists = False
        if exists:
            # Article paths are display text (``display_path``): compare like with like.
            resolved = Path(display_path(candidate.resolve()))
            for article in self.articles:
                if Path(article.path.split("#", 1)[0]).resolve() == resolved:
                    return article
        matches = [a for a in self.articles if a.id.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(a.id for a in matches[:4])
            raise ArticleNotFound(
                f"'{shown_ref(ref)}' matches several articles ({names}{', ...' if len(matches) > 4 else ''})"
            )
        raise ArticleNotFound(
            f"no article '{shown_ref(ref)}' in this corpus ({counted(len(self.articles), 'article')};"
            " see `reader list`)"
        )

    def story(self, ref: str) -> Story:
        """A story by id or unambiguous id prefix, or the story of an article reference."""
        for story in self.stories:
            if story.id == ref:
                return story
        matches = [s for s in self.stories if s.id.startswith(ref)]
        if len(matches) == 1:
            return matches[0]
        try:
            return self.story_of(self.article(ref).id)
        except ArticleNotFound:
            raise ArticleNotFound(
                f"no story '{shown_ref(ref)}' in this corpus (see `reader stories`)"
            ) from None

    def story_of(self, article_id: str) -> Story:
        return self._story_of[article_id]

    def __len__(self) -> int:
        return len(self.articles)


def shown_ref(ref: str) -> str:
    """An article ref or path from a user in a message: escaped like a file name (it may be
    one), cut if very long."""
    return clip(display_path(ref), 160)


def load_corpus(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    progress: Progress | None = None,
    *,
    use_cache: bool = True,
    group: bool = True,
) -> Corpus:
    """Read, clean and group the articles under ``paths`` (the bundled seeds when None).

    With ``group=False`` the corpus has no stories (``reader list`` needs none).
    """
    chosen = [Path(p) for p in paths] if paths else [seeds_dir()]
    files, skipped = discover(chosen)
    ids = file_ids(files)
    cache = CorpusCache() if use_cache else None
    articles: list[Article] = []
    key = hashlib.sha1((cache.version if cache else "").encode())
    try:
        names = {file: display_path(file) for file in files}
        if cache is not None:
            cache.prefetch([(names[file], ids[file]) for file in files])
        for done, file in enumerate(files, start=1):
            entry = None
            try:
                stat = file.stat()
            except OSError:
                stat = None
            if cache is not None and stat is not None:
                entry = cache.get_file(file, names[file], ids[file], stat)
            if entry is None:
                entry = read_file(file, ids[file])
                if cache is not None and stat is not None:
                    cache.put_file(file, names[file], ids[file], stat, entry)
            articles.extend(entry[0])
            skipped.extend(entry[1])
            if stat is not None:
                key.update(
                    f"{names[file]}\0{ids[file]}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
                )
            if progress is not None and (done % 64 == 0 or done == len(files)):
                progress("reading", done, len(files))
        if cache is not None:
            cache.flush()
        articles = unique_ids(articles)

        if not group:
            return Corpus(articles, [], skipped, tuple(str(p) for p in chosen))
        from reader.grouping import group_articles  # noqa: PLC0415 - `reader list` never needs it

        stories = cache.get_stories(key.hexdigest()) if cache is not None else None
        if stories is None or not _covers(stories, articles):
            stories = group_articles(
                articles, progress=(lambda d, t: progress("grouping", d, t)) if progress else None
            )
            if cache is not None:
                cache.put_stories(key.hexdigest(), stories)
        elif progress is not None:
            progress("grouping", len(articles), len(articles))
    finally:
        if cache is not None:
            cache.close()
    return Corpus(articles, stories, skipped, tuple(str(p) for p in chosen))


def _covers(stories: list[Story], articles: list[Article]) -> bool:
    ids = {a.id for a in articles}
    grouped = [i for s in stories for i in s.article_ids]
    return len(grouped) == len(ids) and set(grouped) == ids
