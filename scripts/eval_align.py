"""Pairing precision and recall of the sentence alignment against the hand-built golds.

Usage: python scripts/eval_align.py [GOLD.json ...]   (default: every tests/data/align_*.json)

Two gold formats: ``align_000_001.json`` (a rewrite: every A sentence has its B counterparts) and
the cross-outlet golds (``kind`` 'same' must be paired, 'related' is tolerated, anything else is
a false pair). A predicted pair is one A sentence with the B sentences of its aligned pair
(backbone or moved).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.diff import align
from reader.ingest import read_path
from reader.text.sentences import sentence_index_at

ROOT = Path(__file__).resolve().parent.parent


def evaluate(gold_path: Path, seeds: dict) -> dict[str, float | int]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    a, b = seeds[gold["a"]], seeds[gold["b"]]
    alignment = align(a, b)

    def index(text: str, sentences: tuple, prefix: str) -> int:
        found = sentence_index_at(sentences, text.find(prefix))
        assert text.find(prefix) >= 0 and found is not None, prefix
        return found

    same: dict[int, set[int]] = {}
    related: dict[int, set[int]] = {}
    for item in gold["pairs"]:
        a_prefixes = item["a"] if isinstance(item["a"], list) else [item["a"]]
        b_set = {index(b.text, alignment.b_sentences, p) for p in item["b"]}
        for prefix in a_prefixes:
            i = index(a.text, alignment.a_sentences, prefix)
            (related if item.get("kind") == "related" else same)[i] = b_set
    predicted = {
        i: set(pair.b_sentences)
        for pair in alignment.pairs
        if pair.a is not None and pair.b is not None
        for i in pair.a_sentences
    }
    strict = sum(1 for i, bs in predicted.items() if bs & same.get(i, set()))
    tolerated = sum(
        1 for i, bs in predicted.items() if bs & (same.get(i, set()) | related.get(i, set()))
    )
    found = sum(1 for i, bs in same.items() if predicted.get(i, set()) & bs)
    return {
        "predicted": len(predicted),
        "correct": strict,
        "tolerated": tolerated,
        "false": len(predicted) - tolerated,
        "gold": len(same),
        "found": found,
        "precision": round(strict / len(predicted), 3) if predicted else 1.0,
        "precision_tolerant": round(tolerated / len(predicted), 3) if predicted else 1.0,
        "recall": round(found / len(same), 3) if same else 1.0,
    }


def main(argv: list[str]) -> None:
    paths = [Path(p) for p in argv] or sorted((ROOT / "tests" / "data").glob("align_*.json"))
    articles, _ = read_path(ROOT / "seeds")
    seeds = {article.id[:3]: article for article in articles}
    for path in paths:
        print(path.name, evaluate(path, seeds))


if __name__ == "__main__":
    main(sys.argv[1:])
