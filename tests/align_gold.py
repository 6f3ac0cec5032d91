"""Reading the hand-built alignment golds in ``tests/data/align_*.json`` against an alignment.

Shared by the alignment tests and ``scripts/eval_align.py``. A gold names sentences by a prefix
of their text (not offsets, so ingest changes do not break it). Two formats: the rewrite gold
(``align_000_001.json``: every pair lists A prefixes and their B counterparts) and the
cross-outlet golds (one A prefix per pair, ``kind`` 'same' must be paired, 'related' is
tolerated).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.diff import Alignment
from reader.text.sentences import Sentence, sentence_index_at


def sentence_of(text: str, sentences: tuple[Sentence, ...], prefix: str) -> int:
    """Index of the sentence holding the first occurrence of ``prefix``."""
    position = text.find(prefix)
    assert position >= 0, prefix
    index = sentence_index_at(sentences, position)
    assert index is not None, prefix
    return index


def predicted_pairs(alignment: Alignment) -> dict[int, set[int]]:
    """A sentence index -> the B sentences of its aligned pair (backbone or moved)."""
    return {
        i: set(pair.b_sentences)
        for pair in alignment.pairs
        if pair.a is not None and pair.b is not None
        for i in pair.a_sentences
    }


def gold_pairs(
    gold: dict[str, Any], alignment: Alignment
) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """(same, related): A sentence index -> its gold B sentence indices, by kind."""
    same: dict[int, set[int]] = {}
    related: dict[int, set[int]] = {}
    for item in gold["pairs"]:
        a_prefixes = item["a"] if isinstance(item["a"], list) else [item["a"]]
        b_set = {sentence_of(alignment.b_text, alignment.b_sentences, p) for p in item["b"]}
        for prefix in a_prefixes:
            i = sentence_of(alignment.a_text, alignment.a_sentences, prefix)
            (related if item.get("kind") == "related" else same)[i] = b_set
    return same, related


@dataclass(frozen=True)
class GoldScore:
    """How an alignment's pairs (per A sentence) fare against a gold."""

    predicted: int
    """A sentences the alignment pairs."""
    correct: int
    """... with a 'same' counterpart."""
    tolerated: int
    """... with a 'same' or 'related' counterpart."""
    gold: int
    """A sentences the gold says must pair ('same')."""
    found: int
    """... that the alignment pairs with their counterpart."""

    @property
    def false(self) -> int:
        """Pairs with neither a 'same' nor a 'related' counterpart."""
        return self.predicted - self.tolerated


def score(gold: dict[str, Any], alignment: Alignment) -> GoldScore:
    same, related = gold_pairs(gold, alignment)
    predicted = predicted_pairs(alignment)
    return GoldScore(
        predicted=len(predicted),
        correct=sum(1 for i, bs in predicted.items() if bs & same.get(i, set())),
        tolerated=sum(
            1 for i, bs in predicted.items() if bs & (same.get(i, set()) | related.get(i, set()))
        ),
        gold=len(same),
        found=sum(1 for i, bs in same.items() if predicted.get(i, set()) & bs),
    )
