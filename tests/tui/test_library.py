"""The Library flows, driven like a person would: open, read, jump, filter, compare, help, theme, quit."""

from __future__ import annotations

import sys
import types

from library_helpers import corpus_of, loaded_corpus, seed_prefix, settle
from textual.widgets import Input, Static

from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets import ArticleView, DetailPane, StoryList


async def test_opens_on_the_seed_story_with_its_five_versions() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        story_list = app.library.story_list
        assert [row.article_id is None for row in story_list.rows] == [True] + [False] * 5
        assert isinstance(app.focused, StoryList)
        assert seed_prefix(app) == "000"
        assert app.sub_title == "sample corpus · 5 versions in 1 story"
        # The base version's first words are on screen, and its marks are loaded.
        assert app.library.article_view.visible_text().startswith(
            "WASHINGTON The Biden administration"
        )
        assert app.library.marks is not None and app.library.marks.dates


async def test_moving_in_the_list_and_reading_a_version() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        second = app.library.story_list.highlighted_article_id
        assert second is not None and seed_prefix(app) == second[:3] != "000"
        await pilot.press("enter")
        await settle(pilot)
        view = app.library.article_view
        assert isinstance(app.focused, ArticleView)
        assert view.sentence_index == 0
        await pilot.press("j", "j")
        assert view.sentence_index == 2
        await pilot.press("k")
        assert view.sentence_index == 1
        span = view.current_span()
        assert span is not None and view.article is not None
        assert view.article.text[span.start : span.end].strip()
        await pilot.press("G")
        assert view.sentence_index == view.sentence_count - 1
        last = view.current_span()
        assert last is not None
        assert view.article.text[last.start : last.end].split()[-1] in view.visible_text()
        await pilot.press("g")
        assert view.sentence_index == 0 and view.scroll_offset.y == 0
        await pilot.press("G", "g")
        # tab moves between panes: list -> text -> details.
        await pilot.press("shift+tab")
        assert isinstance(app.focused, StoryList)
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, DetailPane)


async def test_choosing_a_quote_in_the_details_jumps_to_it_and_names_the_speaker() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.library.open_article(loaded_corpus(app).article("003").id)  # AP: quotes with speakers
        await settle(pilot)
        marks = app.library.marks
        assert marks is not None and marks.quotes
        target = next(q for q in marks.quotes if q.speaker)
        pane = app.library.detail_pane
        pane.focus()
        index = next(
            i
            for i in range(pane.option_count)
            if pane.get_option_at_index(i).id == "quote-" + str(marks.quotes.index(target))
        )
        pane.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        view = app.library.article_view
        assert isinstance(app.focused, ArticleView)
        span = view.current_span()
        assert span is not None and span.start <= target.start < span.end
        assert target.speaker is not None and target.speaker in app.library.status.text
        assert view.row_of(target.start) in range(
            view.scroll_offset.y, view.scroll_offset.y + view.size.height
        )


async def test_choosing_a_date_jumps_to_it_far_down_the_text() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        marks = app.library.marks
        assert marks is not None
        last = max(marks.dates, key=lambda d: d.start)
        pane = app.library.detail_pane
        # Find the option whose target is the last date in the text, whatever its time order.
        option_id = next(
            k
            for k, span in pane.targets.items()
            if k.startswith("date-") and span.start == last.start
        )
        pane.focus()
        pane.highlighted = next(
            i for i in range(pane.option_count) if pane.get_option_at_index(i).id == option_id
        )
        await pilot.press("enter")
        await settle(pilot)
        view = app.library.article_view
        assert view.scroll_offset.y > 0
        assert last.text in view.visible_text()
        span = view.current_span()
        assert span is not None and span.start <= last.start < span.end


async def test_filter_by_outlet_then_escape_clears_it() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"press")
        await settle(pilot)
        story_list = app.library.story_list
        outlets = {
            loaded_corpus(app).article(r.article_id).outlet for r in story_list.rows if r.article_id
        }
        assert outlets == {"Agence France-Presse", "The Associated Press"}
        assert seed_prefix(app) in {"002", "003"}
        await pilot.press(*"zzzz")
        assert story_list.rows == []
        await pilot.press("escape")
        assert len(story_list.rows) == 6
        assert isinstance(app.focused, StoryList)
        assert not app.library.query_one("#filter", Input).display


async def test_a_filter_counts_what_it_shows_and_clearing_it_keeps_the_place() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        story_list = app.library.story_list
        left = app.library.query_one("#left")
        afp = loaded_corpus(app).article("002").id
        app.library.open_article(afp)
        await settle(pilot)
        assert str(left.border_subtitle) == "1 story"
        await pilot.press("slash", *"press")
        await settle(pilot)
        header = story_list.render_line(0)
        assert "2 of 5 versions" in "".join(segment.text for segment in header)
        assert str(left.border_subtitle) == "1 of 1 story"
        await pilot.press(*"zzzz")
        assert story_list.rows == [] and str(left.border_subtitle) == "0 of 1 story"
        # Clearing a filter that hid everything goes back to the version the user was on.
        await pilot.press("escape")
        await settle(pilot)
        assert story_list.highlighted_article_id == afp
        assert app.library.article_view.article is not None
        assert app.library.article_view.article.id == afp
        assert str(left.border_subtitle) == "1 story"


async def test_boilerplate_is_hidden_until_b() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.library.open_article(loaded_corpus(app).article("003").id)
        await settle(pilot)
        view = app.library.article_view
        await pilot.press("G")
        assert "Copyright 2021" not in view.visible_text()
        await pilot.press("b")
        await pilot.press("G")
        assert "Copyright 2021 The Associated Press" in view.visible_text()
        await pilot.press("b")
        assert view.show_boilerplate is False


async def test_help_lists_the_screens_keys_from_its_bindings() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.content) for s in app.screen.query(Static))
        for expected in (
            "Filter",
            "Compare",
            "Boilerplate",
            "Theme",
            "Next sentence",
            "Jump to text",
            "Quit",
        ):
            assert expected in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_t_cycles_curated_themes() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        seen = [app.theme]
        for _ in ReaderApp.CURATED_THEMES:
            await pilot.press("t")
            seen.append(app.theme)
        assert seen[0] == seen[-1]
        assert set(seen) == set(ReaderApp.CURATED_THEMES)
        assert any(not app.available_themes[t].dark for t in seen)


async def test_q_quits_from_the_library() -> None:
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert app._exit  # noqa: SLF001 - Textual exposes no public "exiting" flag
    assert app.return_code == 0


async def test_c_opens_compare_against_the_closest_version(monkeypatch) -> None:
    opened: list[tuple] = []
    from textual.screen import Screen

    class FakeCompare(Screen[None]):
        def __init__(self, corpus, story, left_id, right_id) -> None:
            super().__init__()
            opened.append((corpus, story, left_id, right_id))

    fake = types.ModuleType("reader.tui.screens.compare")
    fake.CompareScreen = FakeCompare  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reader.tui.screens.compare", fake)
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # 002, the AFP version
        await settle(pilot)
        current = app.library.current_article
        assert current is not None
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, FakeCompare)
        corpus, story, left, right = opened[0]
        assert corpus is app.corpus and current.id in story.article_ids
        assert {left, right} == {current.id, story.closest(current.id)}
        assert story.article_ids.index(left) < story.article_ids.index(right)
        await pilot.press("q")  # back, not quit
        await pilot.pause()
        assert app.screen is app.library


async def test_compare_on_a_one_version_story_explains_itself() -> None:
    app = ReaderApp(corpus=corpus_of("Only one version of this."))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is app.library
        assert any("only one version" in n.message for n in app._notifications)  # noqa: SLF001


async def test_narrow_terminal_puts_details_in_place_of_the_text() -> None:
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        library = app.library
        assert library.has_class("-narrow")
        assert not library.detail_pane.display or library.detail_pane.region.width == 0
        await pilot.press("d")
        await pilot.pause()
        assert library.detail_pane.region.width > 0
        assert library.article_view.region.width == 0
        await pilot.press("enter")  # jump: the text comes back
        await pilot.pause()
        assert library.article_view.region.width > 0
        assert isinstance(app.focused, ArticleView)


async def test_details_toggle_per_layout_and_reset_across_the_breakpoint() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        library = app.library
        assert library.detail_pane.region.width > 0  # wide: beside the text by default
        await pilot.press("d")  # to the details
        assert library.detail_pane.has_focus
        await pilot.press("d")  # and away: hidden, the text has the room
        await pilot.pause()
        assert library.detail_pane.region.width == 0
        assert isinstance(app.focused, ArticleView)
        # Narrow starts at its own default (text alone), not with the wide choice turned over.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert library.article_view.region.width > 0
        assert library.detail_pane.region.width == 0
        await pilot.press("d")
        await pilot.pause()
        assert library.detail_pane.region.width > 0 and library.article_view.region.width == 0
        # Back to wide: both panes again, whatever was chosen while narrow.
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert library.detail_pane.region.width > 0 and library.article_view.region.width > 0


async def test_palette_has_the_apps_commands() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme: nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"story: open")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ArticleView)
