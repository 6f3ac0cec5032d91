"""Bad input never raises: every engine entry point on hostile, odd and random text."""

from __future__ import annotations

import random

import pytest

from reader.diff.align import align_texts
from reader.extract.dates import find_dates
from reader.extract.numbers import find_numbers
from reader.extract.quotes import find_quotes
from reader.grouping import group_articles
from reader.model import Article
from reader.text.sentences import split_sentences

PIECES = [
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    " said ",
    " told reporters ",
    "he said.",
    "According to ",
    "Mr. ",
    "U.S. ",
    "Jan. ",
    "January 10",
    " 9 and 10",
    "Tuesday",
    "last week",
    "2 1/2 years",
    "$200 million",
    "10,000 troops",
    "15%",
    " — ",
    " – ",
    ". ",
    ".\n\n",
    "\n",
    "\t",
    ",",
    ";",
    ":",
    "(AP)",
    "?",
    "!",
    "...",
    "Sergei Lavrov",
    "the White House",
    "Москва заявила",
    "北京时间",
    "ﷺ",
    "\u200b",
    "\ufeff",
    "0",
    "1999",
    "[/x]",
    "[@click=app.quit]x[/]",
    "%s",
    "{}",
    "\\",
    "<p>",
    "&amp;",
    "e\u0301",
    "🙂",
]

CASES = [
    "",
    " ",
    "\n\n\n",
    "“",
    "”",
    '"' * 51,
    "“ “ “ ” ” “",
    "said said said",
    "He said." * 200,
    "x" * 20000,
    "“" + "word " * 3000,
    "Москва — «Переговоры начнутся 10 января», — сказал Лавров.",
    "北京 1月10日 电 会谈将于1月10日开始。",
    "\x00\x01\x02 binary \xff\xfe",
]


def random_texts(count: int, seed: int = 20211229) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 120))) for _ in range(count)]


TEXTS = CASES + random_texts(150)


@pytest.mark.parametrize("dct", [None, "2021-12-29", "1999-02-28"])
def test_extractors_never_raise_and_spans_are_valid(dct: str | None) -> None:
    for text in TEXTS:
        for quote in find_quotes(text):
            assert 0 <= quote.start < quote.end <= len(text)
            assert quote.text == text[quote.start : quote.end]
        for date in find_dates(text, dct):
            assert 0 <= date.start < date.end <= len(text)
            assert date.text == text[date.start : date.end]
        for number in find_numbers(text):
            assert 0 <= number.start < number.end <= len(text)
        for sentence in split_sentences(text):
            assert 0 <= sentence.start < sentence.end <= len(text)


def test_alignment_never_raises_on_odd_pairs() -> None:
    texts = CASES + random_texts(40, seed=7)
    for a, b in zip(texts, reversed(texts), strict=True):
        alignment = align_texts(a, b)
        assert 0.0 <= alignment.similarity <= 1.0
        for pair in alignment.pairs:
            if pair.a is not None:
                assert 0 <= pair.a.start <= pair.a.end <= len(a)
            if pair.b is not None:
                assert 0 <= pair.b.start <= pair.b.end <= len(b)


def test_grouping_never_raises_on_odd_articles() -> None:
    articles = [
        Article(id=f"odd{i}", path=f"odd{i}.txt", text=text)
        for i, text in enumerate(TEXTS)
        if text.strip()
    ]
    stories = group_articles(articles)
    assert sorted(i for s in stories for i in s.article_ids) == sorted(a.id for a in articles)
