"""Notes in the app: highlight, annotate, pin, the Notes screen, export, and highlights in compare.

Every test gets its own empty notes store (the conftest points READER_DATA_DIR at a temporary
directory), and drives the app on the bundled seeds the way a person would.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from library_helpers import loaded_corpus, settle
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, RadioButton

from reader.model import Article, Span
from reader.notes.anchor import TextPositionSelector
from reader.tui.app import ReaderApp
from reader.tui.labels import version_name
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.export_dialog import ExportDialog
from reader.tui.screens.help import binding_sections
from reader.tui.screens.library import LibraryScreen
from reader.tui.screens.note_editor import NoteEditor, parse_tags
from reader.tui.screens.notes import NotesScreen
from reader.tui.widgets import ArticleView, DetailPane
from reader.tui.widgets.article_view import NOTE_MARKER

SIZE = (160, 48)


async def reading(pilot: Pilot) -> ArticleView:
    """The app loaded, the first version open in the reading pane with the focus on it."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, ReaderApp)
    view = app.library.article_view
    assert app.focused is view and view.article is not None
    return view


def row_backgrounds(view: ArticleView, row: int) -> list[object]:
    """The background colour of every drawn cell group of a row (row on screen)."""
    colours: list[object] = []
    for segment in view.render_line(row):
        if segment.text.strip():
            assert segment.style is not None
            colours.append(segment.style.bgcolor)
    return colours


def row_text(view: ArticleView, row: int) -> str:
    return "".join(segment.text for segment in view.render_line(row))


async def test_h_highlights_the_sentence_and_draws_it_and_h_again_removes_it() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading(pilot)
        article = view.article
        assert article is not None
        span = view.current_span()
        assert span is not None
        await pilot.press("j")  # the cursor's own background would hide what we look for
        plain = row_backgrounds(view, 0)
        await pilot.press("k", "h", "j")

        notes = app.notes.all_notes()
        assert len(notes) == 1
        note = notes[0]
        assert note.kind == "highlight" and note.article_id == article.id
        assert note.position == TextPositionSelector(span.start, span.end)
        assert note.quote.exact == article.text[span.start : span.end]
        assert view.note_spans == [(span.start, span.end, False)]
        assert row_backgrounds(view, 0) != plain  # drawn in the text

        await pilot.press("k", "h", "j")  # h on a plain highlight takes it away...
        assert app.notes.all_notes() == []
        assert view.note_spans == []
        assert row_backgrounds(view, 0) == plain
        await pilot.press("ctrl+z")  # ...and ctrl+z brings it back
        assert [n.id for n in app.notes.all_notes()] == [note.id]
        assert view.note_spans == [(span.start, span.end, False)]


async def test_shift_down_spreads_the_passage_over_sentences() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading(pilot)
        first = view.current_span()
        await pilot.press("shift+down", "shift+down")
        spread = view.current_span()
        assert first is not None and spread is not None
        assert spread.start == first.start and spread.end > first.end
        assert view.sentence_index == 2
        await pilot.press("h")
        (note,) = app.notes.all_notes()
        assert note.position == TextPositionSelector(spread.start, spread.end)
        await pilot.press("j")  # a plain move ends the spread
        assert view.current_span() != spread


async def test_a_writes_a_note_with_tags_and_a_again_edits_it() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading(pilot)
        await pilot.press("j")
        span = view.current_span()
        assert span is not None
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"compare with AP", "tab", *"check, follow up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        (note,) = app.notes.all_notes()
        assert note.kind == "note" and note.body == "compare with AP"
        assert note.tags == ("check", "follow up")
        assert note.position == TextPositionSelector(span.start, span.end)
        # The row where the note ends carries the marker (after the text, offsets untouched).
        last_row = view.row_of(span.end - 1) - view.scroll_offset.y
        assert row_text(view, last_row).rstrip().endswith(NOTE_MARKER)

        await pilot.press("a")  # the editor opens on the note already there
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        body = editor.query_one("#note-body", Input)
        assert body.value == "compare with AP"
        body.value = "AP has the same quote"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (edited,) = app.notes.all_notes()
        assert edited.id == note.id and edited.body == "AP has the same quote"
        assert edited.tags == ("check", "follow up")

        await pilot.press("a", "escape")  # cancelling changes nothing
        await pilot.pause()
        assert app.notes.all_notes()[0].body == "AP has the same quote"


def test_tags_are_split_on_commas_trimmed_and_deduplicated() -> None:
    assert parse_tags(" check,  Kremlin   denial ,#check, ,") == ("check", "Kremlin denial")
    assert parse_tags("") == ()


async def test_p_pins_a_quote_with_its_speaker() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.library.open_article(loaded_corpus(app).article("003").id)  # AP: quotes with speakers
        await settle(pilot)
        marks = app.library.marks
        assert marks is not None
        quote = next(q for q in marks.quotes if q.speaker)
        pane = app.library.detail_pane
        pane.focus()
        pane.highlighted = next(
            i
            for i in range(pane.option_count)
            if pane.targets.get(pane.get_option_at_index(i).id or "")
            == Span(quote.start, quote.end)
        )
        await pilot.press("p")
        await pilot.pause()
        (note,) = app.notes.all_notes()
        assert note.kind == "pin"
        assert note.payload is not None
        assert note.payload["type"] == "quote" and note.payload["speaker"] == quote.speaker
        assert note.position == TextPositionSelector(quote.start, quote.end)
        await pilot.press("p")  # pinning the same item again adds nothing
        assert len(app.notes.all_notes()) == 1
        assert isinstance(app.focused, DetailPane)


async def test_notes_screen_lists_jumps_deletes_and_undoes() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        corpus = app.corpus
        assert corpus is not None
        first, ap = corpus.article("000"), corpus.article("003")
        at = ap.text.index("Kremlin")
        app.notes.request("highlight", first, Span(0, 20), story_id=None, where="")
        target = app.notes.annotate(ap, Span(at, at + 40), "[@click=app.quit]boom[/]", ["check"])
        assert target is not None
        # A note whose passage is no longer in its article: listed as orphaned, never dropped.
        stale = Article(id=ap.id, path=ap.path, text="A passage that the article no longer has.")
        orphan = app.notes.store.add(stale, 2, 9, body="lost")

        await pilot.press("N")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert set(screen.entries) == {n.id for n in app.notes.all_notes()}
        where = screen.entries[orphan.id].where
        assert where is not None and where.status == "orphaned"
        listing = screen.notes_list
        prompts = {
            listing.get_option_at_index(i).id: str(listing.get_option_at_index(i).prompt)
            for i in range(listing.option_count)
        }
        assert "orphaned" in prompts[orphan.id]
        assert "[@click=app.quit]boom[/]" in prompts[target.id]  # literal, not markup
        assert "#check" in prompts[target.id]

        # Filter by tag, then clear it.
        await pilot.press("slash", *"#check")
        assert set(screen.entries) == {target.id}
        await pilot.press("escape")
        assert len(screen.entries) == 3

        # Delete the highlighted note, then undo.
        listing.highlighted = listing.get_option_index(target.id)
        await pilot.press("d")
        assert target.id not in {n.id for n in app.notes.all_notes()}
        assert target.id not in screen.entries
        await pilot.press("u")
        assert target.id in {n.id for n in app.notes.all_notes()}
        assert screen.highlighted_id == target.id

        # Enter goes back to the Library with the article open and the cursor on the passage.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        view = app.library.article_view
        assert view.article is not None and view.article.id == ap.id
        cursor = view.current_span()
        assert cursor is not None and cursor.start <= at < cursor.end
        assert (at, at + 40, True) in view.note_spans


async def test_the_notes_list_moves_with_j_and_k_and_its_help_names_it() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        corpus = app.corpus
        assert corpus is not None
        for article in corpus.articles[:3]:
            app.notes.annotate(article, Span(0, 20), f"on {article.id}", [])
        await pilot.press("N")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        listing = screen.notes_list
        start = listing.highlighted
        assert start is not None
        await pilot.press("j")
        moved = listing.highlighted
        assert moved is not None and moved > start  # past the next article's heading
        await pilot.press("k")
        assert listing.highlighted == start
        # The footer offers nothing that does nothing here: N would open this very screen.
        shown = {b.binding.key for b in screen.active_bindings.values() if b.binding.show}
        assert "N" not in shown
        sections = dict(binding_sections(screen))
        assert "Notes list" in sections and "WrappingOptionList" not in sections
        assert any(keys == "↓ / j" for keys, _ in sections["Notes list"])
        # The filter field's editing keys (cut, delete word, ...) are not the screen's keys.
        assert not any(
            "word" in description.lower() for rows in sections.values() for _, description in rows
        )


async def test_notes_screen_editor_names_the_version_not_its_file_id() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.corpus is not None
        spun = app.corpus.article("001")  # no outlet, no date: its label is its file id
        app.notes.annotate(spun, Span(0, 20), "check", [])
        await pilot.press("N")
        await pilot.pause()
        await pilot.press("a")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor._where.startswith(version_name(spun))
        assert spun.id not in editor._where


async def test_every_note_shows_its_marker_even_where_its_last_row_fills_the_width() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading(pilot)
        missing = []
        for article in app.corpus.articles:  # AFP has a sentence ending at the pane's edge
            app.library._show(article.id)
            await settle(pilot)
            assert view.article is article
            sentences = list(view._sentences)
            for sentence in sentences:
                app.notes.annotate(article, Span(sentence.start, sentence.end), "checked", [])
            await pilot.pause()
            for sentence in sentences:
                row = view.row_of(sentence.end - 1)
                view.scroll_to(y=row, animate=False, immediate=True)
                await pilot.pause()
                if not row_text(view, row - view.scroll_offset.y).rstrip().endswith(NOTE_MARKER):
                    missing.append(article.text[sentence.start : sentence.end])
        assert not missing


async def test_export_writes_a_file_and_asks_before_overwriting(tmp_path: Path) -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        view = await reading(pilot)
        await pilot.press("a", *"worth a check", "enter", "j", "h")
        await pilot.pause()
        assert len(app.notes.all_notes()) == 2
        article = view.article
        assert article is not None

        await pilot.press("e")
        dialog: Screen[Any] = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.path_input.value.endswith("reader-notes.md")
        markdown = tmp_path / "notes.md"
        dialog.path_input.value = str(markdown)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.library  # (not isinstance: it would narrow app.screen for good)
        text = markdown.read_text(encoding="utf-8")
        assert "worth a check" in text and article.text[:40] in text

        existing = tmp_path / "notes.json"
        existing.write_text("keep me", encoding="utf-8")
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-json", RadioButton).value = True
        await pilot.pause()
        assert dialog.fmt == "json" and dialog.path_input.value.endswith(".json")
        dialog.path_input.value = str(existing)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused: the file is still there, untouched
        assert existing.read_text(encoding="utf-8") == "keep me"
        assert str(dialog.query_one("#export-go", Button).label) == "Overwrite"
        await pilot.press("enter")  # the second Export confirms
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        exported = json.loads(existing.read_text(encoding="utf-8"))
        assert len(exported["items"]) == 2


async def test_a_second_export_starts_from_the_first_and_edits_land_at_the_end(
    tmp_path: Path,
) -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await reading(pilot)
        await pilot.press("h", "e")
        dialog: Screen[Any] = app.screen
        assert isinstance(dialog, ExportDialog)
        first = tmp_path / "story-notes.md"
        dialog.path_input.value = str(first)
        await pilot.press("enter")
        await pilot.pause()
        assert first.is_file()

        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.path_input.value == str(first)
        dialog.query_one("#export-json", RadioButton).value = True
        await pilot.pause()
        assert dialog.path_input.value == str(tmp_path / "story-notes.json")
        # The format's new extension moved the text: typing still edits the end of the name.
        await pilot.press(*["backspace"] * len(".json"), *"-v2.json", "enter")
        await pilot.pause()
        assert (tmp_path / "story-notes-v2.json").is_file()
        assert app.notes.last_export == ("json", tmp_path / "story-notes-v2.json")


async def test_highlights_in_compare_on_either_side_show_in_the_library_too() -> None:
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await reading(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.document is not None
        view = screen.diff_view
        await pilot.press("j")
        left = screen.current_span("left")
        right = screen.current_span("right")
        assert left is not None and right is not None
        first, _ = view.row_lines(view.cursor_row)
        line = first - round(view.scroll_y)
        before = [s.style for s in view.render_line(line)]
        await pilot.press("h", "H")
        by_article = {n.article_id: n for n in app.notes.all_notes()}
        assert set(by_article) == {left[0], right[0]}
        assert by_article[left[0]].position == TextPositionSelector(*left[1:])
        assert by_article[right[0]].position == TextPositionSelector(*right[1:])
        assert view.note_spans("left") == ((left[1], left[2], False),)
        assert view.note_spans("right") == ((right[1], right[2], False),)
        assert [s.style for s in view.render_line(line)] != before

        await pilot.press("escape")
        await pilot.pause()
        library_view = app.library.article_view
        assert library_view.article is not None and library_view.article.id == left[0]
        assert (left[1], left[2], False) in library_view.note_spans


async def _notes_screen(pilot: Pilot) -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, ReaderApp) and app.corpus is not None
    corpus = app.corpus
    base, ap = corpus.article("000"), corpus.article("003")
    said = Span(0, base.text.index(" said"))
    app.notes.request("highlight", base, said, story_id=None, where="")
    at = ap.text.index("Kremlin")
    app.notes.annotate(ap, Span(at, at + 60), "Same claim as RFE/RL?", ["check", "kremlin"])
    await pilot.press("N")
    await pilot.pause()


def test_notes_screen_snapshot(snap_compare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=(120, 30), run_before=_notes_screen)


def test_notes_screen_snapshot_80x24(snap_compare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=(80, 24), run_before=_notes_screen)


def test_reader_open_data_dir_chooses_the_notes_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.cli import main  # noqa: PLC0415

    opened: list[Path | None] = []
    monkeypatch.setattr(ReaderApp, "run", lambda self: opened.append(self.notes.data_dir))
    assert main(["open", "--data-dir", str(tmp_path / "profile")]) == 0
    assert opened == [tmp_path / "profile"]
