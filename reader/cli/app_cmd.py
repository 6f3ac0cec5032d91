"""``reader open [PATH...]`` (also plain ``reader`` and ``reader PATH...``): the terminal app."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import CliError, add_corpus_options, add_data_dir_option


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "open", help="open the app on a corpus (the default command; no PATH: the bundled seeds)"
    )
    add_corpus_options(p)
    add_data_dir_option(p, default=None)
    p.set_defaults(func=cmd_open)


def cmd_open(args: argparse.Namespace) -> int:
    paths = list(args.paths or [])
    missing = [p for p in paths if not Path(p).expanduser().exists()]
    if missing:
        raise CliError(f"no such file or directory: {missing[0]}")
    # Textual is imported only when the app is wanted: the other commands stay fast.
    from reader.tui.app import ReaderApp  # noqa: PLC0415

    data_dir = args.data_dir
    ReaderApp(
        [Path(p).expanduser() for p in paths],
        use_cache=not args.no_cache,
        data_dir=Path(data_dir).expanduser() if data_dir else None,
    ).run()
    return 0
