"""Selectors and re-anchoring notes in edited articles (real seed text and small texts)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.model import Article
from reader.notes import NotesStore, anchor, anchor_all, describe, find_quote
from reader.notes.store import DB_NAME, Note

SEED = Path(__file__).resolve().parents[1] / "seeds" / "003_0141b00a5d6a9d76.txt"
PASSAGE = (
    "But less than two weeks before the meeting of senior American and Russian officials in "
    "Geneva, the chasm is deep and the prospect of finding a way out of the crisis is not without "
    "complications."
)
QUOTE = "the chasm is deep and the prospect of finding a way out of the crisis"


def located(text: str, quote: str) -> tuple[int, int]:
    """``find_quote`` for quotes the test knows are there."""
    found = find_quote(text, quote)
    assert found is not None, quote
    return found


@pytest.fixture(scope="module")
def seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    assert PASSAGE in text
    return text


@pytest.fixture
def noted(tmp_path: Path, seed_text: str) -> tuple[Article, Note]:
    article = Article(id="003", path=str(SEED), text=seed_text)
    start, end = located(seed_text, QUOTE)
    with NotesStore(tmp_path / DB_NAME) as store:
        note = store.add(article, start, end, body="how deep?")
        # What a later session reads back is what must re-anchor.
        return article, store.get(note.id)


def edited(article: Article, text: str) -> Article:
    return replace(article, text=text)


def test_unchanged_article_anchors_exactly(noted: tuple[Article, Note]) -> None:
    article, note = noted
    found = anchor(note, article)
    assert found.status == "exact"
    assert article.text[found.start : found.end] == QUOTE


def test_text_inserted_before_the_quote_moves_it(noted: tuple[Article, Note]) -> None:
    article, note = noted
    insert = "UPDATE: This story has been corrected to fix a spelling.\n\n"
    changed = edited(article, insert + article.text)
    found = anchor(note, changed)
    assert found.status == "moved"
    assert note.position is not None
    assert found.start == note.position.start + len(insert)
    assert changed.text[found.start : found.end] == QUOTE


def test_an_edit_after_the_quote_keeps_it_exact(noted: tuple[Article, Note]) -> None:
    article, note = noted
    changed = edited(article, article.text.replace("Associated Press writer", "AP writer"))
    assert changed.fingerprint != article.fingerprint
    assert anchor(note, changed).status == "exact"


def test_a_reworded_word_reanchors_fuzzily(noted: tuple[Article, Note]) -> None:
    article, note = noted
    changed = edited(article, "Corrected. " + article.text.replace("chasm is deep", "gap is deep"))
    found = anchor(note, changed)
    assert found.status == "fuzzy"
    assert changed.text[found.start : found.end] == (
        "the gap is deep and the prospect of finding a way out of the crisis"
    )
    assert 80 <= found.score < 100


def test_a_deleted_passage_orphans_the_note_but_keeps_it(
    tmp_path: Path, noted: tuple[Article, Note]
) -> None:
    article, note = noted
    changed = edited(article, article.text.replace(PASSAGE, ""))
    found = anchor(note, changed)
    assert found.status == "orphaned"
    assert (found.start, found.end) == (None, None)
    with NotesStore(tmp_path / DB_NAME) as store:
        assert [n.id for n in store.list()] == [note.id]


def test_a_repeated_quote_is_told_apart_by_its_context() -> None:
    text = (
        "Officials said talks would resume. Later the ministry said talks would resume in Geneva "
        "on Monday. Nobody else said talks would resume."
    )
    article = Article(id="x", path="x.txt", text=text)
    second = text.index("said talks would resume", 20)
    quote, position = describe(text, second, second + len("said talks would resume"))
    note = Note(
        id="n",
        kind="highlight",
        article_id="x",
        article_path="x.txt",
        article_fingerprint="stale",
        quote=quote,
        position=None,
    )
    shifted = edited(article, "Breaking. " + text)
    found = anchor(note, shifted)
    assert found.status == "moved"
    assert found.start == second + len("Breaking. ")
    assert position.start == second


def test_find_quote_forgives_typed_quotes_case_and_line_breaks(seed_text: str) -> None:
    # The article has curly quotes; people type straight ones.
    typed = '"I have made it clear to President Putin'
    start, end = located(seed_text, typed)
    assert seed_text[start:end] == "“I have made it clear to President Putin"
    text = "He said the talks\n  WOULD open soon."
    start, end = located(text, "the talks would open")
    assert text[start:end] == "the talks\n  WOULD open"
    assert find_quote(text, "not there") is None
    assert find_quote(text, "   ") is None
    assert find_quote("", "x") is None


def test_bad_input_never_raises() -> None:
    note = Note(
        id="n",
        kind="note",
        article_id="x",
        article_path="x",
        article_fingerprint="",
        quote=describe("Переговоры начнутся 10 января в Женеве.", 0, 10)[0],
        position=None,
    )
    for text in (
        "",
        "\x00\x01\x02\ufffd" * 50,
        "会谈将于1月10日在日内瓦举行。",
        "Переговоры начнутся 10 января.",
    ):
        found = anchor(note, Article(id="x", path="x", text=text))
        assert found.status in ("moved", "fuzzy", "orphaned")
    cyrillic = Article(id="x", path="x", text="Сегодня. Переговоры начнутся 10 января в Женеве.")
    found = anchor(note, cyrillic)
    assert found.status == "moved"
    assert cyrillic.text[found.start : found.end] == "Переговоры"
    empty_quote = replace(note, quote=describe("abc", 1, 1)[0])
    assert anchor(empty_quote, cyrillic).status == "orphaned"
    # Offsets out of range are clamped, not raised.
    assert describe("short", 3, 99)[0].exact == "rt"


def test_anchor_all_orders_found_notes_and_lists_orphans_last(
    tmp_path: Path, seed_text: str
) -> None:
    article = Article(id="003", path=str(SEED), text=seed_text)
    with NotesStore(tmp_path / DB_NAME) as store:
        late = store.add(article, *located(seed_text, "Associated Press writer"))
        gone = store.add(article, *located(seed_text, QUOTE))
        early = store.add(article, *located(seed_text, "WILMINGTON"))
        notes = store.list()
    changed = edited(article, seed_text.replace(PASSAGE, ""))
    placed = anchor_all(notes, changed)
    assert [note.id for note, _ in placed] == [early.id, late.id, gone.id]
    assert [found.status for _, found in placed] == ["exact", "moved", "orphaned"]


def test_a_changed_word_at_the_quote_edge_stays_inside_the_span(
    noted: tuple[Article, Note],
) -> None:
    article, note = noted
    changed = edited(article, article.text.replace("of the crisis is", "of the standoff is"))
    found = anchor(note, changed)
    assert found.status == "fuzzy"
    assert changed.text[found.start : found.end].endswith("a way out of the standoff")


def test_a_short_quote_with_a_changed_word_is_confirmed_by_its_context(seed_text: str) -> None:
    article = Article(id="003", path=str(SEED), text=seed_text)
    start, end = located(seed_text, "severe sanctions")
    quote, position = describe(seed_text, start, end)
    note = Note("n", "highlight", "003", str(SEED), article.fingerprint, quote, position)
    changed = edited(article, "Update. " + seed_text.replace("severe sanctions", "harsh sanctions"))
    found = anchor(note, changed)
    assert found.status == "fuzzy"
    assert changed.text[found.start : found.end] == "harsh sanctions"
