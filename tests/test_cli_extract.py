"""The JSON contract of `reader quotes`, `reader dates` and `reader numbers` on the seeds."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.ingest import read_path


@pytest.fixture(scope="module")
def texts(seeds_path: Path) -> dict[str, str]:
    articles, _ = read_path(seeds_path)
    return {a.id: a.text for a in articles}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_quotes_json(capsys: pytest.CaptureFixture[str], texts: dict[str, str]) -> None:
    data = run_json(capsys, "quotes")
    assert data["quotes"] and data["groups"]
    for quote in data["quotes"]:
        assert texts[quote["article"]][quote["start"] : quote["end"]] == quote["text"]
        assert {"speaker", "cue", "partial"} <= set(quote)
    for group in data["groups"]:
        for member in group["members"]:
            assert texts[member["article"]][member["start"] : member["end"]] == member["text"]
            assert member["status"] in ("verbatim", "altered", "unquoted")
    white_house = [
        g for g in data["groups"] if any("sit down to talk" in m["text"] for m in g["members"])
    ]
    assert len(white_house) == 1
    statuses = {m["article"][:3]: m["status"] for m in white_house[0]["members"]}
    assert statuses["000"] == "unquoted"
    assert {"001", "002", "004"} <= set(statuses)
    assert all(statuses[k] != "unquoted" for k in ("001", "002", "004"))


def test_dates_json_and_conflict(capsys: pytest.CaptureFixture[str], texts: dict[str, str]) -> None:
    data = run_json(capsys, "dates")
    for mention in data["dates"]:
        assert texts[mention["article"]][mention["start"] : mention["end"]] == mention["text"]
        assert {"type", "value", "resolved"} <= set(mention)
    geneva = [c for c in data["conflicts"] if any(v["text"] == "January 9" for v in c["values"])]
    assert len(geneva) == 1 and geneva[0]["about"]
    assert {v["value"][-5:] for v in geneva[0]["values"]} == {"01-09", "01-10"}


def test_date_conflict_marks_the_version_that_differs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 003 says "January 9 and 10", the others January 10 (undated copies' XXXX-01-10 agrees):
    # only 003's January 9 is marked, and a version naming the date twice gets one line.
    from reader.cli.common import console

    monkeypatch.setattr(console, "width", 120)
    assert main(["dates", "--no-cache"]) == 0
    out = capsys.readouterr().out
    lines = out[out.index("date conflict") :].splitlines()
    rows = [line for line in lines if "→" in line]
    odd = [line for line in rows if line.lstrip().startswith("≠")]
    assert len(odd) == 1 and "003" in odd[0] and "January 9" in odd[0]
    assert len(rows) == len({tuple(row.split("→")[0].split()) for row in rows})
    assert any("(2 mentions)" in row for row in rows)


def test_dct_overrides_article_dates(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "dates", "--article", "003", "--dct", "2021-12-31")
    values = {d["text"]: d["value"] for d in data["dates"]}
    assert values["January 9"] == "2022-01-09"  # 003 has no date of its own: XXXX without --dct
    assert {d["article"][:3] for d in data["dates"]} == {"003"}


@pytest.mark.parametrize("bad", ["yesterday", "2022-13-01", "2022/01/10"])
def test_malformed_dct_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["dates", "--dct", bad]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "--dct" in captured.err


def test_numbers_json(capsys: pytest.CaptureFixture[str], texts: dict[str, str]) -> None:
    data = run_json(capsys, "numbers")
    assert data["numbers"] and isinstance(data["conflicts"], list)
    for mention in data["numbers"]:
        assert texts[mention["article"]][mention["start"] : mention["end"]] == mention["text"]
        assert mention["kind"] in ("count", "money", "percent", "measure", "ordinal")
    assert any(m["value"] == 100000 and m["unit"] == "troops" for m in data["numbers"])


def test_article_filter_and_unknown_article(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(capsys, "quotes", "--article", "001")
    assert {q["article"][:3] for q in data["quotes"]} == {"001"}
    assert all(any(m["article"][:3] == "001" for m in g["members"]) for g in data["groups"])
    assert main(["numbers", "--article", "nope"]) == 2
    assert "nope" in capsys.readouterr().err


def test_rich_output_runs(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("quotes", "dates", "numbers"):
        assert main([command]) == 0
    out = capsys.readouterr().out
    assert "unquoted" in out and "January 9" in out


@pytest.mark.parametrize("command", ["quotes", "dates", "numbers"])
def test_each_article_is_extracted_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    # A cache smaller than the corpus, as on any real archive: the command must reuse the
    # ledgers' extractions instead of relying on the cache to avoid extracting twice.
    import reader.extract.article as article_module

    calls: list[str] = []
    real_find_quotes = article_module.find_quotes

    def counting_find_quotes(text: str):  # noqa: ANN202 - whatever find_quotes returns
        calls.append(text)
        return real_find_quotes(text)

    article_module.clear_cache()
    monkeypatch.setattr(article_module, "CACHE_SIZE", 1)
    monkeypatch.setattr(article_module, "find_quotes", counting_find_quotes)
    data = run_json(capsys, command)
    article_module.clear_cache()
    assert data[command]
    assert len(calls) == 5 == len(set(calls))


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("article", ["001", "002"])
def test_dates_table_gives_each_mention_one_line_in_its_context(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    texts: dict[str, str],
    width: int,
    article: str,
) -> None:
    from reader.cli.common import console

    monkeypatch.setattr(console, "width", width)
    assert main(["dates", "--article", article]) == 0
    lines = capsys.readouterr().out.splitlines()
    header_at = next(i for i, line in enumerate(lines) if line.startswith("value"))
    rows = list(itertools.takewhile(str.strip, lines[header_at + 2 :]))
    # One line per mention ...
    mentions = run_json(capsys, "dates", "--article", article)["dates"]
    assert len(rows) == len(mentions)
    if article == "002":
        monday = [row for row in rows if "Mon 27 Dec 2021, evening" in row]
        assert len(monday) == 1 and "Monday evening" in monday[0]
    # ... whose context is cut only where words start and end: no word is cut in half.
    text = " ".join(texts[mentions[0]["article"]].split())
    words = [""] + text.split()
    context_at = lines[header_at].index("in context")
    for row in rows:
        shown = row[context_at:].strip().removeprefix("…").removesuffix("…").strip()
        assert shown and shown in text, row
        at = text.index(shown)
        assert text[at - 1 : at] in ("", " ") and text[at + len(shown) : at + len(shown) + 1] in (
            "",
            " ",
        ), row
        assert shown.split()[0] in words and shown.split()[-1] in words, row


def test_context_near_either_end_of_the_text_cuts_only_between_words() -> None:
    from reader.cli.extract_cmds import _context

    text = "The delegation arrived in Geneva on Sunday afternoon for talks that begin on Monday"
    words = set(text.split())
    for start in (text.index("Monday"), 0):
        end = start + (6 if start else 3)
        shown = _context(text, start, end, 40).plain
        assert len(shown) <= 40
        inner = shown.replace("…", " ").split()
        assert inner and all(word in words for word in inner), shown


def test_context_is_measured_in_cells_and_keeps_the_mention() -> None:
    from rich.cells import cell_len

    from reader.cli.extract_cmds import _context

    text = "長い " * 30 + "January 10."
    start = text.index("January")
    shown = _context(text, start, start + len("January 10"), 50).plain
    assert "January 10" in shown and cell_len(shown) <= 50
    assert shown.startswith("… 長い")


def test_a_number_conflict_says_each_value_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    story = (
        "Fire in Leeds\n\nAt least {} people died in a fire at a block of flats in Leeds on "
        "Monday, police said. Firefighters fought the blaze for six hours before it was "
        "brought under control.\n"
    )
    for name, count in (("a.txt", 12), ("b.txt", 14)):
        (tmp_path / name).write_text(story.format(count), encoding="utf-8")
    assert main(["numbers", str(tmp_path), "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    said = [line.split("→")[1].split() for line in lines if "At least" in line and "→" in line]
    assert said == [["12"], ["14"]]
