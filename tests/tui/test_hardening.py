"""What an unlucky user runs into: quitting mid-load, odd corpora, hostile text, small terminals."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest
from library_helpers import corpus_of, settle
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

import reader.tui.app as app_module
from reader.corpus import Corpus, load_corpus, seeds_dir
from reader.model import Article, Story
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen


async def test_quitting_while_the_corpus_loads_stops_the_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A loader that would run for a long time: only an error from its progress callback ends it
    # early. Without that the process cannot exit until the load is done (a frozen terminal).
    started = threading.Event()
    finished = threading.Event()
    outcome: list[str] = []

    def endless_load(paths, progress=None, **_options):  # type: ignore[no-untyped-def]
        started.set()
        try:
            for done in range(3_000):
                if progress is not None:
                    progress("reading", done, 3_000)
                time.sleep(0.01)
            outcome.append("ran to the end")
        except BaseException as error:
            outcome.append(f"stopped by {type(error).__name__}")
            raise
        finally:
            finished.set()
        raise AssertionError("unreachable in the test")

    monkeypatch.setattr(app_module, "load_corpus", endless_load)
    app = ReaderApp(["/nonexistent-corpus"], use_cache=False)
    async with app.run_test() as pilot:
        assert started.wait(5)
        await pilot.press("q")
        await pilot.pause()
    assert finished.wait(5), "the loader kept running after the app quit"
    assert outcome and outcome[0].startswith("stopped by")


async def _all_lines(pane: OptionList, pilot: Pilot) -> list[str]:
    """Every rendered line of an option list, scrolling it a page at a time."""
    height = pane.scrollable_content_region.height
    lines: list[str] = []
    for top in range(0, pane.virtual_size.height, height):
        pane.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause()
        lines += [pane.render_line(y).text.rstrip() for y in range(height)]
    return lines


async def test_details_pane_shows_every_quote_once_its_scrollbar_appears() -> None:
    # The seed AFP version alone: its quote list outgrows the pane, and the scrollbar that
    # appears narrows the lines. "Dmitri Polyanskiy said · partial" fits the width without the
    # scrollbar but wraps with it; the quote under it used to be cut off ("serious" missing).
    corpus = load_corpus([seeds_dir() / "002_8e545cace7aabc79.txt"], use_cache=False)
    app = ReaderApp(corpus=corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        pane = app.library.detail_pane
        assert pane.show_vertical_scrollbar
        text = "\n".join(await _all_lines(pane, pilot))
        quotes = app.library.marks.quotes if app.library.marks else []
        assert len(quotes) > 5
        for quote in quotes:
            opening = "“" + " ".join(quote.content.split())[:8]
            assert opening in text, f"{opening!r} missing from the details pane"


async def test_no_match_message_is_readable_in_a_narrow_story_list() -> None:
    app = ReaderApp(corpus=corpus_of("The minister said the talks would resume.", "Talks resume."))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzz", "enter")
        await pilot.pause()
        story_list = app.library.story_list
        height = story_list.scrollable_content_region.height
        shown = " ".join(
            " ".join(story_list.render_line(y).text.split()) for y in range(height)
        ).strip()
        assert shown == "No story or version matches the filter."


async def test_a_one_article_corpus_says_one_version_and_compare_explains() -> None:
    app = ReaderApp(corpus=corpus_of("The minister said the talks would resume on Tuesday."))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "1 version in 1 story" in app.sub_title
        await pilot.press("c")
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert any("only one version" in n.message for n in app._notifications)


async def test_a_40_column_terminal_keeps_every_pane_on_screen() -> None:
    app = ReaderApp(corpus=corpus_of("The minister said the talks would resume.", "Talks resume."))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        library = app.library
        # The text gets room to be read (not 10 columns beside a 30-column list).
        assert library.article_view.region.width >= 20
        assert library.story_list.region.right <= 40
        await pilot.press("d")  # the details take the text's place: whole, not cut at the edge
        await pilot.pause()
        pane = library.detail_pane
        assert pane.region.width > 0
        assert pane.region.right <= 40


async def test_details_asked_for_in_a_narrow_terminal_stay_when_it_widens() -> None:
    app = ReaderApp(corpus=corpus_of("The minister said the talks would resume.", "Talks resume."))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        library = app.library
        await pilot.press("d")
        await pilot.pause()
        assert library.detail_pane.region.width > 0
        await pilot.resize_terminal(140, 36)  # wide: all three panes, details included
        await pilot.pause()
        assert library.detail_pane.region.width > 0
        assert library.article_view.region.width > 0
        await pilot.resize_terminal(100, 30)  # narrow again: the text, as on opening
        await pilot.pause()
        assert library.article_view.region.width > 0


async def test_a_short_terminal_still_shows_the_note_being_typed() -> None:
    text = " ".join(["The minister said the talks would resume in Geneva next week."] * 6)
    app = ReaderApp(corpus=corpus_of(text, "Talks resume."))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "a")
        await pilot.pause()
        body = app.screen.query_one("#note-body", Input)
        assert app.focused is body
        await pilot.press(*"abc")
        await pilot.pause()
        x, y = body.region.center
        assert 0 <= y < 12
        widget, _ = app.screen.get_widget_at(x, y)
        assert widget is body  # on screen, not clipped away under the passage
        await pilot.press("tab")  # the tags field scrolls into view in its turn
        await pilot.pause()
        tags = app.screen.query_one("#note-tags", Input)
        x, y = tags.region.center
        assert app.screen.get_widget_at(x, y)[0] is tags


async def test_a_loaded_corpus_is_set_aside_from_garbage_collection_until_the_app_exits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Full collections walking the loaded app's objects stalled keystrokes by 30-70 ms.
    small = ReaderApp(corpus=corpus_of("One short article."))
    async with small.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 0
    # On exit they are collectable again: apps run one after another leave nothing pinned.
    assert gc.get_freeze_count() == 0
    articles = [
        Article(id=f"b{n}", path=f"/tmp/b{n}.txt", text=f"Story number {n} says little.")
        for n in range(app_module._FREEZE_FROM)
    ]
    corpus = Corpus(articles, [Story(a.id, a.id, (a.id,)) for a in articles])
    # A big corpus loaded from disk is set aside by the loader's thread, before it is shown.
    frozen_before_shown: list[int] = []
    set_corpus = LibraryScreen.set_corpus

    def record(screen: LibraryScreen, loaded: Corpus) -> None:
        frozen_before_shown.append(gc.get_freeze_count())
        set_corpus(screen, loaded)

    monkeypatch.setattr(LibraryScreen, "set_corpus", record)
    monkeypatch.setattr(app_module, "load_corpus", lambda *_args, **_options: corpus)
    async with ReaderApp([Path("/corpus")]).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert frozen_before_shown and frozen_before_shown[0] >= len(articles)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    # Handed in ready-made, and still working once set aside; only once it runs.
    big = ReaderApp(corpus=corpus)
    assert gc.get_freeze_count() == 0
    async with big.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 0
        await pilot.press("slash", "b", "9", "9", "9")
        await pilot.pause()
        assert [row.article_id for row in big.library.story_list.rows] == [None, "b999"]
    assert gc.get_freeze_count() == 0


async def test_one_skipped_file_is_said_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(
        "The minister said the talks would resume on Tuesday.", encoding="utf-8"
    )
    (tmp_path / "blank.txt").write_text("", encoding="utf-8")
    app = ReaderApp(corpus=load_corpus([tmp_path], use_cache=False))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.sub_title.endswith("· 1 file skipped")
