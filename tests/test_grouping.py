"""Story grouping on the seeds and on small hand-written news texts."""

from __future__ import annotations

import random

from reader.bench.synth import SynthCorpus
from reader.grouping import group_articles
from reader.model import Article

QUAKE_CHILE = """A magnitude 7.8 earthquake struck off the coast of northern Chile on Tuesday, \
killing at least six people in the mining town of Iquique, officials said.
President Michelle Bachelet declared Iquique and Arica disaster zones after the quake cut power \
to 80,000 homes.
The navy lifted a tsunami warning for the Pacific coast late on Tuesday night.
Chile's copper mines near Antofagasta reported no damage, Codelco said.
"""
QUAKE_CHILE_OTHER_OUTLET = """Six people died when a powerful 7.8-magnitude quake hit northern \
Chile, officials in Iquique said on Tuesday.
Bachelet named Iquique and Arica disaster areas; around 80,000 homes lost power.
A tsunami alert along the coast was lifted hours later, the navy said.
Codelco said its copper mines around Antofagasta were not damaged.
"""
QUAKE_JAPAN = """A 6.4 magnitude earthquake shook the Japanese island of Hokkaido on Saturday, \
injuring 14 people in Sapporo and halting bullet trains, the Meteorological Agency said.
Prime Minister Kishida sent troops to Tomakomai, where landslides blocked roads.
Hokkaido Electric restarted the Tomari plant checks after the quake, with 2,300 homes without power.
"""
BUDGET = """Parliament approved the 2024 budget on Thursday after a 14-hour debate, with the \
finance minister promising lower taxes for small businesses and more money for rural schools.
The opposition called the spending plan reckless and vowed to challenge the pension reform.
"""
FOOTBALL = """Liverpool beat Manchester City 3-1 at Anfield on Sunday, with Salah scoring twice \
as Klopp's side moved four points clear at the top of the Premier League table.
Guardiola said his defenders had been careless in the second half.
"""


def _articles(**texts: str) -> list[Article]:
    return [Article(id=name, path=f"{name}.txt", text=text) for name, text in texts.items()]


def _story_sets(stories) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in stories}


def test_seeds_are_one_story_with_000_and_001_closest(seed_articles):
    stories = group_articles(list(seed_articles.values()))
    assert len(stories) == 1
    story = stories[0]
    assert sorted(i[:3] for i in story.article_ids) == ["000", "001", "002", "003", "004"]
    assert len(story.pairs) == 10
    best = max(story.pairs, key=lambda p: p.similarity)
    assert {best.a[:3], best.b[:3]} == {"000", "001"}
    assert story.closest(seed_articles["000"].id) == seed_articles["001"].id
    # The translation/spun pair is the same article reworded; other outlets are the same event.
    relations = {frozenset((p.a[:3], p.b[:3])): p.relation for p in story.pairs}
    assert relations[frozenset(("000", "001"))] == "rewrite"
    assert relations[frozenset(("002", "003"))] == "same-event"
    # Dated versions first (000 and 002 carry 2021-12-29), then undated by id.
    assert [i[:3] for i in story.article_ids] == ["000", "002", "001", "003", "004"]
    assert story.title  # 001's and 003's titles exist: one of them is chosen
    assert story.title in {seed_articles["001"].title, seed_articles["003"].title}


def test_different_stories_and_same_kind_events_do_not_merge():
    articles = _articles(
        chile=QUAKE_CHILE,
        chile2=QUAKE_CHILE_OTHER_OUTLET,
        japan=QUAKE_JAPAN,
        budget=BUDGET,
        football=FOOTBALL,
    )
    stories = group_articles(articles)
    assert _story_sets(stories) == {
        frozenset({"chile", "chile2"}),
        frozenset({"japan"}),
        frozenset({"budget"}),
        frozenset({"football"}),
    }
    # Bigger stories first; every article in exactly one story.
    assert stories[0].article_ids == ("chile", "chile2")
    assert sorted(i for s in stories for i in s.article_ids) == sorted(a.id for a in articles)


def test_seed_story_stays_apart_from_unrelated_news(seed_articles):
    articles = [*seed_articles.values(), *_articles(japan=QUAKE_JAPAN, budget=BUDGET)]
    sets = _story_sets(group_articles(articles))
    assert frozenset(a.id for a in seed_articles.values()) in sets
    assert frozenset({"japan"}) in sets and frozenset({"budget"}) in sets


def test_output_does_not_depend_on_input_order(seed_articles):
    articles = [*seed_articles.values(), *_articles(chile=QUAKE_CHILE, japan=QUAKE_JAPAN)]
    shuffled = list(articles)
    random.Random(3).shuffle(shuffled)
    assert group_articles(articles) == group_articles(shuffled)


def test_near_copy_is_labelled_near_copy():
    edited = QUAKE_CHILE.replace("at least six people", "at least seven people")
    stories = group_articles(_articles(original=QUAKE_CHILE, edited=edited, budget=BUDGET))
    story = next(s for s in stories if len(s.article_ids) == 2)
    assert set(story.article_ids) == {"original", "edited"}
    assert story.pairs[0].relation == "near-copy"
    assert story.pairs[0].similarity > 0.9


def test_empty_single_and_odd_input():
    assert group_articles([]) == []
    (single,) = group_articles(_articles(only=BUDGET))
    assert single.article_ids == ("only",) and single.pairs == ()
    assert single.title.startswith("Parliament approved the 2024 budget")
    assert single.id.startswith("s-")
    odd = _articles(
        empty="",
        spaces="   \n\n  ",
        binary="\x00\x01\x02 \ufffd\ufffd",
        greek="Ο σεισμός έπληξε την Κρήτη την Τρίτη.",
        chinese="地震袭击了智利北部。",
    )
    stories = group_articles(odd)
    assert sorted(i for s in stories for i in s.article_ids) == sorted(a.id for a in odd)
    assert all(isinstance(s.title, str) and s.title for s in stories)


def test_progress_reports_completion(seed_articles):
    calls = []
    group_articles(
        list(seed_articles.values()), progress=lambda done, total: calls.append((done, total))
    )
    assert calls and calls[-1] == (5, 5)


def test_story_of_many_versions_stays_whole():
    # 150 versions share their top terms, so the candidate index compares each with a few hub
    # members only: the story must still come out whole, and apart from the other stories.
    synth = SynthCorpus(5)
    big = synth.generate(1, 150, rewrite_share=0.5)
    others = synth.generate(12, 5)
    articles = [Article(id=f"big-{a.name}", path=a.name, text=a.text) for a in big]
    articles += [Article(id=f"other-{a.name}", path=a.name, text=a.text) for a in others]
    stories = group_articles(articles)
    assert frozenset(f"big-{a.name}" for a in big) in _story_sets(stories)
    expected: dict[int, set[str]] = {}
    for a in others:
        expected.setdefault(a.story, set()).add(f"other-{a.name}")
    assert {frozenset(ids) for ids in expected.values()} <= _story_sets(stories)
    assert len(stories) == 13
