"""Sentence and paragraph segmentation on news prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest import read_path
from reader.text.sentences import Sentence, sentence_index_at, split_paragraphs, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def texts(text: str) -> list[str]:
    return [s.text_of(text) for s in split_sentences(text)]


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    articles, _ = read_path(SEEDS)
    return {a.id[:3]: a.text for a in articles}


def test_plain_sentences_and_trimmed_offsets() -> None:
    text = "  The talks open today.  They will last a week!\tWill they work?  "
    sentences = split_sentences(text)
    assert texts(text) == ["The talks open today.", "They will last a week!", "Will they work?"]
    for s in sentences:
        assert s.text_of(text) == s.text_of(text).strip()
        assert s.span.text_of(text) == s.text_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Putin and Mrs. Smith met Dr. Jones on Jan. 10 in St. Petersburg.",
        "Gov. Newsom and Sen. Warren spoke to Rep. Cheney on Sept. 11.",
        "Russian President Vladimir V. Putin spoke with George W. Bush on the phone.",
        "The U.S. and the U.K. signed the deal with Acme Inc. last year.",
        "Prices rose 1.5 percent over 2 1/2 years, to $3.75 a share.",
        "It happened at 9 a.m. on Friday, the No. 2 official said.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_split(text: str) -> None:
    assert texts(text) == [text]


def test_ambiguous_abbreviation_ends_sentence_before_an_opener() -> None:
    text = "The troops went back to the U.S. The president welcomed them."
    assert texts(text) == ["The troops went back to the U.S.", "The president welcomed them."]


def test_closing_quote_after_period_belongs_to_the_sentence() -> None:
    text = "“There will be a price to pay.” Biden left. He said “no.” Then he went home."
    assert texts(text) == [
        "“There will be a price to pay.”",
        "Biden left.",
        "He said “no.”",
        "Then he went home.",
    ]


def test_quote_followed_by_attribution_stays_one_sentence() -> None:
    text = "“Are you sure?” he asked. “Yes,” she said."
    assert texts(text) == ["“Are you sure?” he asked.", "“Yes,” she said."]


def test_stray_punctuation_and_stray_closing_quote() -> None:
    text = (
        "Biden said the talks could work in the days to come. . The US president agreed. "
        "It is about how determined we are. “\nNext paragraph."
    )
    assert texts(text) == [
        "Biden said the talks could work in the days to come. .",
        "The US president agreed.",
        "It is about how determined we are. “",
        "Next paragraph.",
    ]


def test_lowercase_continuation_after_period_does_not_split() -> None:
    # Machine translation breaks sentences with a period before a lower-case word.
    text = "Presidents Barack Obama, George W. Bush. and Bill Clinton met before. the start."
    assert texts(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON — The Biden administration said talks would open.",
        "WILMINGTON, Delaware (AP) – After difficult discussions, both sides spoke.",
        "WASHINGTON, D.C. — Officials met on Tuesday.",
    ],
)
def test_datelines_stay_in_the_first_sentence(text: str) -> None:
    assert texts(text) == [text]


def test_paragraph_boundaries_are_kept() -> None:
    text = "A headline without a stop\n\nFirst paragraph, one sentence. Two.\nSecond line here"
    paragraphs = split_paragraphs(text)
    assert [p.text_of(text) for p in paragraphs] == [
        "A headline without a stop",
        "First paragraph, one sentence. Two.",
        "Second line here",
    ]
    sentences = split_sentences(text)
    assert [(s.text_of(text), s.paragraph) for s in sentences] == [
        ("A headline without a stop", 0),
        ("First paragraph, one sentence.", 1),
        ("Two.", 1),
        ("Second line here", 2),
    ]


def test_other_scripts() -> None:
    russian = "Путин встретился с Байденом. Переговоры начнутся в январе."
    assert texts(russian) == ["Путин встретился с Байденом.", "Переговоры начнутся в январе."]
    chinese = "美国和俄罗斯将举行会谈。会谈将在日内瓦举行！"
    assert texts(chinese) == ["美国和俄罗斯将举行会谈。", "会谈将在日内瓦举行！"]


@pytest.mark.parametrize(
    "text", ["", "   \n\n  ", "\x00\x01\x02binary\xff\ufffd. ", ". . . !!!", "a" * 5000]
)
def test_odd_input_never_raises(text: str) -> None:
    sentences = split_sentences(text)
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert not s.text_of(text)[0].isspace() and not s.text_of(text)[-1].isspace()


def test_sentence_index_at() -> None:
    text = "One here. Two there."
    sentences = split_sentences(text)
    assert sentence_index_at(sentences, 0) == 0
    assert sentence_index_at(sentences, text.index("Two") + 1) == 1
    assert sentence_index_at(sentences, text.index(" Two")) is None
    assert sentence_index_at([], 3) is None


def test_seed_sentences(seed_texts: dict[str, str]) -> None:
    text = seed_texts["000"]
    found = texts(text)
    assert any(
        s.startswith("Intelligence officials say") and "Vladimir V. Putin has not decided" in s
        for s in found
    )
    assert "Some of these states are already members of NATO." in found
    assert any(
        s.startswith("This strategy worked in Belarus") and s.endswith("joint military exercises.")
        for s in found
    )
    ap = texts(seed_texts["003"])
    assert any(
        s.startswith("“The next two weeks") and s.endswith("George W. Bush. and Bill Clinton.")
        for s in ap
    )
    assert "There will be a price to pay.”" in ap
    for article_text in seed_texts.values():
        sentences = split_sentences(article_text)
        assert sentences == sorted(sentences, key=lambda s: s.start)
        assert all(isinstance(s, Sentence) for s in sentences)
        # Sentences never overlap and never cross a line break.
        for first, second in zip(sentences, sentences[1:], strict=False):
            assert first.end <= second.start
        assert all("\n" not in s.text_of(article_text) for s in sentences)
