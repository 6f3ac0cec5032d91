"""What a new user meets on the seeds: names instead of file ids, keys that do what they say,
help and footer that fit 80x24, and Compare saying what happened to a quote."""

from __future__ import annotations

from library_helpers import corpus_of, settle
from textual.widgets import Footer

from reader.model import Article
from reader.tui.app import ReaderApp
from reader.tui.labels import short_id, short_name, version_name
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets import ArticleView, DetailPane, StoryList
from reader.tui.widgets.diff_header import DiffHeader


def _row_texts(story_list: StoryList) -> list[str]:
    height = story_list.scrollable_content_region.height
    return [story_list.render_line(y).text for y in range(height)]


def test_names_fall_back_from_outlet_to_title_to_opening_words() -> None:
    text = "WASHINGTON The Biden administration said on Tuesday that talks would open."
    bare = Article("000_0a79532c2183a85b", "000.txt", text)
    titled = Article("001_2b463fa87ec0f0df", "001.txt", text, title="Talks  to open")
    wired = Article("wire-7", "w.txt", text, title="Talks", outlet="Agence France-Presse")
    assert short_id(bare.id) == "000"
    assert short_id("wire-7") == "wire-7"
    assert version_name(bare) == "000 “WASHINGTON The Biden administration said on…”"
    assert version_name(titled) == "Talks to open"
    assert version_name(wired) == "Agence France-Presse"
    assert short_name(bare) == "000"
    assert short_name(Article("x", "x.txt", "")) == "x"
    assert version_name(Article("empty_0123456789ab", "e.txt", "")) == "empty"


async def test_story_list_names_an_untitled_version_by_its_opening_words() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        rows = _row_texts(app.library.story_list)
        untitled = next(r for r in rows if r.strip().startswith("000"))
        assert "“WASHINGTON" in untitled
        assert "0a79532c2183a85b" not in untitled  # the hash is not a name
        assert "2021-12-29" in untitled  # the date has its own column when there is room
        assert any(r.strip().startswith("Agence France-Presse") for r in rows)
        assert app.library.article_view.border_title is not None
        assert str(app.library.article_view.border_title) == "000 (no title)"


async def test_d_goes_to_the_details_and_again_puts_them_away() -> None:
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        library = app.library
        assert isinstance(app.focused, StoryList)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.focused, DetailPane)
        assert library.detail_pane.region.width > 0
        await pilot.press("d")
        await pilot.pause()
        assert library.detail_pane.region.width == 0
        assert isinstance(app.focused, ArticleView)
        await pilot.press("d")  # hidden: d brings them back, with focus
        await pilot.pause()
        assert library.detail_pane.region.width > 0
        assert isinstance(app.focused, DetailPane)


async def test_details_of_the_unquoted_copy_say_why_it_has_no_quotes() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.library.current_article is not None
        assert app.library.current_article.id.startswith("000")
        pane = app.library.detail_pane
        prompts = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
        message = next(p for p in prompts if "quotation marks" in p)
        assert message.startswith("No quotation marks in this version, but ")
        unquoted = sum(1 for p in prompts if p.startswith("unquoted copy"))
        assert unquoted > 0 and f"but {unquoted} passage" in message
        # Other versions are named, not given by file id.
        assert not any("001_2b463fa8" in p for p in prompts)


async def test_compare_names_both_versions_and_the_fate_of_a_quote() -> None:
    app = ReaderApp()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.document is not None
        assert short_id(screen.left_id) == "000" and short_id(screen.right_id) == "001"
        header = str(screen.query_one(DiffHeader).render())
        assert "U.S. and Russia Conform to Talks" in header  # B by its title
        assert "4 quotes unquoted" in header
        # Step to the first change that touches a quote the translation left unquoted.
        for _ in range(screen.document.change_count):
            if "quote marks dropped in A" in str(screen.query_one(DiffHeader).render()):
                break
            await pilot.press("right_square_bracket")
        header = str(screen.query_one(DiffHeader).render())
        assert "quote marks dropped in A" in header
        span = screen.current_span("left")
        assert span is not None
        left = screen.document.left.text[span[1] : span[2]]
        assert "Sullivan" in left or "progress" in left


async def test_the_librarys_help_fits_80x24_without_scrolling() -> None:
    # (Compare has more keys: at 80x24 its help scrolls, and says so with "↓ more".)
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y == 0
        text = " ".join(str(s.render()) for s in app.screen.query(".help-keys"))
        for description in ("Compare", "Filter", "Details", "Quit", "Read", "Help"):
            assert description in text


async def test_footer_at_80_columns_keeps_the_main_keys_whole() -> None:
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footer = app.library.query_one(Footer)
        assert footer.compact and not footer.show_command_palette
        # What the 80-column footer draws: each main key whole and inside the screen.
        drawn = {getattr(key, "description", ""): key for key in footer.query("FooterKey")}
        for name in ("Compare", "Filter", "Details", "Quit", "Help"):
            key = drawn[name]
            assert key.region.width > 0 and key.region.right <= 80, name
            assert name in str(key.render()), name
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        await pilot.pause()
        assert not footer.compact and footer.show_command_palette
        shown = [
            b.binding.description for b in app.library.active_bindings.values() if b.binding.show
        ]
        # Compare, filter, details, quit and help are shown; the rest are in ? help.
        for name in ("Compare", "Filter", "Details", "Quit", "Help"):
            assert any(name == d for d in shown), name


async def test_typing_a_filter_then_deleting_brings_stories_back() -> None:
    app = ReaderApp(corpus=corpus_of("One text.", "Two text.", outlet="Wire"))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        story_list = app.library.story_list
        everything = len(story_list.rows)
        await pilot.press("slash", *"wire 1")
        await pilot.pause()
        assert [r.article_id for r in story_list.rows if r.article_id] == ["a1"]
        await pilot.press("backspace")  # "wire " matches both again
        await pilot.pause()
        assert len(story_list.rows) == everything
        await pilot.press(*"9")
        await pilot.pause()
        assert story_list.rows == []
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert len(story_list.rows) == everything
