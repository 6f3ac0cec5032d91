"""The engine stays pure: no Textual, no UI or CLI imports outside their own packages."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
# The layers allowed to import Textual or the UI: the app itself, the CLI that launches it, and
# the benchmarks that time them.
OUTER_LAYERS = ("tui", "cli", "bench")


def engine_modules() -> list[Path]:
    # `python -m reader` is the CLI entry point, not engine code.
    return sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] not in OUTER_LAYERS and p.name != "__main__.py"
    )


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_engine_modules_do_not_import_textual_or_outer_layers() -> None:
    modules = engine_modules()
    assert len(modules) > 15
    for path in modules:
        for name in imported_names(path):
            assert not name.startswith("textual"), f"{path} imports {name}"
            assert not name.startswith(("reader.tui", "reader.cli", "reader.bench")), (
                f"{path} imports {name}"
            )


def test_the_engine_runs_with_textual_unavailable() -> None:
    script = (
        "import sys; sys.modules['textual'] = None\n"
        "from reader.corpus import load_corpus\n"
        "from reader.diff.align import align\n"
        "from reader.extract.article import extract_article\n"
        "from reader.extract.ledger import build_ledger\n"
        "from reader.notes.export import render\n"
        "corpus = load_corpus(use_cache=False)\n"
        "a, b = corpus.article('000'), corpus.article('001')\n"
        "assert align(a, b).similarity > 0.3\n"
        "assert extract_article(corpus.article('003')).quotes\n"
        "assert build_ledger(corpus.articles).groups\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_every_module_imports_on_its_own() -> None:
    """An import cycle shows only for some entry points: import each module in a fresh interpreter."""
    names = sorted(
        ".".join(("reader", *p.relative_to(PACKAGE).with_suffix("").parts))
        for p in PACKAGE.rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    )
    script = (
        "import subprocess, sys\n"
        "failed = [n for n in sys.argv[1:] if subprocess.run([sys.executable, '-c', 'import ' + n],"
        " capture_output=True).returncode]\n"
        "print(' '.join(failed))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *names], capture_output=True, text=True, timeout=300
    )
    assert len(names) > 40  # the walk found the package's modules
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
