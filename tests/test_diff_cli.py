"""`reader diff`: JSON contract, rendering, survival, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.model import Article


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_diff_json_contract(
    capsys: pytest.CaptureFixture[str], seed_articles: dict[str, Article]
) -> None:
    code, out, _ = run(capsys, "diff", "000", "001", "--json")
    assert code == 0
    data = json.loads(out)
    a, b = seed_articles["000"], seed_articles["001"]
    assert data["a"] == a.id and data["b"] == b.id
    assert {"similarity", "stats", "pairs"} <= set(data)
    assert data["stats"]["counts"]["reworded"] + data["stats"]["counts"]["changed"] >= 20
    for pair in data["pairs"]:
        assert set(pair) >= {"op", "a", "b", "similarity", "tokens"}
        if pair["a"] is not None:
            assert a.text[pair["a"]["start"] : pair["a"]["end"]] == pair["a"]["text"]
        if pair["b"] is not None:
            assert b.text[pair["b"]["start"] : pair["b"]["end"]] == pair["b"]["text"]


def test_diff_paths_and_views(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "The talks open on Monday in Geneva.\n\nBoth sides expect little progress.\n",
        encoding="utf-8",
    )
    new.write_text(
        "The talks open on Tuesday in Geneva.\n\nBoth sides expect little progress.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "diff", str(old), str(new))
    assert code == 0
    assert "Monday" in out and "Tuesday" in out and "1 reworded" in out
    code, unified, _ = run(capsys, "diff", str(old), str(new), "--unified", "--changes")
    assert code == 0
    assert "Monday Tuesday" in " ".join(unified.split())
    assert "Both sides" not in unified


def test_diff_story_survival(
    capsys: pytest.CaptureFixture[str], seed_articles: dict[str, Article]
) -> None:
    code, out, _ = run(capsys, "diff", "--story", "000", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["base"].startswith("000") or "000_0a79532c2183a85b" in data["versions"]
    assert data["sentences"]
    for sentence in data["sentences"]:
        assert len(sentence["fates"]) == len(data["versions"])
    code, out, _ = run(capsys, "diff", "--story", "000")
    assert code == 0 and "sentences" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["diff", "000"],
        ["diff", "000", "001", "002"],
        ["diff", "000", "nope-not-an-article"],
        ["diff", "--story", "000", "001"],
        ["diff", "000", "001", "--base", "000"],
        ["diff", "--story", "no-such-story-xyz"],
    ],
)
def test_diff_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("reader: ") and len(err.strip().splitlines()) == 1
