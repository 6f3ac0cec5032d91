"""Helpers every command shares: errors, JSON output, corpus loading with a progress bar."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reader.corpus import ArticleNotFound, Corpus, load_corpus, seeds_dir, shown_ref
from reader.ingest.readers import SUPPORTED_SUFFIXES
from reader.model import Article


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich exits with status 1 here; raising lets ``main`` end every command the same way
        # when the reader of our output goes away (``reader list | head``): quietly, status 0.
        self.quiet = True
        raise BrokenPipeError


console = _Console(highlight=False)
err_console = _Console(stderr=True, highlight=False)


def silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush of output nobody reads
    any more cannot fail with a second ``BrokenPipeError`` message."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class CliError(Exception):
    """A command cannot do its job: one line on stderr, exit status 2."""


def encodes_unicode(stream: Any) -> bool:
    """Whether ``stream`` can carry any text: a UTF encoding (not ASCII or a legacy code page)."""
    encoding = (getattr(stream, "encoding", None) or "").lower()
    return encoding.replace("-", "").replace("_", "").startswith("utf")


def tolerate_narrow_output() -> None:
    """On a stdout or stderr that cannot encode every character (``LC_ALL=C`` without Python's
    UTF-8 mode, a latin-1 locale, ``PYTHONIOENCODING=ascii``), print a replacement character
    instead of failing with ``UnicodeEncodeError`` halfway through the output."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not encodes_unicode(stream) and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def print_json(obj: Any) -> None:
    # Escaped non-ASCII characters keep JSON lossless where the output encoding is narrow.
    ascii_only = not encodes_unicode(sys.stdout)
    sys.stdout.write(json.dumps(obj, ensure_ascii=ascii_only, indent=2) + "\n")


def add_corpus_options(
    parser: argparse.ArgumentParser,
    *,
    positional: bool = True,
    default: str = "the bundled seeds",
) -> None:
    """``PATH...`` (or ``--corpus PATH`` for commands whose positionals are article refs);
    ``default`` says in the help what is read without them."""
    if positional:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help=f"files or folders of articles (default: {default})",
        )
    else:
        parser.add_argument(
            "-C",
            "--corpus",
            dest="paths",
            action="append",
            default=[],
            metavar="PATH",
            help=f"file or folder of articles to look ids up in (repeatable; default: {default})",
        )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="read and group everything afresh, without the index cache",
    )


def add_data_dir_option(parser: argparse.ArgumentParser, default: Any = argparse.SUPPRESS) -> None:
    """``--data-dir DIR``: where the notes store lives. The default SUPPRESS lets the option stand
    both before and after a subcommand without a later default hiding an earlier value."""
    parser.add_argument(
        "--data-dir",
        default=default,
        metavar="DIR",
        help="where the notes store lives (default: $READER_DATA_DIR, else the user data "
        "directory; another one for tests or a second profile)",
    )


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")


def load_corpus_from_args(
    args: argparse.Namespace,
    paths: Sequence[str] | None = None,
    *,
    group: bool = True,
    require_articles: bool = True,
) -> Corpus:
    """Load the corpus the arguments name, with a progress bar on an interactive terminal.

    With ``require_articles``, paths that hold no readable article are an error (the command has
    nothing to work on) rather than an empty answer."""
    chosen = list(paths if paths is not None else getattr(args, "paths", None) or [])
    for path in chosen:
        try:
            found = path_stat(path)
        except OSError as exc:
            raise CliError(f"cannot read {shown_ref(path)}: {exc.strerror or exc}") from None
        if found is None:
            raise CliError(f"no such file or directory: {shown_ref(path)}")
    corpus = _load(args, chosen, group)
    if require_articles and not corpus.articles:
        where = chosen[0] if len(chosen) == 1 else f"{len(chosen)} paths"
        if corpus.skipped:
            first = corpus.skipped[0]
            more = f" and {len(corpus.skipped) - 1:,} more" if len(corpus.skipped) > 1 else ""
            which = "" if first.path == where else f"{first.path}: "
            raise CliError(f"no article could be read from {where}: {which}{first.reason}{more}")
        for path in chosen:
            try:  # a folder we may not list is no empty folder
                with os.scandir(Path(path).expanduser()):
                    pass
            except NotADirectoryError:
                pass
            except OSError as exc:
                raise CliError(f"cannot read {shown_ref(path)}: {exc.strerror or exc}") from None
        kinds = ", ".join(f".{kind}" for kind in dict.fromkeys(SUPPORTED_SUFFIXES.values()))
        raise CliError(f"no article files ({kinds}) in {where}")
    return corpus


def _load(args: argparse.Namespace, chosen: list[str], group: bool) -> Corpus:
    use_cache = not getattr(args, "no_cache", False)
    show_bar = err_console.is_terminal and not getattr(args, "json", False)
    if not show_bar:
        return load_corpus(chosen or None, use_cache=use_cache, group=group)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage.capitalize(), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        return load_corpus(chosen or None, report, use_cache=use_cache, group=group)


_NOT_A_PATH = (errno.ENOENT, errno.ENOTDIR, errno.ENAMETOOLONG)
"""What ``stat`` says of a name that names no file: an id, a typo, or too long to be a path."""


def path_stat(ref: str) -> os.stat_result | None:
    """``ref`` stat'ed as a path (symlinks followed); None if it names nothing. Raises ``OSError``
    for a file that is there but cannot be checked (a folder without permission, a link loop)."""
    try:
        return Path(ref).expanduser().stat()
    except OSError as exc:
        if exc.errno in _NOT_A_PATH:
            return None
        raise
    except ValueError:  # a NUL byte: not a path
        return None


def _is_file(ref: str) -> bool:
    # A path that cannot be checked is looked up as an id; if that fails too, ``find_article``
    # says why the path could not be read.
    try:
        found = path_stat(ref)
    except OSError:
        return False
    return found is not None and stat.S_ISREG(found.st_mode)


def corpus_for_refs(args: argparse.Namespace, refs: Sequence[str], *, group: bool = True) -> Corpus:
    """The corpus in which article refs are looked up: ``--corpus`` if given; else the files the
    refs name when they are paths, with the bundled seeds for the refs that are not."""
    if getattr(args, "paths", None):
        return load_corpus_from_args(args, group=group)
    file_refs = list(dict.fromkeys(r for r in refs if _is_file(r)))
    if not file_refs:
        return load_corpus_from_args(args, [], group=group)
    if all(r in file_refs for r in refs):
        return load_corpus_from_args(args, file_refs, group=group)
    # Ids and paths together (``reader diff 000 draft.txt``): the files beside the seeds.
    return load_corpus_from_args(args, [str(seeds_dir()), *file_refs], group=group)


def find_article(corpus: Corpus, ref: str) -> Article:
    try:
        return corpus.article(ref)
    except ArticleNotFound as exc:
        raise CliError(_not_an_article(corpus, ref) or str(exc)) from None


def _not_an_article(corpus: Corpus, ref: str) -> str | None:
    """Why ``ref``, not found as an article, is a path that cannot be one; None if it is no path."""
    try:
        found = path_stat(ref)
    except OSError as exc:
        return f"cannot read {shown_ref(ref)}: {exc.strerror or exc}"
    if found is None:
        return None
    if stat.S_ISDIR(found.st_mode):
        return f"{shown_ref(ref)}: is a folder; give an article file or an id"
    if not stat.S_ISREG(found.st_mode):
        return f"{shown_ref(ref)}: not a regular file; give an article file or an id"
    with contextlib.suppress(OSError, RuntimeError):  # RuntimeError: a symlink loop
        resolved = Path(ref).expanduser().resolve()
        for skipped in corpus.skipped:
            if Path(skipped.path.split("#", 1)[0]).resolve() == resolved:
                return f"no article could be read from {shown_ref(ref)}: {skipped.reason}"
    return None
