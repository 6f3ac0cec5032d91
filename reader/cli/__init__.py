"""The ``reader`` command line: a thin layer over the engine, rich for people, ``--json`` for scripts."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.common import CliError, err_console, silence_stdout, tolerate_narrow_output

COMMAND_MODULES = [
    "reader.cli.app_cmd",
    "reader.cli.corpus_cmds",
    "reader.cli.diff_cmd",
    "reader.cli.extract_cmds",
    "reader.cli.notes_cmd",
    "reader.cli.bench_cmd",
]
"""Each module has ``register(subparsers)``, adding its commands with ``set_defaults(func=...)``;
``reader --help`` lists them in this order."""


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    """The parser and the names of its commands."""
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Compare versions of the same news story. With no command, opens the app "
        "(on PATH..., or on the bundled sample corpus).",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser, set(subparsers.choices)


_TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")
"""Options of ``reader`` itself; any other first argument that is not a command goes to ``open``."""


def options_with_value(parser: argparse.ArgumentParser) -> frozenset[str]:
    """Every option string, in any command, that takes a value (``--dct DATE``, ``-C PATH``)."""
    found: set[str] = set()
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk of its options
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for subparser in action.choices.values():
                found |= options_with_value(subparser)
        elif action.option_strings and action.nargs != 0:
            found.update(action.option_strings)
    return frozenset(found)


def _command_first(args: list[str], commands: set[str], with_value: frozenset[str]) -> list[str]:
    """``reader --no-cache stories X`` as ``reader stories --no-cache X``: options written before
    the command are the command's (a folder that happens to be named like a command stays a path).
    """
    index = 0
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        index += 2 if args[index] in with_value else 1
    if (
        0 < index < len(args)
        and args[index] in commands
        and args[0] not in _TOP_LEVEL_OPTIONS
        and not os.path.exists(args[index])
    ):
        return [args[index], *args[:index], *args[index + 1 :]]
    return args


def _command_parser(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> argparse.ArgumentParser:
    """The parser of the (sub)command ``args`` were parsed for: ``reader notes list``'s for
    ``reader notes list --bogus``."""
    for action in parser._actions:  # noqa: SLF001 - see options_with_value
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            chosen = action.choices.get(getattr(args, action.dest, None) or "")
            if chosen is not None:
                return _command_parser(chosen, args)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    tolerate_narrow_output()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    args_list = _command_first(args_list, commands, options_with_value(parser))
    implicit_open = not args_list or (
        args_list[0] not in commands and args_list[0] not in _TOP_LEVEL_OPTIONS
    )
    if implicit_open:
        # `reader`, `reader PATH...` or `reader --no-cache PATH`: the app.
        args_list = ["open", *args_list]
    args, unknown = parser.parse_known_args(args_list)
    if unknown:
        # argparse hands a subcommand's unknown options up to ``reader`` itself, whose usage
        # says nothing of them: the command's own parser reports them, with its usage (``reader
        # --bogus`` named no command: ``reader``'s usage lists them).
        failed = parser if implicit_open else _command_parser(parser, args)
        failed.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        err_console.print(f"reader: {exc}", markup=False, highlight=False, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - a user sees one line, not a traceback
        if os.environ.get("READER_DEBUG"):
            raise
        err_console.print(
            f"reader: unexpected error: {type(exc).__name__}: {exc} (READER_DEBUG=1 shows the traceback)",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        return 1
