"""The Compare screen: layout, navigation, swapping, modes, version picking, untrusted text.

Pilot tests drive a tiny app that pushes ``CompareScreen`` over a base screen; the snapshot
tests (plain ``def``) pin the look side by side at 160x48 and unified at 80x24.
"""

from __future__ import annotations

import contextlib
import gc
import weakref
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import OptionList, Static
from textual.widgets._footer import FooterKey
from textual.worker import WorkerCancelled

import reader.tui
import reader.tui.screens.compare as compare_module
from reader.corpus import Corpus, load_corpus
from reader.model import Article, Story
from reader.tui import memory
from reader.tui.labels import short_id
from reader.tui.notes_actions import notes_of
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.pick_version import PickVersionScreen
from reader.tui.widgets.diff_header import DiffHeader
from reader.tui.widgets.diff_layout import (
    DiffDocument,
    layout_lines,
    prepare_document,
    side_by_side_columns,
    wrap_offsets,
)
from reader.tui.widgets.diff_view import DiffView

STYLESHEET = Path(reader.tui.__file__).parent / "reader.tcss"
"""The app's stylesheet: the screen is tested with the styles it ships with."""

# -- helpers ----------------------------------------------------------------------------------


def seed_corpus() -> tuple[Corpus, Story]:
    """The bundled seeds as one story of five versions (independent of story grouping)."""
    corpus = load_corpus(group=False)
    return corpus, Story("seeds", "Seeds", tuple(a.id for a in corpus.articles))


class CompareApp(App[None]):
    """A base screen standing in for the Library; on mount it pushes the compare screen."""

    CSS_PATH = str(STYLESHEET)

    def __init__(self, corpus: Corpus, story: Story, left: str, right: str) -> None:
        super().__init__()
        self.corpus = corpus
        self.story = story
        self.left = left
        self.right = right

    def compose(self) -> ComposeResult:
        yield Static("library", id="base")

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.corpus, self.story, self.left, self.right))


def seed_app(left: str = "000", right: str = "001") -> CompareApp:
    corpus, story = seed_corpus()
    return CompareApp(corpus, story, corpus.article(left).id, corpus.article(right).id)


def text_app(left_text: str, right_text: str, outlet: str = "Left") -> CompareApp:
    left = Article("left", "left.txt", left_text, outlet=outlet, date="2024-01-02")
    right = Article("right", "right.txt", right_text, outlet="Right")
    corpus = Corpus([left, right], [Story("s", "s", ("left", "right"))])
    return CompareApp(corpus, corpus.stories[0], "left", "right")


async def settle(pilot: Pilot[None]) -> None:
    """Wait for the alignment worker and the repaint that follows it."""
    await pilot.pause()
    with contextlib.suppress(WorkerCancelled):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def screen_of(app: App[None]) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def visible_text(view: DiffView) -> list[str]:
    """The plain text of every line the view draws now."""
    lines = []
    for y in range(view.scrollable_content_region.height):
        strip: Strip = view.render_line(y)
        lines.append(strip.text)
    return lines


def cursor_visible(view: DiffView) -> bool:
    first, last = view.row_lines(view.cursor_row)
    top = round(view.scroll_y)
    return first >= top and first < top + view.scrollable_content_region.height


# -- layout (no app) --------------------------------------------------------------------------


def test_wrap_offsets_fit_the_width_and_keep_every_word() -> None:
    text = (
        "The announcement came shortly after Russia said 10,000 soldiers were returning.\nNew line."
    )
    for width in (8, 15, 30):
        ranges = wrap_offsets(text, 0, len(text), width)
        assert all(end - start <= width for start, end in ranges)
        # Words longer than the width are cut, so compare the text without its spaces.
        assert "".join(text[s:e] for s, e in ranges).replace(" ", "") == "".join(text.split())
    # The hard line break is kept: "New line." never shares a line with the first paragraph.
    assert text[slice(*wrap_offsets(text, 0, len(text), 200)[-1])] == "New line."
    assert wrap_offsets("", 0, 0, 10) == [(0, 0)]
    assert wrap_offsets("x" * 25, 0, 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_side_by_side_pairs_start_on_the_same_line(seed_articles: dict[str, Article]) -> None:
    document = prepare_document(seed_articles["000"], seed_articles["001"])
    lines = layout_lines(document, 120, unified=False)
    left_width, right_width = side_by_side_columns(120)
    rows_seen = []
    for line in lines:
        if line.a is not None:
            assert line.a[1] - line.a[0] <= left_width
        if line.b is not None:
            assert line.b[1] - line.b[0] <= right_width
        if line.first:
            rows_seen.append(line.row)
            row = document.alignment.rows[line.row]
            # Both sides of an aligned pair begin on its first line.
            assert (line.a is not None) == row.show_a
            assert (line.b is not None) == row.show_b
    assert rows_seen == list(range(len(document.alignment.rows)))


def test_unpaired_sentences_of_both_versions_share_lines_side_by_side(
    seed_articles: dict[str, Article],
) -> None:
    # 001 and 003 are independent reports: almost nothing pairs. Side by side, A's unpaired
    # sentences stand beside B's, A's k-th next to B's k-th, each with its own row.
    document = prepare_document(seed_articles["001"], seed_articles["003"])
    alignment = document.alignment
    ops = [alignment.pairs[row.pair].op for row in alignment.rows]
    lines = layout_lines(document, 120, unified=False)
    shared = [line for line in lines if line.b_row is not None]
    assert shared
    starts = [line for line in shared if line.first]
    for line in starts:
        assert (ops[line.row], ops[line.b_row]) == ("removed", "added")
        assert line.a is not None and line.b is not None
        # Each side's text is that row's own sentence.
        assert line.a[0] == alignment.pairs[alignment.rows[line.row].pair].a.start
        assert line.b[0] == alignment.pairs[alignment.rows[line.b_row].pair].b.start
    # Each side keeps its order, and every sentence of both versions is shown exactly once.
    a_rows = [line.row for line in starts]
    b_rows = [line.b_row for line in starts]
    assert a_rows == sorted(a_rows) and b_rows == sorted(b_rows)
    drawn_a = [line.side_row("a") for line in lines if line.a is not None and line.first]
    drawn_b = [line.side_row("b") for line in lines if line.b is not None and line.first]
    assert sorted(drawn_a) == [i for i, r in enumerate(alignment.rows) if r.show_a]
    assert sorted(drawn_b) == [i for i, r in enumerate(alignment.rows) if r.show_b]
    # One run of unpaired sentences here: as many shared rows as the shorter side has.
    assert set(ops) == {"removed", "added"}
    assert len(starts) == min(ops.count("removed"), ops.count("added"))
    # Unified keeps one side per line.
    assert all(line.b_row is None for line in layout_lines(document, 120, unified=True))


def test_unified_lines_show_one_side_each(seed_articles: dict[str, Article]) -> None:
    document = prepare_document(seed_articles["002"], seed_articles["003"])
    lines = layout_lines(document, 80, unified=True)
    assert all((line.a is None) != (line.b is None) for line in lines if line.row >= 0)
    # Every sentence of both versions appears (equal pairs once, from B).
    a_shown = {line.row for line in lines if line.a is not None}
    b_shown = {line.row for line in lines if line.b is not None}
    for index, row in enumerate(document.alignment.rows):
        pair = document.alignment.pairs[row.pair]
        if row.show_b and pair.b is not None:
            assert index in b_shown
        if row.show_a and pair.a is not None and pair.op != "equal":
            assert index in a_shown


def test_marks_cover_changed_words_and_quotes(seed_articles: dict[str, Article]) -> None:
    document = prepare_document(seed_articles["000"], seed_articles["001"])
    alignment = document.alignment
    for index, pair in enumerate(alignment.pairs):
        for mark in document.a_marks[index]:
            assert pair.a is not None and pair.a.start <= mark.start < mark.end <= pair.a.end
        for mark in document.b_marks[index]:
            assert pair.b is not None and pair.b.start <= mark.start < mark.end <= pair.b.end
    # 001 quotes Sullivan with spun words ("significant progress"): a change inside a quote.
    quoted = [i for i, flag in enumerate(document.quote_changes) if flag]
    assert quoted
    assert any(
        "significant" in alignment.b_text[m.start : m.end]
        for i in quoted
        for m in document.b_marks[i]
        if m.kind == "quote"
    )
    # 000 is a machine translation that dropped the quotation marks: the ledger finds those
    # passages, so words changed inside them are emphasised on A's side too.
    assert dict(document.quote_statuses).get("unquoted", 0) >= 1
    assert any(m.kind == "quote" for i in quoted for m in document.a_marks[i])


def test_identical_and_empty_versions_do_not_fail() -> None:
    same = Article("a", "a", "One sentence here. Another one there.")
    document = prepare_document(same, same)
    assert document.change_rows == ()
    assert layout_lines(document, 100, unified=False)
    empty = Article("e", "e", "")
    for left, right in ((empty, same), (same, empty), (empty, empty)):
        document = prepare_document(left, right)
        layout_lines(document, 40, unified=True)
        layout_lines(document, 40, unified=False)


# -- pilot ------------------------------------------------------------------------------------


async def test_next_change_visits_every_change_in_order() -> None:
    app = seed_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        view = screen.diff_view
        document = screen.document
        assert document is not None and not view.unified
        alignment = document.alignment
        assert alignment.changes  # the spun copy changes nearly every sentence

        visited = []
        if alignment.rows[view.cursor_row].pair in alignment.changes:
            visited.append(alignment.rows[view.cursor_row].pair)
        for _ in range(len(alignment.changes) + 2):
            before = view.cursor_row
            await pilot.press("right_square_bracket")
            if view.cursor_row == before:
                break
            visited.append(alignment.rows[view.cursor_row].pair)
            assert cursor_visible(view)
            # The cursor bar is drawn on the cursor row's first line.
            first, _ = view.row_lines(view.cursor_row)
            assert visible_text(view)[first - round(view.scroll_y)].startswith("▌")
        assert visited == list(alignment.changes)
        assert view.change_position() == (len(alignment.changes), len(alignment.changes))

        # Backwards with p / [ retraces the same changes.
        back = []
        for _ in range(3):
            await pilot.press("p")
            back.append(alignment.rows[view.cursor_row].pair)
        assert back == list(alignment.changes)[-4:-1][::-1]
        header = screen.query_one(DiffHeader)
        assert f"change {len(alignment.changes) - 3}/{len(alignment.changes)}" in str(
            header.render()
        )


async def test_cursor_keys_and_current_span() -> None:
    app = seed_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        view = screen.diff_view
        await pilot.press("j", "j", "down")
        assert view.cursor_row == 3
        await pilot.press("k")
        assert view.cursor_row == 2
        document = screen.document
        assert document is not None
        pair = document.alignment.pairs[document.alignment.rows[2].pair]
        assert pair.a is not None and pair.b is not None
        left = screen.current_span("left")
        right = screen.current_span("right")
        assert left == (document.left.id, pair.a.start, pair.a.end)
        assert right == (document.right.id, pair.b.start, pair.b.end)
        assert document.left.text[left[1] : left[2]].startswith("But that move came")
        await pilot.press("G")
        assert view.cursor_row == view.row_count - 1
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.cursor_row == 0 and view.scroll_y == 0
        await pilot.press("pagedown")
        assert view.scroll_y > 0 and cursor_visible(view)
        await pilot.press("pageup")
        assert view.scroll_y == 0 and cursor_visible(view)


async def test_cursor_on_a_shared_line_marks_only_its_own_column() -> None:
    app = seed_app("001", "003")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = screen_of(app).diff_view
        index, line = next((i, ln) for i, ln in enumerate(view._lines) if ln.b_row is not None)
        view.move_cursor(line.b_row)
        await pilot.pause()
        assert screen_of(app).current_span("left") is None
        assert screen_of(app).current_span("right") is not None
        cursor_bg = view.get_component_rich_style("diff-view--cursor").bgcolor
        y = index - round(view.scroll_y)
        segments = list(view.render_line(y))
        divider = next(n for n, seg in enumerate(segments) if "│" in seg.text)
        left_bgs = {seg.style.bgcolor for seg in segments[1:divider] if seg.style}
        right_bgs = {seg.style.bgcolor for seg in segments[divider + 1 :] if seg.style}
        assert cursor_bg not in left_bgs and cursor_bg in right_bgs
        # A click in the left column picks the A sentence of that line, in the right the B one.
        await pilot.click(DiffView, offset=(5, y))
        assert view.cursor_row == line.row
        await pilot.click(DiffView, offset=(view.size.width - 10, y))
        assert view.cursor_row == line.b_row


async def test_the_cursor_bar_marks_only_the_lines_where_the_cursor_sentence_has_text() -> None:
    # 000 opens with a long A-only sentence beside a short B-only one: on the lines below the
    # short one the B column is blank, so the bar there would mark nothing of B's (and a move
    # to the next row refreshes only B's lines, leaving the bar behind).
    app = seed_app("000", "002")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = screen_of(app).diff_view
        shared = [i for i, line in enumerate(view._lines) if line.b_row is not None]
        b_row = view._lines[shared[0]].b_row
        assert b_row is not None
        blank_on_b = [
            i for i in shared if view._lines[i].b is None and view._lines[i].b_row == b_row
        ]
        assert blank_on_b, "the fixture needs an A sentence longer than its B neighbour"
        view.move_cursor(b_row)
        await pilot.pause()
        first, last = view.row_lines(b_row)
        with_bar = [
            i
            for i in range(len(view._lines))
            if "".join(seg.text for seg in view.render_line(i - round(view.scroll_y))).startswith(
                "▌"
            )
        ]
        assert with_bar == list(range(first, last + 1))
        assert not set(blank_on_b) & set(with_bar)


async def test_marking_the_wrong_column_names_the_key_for_the_sentence_under_the_cursor() -> None:
    app = seed_app("001", "003")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = screen_of(app).diff_view
        line = next(ln for ln in view._lines if ln.b_row is not None and ln.a and ln.b)
        assert line.b_row is not None
        view.move_cursor(line.b_row)  # B's sentence, beside an A-only one on the same line
        await pilot.press("h")
        assert any(
            "only B has: H highlights it" in n.message
            for n in app._notifications  # noqa: SLF001
        )
        notes = notes_of(app)
        assert notes.all_notes() == []
        await pilot.press("H")
        (note,) = notes.all_notes()
        assert note.article_id == screen_of(app).right_id


async def test_cursor_keys_follow_the_screen_where_unpaired_sentences_share_lines() -> None:
    # 001 and 003 barely pair, so most lines hold an A-only and a B-only sentence: j must walk
    # down the screen (left, then right, then the next line), never back up a column.
    app = seed_app("001", "003")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = screen_of(app).diff_view
        assert any(line.b_row is not None for line in view._lines)
        await pilot.press("g")
        visited = [view.cursor_row]
        for _ in range(view.row_count):
            await pilot.press("j")
            if view.cursor_row == visited[-1]:
                break
            visited.append(view.cursor_row)
        assert sorted(visited) == list(range(view.row_count))
        firsts = [view.row_lines(row)[0] for row in visited]
        assert firsts == sorted(firsts)
        assert visited != sorted(visited)  # row order would have been wrong here
        # G lands on the row drawn last, and k walks the same way back.
        await pilot.press("g", "G")
        assert view.cursor_row == visited[-1]
        back = [view.cursor_row]
        for _ in range(5):
            await pilot.press("k")
            back.append(view.cursor_row)
        assert back == visited[::-1][:6]
        # Next change follows the same order, and the header's count agrees with it.
        change_rows = set(screen_of(app).document.change_rows)  # type: ignore[union-attr]
        await pilot.press("g")
        changes = [view.cursor_row] if view.cursor_row in change_rows else []
        for _ in range(view.row_count):
            before = view.cursor_row
            await pilot.press("right_square_bracket")
            if view.cursor_row == before:
                break
            changes.append(view.cursor_row)
            assert view.change_position() == (len(changes), len(change_rows))
        assert changes == [row for row in visited if row in change_rows]


async def test_page_down_moves_a_whole_page_where_unpaired_sentences_share_lines() -> None:
    # Both rows of a shared line start on it: a row straddling the top edge is passed over
    # on both sides, or the cursor would pull the page back up a line.
    app = seed_app("003", "001")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = screen_of(app).diff_view
        height = view.scrollable_content_region.height
        short = []
        for top in range(min(40, round(view.max_scroll_y) - height)):
            view.scroll_to(y=top, animate=False)
            await pilot.pause()
            await pilot.press("space")
            if round(view.scroll_y) < top + height:
                short.append(top)
        assert short == []


async def test_swap_keeps_the_sentence_under_the_cursor() -> None:
    app = seed_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        old_left, old_right = screen.left_id, screen.right_id
        await pilot.press("j", "j", "j", "j")
        before = screen.current_span("left")
        await pilot.press("s")
        await settle(pilot)
        assert (screen.left_id, screen.right_id) == (old_right, old_left)
        document = screen.document
        assert document is not None
        assert (document.left.id, document.right.id) == (old_right, old_left)
        after = screen.current_span("right")
        assert after is not None and before is not None
        assert after[0] == before[0] and after[1] <= before[1] < after[2]
        header_text = str(screen.query_one(DiffHeader).render())
        # Versions are named by their short id ("000") in the header, in their new order.
        assert header_text.index(short_id(old_right)) < header_text.index(short_id(old_left))


async def test_unified_mode_toggles_and_is_automatic_when_narrow() -> None:
    app = seed_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        view = screen_of(app).diff_view
        assert not view.unified
        await pilot.press("u")
        assert view.unified
        assert all((line.a is None) != (line.b is None) for line in view.lines if line.row >= 0)
        assert any(
            text.startswith((" ~ - ", " * - ", "▌~ - ", "▌* - ")) for text in visible_text(view)
        )
        await pilot.press("u")
        assert not view.unified

    narrow = seed_app()
    async with narrow.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view = screen_of(narrow).diff_view
        assert view.unified
        assert all(len(text) <= 80 for text in visible_text(view))
        await pilot.resize_terminal(160, 40)
        await pilot.pause()
        assert not view.unified


async def test_pick_and_cycle_versions() -> None:
    app = seed_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        corpus = app.corpus
        await pilot.press("v")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickVersionScreen)
        options = picker.query_one(OptionList)
        assert [o.id for o in options.options] == list(app.story.article_ids)
        # The version on the other side cannot be picked.
        assert [o.id for o in options.options if o.disabled] == [corpus.article("000").id]
        # Highlight starts on the shown version (001); one down is 002 (j moves as down does).
        await pilot.press("j", "k", "j")
        assert options.highlighted == 2
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.right_id == corpus.article("002").id
        assert screen.document is not None and screen.document.right.id == screen.right_id
        # The footer shows the change keys again once the new pair is in.
        footer_keys = {key.key for key in screen.query(FooterKey)}
        assert {"right_square_bracket", "left_square_bracket"} <= footer_keys

        await pilot.press("r")
        await settle(pilot)
        assert screen.right_id == corpus.article("003").id
        await pilot.press("l")
        await settle(pilot)
        assert screen.left_id == corpus.article("001").id
        assert screen.document is not None
        assert (screen.document.left.id, screen.document.right.id) == (
            screen.left_id,
            screen.right_id,
        )

        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, PickVersionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.left_id == corpus.article("001").id


async def test_quit_goes_back_to_the_previous_screen() -> None:
    app = seed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert app.screen.query_one("#base", Static)
    app = seed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_every_binding_has_a_description() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        active = app.screen.active_bindings
        keys = {binding.key for _, binding, _, _ in active.values()}
        for key in ("s", "u", "l", "r", "v", "q", "n", "p", "j", "k", "g", "G", "m"):
            assert key in active, key
        assert keys
        for _, binding, _, _ in active.values():
            if not binding.system:
                assert binding.description, binding


async def test_moved_sentence_jumps_to_its_counterpart() -> None:
    first = "Storms hit the northern coast overnight, cutting power to thousands of homes."
    middle = [
        "Officials said repairs would take several days.",
        "Schools in three districts will stay closed on Monday.",
        "The weather service expects calmer winds by midweek.",
    ]
    left = " ".join([first, *middle])
    right = " ".join([*middle, first])
    app = text_app(left, right)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        view = screen.diff_view
        document = screen.document
        assert document is not None
        rows = document.alignment.rows
        moved = [i for i, row in enumerate(rows) if row.partner is not None]
        assert moved, "the engine should see the first sentence as moved"
        view.move_cursor(moved[0])
        await pilot.press("m")
        assert view.cursor_row == rows[moved[0]].partner
        assert "moved: see" in "\n".join(visible_text(view))
        await pilot.press("m")
        assert view.cursor_row == moved[0]


async def test_untrusted_text_is_shown_literally() -> None:
    payload = "[/x] [@click=app.quit]x[/]"
    left = f"The minister said {payload} on Tuesday. Markets fell sharply afterwards."
    right = f"The minister said {payload} on Wednesday. Markets fell sharply afterwards."
    app = text_app(left, right, outlet="[b]Evil[/b] [/x]")
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        screen = screen_of(app)
        assert screen.document is not None
        drawn = "\n".join(visible_text(screen.diff_view))
        assert drawn.count(payload) == 2
        assert "[b]Evil[/b] [/x]" in str(screen.query_one(DiffHeader).render())
        await pilot.press("u")
        await pilot.click(DiffView)
        assert payload in "\n".join(visible_text(screen.diff_view))
        assert app.is_running


async def test_failed_lookup_shows_a_message() -> None:
    corpus, story = seed_corpus()
    app = CompareApp(corpus, story, "no-such-article", corpus.article("001").id)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        header = screen_of(app).query_one(DiffHeader)
        assert "Cannot compare" in str(header.render())


# -- snapshots --------------------------------------------------------------------------------


async def _at_the_third_change(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
    # The footer recomposes after a refresh once the view's keys are active: wait for it.
    await pilot.pause()
    await pilot.pause()


def test_snapshot_side_by_side(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=(160, 48), run_before=_at_the_third_change)


def test_snapshot_unified_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=_at_the_third_change)


def test_snapshot_independent_reports_side_by_side(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # AP's report next to the spun copy: nothing pairs, so both read in parallel; the cursor
    # is on a B sentence that shares its lines with an A one.
    assert snap_compare(
        seed_app("003", "001"), terminal_size=(140, 36), run_before=_on_a_shared_b_row
    )


async def _on_a_shared_b_row(pilot: Pilot[None]) -> None:
    await settle(pilot)
    view = screen_of(pilot.app).diff_view
    shared = [line for line in view._lines if line.b_row is not None and line.first]
    view.move_cursor(shared[1].b_row)
    await pilot.pause()
    await pilot.pause()


async def test_a_long_pairs_alignment_is_set_aside_from_garbage_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(compare_module, "_SET_ASIDE_FROM_WORDS", 10)
    gc.unfreeze()
    app = text_app("One sentence here. And two more words.", "One sentence there. And more.")
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert screen_of(app).document is not None
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    monkeypatch.setattr(compare_module, "_SET_ASIDE_FROM_WORDS", 1_000)
    app = text_app("One sentence here. And two more words.", "One sentence there. And more.")
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert screen_of(app).document is not None and gc.get_freeze_count() == 0


async def test_a_long_pair_compared_again_does_not_pin_the_previous_alignment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each swap aligns anew and sets the result aside; the alignment it replaces must not be
    # frozen with it (held by its finished worker, it would be pinned for the screen's life).
    monkeypatch.setattr(compare_module, "_SET_ASIDE_FROM_WORDS", 0)
    app = seed_app()
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            for _ in range(4):
                await pilot.press("s")
                await settle(pilot)
            gc.unfreeze()  # no collection: what the freeze kept is still there to count
            documents = [o for o in gc.get_objects() if isinstance(o, DiffDocument)]
            assert len(documents) == 1 and documents[0] is screen_of(app).document
            del documents
    finally:
        memory.release()


async def test_a_closed_long_comparison_is_not_kept_alive_by_the_gc_freeze(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long pair's alignment is frozen out of garbage collection while it is shown; once its
    # screen is closed it must become collectable again (frozen objects never are).
    monkeypatch.setattr(compare_module, "_SET_ASIDE_FROM_WORDS", 0)
    app = text_app("The talks open in Geneva on Monday.", "The talks opened in Geneva on Monday.")
    closed: list[weakref.ref[CompareScreen]] = []
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            for _ in range(3):
                await settle(pilot)
                assert isinstance(app.screen, CompareScreen)
                closed.append(weakref.ref(app.screen))
                await pilot.press("q")
                await pilot.pause(0.8)  # the thaw and the later re-freeze
                app.push_screen(CompareScreen(app.corpus, app.story, "left", "right"))
            gc.collect()
            # Every screen closed before the last is freed (Textual may still hold the last).
            assert [ref() is not None for ref in closed][:2] == [False, False]
    finally:
        memory.release()
