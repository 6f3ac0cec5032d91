"""``reader notes``: add, list, rm, export, import round trips in a temporary data dir."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from rich.markdown import Markdown

from reader.cli import main
from reader.notes import NotesStore
from reader.notes.store import DB_NAME


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "notes-data")


def test_add_list_export_import_round_trip(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys,
        "notes",
        "add",
        "003",
        "--quote",
        '"I have made it clear to President Putin',  # typed with a straight quote
        "--note",
        "Biden's warning",
        "--tag",
        "quotes",
        "--tag",
        "biden",
        "--data-dir",
        data_dir,
        "--json",
    )
    assert code == 0, err
    added = json.loads(out)
    assert added["quote"] == "“I have made it clear to President Putin"
    assert added["tags"] == ["quotes", "biden"] and added["kind"] == "note"

    # --data-dir works before the subcommand too.
    code, out, err = run(
        capsys, "notes", "--data-dir", data_dir, "add", "000", "--quote", "draft treaty"
    )
    assert code == 0, err
    assert "highlight" in out

    code, out, _ = run(capsys, "notes", "list", "--json", "--data-dir", data_dir)
    listed = json.loads(out)["notes"]
    assert [n["quote"] for n in listed] == [added["quote"], "draft treaty"]
    code, out, _ = run(capsys, "notes", "list", "--tag", "biden", "--json", "--data-dir", data_dir)
    assert [n["id"] for n in json.loads(out)["notes"]] == [added["id"]]
    code, out, _ = run(
        capsys, "notes", "list", "--article", "000", "--json", "--data-dir", data_dir
    )
    assert [n["quote"] for n in json.loads(out)["notes"]] == ["draft treaty"]
    code, out, _ = run(capsys, "notes", "list", "--data-dir", data_dir)
    assert code == 0 and added["id"][:8] in out

    exported = tmp_path / "notes.json"
    code, _, err = run(
        capsys, "notes", "export", "--format", "json", "-o", str(exported), "--data-dir", data_dir
    )
    assert code == 0, err
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 2

    # Refuses to overwrite without --force, and says so in one line.
    code, _, err = run(
        capsys, "notes", "export", "--format", "json", "-o", str(exported), "--data-dir", data_dir
    )
    assert code == 2 and "already exists" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(
        capsys,
        "notes",
        "export",
        "--format",
        "json",
        "-o",
        str(exported),
        "--force",
        "--data-dir",
        data_dir,
    )
    assert code == 0, err

    other = str(tmp_path / "other-data")
    code, out, _ = run(capsys, "notes", "import", str(exported), "--json", "--data-dir", other)
    assert json.loads(out) == {"added": 2, "updated": 0, "unchanged": 0, "skipped": []}
    code, out, _ = run(capsys, "notes", "import", str(exported), "--json", "--data-dir", other)
    assert json.loads(out)["unchanged"] == 2
    with (
        NotesStore(Path(other) / DB_NAME) as imported,
        NotesStore(Path(data_dir) / DB_NAME) as original,
    ):
        assert imported.list() == original.list()


def test_markdown_and_csv_exports_to_stdout(
    capsys: pytest.CaptureFixture[str], data_dir: str
) -> None:
    run(
        capsys,
        "notes",
        "add",
        "003",
        "--quote",
        "the chasm is deep",
        "--note",
        "*deep*",
        "--data-dir",
        data_dir,
    )
    run(
        capsys,
        "notes",
        "add",
        "004",
        "--quote",
        "That's what diplomacy is about",
        "--tag",
        "q",
        "--data-dir",
        data_dir,
    )
    code, out, err = run(capsys, "notes", "export", "--format", "md", "--data-dir", data_dir)
    assert code == 0, err
    assert "> the chasm is deep" in out and "Associated Press" in out
    rendered = io.StringIO()
    Console(file=rendered, width=90, color_system=None).print(Markdown(out))
    assert "That’s what diplomacy is about" in rendered.getvalue()

    code, out, err = run(
        capsys, "notes", "export", "--format", "csv", "--tag", "q", "--data-dir", data_dir
    )
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["quote"] for row in rows] == ["That’s what diplomacy is about"]
    assert rows[0]["anchor"] == "exact"


def test_rm_and_undo(capsys: pytest.CaptureFixture[str], data_dir: str) -> None:
    _, out, _ = run(
        capsys, "notes", "add", "002", "--quote", "Geneva", "--json", "--data-dir", data_dir
    )
    note_id = json.loads(out)["id"]
    code, out, _ = run(capsys, "notes", "rm", note_id[:6], "--data-dir", data_dir)
    assert code == 0 and "undo" in out
    _, out, _ = run(capsys, "notes", "list", "--json", "--data-dir", data_dir)
    assert json.loads(out)["notes"] == []
    _, out, _ = run(capsys, "notes", "list", "--deleted", "--json", "--data-dir", data_dir)
    assert [n["deleted"] for n in json.loads(out)["notes"]] == [True]
    code, _, _ = run(capsys, "notes", "rm", "--undo", note_id, "--data-dir", data_dir)
    assert code == 0
    _, out, _ = run(capsys, "notes", "list", "--json", "--data-dir", data_dir)
    assert [n["id"] for n in json.loads(out)["notes"]] == [note_id]


def test_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    cases = [
        [
            "notes",
            "add",
            "003",
            "--quote",
            "words that are not in the article",
            "--data-dir",
            data_dir,
        ],
        ["notes", "add", "no-such-article", "--quote", "x", "--data-dir", data_dir],
        ["notes", "rm", "deadbeef", "--data-dir", data_dir],
        ["notes", "import", str(tmp_path / "missing.json"), "--data-dir", data_dir],
    ]
    for argv in cases:
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert err.startswith("reader: ") and len(err.strip().splitlines()) == 1, err
    garbage = tmp_path / "garbage-dir"
    garbage.mkdir()
    (garbage / DB_NAME).write_bytes(b"not a database" * 200)
    code, _, err = run(capsys, "notes", "list", "--data-dir", str(garbage))
    assert code == 2 and "notes store" in err
