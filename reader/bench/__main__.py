"""``python -m reader.bench``: the same as ``reader bench``."""

from reader.cli import main

raise SystemExit(main(["bench", *__import__("sys").argv[1:]]))
