"""The synthetic corpus generator behind the grouping benchmark."""

from __future__ import annotations

from collections import Counter

from reader.bench.synth import KINDS, generate, write_corpus


def test_same_seed_same_corpus_and_different_seed_differs():
    first = generate(6, 5, seed=11)
    assert first == generate(6, 5, seed=11)
    assert [a.text for a in first] != [a.text for a in generate(6, 5, seed=12)]


def test_shape_labels_and_kinds(tmp_path):
    articles = generate(5, 8, seed=1)
    assert len(articles) == 40
    assert len({a.name for a in articles}) == 40
    assert Counter(a.story for a in articles) == dict.fromkeys(range(5), 8)
    assert {a.kind for a in articles} <= set(KINDS)
    assert sum(a.kind == "base" for a in articles) == 5
    # Versions differ from their base, and different stories differ in their words.
    bases = {a.story: a.text for a in articles if a.kind == "base"}
    assert all(a.text != bases[a.story] for a in articles if a.kind == "rewrite")
    shared = set(bases[0].split()) & set(bases[1].split())
    assert len(shared) < 0.5 * len(set(bases[0].split()))
    labels = write_corpus(tmp_path, articles)
    assert labels == {a.name: a.story for a in articles}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(labels)
