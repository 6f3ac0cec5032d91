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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the golds' reader lives beside the golds

from align_gold import gold_pairs, predicted_pairs  # noqa: E402

from reader.corpus import seeds_dir  # noqa: E402
from reader.diff import align  # noqa: E402
from reader.ingest import read_path  # noqa: E402


def evaluate(gold_path: Path, seeds: dict) -> dict[str, float | int]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    a, b = seeds[gold["a"]], seeds[gold["b"]]
    alignment = align(a, b)
    same, related = gold_pairs(gold, alignment)
    predicted = predicted_pairs(alignment)
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
    articles, _ = read_path(seeds_dir())
    seeds = {article.id[:3]: article for article in articles}
    for path in paths:
        print(path.name, evaluate(path, seeds))


if __name__ == "__main__":
    main(sys.argv[1:])
