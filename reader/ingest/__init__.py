"""Ingest: files and folders of articles to ``Article`` objects, with every problem reported.

One bad file never stops the others: it becomes a ``Skipped`` entry with a reason.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from reader.ingest.decode import display_path
from reader.ingest.readers import SUPPORTED_SUFFIXES, read_file
from reader.model import Article, Skipped

__all__ = ["discover", "file_ids", "read_path", "read_paths", "SUPPORTED_SUFFIXES"]


def discover(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Skipped]]:
    """Files under ``paths`` (folders recursively, hidden entries skipped), sorted, deduplicated."""
    found: dict[Path, None] = {}
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    file = Path(root, name)
                    if file.suffix.lower() in SUPPORTED_SUFFIXES:
                        found.setdefault(file, None)
                    else:
                        skipped.append(
                            Skipped(
                                display_path(file),
                                f"unsupported file type {display_path(file.suffix) or '(none)'}",
                            )
                        )
        elif path.is_file():
            found.setdefault(path, None)
        elif path.exists():
            skipped.append(Skipped(display_path(path), "not a regular file"))
        else:
            skipped.append(Skipped(display_path(path), "no such file or directory"))
    return list(found), skipped


def file_ids(files: list[Path]) -> dict[Path, str]:
    """A stable id per file: its stem, or its path relative to the files' common folder when two
    files share a stem (as printable text: see ``display_path``)."""
    return {file: display_path(file_id) for file, file_id in _raw_file_ids(files).items()}


def _raw_file_ids(files: list[Path]) -> dict[Path, str]:
    stems = Counter(f.stem for f in files)
    if all(count == 1 for count in stems.values()):
        return {f: f.stem for f in files}
    try:
        common = Path(os.path.commonpath([f.parent.resolve() for f in files]))
    except ValueError:  # different drives
        common = None
    ids: dict[Path, str] = {}
    for f in files:
        if stems[f.stem] == 1:
            ids[f] = f.stem
            continue
        try:
            relative = f.resolve().relative_to(common) if common else f
        except ValueError:
            relative = f
        ids[f] = str(PurePosixPath(*relative.parts).with_suffix("")) + (
            "" if f.suffix in (".txt",) else f.suffix
        )
    return ids


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """Read every article under ``paths``; the second list says what was skipped and why."""
    files, skipped = discover(paths)
    ids = file_ids(files)
    articles: list[Article] = []
    for done, file in enumerate(files, start=1):
        file_articles, file_skipped = read_file(file, ids[file])
        articles.extend(file_articles)
        skipped.extend(file_skipped)
        if progress is not None:
            progress(done, len(files))
    return unique_ids(articles), skipped


def read_path(path: str | os.PathLike[str]) -> tuple[list[Article], list[Skipped]]:
    """Read one file or folder."""
    return read_paths([path])


def unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique, keeping the first holder of an id and qualifying later ones."""
    seen: set[str] = set()
    result = []
    for article in articles:
        article_id = article.id
        if article_id in seen:
            stem = Path(article.path.split("#", 1)[0]).stem
            article_id = f"{stem}:{article.id}"
            n = 2
            while article_id in seen:
                article_id = f"{stem}:{article.id}~{n}"
                n += 1
            article = replace(article, id=article_id)
        seen.add(article_id)
        result.append(article)
    return result
