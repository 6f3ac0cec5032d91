"""Helpers every command shares: errors, JSON output, corpus loading with a progress bar."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reader.corpus import ArticleNotFound, Corpus, load_corpus
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
    missing = [p for p in chosen if not Path(p).expanduser().exists()]
    if missing:
        raise CliError(f"no such file or directory: {missing[0]}")
    corpus = _load(args, chosen, group)
    if require_articles and not corpus.articles:
        where = chosen[0] if len(chosen) == 1 else f"{len(chosen)} paths"
        if corpus.skipped:
            first = corpus.skipped[0]
            more = f" and {len(corpus.skipped) - 1:,} more" if len(corpus.skipped) > 1 else ""
            which = "" if first.path == where else f"{first.path}: "
            raise CliError(f"no article could be read from {where}: {which}{first.reason}{more}")
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


def corpus_for_refs(args: argparse.Namespace, refs: Sequence[str], *, group: bool = True) -> Corpus:
    """The corpus in which article refs are looked up: ``--corpus`` if given; else the files the
    refs name when they are paths; else the bundled seeds."""
    if getattr(args, "paths", None):
        return load_corpus_from_args(args, group=group)
    file_refs = [r for r in refs if Path(r).expanduser().is_file()]
    if file_refs and len(file_refs) == len(refs):
        return load_corpus_from_args(args, file_refs, group=group)
    return load_corpus_from_args(args, [], group=group)


def find_article(corpus: Corpus, ref: str) -> Article:
    try:
        return corpus.article(ref)
    except ArticleNotFound as exc:
        raise CliError(str(exc)) from None
