"""Defects QA found in the command line, each reproduced on small real-looking input: control
sequences in notes, bad positions and paths in imported notes, path arguments that cannot be
checked, article paths given with ``-a``, a diff of an article with itself, read-only commands
that created a store, ``notes rm`` that misreported, an import without a size limit, and a
subcommand's unknown option reported with the wrong usage."""

from __future__ import annotations

import contextlib
import copy
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import reader.notes.export as notes_export
from reader.cli import main

STORY = (
    "Ministers agree to reopen Geneva talks\n\n"
    "GENEVA (Reuters) - Foreign ministers agreed on Tuesday to reopen talks in Geneva next "
    'month, officials said. "We are ready to talk," said John Smith, the lead negotiator.\n\n'
    "The talks, which stalled in March, will cover 300 diplomats' postings and a $2 billion "
    "fund.\n"
)
ESC_NOTE = "Check this\x1b]0;PWNED\x07\x1b[2J\nsecond line"
ESC_TAG = "a\x1b[31mb"
CONTROLS = ("\x1b", "\x07", "\x9b")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    """The single ``reader: ...`` line a failed command printed."""
    (line,) = err.strip().splitlines()
    assert line.startswith("reader: "), line
    return line


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "notes-data")


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "articles" / "geneva.txt"
    path.parent.mkdir()
    path.write_text(STORY, encoding="utf-8")
    return path


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[bool]:
    """``folder`` without permissions; yields whether this process is really kept out (root,
    or a file system without permissions, is not)."""
    folder.chmod(0)
    try:
        try:
            os.listdir(folder)
        except PermissionError:
            yield True
        else:
            yield False
    finally:
        folder.chmod(0o755)


def exported_items(capsys: pytest.CaptureFixture[str], data_dir: str) -> list[dict]:
    code, out, err = run(capsys, "notes", "export", "--format", "json", "--data-dir", data_dir)
    assert code == 0, err
    return json.loads(out)["items"]


def annotation_file(tmp_path: Path, items: list[dict]) -> str:
    path = tmp_path / "import.json"
    path.write_text(json.dumps({"type": "AnnotationCollection", "items": items}), encoding="utf-8")
    return str(path)


def seed_annotation(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> dict:
    """One real export item: a note on the first seed, from a scratch store."""
    scratch = str(tmp_path / "scratch")
    code, _, err = run(
        capsys, "notes", "add", "000", "--quote", "talks with Russia", "--data-dir", scratch
    )
    assert code == 0, err
    (item,) = exported_items(capsys, scratch)
    return item


def variant(item: dict, note_id: str, **changes: object) -> dict:
    """``item`` under another id, its position selector's fields changed."""
    item = copy.deepcopy(item)
    item["reader:note"]["id"] = note_id
    item["id"] = "urn:reader:note:" + note_id
    for selector in item["target"]["selector"]:
        if selector["type"] == "TextPositionSelector":
            selector.update(changes)
    return item


# -- 1. control sequences in --note and --tag ------------------------------------------------


def test_control_sequences_in_a_note_and_tag_reach_neither_terminal_nor_export(
    capsys: pytest.CaptureFixture[str], data_dir: str
) -> None:
    code, _, err = run(
        capsys,
        "notes",
        "add",
        "000",
        "--quote",
        "talks with Russia",
        "--note",
        ESC_NOTE,
        "--tag",
        ESC_TAG,
        "--story",
        "s\x1b[2Jt",
        "--data-dir",
        data_dir,
    )
    assert code == 0, err
    code, out, _ = run(capsys, "notes", "list", "--json", "--data-dir", data_dir)
    (note,) = json.loads(out)["notes"]
    # The newline of a note body is the user's writing and stays; the sequences go.
    assert (note["note"], note["tags"], note["story_id"]) == (
        "Check this\nsecond line",
        ["ab"],
        "st",
    )
    outputs = [run(capsys, "notes", "list", "--data-dir", data_dir)[1]]
    for fmt in ("md", "json", "csv"):
        outputs.append(run(capsys, "notes", "export", "--format", fmt, "--data-dir", data_dir)[1])
    for output in outputs:
        assert "Check this" in output
        assert not any(c in output for c in CONTROLS), output


# -- 2. positions in an imported file -------------------------------------------------------


def test_import_skips_items_with_bad_positions_and_imports_the_rest(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    item = seed_annotation(capsys, tmp_path)
    items = [
        variant(item, "good1"),
        variant(item, "huge", start=10**30, end=10**30 + 5),  # past SQLite's integers
        variant(item, "past63", start=2**63, end=2**63 + 1),
        variant(item, "negative", start=-50, end=-10),
        variant(item, "reversed", start=500, end=10),
        variant(item, "fraction", start=1.5, end="7"),
        variant(item, "good2"),
    ]
    code, out, err = run(
        capsys, "notes", "import", annotation_file(tmp_path, items), "--data-dir", data_dir
    )
    assert code == 0, err
    assert "Imported 2 new" in out
    assert err.splitlines() == [
        "skipped item 1: position beyond 2,147,483,647",
        "skipped item 2: position beyond 2,147,483,647",
        "skipped item 3: negative position",
        "skipped item 4: position start 500 is after its end 10",
        "skipped item 5: position start is not a whole number",
    ]
    _, out, _ = run(capsys, "notes", "list", "--json", "--data-dir", data_dir)
    assert [n["id"] for n in json.loads(out)["notes"]] == ["good1", "good2"]


# -- 3. an imported note whose article path cannot be checked --------------------------------


def test_export_and_list_survive_a_stored_path_that_cannot_be_checked(
    capsys: pytest.CaptureFixture[str], data_dir: str, tmp_path: Path
) -> None:
    item = seed_annotation(capsys, tmp_path)
    too_long = copy.deepcopy(item)
    too_long["reader:note"]["article_path"] = "/" + "a" * 300 + "/story.txt"
    locked_folder = tmp_path / "locked"
    locked_folder.mkdir()
    (locked_folder / "story.txt").write_text(STORY, encoding="utf-8")
    in_locked = variant(item, "inlocked")
    in_locked["reader:note"]["article_path"] = str(locked_folder / "story.txt")
    code, _, err = run(
        capsys,
        "notes",
        "import",
        annotation_file(tmp_path, [too_long, in_locked]),
        "--data-dir",
        data_dir,
    )
    assert code == 0, err
    with locked(locked_folder):
        for fmt in ("md", "json", "csv"):
            code, out, err = run(capsys, "notes", "export", "--format", fmt, "--data-dir", data_dir)
            assert code == 0, err
            assert "talks with Russia" in out
        code, out, err = run(capsys, "notes", "list", "--story", "x", "--data-dir", data_dir)
        assert code == 0, err


# -- 4. path arguments that cannot be checked ------------------------------------------------

LONG = "a" * 300


@pytest.mark.parametrize(
    "argv",
    [
        ("show", LONG),
        ("diff", LONG, LONG),
        ("quotes", "-a", LONG),
        ("diff", "--story", LONG),
        ("notes", "add", LONG, "--quote", "talks"),
    ],
)
def test_a_ref_too_long_to_be_a_path_is_no_article(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], data_dir: str
) -> None:
    extra = ("--data-dir", data_dir) if argv[0] == "notes" else ()
    code, _, err = run(capsys, *argv, *extra)
    assert code == 2
    line = one_error(err)
    assert line.startswith(("reader: no article 'aaaa", "reader: no story 'aaaa"))
    assert "…' in this corpus" in line and len(line) < 260


def test_a_path_argument_that_cannot_be_checked_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story_file: Path
) -> None:
    code, _, err = run(capsys, "list", LONG)
    assert code == 2 and one_error(err).startswith("reader: no such file or directory: aaaa")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    looped = str(tmp_path / "loop1" / "story.txt")
    for argv in (("list", looped), ("show", looped), ("diff", looped, "000")):
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert one_error(err) == f"reader: cannot read {looped}: Too many levels of symbolic links"
    hidden = str(story_file)
    with locked(story_file.parent) as kept_out:
        if not kept_out:
            pytest.skip("permissions are not enforced for this user")
        for argv in (("list", hidden), ("show", hidden), ("quotes", "-a", hidden)):
            code, _, err = run(capsys, *argv)
            assert code == 2
            assert one_error(err) == f"reader: cannot read {hidden}: Permission denied"
        code, _, err = run(capsys, "list", str(story_file.parent))
        assert code == 2
        assert one_error(err) == f"reader: cannot read {story_file.parent}: Permission denied"


# -- 5. -a PATH, and paths that are not articles ------------------------------------------


@pytest.mark.parametrize("command", ["quotes", "dates", "numbers"])
def test_article_option_accepts_a_path(
    capsys: pytest.CaptureFixture[str], story_file: Path, command: str
) -> None:
    code, out, err = run(capsys, command, "-a", str(story_file), "--json")
    assert code == 0, err
    assert "geneva" in out and "000_" not in out


def test_diff_takes_a_path_and_an_id_together(
    capsys: pytest.CaptureFixture[str], story_file: Path
) -> None:
    code, out, err = run(capsys, "diff", str(story_file), "000", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["a"], data["b"]) == ("geneva", "000_0a79532c2183a85b")


def test_a_path_that_is_not_an_article_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story_file: Path
) -> None:
    folder = str(story_file.parent)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    cases = {
        ("quotes", "-a", folder): f"{folder}: is a folder; give an article file or an id",
        ("show", folder): f"{folder}: is a folder; give an article file or an id",
        ("diff", folder, "000"): f"{folder}: is a folder; give an article file or an id",
        ("quotes", "-a", str(binary)): f"no article could be read from {binary}: binary file",
        ("diff", str(binary), "000"): f"no article could be read from {binary}: binary file",
    }
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        message = f"{fifo}: not a regular file; give an article file or an id"
        cases[("show", str(fifo))] = message
        cases[("numbers", "-a", str(fifo))] = message
    for argv, message in cases.items():
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert one_error(err).startswith(f"reader: {message}"), err


# -- 6. a diff of an article with itself ---------------------------------------------------


def test_diff_of_an_article_with_itself_is_refused(
    capsys: pytest.CaptureFixture[str], story_file: Path
) -> None:
    for refs in (("000", "000"), ("000", "000_0a79532c2183a85b"), (str(story_file),) * 2):
        code, out, err = run(capsys, "diff", *refs)
        assert (code, out) == (2, "")
        assert one_error(err).startswith("reader: A and B are the same article (")


# -- 7. read-only commands create no store ---------------------------------------------------


def test_reading_commands_do_not_create_a_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    code, out, _ = run(capsys, "notes", "list", "--data-dir", str(missing))
    assert code == 0 and "No notes." in out
    code, out, _ = run(capsys, "notes", "list", "--json", "--data-dir", str(missing))
    assert code == 0 and json.loads(out) == {"notes": []}
    for fmt in ("md", "json", "csv"):
        code, _, err = run(capsys, "notes", "export", "--format", fmt, "--data-dir", str(missing))
        assert code == 0, err
    code, _, err = run(capsys, "notes", "rm", "deadbeef", "--data-dir", str(missing))
    assert code == 2 and one_error(err) == "reader: no note with id 'deadbeef'"
    assert not (tmp_path / "no").exists()


# -- 8. notes rm says what happened ---------------------------------------------------------


def test_rm_twice_and_undo_of_a_live_note_say_what_happened(
    capsys: pytest.CaptureFixture[str], data_dir: str
) -> None:
    _, out, _ = run(
        capsys, "notes", "add", "002", "--quote", "Geneva", "--json", "--data-dir", data_dir
    )
    short = json.loads(out)["id"][:8]
    code, _, err = run(capsys, "notes", "rm", "--undo", short, "--data-dir", data_dir)
    assert code == 2 and one_error(err) == f"reader: note {short} is not deleted"
    code, out, _ = run(capsys, "notes", "rm", short, "--data-dir", data_dir)
    assert code == 0 and out.startswith(f"Deleted {short}")
    code, out, err = run(capsys, "notes", "rm", short, "--data-dir", data_dir)
    assert out == "" and code == 2
    assert one_error(err).startswith(f"reader: note {short} was already deleted")
    code, out, _ = run(capsys, "notes", "rm", "--undo", short, "--data-dir", data_dir)
    assert code == 0 and out.startswith(f"Restored {short}")


# -- 9. import size cap --------------------------------------------------------------------


def test_import_refuses_a_file_over_the_size_cap(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data_dir: str,
    tmp_path: Path,
) -> None:
    item = seed_annotation(capsys, tmp_path)
    path = annotation_file(tmp_path, [variant(item, f"n{i}") for i in range(20)])
    monkeypatch.setattr(notes_export, "MAX_IMPORT_BYTES", Path(path).stat().st_size - 1)
    sources = [path] + (["/dev/zero"] if Path("/dev/zero").exists() else [])
    for source in sources:
        code, _, err = run(capsys, "notes", "import", source, "--data-dir", data_dir)
        assert code == 2
        assert one_error(err) == f"reader: {source} is too large for a notes export (over 0 MB)"
    monkeypatch.setattr(notes_export, "MAX_IMPORT_BYTES", Path(path).stat().st_size)
    code, out, err = run(capsys, "notes", "import", path, "--data-dir", data_dir)
    assert code == 0 and "Imported 20 new" in out, err


# -- 10. a subcommand's unknown option -------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["list", "--bogus"], "usage: reader list "),
        (["notes", "list", "--bogus"], "usage: reader notes list "),
        (["diff", "000", "001", "--bogus"], "usage: reader diff "),
        (["--bogus"], "usage: reader "),
    ],
)
def test_an_unknown_option_is_reported_with_its_commands_usage(
    capsys: pytest.CaptureFixture[str], argv: list[str], usage: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    assert err.strip().endswith("error: unrecognized arguments: --bogus")
    if argv != ["--bogus"]:
        assert "COMMAND" not in err.splitlines()[0]
