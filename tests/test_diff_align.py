"""Sentence alignment and word diffs: seeds, constructed edits, odd input, the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from align_gold import gold_pairs, predicted_pairs

from reader.diff import Alignment, align, align_texts
from reader.diff.model import PAIR_OPS, TOKEN_OPS
from reader.model import Article, Span
from reader.text.tokens import fold

GOLD = Path(__file__).resolve().parent / "data" / "align_000_001.json"

PARAGRAPHS = [
    "The foreign ministers of both countries arrived in Geneva on Monday evening.",
    "Officials said the talks would focus on missile deployments in Europe.",
    "Protesters gathered outside the hotel, holding banners about the war.",
    "A spokesman for the delegation declined to comment on the agenda.",
    "The meeting is expected to last two days, according to Swiss diplomats.",
    "Analysts doubt that a breakthrough is possible before the summer.",
]


def a_texts(alignment: Alignment, op: str) -> list[str]:
    return [alignment.a_text[p.a.start : p.a.end] for p in alignment.pairs if p.op == op and p.a]


def side_text(text: str, span: Span | None) -> str:
    """The text of a pair's side that the test expects to be there."""
    assert span is not None
    return span.text_of(text)


def check_token_ops(alignment: Alignment) -> None:
    """Token ops of each pair tile both sides in order, and say truthfully what changed."""
    for pair in alignment.pairs:
        assert pair.op in PAIR_OPS
        assert pair.tokens
        a_pos = pair.a.start if pair.a is not None else 0  # read only when the side is there
        b_pos = pair.b.start if pair.b is not None else 0
        for token in pair.tokens:
            assert token.op in TOKEN_OPS
            a_piece = alignment.a_text[token.a_start : token.a_end]
            b_piece = alignment.b_text[token.b_start : token.b_end]
            if pair.a is not None:
                assert token.a_start >= a_pos and token.a_end <= pair.a.end
                a_pos = token.a_end
            if pair.b is not None:
                assert token.b_start >= b_pos and token.b_end <= pair.b.end
                b_pos = token.b_end
            if token.op == "equal":
                assert fold(a_piece).split() == fold(b_piece).split()
            elif token.op == "insert":
                assert a_piece == "" and b_piece.strip()
            elif token.op == "delete":
                assert b_piece == "" and a_piece.strip()
            else:
                assert a_piece.strip() and b_piece.strip() and a_piece != b_piece


def test_seed_000_001_gold_alignment(seed_articles: dict[str, Article]) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    a, b = seed_articles[gold["a"]], seed_articles[gold["b"]]
    alignment = align(a, b)

    a_to_b = predicted_pairs(alignment)
    expected, related = gold_pairs(gold, alignment)
    assert not related  # a rewrite gold: every sentence has its exact counterpart
    total = len(expected)
    # Exactly the gold's B sentences, not just one of them (the eval script's looser score).
    correct = sum(a_to_b.get(i, set()) == b_set for i, b_set in expected.items())
    assert total == len(alignment.a_sentences)
    assert correct / total >= 0.9, f"{correct}/{total}"
    # The split sentence pair of the gold is found as one 2:1 pair.
    assert any(len(p.a_sentences) == 2 and len(p.b_sentences) == 1 for p in alignment.pairs)
    assert alignment.stats.counts["moved"] == 0
    check_token_ops(alignment)


def test_unrelated_outlets_align_little(seed_articles: dict[str, Article]) -> None:
    alignment = align(seed_articles["000"], seed_articles["003"])
    assert alignment.stats.a_matched < 0.2
    assert alignment.similarity < 0.1


def test_identical_versions_are_all_equal(seed_articles: dict[str, Article]) -> None:
    alignment = align(seed_articles["003"], seed_articles["003"])
    assert {p.op for p in alignment.pairs} == {"equal"}
    assert alignment.similarity == 1.0
    assert alignment.stats.kept == 1.0
    assert alignment.changes == ()


def test_minor_edits_are_minor() -> None:
    a = "The talks open on Monday. “We are ready,” he said."
    b = 'the talks open on Monday! "We are ready" he said.'
    alignment = align_texts(a, b)
    assert [p.op for p in alignment.pairs] == ["minor", "minor"]
    first = alignment.pairs[0]
    changed = [t for t in first.tokens if t.op != "equal"]
    assert [(a[t.a_start : t.a_end], b[t.b_start : t.b_end]) for t in changed] == [
        ("The", "the"),
        (".", "!"),
    ]
    check_token_ops(alignment)


def test_reworded_and_changed_classes() -> None:
    a = "Officials said the talks would focus on missile deployments in Europe."
    light = "Officials said the talks would concentrate on missile deployments in Europe."
    heavy = (
        "The negotiations, officials explained, are mostly about where missiles stand in Europe."
    )
    assert align_texts(a, light).pairs[0].op == "reworded"
    assert align_texts(a, heavy).pairs[0].op == "changed"
    replaced = [t for t in align_texts(a, light).pairs[0].tokens if t.op == "replace"]
    assert [(a[t.a_start : t.a_end], light[t.b_start : t.b_end]) for t in replaced] == [
        ("focus", "concentrate")
    ]


def test_moved_sentence_is_one_pair() -> None:
    a = "\n".join(PARAGRAPHS)
    moved_paragraphs = PARAGRAPHS[:1] + PARAGRAPHS[2:] + PARAGRAPHS[1:2]
    b = "\n".join(moved_paragraphs)
    alignment = align_texts(a, b)
    moved = [p for p in alignment.pairs if p.op == "moved"]
    assert len(moved) == 1
    assert side_text(a, moved[0].a) == PARAGRAPHS[1]
    assert side_text(b, moved[0].b) == PARAGRAPHS[1]
    assert moved[0].edit == "equal"
    assert alignment.stats.counts["added"] == alignment.stats.counts["removed"] == 0
    # Two rows for the moved pair, pointing at each other.
    rows = [
        (index, row)
        for index, row in enumerate(alignment.rows)
        if alignment.pairs[row.pair].op == "moved"
    ]
    assert len(rows) == 2
    (first_index, first), (second_index, second) = rows
    assert first.partner == second_index and second.partner == first_index
    assert first.show_a and not first.show_b and second.show_b and not second.show_a


def test_moved_and_reworded_sentence() -> None:
    a = "\n".join(PARAGRAPHS)
    edited = "Analysts doubt a real breakthrough is possible before the summer."
    b = "\n".join([edited, *PARAGRAPHS[:5]])
    alignment = align_texts(a, b)
    moved = [p for p in alignment.pairs if p.op == "moved"]
    assert len(moved) == 1
    assert side_text(a, moved[0].a) == PARAGRAPHS[5]
    assert moved[0].edit == "reworded"
    check_token_ops(alignment)


def test_split_and_merge() -> None:
    joined = (
        "The minister arrived in Geneva on Monday and met his Russian counterpart for three hours "
        "at the lakeside hotel."
    )
    split = "The minister arrived in Geneva on Monday. He met his Russian counterpart for three hours at the lakeside hotel."
    a = "\n".join([PARAGRAPHS[0], joined, PARAGRAPHS[3]])
    b = "\n".join([PARAGRAPHS[0], split, PARAGRAPHS[3]])
    forward = align_texts(a, b)
    assert [(len(p.a_sentences), len(p.b_sentences)) for p in forward.pairs] == [
        (1, 1),
        (1, 2),
        (1, 1),
    ]
    assert forward.pairs[1].op == "reworded"
    backward = align_texts(b, a)
    assert [(len(p.a_sentences), len(p.b_sentences)) for p in backward.pairs] == [
        (1, 1),
        (2, 1),
        (1, 1),
    ]
    check_token_ops(forward)
    check_token_ops(backward)


def test_added_and_removed_sentences() -> None:
    a = "\n".join(PARAGRAPHS)
    new = "Russia denied any plan to invade its neighbour, the ministry said in a statement."
    b = "\n".join([*PARAGRAPHS[:2], new, *PARAGRAPHS[3:]])
    alignment = align_texts(a, b)
    assert a_texts(alignment, "removed") == [PARAGRAPHS[2]]
    added = [side_text(b, p.b) for p in alignment.pairs if p.op == "added"]
    assert added == [new]
    # Reading order: the removed and added rows sit between their neighbours.
    ops = [p.op for p in alignment.pairs]
    assert ops == ["equal", "equal", "removed", "added", "equal", "equal", "equal"]
    assert alignment.changes == (2, 3)
    assert alignment.next_change(0) == 2 and alignment.next_change(3) is None
    assert alignment.previous_change(3) == 2 and alignment.previous_change(2) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("", "One sentence here. And another.", {"added"}),
        ("One sentence here. And another.", "", {"removed"}),
        ("", "", set()),
        ("Headline only", "One sentence here. And another one.", {"added", "removed"}),
    ],
)
def test_empty_and_one_line_versions(a: str, b: str, expected: set[str]) -> None:
    alignment = align_texts(a, b)
    assert {p.op for p in alignment.pairs} == expected
    if not a and not b:
        assert alignment.similarity == 1.0
        assert alignment.stats.kept == 1.0
    else:
        assert alignment.similarity == 0.0
        # Nothing of A survives, whether A had words to lose or had none.
        assert alignment.stats.kept == 0.0
    check_token_ops(alignment)


def test_other_scripts_and_binary_never_crash() -> None:
    russian_a = "Путин встретился с Байденом в Женеве. Переговоры начнутся в январе."
    russian_b = "Путин встретился с Байденом в Женеве. Переговоры начнутся в феврале."
    alignment = align_texts(russian_a, russian_b)
    assert [p.op for p in alignment.pairs] == ["equal", "reworded"]
    replaced = [t for t in alignment.pairs[1].tokens if t.op == "replace"]
    assert [russian_b[t.b_start : t.b_end] for t in replaced] == ["феврале"]
    chinese = align_texts(
        "美国和俄罗斯将举行会谈。会谈将在日内瓦举行。", "美国和俄罗斯将举行会谈。"
    )
    assert [p.op for p in chinese.pairs] == ["equal", "removed"]
    binary = "\x00\x01\x02\xff\ufffd\x7f" * 200
    for x, y in [(binary, binary), (binary, russian_a), ("....", "!!!?")]:
        check_token_ops(align_texts(x, y))


def test_same_input_same_output(seed_articles: dict[str, Article]) -> None:
    first = align(seed_articles["002"], seed_articles["004"]).to_json()
    second = align(seed_articles["002"], seed_articles["004"]).to_json()
    assert json.dumps(first) == json.dumps(second)


def test_json_contract(seed_articles: dict[str, Article]) -> None:
    a, b = seed_articles["000"], seed_articles["001"]
    data = align(a, b).to_json()
    json.dumps(data)  # serialisable
    assert data["a"] == a.id and data["b"] == b.id
    assert 0.0 <= data["similarity"] <= 1.0
    assert set(data["stats"]["counts"]) == set(PAIR_OPS)
    assert data["pairs"]
    for pair in data["pairs"]:
        assert pair["op"] in PAIR_OPS
        for side, text in (("a", a.text), ("b", b.text)):
            if pair[side] is not None:
                assert set(pair[side]) == {"start", "end", "text"}
                assert text[pair[side]["start"] : pair[side]["end"]] == pair[side]["text"]
        assert 0.0 <= pair["similarity"] <= 1.0
        for token in pair["tokens"]:
            assert set(token) == {"op", "a_start", "a_end", "b_start", "b_end"}


def test_long_document_edits_are_found() -> None:
    # 600 distinct sentences; a few edits scattered through: every edit must be found exactly.
    base = [
        f"Report number {n} says the delegation number {n * 7} met in room {n % 13}."
        for n in range(600)
    ]
    edited = list(base)
    edited[100] = "Report number 100 says the delegation number 700 met in the great hall."
    del edited[300]
    edited.insert(450, "An entirely new paragraph about something else appears here.")
    moved = edited.pop(500)
    edited.insert(20, moved)
    alignment = align_texts("\n".join(base), "\n".join(edited))
    counts = alignment.stats.counts
    assert counts["removed"] == 1 and counts["added"] == 1 and counts["moved"] == 1
    assert counts["reworded"] + counts["changed"] == 1
    assert counts["equal"] == 600 - 3
    check_token_ops(alignment)


def test_side_by_side_lines_share_unpaired_runs_across_a_moved_sentence(
    seed_articles: dict[str, Article],
) -> None:
    # 002 (AFP) and 003 (AP) are independent reports: one changed pair, one moved sentence, the
    # rest unpaired. The moved sentence's sides join the unpaired runs instead of cutting them.
    alignment = align(seed_articles["002"], seed_articles["003"])
    ops = [alignment.pairs[row.pair].op for row in alignment.rows]
    assert "moved" in ops
    lines = alignment.side_by_side_lines()
    drawn = [row for line in lines for row in line if row is not None]
    assert sorted(drawn) == list(range(len(alignment.rows)))  # each row exactly once
    shared = [(a, b) for a, b in lines if b is not None]
    for a, b in shared:
        assert (alignment.free_column(a), alignment.free_column(b)) == ("b", "a")
    assert any(ops[a] == "moved" or ops[b] == "moved" for a, b in shared)
    # Each column keeps its version's order.
    left = [a for a, _ in lines if alignment.free_column(a) != "a"]
    right = [
        b if b is not None else a
        for a, b in lines
        if b is not None or alignment.free_column(a) == "a"
    ]
    assert left == sorted(left) and right == sorted(right)
    # Between two pairs, as many shared lines as the shorter side of the run has rows.
    runs: list[list[int]] = [[]]
    for index in range(len(alignment.rows)):
        if alignment.free_column(index) is None:
            runs.append([])
        else:
            runs[-1].append(index)
    expected = sum(
        min(
            sum(alignment.free_column(i) == "b" for i in run),
            sum(alignment.free_column(i) == "a" for i in run),
        )
        for run in runs
    )
    assert len(shared) == expected > 3


def test_a_demonym_scores_as_its_country() -> None:
    from reader.diff.align import _scoring_word

    for demonym, country in (
        ("swiss", "switzerland"),
        ("russians", "russia"),
        ("american", "unitedstates"),
    ):
        assert _scoring_word(demonym) == _scoring_word(country), demonym
