"""Terminal rendering of diffs and survival tables, at 80 and 160 columns."""

from __future__ import annotations

import pytest
from rich.console import Console

from reader.diff import align, align_texts, survival
from reader.diff.render import render_side_by_side, render_survival, render_unified
from reader.model import Article

PARAGRAPHS = [
    "The foreign ministers of both countries arrived in Geneva on Monday evening.",
    "Officials said the talks would focus on missile deployments in Europe.",
    "Protesters gathered outside the hotel, holding banners about the war.",
    "Analysts doubt that a breakthrough is possible before the summer.",
]


def render(renderable: object, width: int) -> str:
    """The plain text of a renderable printed at ``width`` columns."""
    console = Console(width=width, record=True, force_terminal=True, color_system="standard")
    console.print(renderable)
    return console.export_text(styles=False)


@pytest.mark.parametrize("width", [80, 160])
def test_side_by_side_fits_and_keeps_every_word(
    seed_articles: dict[str, Article], width: int
) -> None:
    a, b = seed_articles["000"], seed_articles["001"]
    alignment = align(a, b)
    text = render(render_side_by_side(alignment), width)
    lines = text.splitlines()
    assert all(len(line) <= width for line in lines)
    assert "similarity 61%" in text or "similarity" in lines[1]
    rendered_words = set(text.split())
    # Wrapped by word: every word of both versions appears whole somewhere in the table.
    for word in set(a.text.split()) | set(b.text.split()):
        if len(word) < width // 2 - 8:
            assert word in rendered_words, word


def test_highlights_deleted_inserted_replaced() -> None:
    a = "Officials said the talks would focus on missile deployments in Europe, he added today."
    b = "Officials said the talks would concentrate on missile deployments in Europe now, he added."
    console = Console(width=160, record=True, force_terminal=True, color_system="standard")
    console.print(render_side_by_side(align_texts(a, b)))
    styled = console.export_text(styles=True)
    # Replaced: yellow + underline on both sides; inserted: green + underline; deleted: red + strike.
    assert "\x1b[4;33mfocus\x1b[0m" in styled
    assert "\x1b[4;33mconcentrate\x1b[0m" in styled
    assert "\x1b[4;32mnow\x1b[0m" in styled
    assert "\x1b[9;31mtoday\x1b[0m" in styled
    assert "\x1b[4;33mOfficials" not in styled  # equal words stay plain


def test_moved_rows_point_at_each_other() -> None:
    a = "\n".join(PARAGRAPHS)
    b = "\n".join([PARAGRAPHS[3], *PARAGRAPHS[:3]])
    alignment = align_texts(a, b)
    text = render(render_side_by_side(alignment), 80)
    moved = [(i, r) for i, r in enumerate(alignment.rows) if alignment.pairs[r.pair].op == "moved"]
    assert len(moved) == 2
    (first, first_row), (second, second_row) = moved
    assert f"moved from row {second + 1}" in text or f"moved to row {second + 1}" in text
    assert f"moved from row {first + 1}" in text or f"moved to row {first + 1}" in text
    unified = render(render_unified(alignment), 80)
    assert "moved to row" in unified and "moved from row" in unified


def test_unified_shows_old_and_new_words_inline() -> None:
    a = "The talks would focus on missile deployments in Europe."
    b = "The talks would concentrate on missile deployments in Asia and Europe."
    text = render(render_unified(align_texts(a, b)), 80)
    body = " ".join(text.split())
    assert "focus concentrate" in body
    assert "in Asia and Europe." in body


def test_untrusted_text_is_not_markup() -> None:
    a = "He wrote [bold red]nothing[/] and [link=http://x]this[/link]."
    b = "He wrote [bold red]something[/] and [link=http://x]this[/link]."
    text = render(render_side_by_side(align_texts(a, b)), 160)
    assert "[bold red]" in text and "[/link]" in text
    unified = render(render_unified(align_texts(a, b)), 160)
    assert "[bold red]" in unified


def test_changes_only_and_empty() -> None:
    a = "\n".join(PARAGRAPHS)
    b = "\n".join(PARAGRAPHS[:3])
    text = render(render_side_by_side(align_texts(a, b), changes_only=True), 80)
    assert "Analysts doubt" in text and "Protesters" not in text
    same = render(render_side_by_side(align_texts(a, a), changes_only=True), 80)
    assert "No differences." in same
    empty = render(render_unified(align_texts("", "")), 80)
    assert "Nothing to compare." in empty


@pytest.mark.parametrize("width", [80, 160])
def test_survival_table(width: int) -> None:
    base = Article(id="base", path="base.txt", text="\n".join(PARAGRAPHS))
    other = Article(id="other", path="other.txt", text="\n".join(PARAGRAPHS[1:]))
    text = render(render_survival(survival([base, other], "base")), width)
    assert all(len(line) <= width for line in text.splitlines())
    assert "V1 other: 75% kept" in text
    assert "—" in text


def test_unpaired_sentences_of_both_reports_stand_side_by_side(
    seed_articles: dict[str, Article],
) -> None:
    alignment = align(seed_articles["002"], seed_articles["003"])
    lines = render(render_side_by_side(alignment), 160).splitlines()
    first = next(line for line in lines if line.lstrip().startswith("1 −"))
    # AFP's first sentence, removed, beside AP's first, added, each with its own row and class.
    assert "The United States and Russia" in first and "23 +" in first and "WILMINGTON" in first
    # Past the shared lines, a sentence only B has keeps its number and class in B's gutter.
    for number in ("39 +", "58 +"):
        line = next(line for line in lines if number in line)
        assert not line[: line.index(number)].strip()  # A's gutter and column stay blank
        assert line.index(number) > len(line) // 3
