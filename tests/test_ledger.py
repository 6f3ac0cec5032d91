"""The cross-version ledger on the seeds and on small texts."""

from __future__ import annotations

import pytest

from reader.extract.article import clear_cache, extract_article
from reader.extract.ledger import Ledger, QuoteGroup, build_ledger
from reader.model import Article


@pytest.fixture(scope="module")
def seed_ledger(seed_articles: dict[str, Article]) -> Ledger:
    return build_ledger([seed_articles[k] for k in sorted(seed_articles)])


def _group_with(ledger: Ledger, words: str) -> QuoteGroup:
    matches = [g for g in ledger.groups if any(words in m.text.lower() for m in g.members)]
    assert len(matches) == 1, [g.members for g in matches]
    return matches[0]


def _status(group: QuoteGroup, key: str) -> str | None:
    member = next((m for m in group.members if m.article.startswith(key)), None)
    return member.status if member else None


def test_member_offsets_point_into_their_article(
    seed_ledger: Ledger, seed_articles: dict[str, Article]
) -> None:
    by_id = {a.id: a for a in seed_articles.values()}
    assert seed_ledger.groups
    for group in seed_ledger.groups:
        assert group.reference in group.articles
        assert not set(group.articles) & set(group.missing)
        for member in group.members:
            assert by_id[member.article].text[member.start : member.end] == member.text


def test_white_house_quote_in_three_wordings_and_unquoted(seed_ledger: Ledger) -> None:
    group = _group_with(seed_ledger, "we sit down to talk")
    assert _status(group, "002") in ("verbatim", "altered")
    assert _status(group, "004") in ("verbatim", "altered")
    assert _status(group, "001") in ("verbatim", "altered")
    # The spun wording ("after we sit down to speak") differs from the others: whichever is the
    # reference, the other side is altered.
    assert "altered" in (_status(group, "001"), _status(group, "002"))
    assert _status(group, "000") == "unquoted"  # machine translation dropped the marks
    unquoted = group.member(next(a for a in group.articles if a.startswith("000")))
    assert unquoted is not None
    assert "we sit down to speak, Russia can put its concerns" in unquoted.text
    assert "concerns on the table with Russia’s activities" in unquoted.text
    altered = [m for m in group.members if m.status == "altered"]
    assert altered and all(any(op.op != "equal" for op in m.ops) for m in altered)
    assert [m[:3] for m in group.missing] == ["003"]


def test_reference_is_the_first_version_that_quotes(seed_articles: dict[str, Article]) -> None:
    ledger = build_ledger([seed_articles[k] for k in ("000", "002", "001", "003", "004")])
    group = _group_with(ledger, "we sit down to talk")
    assert group.reference.startswith("002")  # 000 has the words, but not as a quote
    assert [(m.article[:3], m.status) for m in group.members] == [
        ("000", "unquoted"),
        ("002", "verbatim"),
        ("001", "altered"),
        ("004", "altered"),  # "also" dropped, "as well" added
    ]
    unquoted = group.members[0]
    assert unquoted.text.startswith("when we sit down to speak")
    assert unquoted.text.endswith("with Russia’s activities")  # as far as 002 quotes


def test_sullivan_quote_spun_and_unquoted(seed_ledger: Ledger) -> None:
    group = _group_with(seed_ledger, "negotiating desk")
    assert _status(group, "001") == "verbatim"
    assert group.reference.startswith("001")
    assert _status(group, "000") == "unquoted"
    assert "negotiating table" in group.member(group.articles[0]).text  # type: ignore[union-attr]


def test_quotes_found_once_are_missing_elsewhere(seed_ledger: Ledger) -> None:
    group = _group_with(seed_ledger, "the next two weeks are going to be difficult")
    assert [m.article[:3] for m in group.members] == ["003"]
    assert len(group.missing) == 4


def test_geneva_date_conflict(seed_ledger: Ledger) -> None:
    conflicts = [
        c for c in seed_ledger.date_conflicts if any(v.text == "January 9" for v in c.values)
    ]
    assert len(conflicts) == 1
    conflict = conflicts[0]
    values_003 = {v.value for v in conflict.values if v.article.startswith("003")}
    assert values_003 == {"XXXX-01-09", "XXXX-01-10"}
    others = {v.value[-5:] for v in conflict.values if not v.article.startswith("003")}
    assert others == {"01-10"}
    assert "talks" in conflict.about.lower()


def test_no_conflict_between_agreeing_versions(seed_ledger: Ledger) -> None:
    # 000 and 001 both date the NotPetya attack 2017 and the Crimea annexation 2014.
    for conflict in seed_ledger.date_conflicts:
        assert not any(v.value in ("2014", "2017") for v in conflict.values)
    assert seed_ledger.number_conflicts == ()


def _article(key: str, text: str, date: str | None = "2022-03-01") -> Article:
    return Article(id=key, path=f"{key}.txt", text=text, date=date)


def test_number_conflict_on_small_texts() -> None:
    a = _article("a", "Officials said 30 people were killed in the shelling of Kharkiv on Tuesday.")
    b = _article("b", "Officials said 45 people were killed when Russian forces shelled Kharkiv.")
    c = _article("c", "The mayor of Odesa opened a new bridge on Tuesday, with 200 people present.")
    ledger = build_ledger([a, b, c])
    assert len(ledger.number_conflicts) == 1
    conflict = ledger.number_conflicts[0]
    assert {(v.article, v.value) for v in conflict.values} == {("a", "30"), ("b", "45")}
    assert "Kharkiv" in conflict.about


def test_hedged_and_vague_numbers_do_not_conflict() -> None:
    a = _article("a", "Russia has massed some 100,000 troops on the border with Ukraine.")
    b = _article("b", "Russia has massed tens of thousands of troops on the border with Ukraine.")
    assert build_ledger([a, b]).number_conflicts == ()


def test_reattribution_is_flagged() -> None:
    quote = "We will not allow our initiatives to be drowned in endless discussions"
    a = _article("a", f"“{quote},” Foreign Minister Sergei Lavrov said on Friday.")
    b = _article("b", f"“{quote},” Kremlin spokesman Dmitry Peskov said on Friday.")
    group = build_ledger([a, b]).groups[0]
    assert [m.status for m in group.members] == ["verbatim", "verbatim"]
    assert group.reattributed


def test_short_fragments_match_only_exactly() -> None:
    a = _article("a", "Lavrov said Moscow would take a “hard line” in the talks.")
    b = _article("b", "Lavrov promised a hard line at the talks, and a “tough stance”.")
    ledger = build_ledger([a, b])
    assert ledger.groups == ()


def test_deterministic_and_empty_input(seed_articles: dict[str, Article]) -> None:
    articles = [seed_articles[k] for k in sorted(seed_articles)]
    assert build_ledger(articles).to_json() == build_ledger(articles).to_json()
    empty = build_ledger([_article("e", ""), _article("f", "\x00\x01 \ufffd")])
    assert empty.groups == () and empty.date_conflicts == ()
    assert build_ledger([]).articles == ()


def test_extract_article_is_memoised_by_text_and_dct(seed_articles: dict[str, Article]) -> None:
    clear_cache()
    article = seed_articles["002"]
    first = extract_article(article)
    assert extract_article(article) is first
    assert first.dct == article.date
    other = extract_article(article, "2020-01-01")
    assert other is not first and other.dct == "2020-01-01"
    edited = Article(id=article.id, path=article.path, text=article.text + " Two more soldiers.")
    assert extract_article(edited) is not first
