"""`reader list`, `reader stories`, `reader show`: JSON contracts and error handling."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_list_json_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "list", "--json")
    assert data["skipped"] == []
    assert [a["id"][:3] for a in data["articles"]] == ["000", "001", "002", "003", "004"]
    for article in data["articles"]:
        assert set(article) == {"id", "path", "title", "outlet", "date", "words"}
        assert Path(article["path"]).is_file()
        assert article["words"] > 300


def test_stories_json_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "stories", "--json")
    assert len(data["stories"]) == 1
    story = data["stories"][0]
    assert set(story) == {"id", "title", "articles", "pairs"}
    assert sorted(a["id"][:3] for a in story["articles"]) == ["000", "001", "002", "003", "004"]
    for article in story["articles"]:
        assert set(article) == {"id", "path", "title", "outlet", "date"}
    assert len(story["pairs"]) == 10
    for pair in story["pairs"]:
        assert set(pair) == {"a", "b", "similarity", "relation"}
        assert 0.0 <= pair["similarity"] <= 1.0
    closest = max(story["pairs"], key=lambda p: p["similarity"])
    assert sorted([closest["a"][:3], closest["b"][:3]]) == ["000", "001"]


def test_show_json_and_boilerplate(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "show", "001", "--json")
    assert set(data) == {"id", "path", "title", "outlet", "date", "url", "text", "boilerplate"}
    # The README's field order, and the same metadata `reader list` gives for the article.
    assert list(data) == ["id", "path", "title", "outlet", "date", "url", "text", "boilerplate"]
    listed = run_json(capsys, "list", "--json")["articles"]
    summary = next(a for a in listed if a["id"] == data["id"])
    assert summary["title"] and summary["date"] is None
    for field in ("path", "title", "outlet", "date"):
        assert data[field] == summary[field]
    assert "Source link" in data["boilerplate"]
    assert "Source link" not in data["text"]
    assert main(["show", "001", "--boilerplate"]) == 0
    out = capsys.readouterr().out
    assert "Comments are closed." in out


def test_show_accepts_a_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    article = tmp_path / "mine.txt"
    article.write_text(
        "Headline here\n\nThe body [b]with[/b] brackets [/x] stays literal.", encoding="utf-8"
    )
    data = run_json(capsys, "show", str(article), "--json")
    assert data["title"] == "Headline here"
    assert data["text"] == "The body [b]with[/b] brackets [/x] stays literal."
    assert main(["show", str(article)]) == 0
    assert "[b]with[/b] brackets [/x]" in capsys.readouterr().out


def test_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "no-such-article"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert main(["list", "/no/such/folder"]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_mixed_folder_lists_good_files_and_skips_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Talks between the two sides open in Geneva on Monday.", encoding="utf-8"
    )
    (tmp_path / "legacy.txt").write_bytes(
        "Le ministre a déclaré « non » à Genève.".encode("latin-1")
    )
    (tmp_path / "bom16.txt").write_bytes(
        codecs.BOM_UTF16_LE + "A UTF-16 story.".encode("utf-16-le")
    )
    (tmp_path / "escapes.txt").write_text(
        "Clean \x1b]0;evil-title\x07text with \x1b[31mcolour\x1b[0m.", encoding="utf-8"
    )
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.md").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "list", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    listed = {a["id"] for a in data["articles"]}
    assert listed == {"good", "legacy", "bom16", "escapes"}
    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {"binary.txt", "empty.md"}
    shown = subprocess.run(
        [sys.executable, "-m", "reader", "show", str(tmp_path / "escapes.txt"), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(shown.stdout)["text"] == "Clean text with colour."
    assert "\x1b" not in shown.stdout


def test_options_before_a_path_go_to_the_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import reader.cli.app_cmd as app_cmd

    opened: list[list[str]] = []
    monkeypatch.setattr(
        app_cmd, "cmd_open", lambda args: opened.append([*args.paths, str(args.no_cache)]) or 0
    )
    (tmp_path / "a.txt").write_text("A story.", encoding="utf-8")
    assert main(["--no-cache", str(tmp_path)]) == 0
    assert main([str(tmp_path)]) == 0
    assert opened == [[str(tmp_path), "True"], [str(tmp_path), "False"]]


@pytest.mark.parametrize("command", ["list", "stories", "quotes", "dates", "numbers"])
def test_paths_with_no_readable_article_are_one_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    assert main([command, str(tmp_path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err.strip()
        == f"reader: no article files (.txt, .md, .json, .jsonl, .html) in {tmp_path}"
    )
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "empty.md").write_bytes(b"")
    assert main([command, str(tmp_path)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"reader: no article could be read from {tmp_path}: ")
    assert line.endswith(" and 1 more")


def test_stories_gives_each_version_one_line_at_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.cli.common import console

    monkeypatch.setattr(console, "width", 80)
    assert main(["stories"]) == 0
    lines = capsys.readouterr().out.splitlines()
    versions = [line for line in lines if line.startswith("  • ")]
    assert len(versions) == 5
    # Rich crops what overflows: a whole row ends with its likeness to the base.
    assert all(line.rstrip().endswith("base") for line in versions)
    assert sum("base" in line and "like" not in line for line in versions) == 1
    assert all("words" in line for line in versions)
    assert any("Agence Fran" in line for line in versions)  # the outlet gives way, not the rest


def test_stories_prints_an_outlet_that_looks_like_markup_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seeds_path: Path
) -> None:
    (seed,) = seeds_path.glob("003_*")
    record = {"title": "Talks", "outlet": "[bold]Evil[/bold] [/nope]", "text": seed.read_text()}
    (tmp_path / "one.json").write_text(json.dumps(record), encoding="utf-8")
    assert main(["stories", str(tmp_path)]) == 0
    assert "[bold]Evil[/bold] [/nope]" in capsys.readouterr().out
