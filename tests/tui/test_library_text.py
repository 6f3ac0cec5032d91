"""Untrusted text, long documents and big lists in the Library; the wrapping the reading pane uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import corpus_of, settle
from rich.cells import cell_len

from reader.corpus import Corpus
from reader.model import Article, Story
from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from reader.tui.widgets.article_view import wrap_offsets
from reader.tui.widgets.story_list import StoryList

HOSTILE = "[/x] [@click=app.quit]x[/] [b]bold[/b] [link=http://evil]l[/link]"


def _strip_text(strip) -> str:
    return "".join(segment.text for segment in strip)


def test_wrap_offsets_cover_the_text_within_the_width() -> None:
    text = "One two three four five six seven.\n\nA-very-long-word-that-cannot-fit-anywhere here.\n汉字汉字汉字 wide"
    for width in (2, 5, 12, 30):
        rows = wrap_offsets(text, width)
        for start, end in rows:
            assert cell_len(text[start:end].rstrip()) <= width
        # Rows are in order and cover every non-space character exactly once.
        assert all(a[1] <= b[0] for a, b in zip(rows, rows[1:], strict=False))
        joined = "".join(text[s:e] for s, e in rows)
        assert "".join(joined.split()) == "".join(text.split())
    rows = wrap_offsets(text, 30)
    assert [text[s:e].rstrip() for s, e in rows][:3] == [
        "One two three four five six",
        "seven.",
        "",
    ]


def test_wrap_offsets_of_empty_text_is_one_empty_row() -> None:
    assert wrap_offsets("", 10) == [(0, 0)]


async def test_hostile_markup_and_escapes_show_literally_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    body = (
        f"{HOSTILE} opened the meeting.\n\n"
        f"“{HOSTILE} is what we said,” said [@click=app.quit]Evil[/] on Monday, \x1b]0;PWNED\x07 2024.\n\n"
        "Officials said 3,000 people [/b] attended on May 2."
    )
    (folder / "one.txt").write_text(f"Title {HOSTILE}\n\n{body}\n", encoding="utf-8")
    (folder / "two.txt").write_text(f"Title {HOSTILE}\n\n{body} One more line.\n", encoding="utf-8")
    app = ReaderApp([folder])
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.is_running and app.corpus is not None and len(app.corpus.articles) == 2
        library = app.library
        rows = [_strip_text(library.story_list.render_line(y)) for y in range(3)]
        assert any("[/x]" in row for row in rows)
        view = library.article_view
        assert "[@click=app.quit]x[/]" in view.visible_text()
        assert "\x1b" not in view.visible_text()
        rendered = "".join(_strip_text(view.render_line(y)) for y in range(6))
        assert "[/x]" in rendered and "\x1b" not in rendered
        # The details pane lists the quote literally; jumping to it works.
        marks = library.marks
        assert marks is not None
        if marks.quotes:
            assert any("[/x]" in q.text for q in marks.quotes)
        library.detail_pane.focus()
        await pilot.press("enter")
        await pilot.press("b", "G", "tab", "j", "enter")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"story")
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.press("slash", *"[/x]")
        await settle(pilot)
        assert app.is_running
        assert [r.article_id for r in library.story_list.rows if r.article_id]


async def test_a_50000_word_article_opens_and_scrolls_to_the_end() -> None:
    paragraph = " ".join(f"Word{n} said the minister on Monday." for n in range(50))
    text = "\n\n".join(f"{paragraph} Paragraph {p} ends here." for p in range(200))
    assert len(text.split()) > 50_000
    app = ReaderApp(corpus=corpus_of(text))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.library.article_view
        assert view.row_count > 4_000
        await pilot.press("tab")
        await pilot.press("pagedown", "pagedown", "pagedown")
        assert view.scroll_offset.y > 0
        assert view.sentence_index is not None and view.sentence_index > 0
        await pilot.press("G")
        assert "Paragraph 199 ends here." in " ".join(view.visible_text().split())


def _big_corpus(stories: int, per_story: int) -> Corpus:
    articles: list[Article] = []
    story_list: list[Story] = []
    for s in range(stories):
        ids = []
        for v in range(per_story):
            article_id = f"s{s:05d}v{v}"
            outlet = ("Reuters", "Agence France-Presse", "The Associated Press")[v % 3]
            articles.append(
                Article(
                    article_id, f"/x/{article_id}.txt", f"Story {s} version {v}.", outlet=outlet
                )
            )
            ids.append(article_id)
        story_list.append(Story(f"story{s:05d}", f"Story number {s}", tuple(ids)))
    return Corpus(articles, story_list)


async def test_ten_thousand_articles_list_and_filter() -> None:
    corpus = _big_corpus(3_334, 3)
    app = ReaderApp(corpus=corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        story_list = app.library.query_one(StoryList)
        assert len(story_list.rows) == 3_334 * 4
        await pilot.press("G")
        assert story_list.highlighted_article_id == "s03333v2"
        await pilot.press("slash", *"number 12")
        await settle(pilot)
        titles = {corpus.stories[r.story_index].title for r in story_list.rows}
        assert titles == {
            f"Story number {n}" for n in range(12, 3334) if str(n).startswith("12")
        } | {"Story number 12"}
        await pilot.press("escape")
        await pilot.press("slash", *"reuters")
        await settle(pilot)
        versions = [r.article_id for r in story_list.rows if r.article_id]
        assert len(versions) == 3_334 and all(v.endswith("v0") for v in versions)


@pytest.mark.parametrize("text", ["", "\x00\x01\x02", "مرحبا بالعالم. “اقتباس” قال."])
async def test_odd_articles_never_break_the_library(text: str) -> None:
    app = ReaderApp(corpus=corpus_of(text, "A normal second version."))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "j", "G", "b", "tab", "enter")
        await settle(pilot)
        assert app.is_running
