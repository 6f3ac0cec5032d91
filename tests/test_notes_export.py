"""Exports on the seeds (golden files), the Web Annotation shape, Markdown rendering, atomic
writes and JSON import. Regenerate the golden files with ``REGEN_GOLDEN=1 pytest``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.markdown import Markdown

from reader.model import Article, Story
from reader.notes import NotesStore, find_quote
from reader.notes.export import (
    ANNO_CONTEXT,
    CSV_COLUMNS,
    READER_KEY,
    ExportError,
    filter_notes,
    import_annotations,
    load_annotations,
    render,
    to_csv,
    to_json,
    to_markdown,
    write_export,
)
from reader.notes.store import DB_NAME, Note

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden" / "notes"
OUTLETS = {"002": "AFP", "003": "AP", "004": "RFE/RL"}
CHROME = ("Source link", "Comments are closed.", 'Press "Enter" to skip to content')


def seed_article(path: Path) -> Article:
    """A seed's display text by the simple rules in the brief (independent of ingest, so the
    golden files change only when the notes code does)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    date = None
    title = None
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        match = re.fullmatch(r"date (\d{4}-\d{2}-\d{2})", stripped)
        if match and date is None and not kept:
            date = match.group(1)
            continue
        if stripped in CHROME or stripped.startswith("Copyright"):
            continue
        if not stripped and not kept:
            continue
        if path.name[:3] in ("001", "003") and title is None:
            title = stripped
            continue
        kept.append(line.rstrip())
    text = "\n".join(kept).strip()
    article_id = path.name[:3]
    return Article(
        id=article_id,
        path=f"seeds/{path.name}",
        text=text,
        title=title,
        outlet=OUTLETS.get(article_id),
        date=date,
    )


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {a.id: a for a in (seed_article(p) for p in sorted(SEEDS.glob("*.txt")))}


@pytest.fixture(scope="module")
def story(seeds: dict[str, Article]) -> Story:
    return Story(id="s-ukraine-talks", title=seeds["001"].title or "", article_ids=tuple(seeds))


def fixed_clock():
    ticks = (datetime(2024, 3, 1, 9, 0, tzinfo=UTC) + timedelta(minutes=i) for i in range(1000))
    return lambda: next(ticks)


def counting_ids():
    counter = iter(range(1, 1000))
    return lambda: f"{next(counter):08x}" + "0" * 24


def add_quote(store: NotesStore, article: Article, quote: str, **kwargs: Any) -> Note:
    found = find_quote(article.text, quote)
    assert found is not None, quote
    return store.add(article, *found, **kwargs)


@pytest.fixture
def noted(tmp_path: Path, seeds: dict[str, Article], story: Story) -> Iterator[NotesStore]:
    store = NotesStore(tmp_path / DB_NAME, clock=fixed_clock(), id_factory=counting_ids())
    sid = story.id
    add_quote(store, seeds["000"], "talks on January 10 must focus", tags=["dates"], story_id=sid)
    add_quote(
        store,
        seeds["001"],
        "Ukraine’s jap border",
        body="Spun copy: *jap* is a synonym swap for **eastern**.",
        tags=["spin", "copy"],
        story_id=sid,
    )
    add_quote(
        store,
        seeds["003"],
        "I have made it clear to President Putin",
        payload={"type": "quote", "speaker": "Biden", "value": "I have made it clear"},
        tags=["quotes"],
        story_id=sid,
    )
    add_quote(
        store,
        seeds["004"],
        "That’s what diplomacy is about.",
        body="Same line as AFP's spokesperson quote?",
        tags=["quotes"],
    )
    gone = add_quote(store, seeds["002"], "long-awaited talks", body="deleted", story_id=sid)
    store.delete(gone.id)
    add_quote(store, seeds["002"], "encroaching dangerously close", body="Kremlin framing")
    elsewhere = Article(id="zz9", path="elsewhere/zz9.txt", text="=1+2, said *someone* <b>.")
    store.add(elsewhere, 0, len(elsewhere.text), body="not loaded")
    yield store
    store.close()


def loaded(seeds: dict[str, Article]) -> list[Article]:
    """The seeds as loaded at export time: 002 was edited so its note is orphaned."""
    edited = replace(
        seeds["002"],
        text=seeds["002"].text.replace("are encroaching dangerously close", "are too close"),
    )
    return [edited if a.id == "002" else a for a in seeds.values()]


def fake_enrich(article: Article, start: int, end: int) -> dict[str, Any]:
    """Stands in for reader.extract: dates named in the span, the speaker of 004's quote."""
    facts: dict[str, Any] = {}
    for match in re.finditer(r"January 10|Jan\. 10", article.text):
        if match.start() < end and start < match.end():
            date = {"text": match.group(), "value": "2022-01-10", "reading": "Mon 10 Jan 2022"}
            facts.setdefault("dates", []).append(date)
    if article.id == "004" and "diplomacy" in article.text[start:end]:
        facts["speaker"] = "White House spokesperson"
    return facts


def check_golden(name: str, content: str) -> None:
    path = GOLDEN / name
    if os.environ.get("REGEN_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="")
    assert path.read_text(encoding="utf-8") == content, f"{name} differs from the golden file"


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_exports_match_golden_files(
    fmt: str, noted: NotesStore, seeds: dict[str, Article], story: Story
) -> None:
    content = render(fmt, noted.list(), loaded(seeds), [story], enrich=fake_enrich)
    check_golden(f"seeds.{fmt}", content)


def test_markdown_groups_by_story_and_article(
    noted: NotesStore, seeds: dict[str, Article], story: Story
) -> None:
    md = to_markdown(noted.list(), loaded(seeds), [story], enrich=fake_enrich)
    assert md.index("## U.S. and Russia") < md.index("## Not in a story")
    assert md.count("\n### ") == 6  # five loaded articles with notes, one not loaded
    assert "deleted" not in md.split("\n### ")[3]
    assert "- Date: `2022-01-10` Mon 10 Jan 2022 (January 10)" in md
    assert "- Speaker: White House spokesperson" in md
    assert "orphaned" in md and "(not loaded: quotes as stored)" in md
    # Article text is escaped, the user's own note keeps its Markdown.
    assert r"said \*someone\* \<b\>" in md
    assert "**eastern**" in md


def test_markdown_renders_with_rich(
    noted: NotesStore, seeds: dict[str, Article], story: Story
) -> None:
    md = to_markdown(noted.list(), loaded(seeds), [story], enrich=fake_enrich)
    output = io.StringIO()
    Console(file=output, width=100, color_system=None).print(Markdown(md))
    rendered = output.getvalue()
    assert "I have made it clear to President Putin" in rendered
    assert "said *someone* <b>" in rendered


ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")


def check_annotation_shape(data: Any) -> list[str]:
    """Problems with ``data`` as a W3C Web Annotation collection (empty if none)."""
    problems = []
    if data.get("@context") != ANNO_CONTEXT:
        problems.append("@context")
    if data.get("type") != "AnnotationCollection":
        problems.append("collection type")
    items = data.get("items")
    if not isinstance(items, list) or data.get("total") != len(items):
        return [*problems, "items/total"]
    for n, item in enumerate(items):
        where = f"item {n}"
        if item.get("type") != "Annotation":
            problems.append(f"{where}: type")
        if not re.fullmatch(r"[a-z][a-z0-9+.-]*:\S+", str(item.get("id", ""))):
            problems.append(f"{where}: id is not an IRI")
        if item.get("motivation") not in ("highlighting", "commenting", "bookmarking"):
            problems.append(f"{where}: motivation")
        for key in ("created", "modified"):
            if not ISO.fullmatch(str(item.get(key, ""))):
                problems.append(f"{where}: {key}")
        for body in item.get("body", []):
            if body.get("type") != "TextualBody" or not isinstance(body.get("value"), str):
                problems.append(f"{where}: body")
            if body.get("purpose") not in ("commenting", "tagging"):
                problems.append(f"{where}: body purpose")
        target = item.get("target", {})
        if not isinstance(target.get("source"), str) or not target["source"]:
            problems.append(f"{where}: target.source")
        selectors = {s.get("type"): s for s in target.get("selector", [])}
        quote = selectors.get("TextQuoteSelector", {})
        if not all(isinstance(quote.get(k), str) for k in ("exact", "prefix", "suffix")):
            problems.append(f"{where}: TextQuoteSelector")
        position = selectors.get("TextPositionSelector", {})
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            problems.append(f"{where}: TextPositionSelector")
        if not isinstance(item.get(READER_KEY), dict):
            problems.append(f"{where}: {READER_KEY}")
    return problems


def test_json_is_a_web_annotation_collection(
    noted: NotesStore, seeds: dict[str, Article], story: Story
) -> None:
    data = json.loads(to_json(noted.list(), seeds.values(), [story]))
    assert check_annotation_shape(data) == []
    assert data["total"] == 6
    by_id = {item[READER_KEY]["id"]: item for item in data["items"]}
    spun = by_id["00000002" + "0" * 24]
    assert spun["id"] == "urn:uuid:00000002-0000-0000-0000-000000000000"
    assert [b["purpose"] for b in spun["body"]] == ["commenting", "tagging", "tagging"]
    for item in data["items"]:
        article = seeds.get(item[READER_KEY]["article_id"])
        if article is None:
            continue
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        start, end = (
            selectors["TextPositionSelector"]["start"],
            selectors["TextPositionSelector"]["end"],
        )
        assert article.text[start:end] == selectors["TextQuoteSelector"]["exact"]
    # The shape checker does catch a broken document.
    broken = json.loads(json.dumps(data))
    del broken["items"][0]["target"]["selector"]
    broken["items"][1]["motivation"] = "liking"
    assert len(check_annotation_shape(broken)) == 3


def test_csv_one_row_per_note(noted: NotesStore, seeds: dict[str, Article], story: Story) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(noted.list(), loaded(seeds), [story]))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6
    by_article = {row["article"]: row for row in rows}
    assert by_article["003"]["quote"] == "I have made it clear to President Putin"
    assert by_article["002"]["anchor"] == "orphaned"
    assert by_article["004"]["outlet"] == "RFE/RL"
    # A cell a spreadsheet would run as a formula is defused.
    assert by_article["zz9"]["quote"] == "'=1+2, said *someone* <b>."
    assert by_article["001"]["tags"] == "spin;copy"


def test_filters(noted: NotesStore, story: Story) -> None:
    notes = noted.list()
    assert len(filter_notes(notes, story=story.id, stories=[story])) == 5
    assert len(filter_notes(notes, story=story.id)) == 3  # stored story ids only
    assert [n.article_id for n in filter_notes(notes, tag="quotes")] == ["003", "004"]
    assert [n.body for n in filter_notes(notes, article="elsewhere/zz9.txt")] == ["not loaded"]


@pytest.fixture
def exported(tmp_path: Path, noted: NotesStore, seeds: dict[str, Article]) -> Path:
    """Every note of ``noted``, deleted ones too, exported as Web Annotation JSON."""
    path = write_export(
        to_json(noted.list(include_deleted=True), seeds.values()), tmp_path / "n.json"
    )
    assert path is not None
    return path


def test_import_round_trip_without_duplicates(
    tmp_path: Path, noted: NotesStore, exported: Path
) -> None:
    with NotesStore(tmp_path / "other.sqlite3") as other:
        result = import_annotations(other, load_annotations(exported))
        assert (result.added, result.updated, result.unchanged, result.skipped) == (7, 0, 0, [])
        assert other.list(include_deleted=True) == noted.list(include_deleted=True)
        again = import_annotations(other, load_annotations(exported))
        assert (again.added, again.updated, again.unchanged) == (0, 0, 7)
        assert other.count(include_deleted=True) == 7

        # A newer edit of the same note replaces it; an older one does not.
        data = json.loads(exported.read_text(encoding="utf-8"))
        item = data["items"][0]
        item[READER_KEY]["body"] = "edited elsewhere"
        item["modified"] = "2030-01-01T00:00:00.000Z"
        stale = json.loads(json.dumps(data["items"][1]))
        stale[READER_KEY]["body"] = "older"
        stale["modified"] = "2000-01-01T00:00:00.000Z"
        foreign = {"type": "Annotation", "target": {"source": "http://example.org/"}}
        result = import_annotations(other, [item, stale, foreign, "junk"])
        assert (result.updated, result.unchanged, len(result.skipped)) == (1, 1, 2)
        assert other.get(item[READER_KEY]["id"]).body == "edited elsewhere"
        assert other.count(include_deleted=True) == 7


def test_imported_notes_lose_control_sequences(
    tmp_path: Path, noted: NotesStore, exported: Path
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    item = data["items"][0]
    item[READER_KEY]["body"] = "clear\x1b[2J screen\x1b]0;title\x07 \u202eevil"
    item[READER_KEY]["tags"] = ["ok", "\x1b[31mred"]
    item[READER_KEY]["payload"] = {"label": "pin\x1b[5m", "values": ["a\x9b2J"]}
    exact = item["target"]["selector"][0]["exact"]
    item["target"]["selector"][0]["exact"] = exact[:1] + "\x1b[0m" + exact[1:]
    with NotesStore(tmp_path / "other.sqlite3") as other:
        result = import_annotations(other, [item])
        assert result.added == 1
        note = other.get(item[READER_KEY]["id"])
        assert note.body == "clear screen evil"
        assert note.tags == ("ok", "red")
        assert note.payload == {"label": "pin", "values": ["a"]}
        assert note.quote.exact == exact  # and so it still anchors on the article text
        # Cleaned before it is checked: an id of control characters alone is no id.
        blank = json.loads(json.dumps(data["items"][1]))
        blank[READER_KEY]["id"] = "\x1b[0m"
        assert len(import_annotations(other, [blank]).skipped) == 1


def test_load_annotations_rejects_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not json")
    with pytest.raises(ExportError):
        load_annotations(bad)
    bad.write_text('{"type": "Something"}', encoding="utf-8")
    with pytest.raises(ExportError):
        load_annotations(bad)
    with pytest.raises(ExportError):
        load_annotations(tmp_path / "missing.json")


def test_write_export_is_atomic_and_careful(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    assert write_export("first\n", target) == target
    with pytest.raises(ExportError, match="already exists"):
        write_export("second\n", target)
    assert target.read_text(encoding="utf-8") == "first\n"
    write_export("second\n", target, force=True)
    assert target.read_text(encoding="utf-8") == "second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]  # no temp files left
    out = io.StringIO()
    assert write_export("to stdout\n", "-", stdout=out) is None
    assert out.getvalue() == "to stdout\n"
    with pytest.raises(ExportError):
        write_export("x", tmp_path / "missing-dir" / "notes.md")
    with pytest.raises(ExportError):
        write_export("x", tmp_path)


def test_empty_export_is_still_valid() -> None:
    data = json.loads(to_json([]))
    assert check_annotation_shape(data) == [] and data["total"] == 0
    assert to_markdown([]).startswith("# Notes\n\n0 notes.")
    assert to_csv([]).strip() == ",".join(CSV_COLUMNS)


def test_default_enricher_uses_the_extraction_engines(seed_articles: dict[str, Article]) -> None:
    from reader.notes.export import default_enricher

    enrich = default_enricher()
    assert enrich is not None
    dated = seed_articles["000"]
    start = dated.text.index("January 10")
    facts = enrich(dated, start, start + len("January 10"))
    assert facts["dates"][0]["text"] == "January 10"
    assert facts["dates"][0]["value"].startswith("2022-01-10")
    assert facts["dates"][0]["reading"] == "Mon 10 Jan 2022"
    quoted = seed_articles["003"]
    start = quoted.text.index("I have made it clear")
    assert "Biden" in enrich(quoted, start, start + 40).get("speaker", "")
    assert enrich(quoted, 0, 0) == {}


def test_the_default_enricher_does_not_retry_a_failed_extraction_per_note(
    seed_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.extract.article
    from reader.notes.export import default_enricher

    calls = []

    def failing(article: Article, dct: str | None = None) -> Any:
        calls.append(article.id)
        raise ValueError("tagger bug")

    monkeypatch.setattr(reader.extract.article, "extract_article", failing)
    enrich = default_enricher()
    article = seed_articles["000"]
    with pytest.raises(ValueError):
        enrich(article, 0, 10)
    assert enrich(article, 20, 30) == {}  # the next note on it: nothing to add, no re-run
    assert calls == [article.id]


def test_a_failing_enricher_costs_only_the_enrichment(
    noted: NotesStore, seeds: dict[str, Article], story: Story
) -> None:
    def broken(article: Article, start: int, end: int) -> dict[str, Any]:
        raise RuntimeError("extractor bug")

    md = to_markdown(noted.list(), seeds.values(), [story], enrich=broken)
    assert md.count("\n> ") == 6 and "Speaker:" not in md


def test_exports_list_notes_as_the_notes_screen_does(
    tmp_path: Path, seeds: dict[str, Article], story: Story
) -> None:
    from reader.notes.placement import NoteContext, group_notes

    store = NotesStore(tmp_path / DB_NAME, clock=fixed_clock(), id_factory=counting_ids())
    early = add_quote(store, seeds["002"], "encroaching dangerously close", body="early, orphaned")
    later = add_quote(store, seeds["002"], "strategic security dialogue", body="later, anchored")
    articles = loaded(seeds)  # 002 edited: the earlier note's passage is gone
    notes = store.list()
    context = NoteContext.build(articles, [story])
    on_screen = [entry.note.id for group in group_notes(notes, context) for entry in group.entries]
    assert on_screen == [later.id, early.id]  # orphaned notes last in their article
    rows = list(csv.DictReader(io.StringIO(to_csv(notes, articles, [story]))))
    assert [row["id"] for row in rows] == on_screen
    collection = json.loads(to_json(notes, articles, [story]))
    assert [item[READER_KEY]["id"] for item in collection["items"]] == on_screen
    md = to_markdown(notes, articles, [story])
    assert md.index("later, anchored") < md.index("early, orphaned")
    store.close()
