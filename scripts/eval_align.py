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

from align_gold import score  # noqa: E402

from reader.corpus import seeds_dir  # noqa: E402
from reader.diff import align  # noqa: E402
from reader.ingest import read_path  # noqa: E402


def evaluate(gold_path: Path, seeds: dict) -> dict[str, float | int]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    a, b = seeds[gold["a"]], seeds[gold["b"]]
    result = score(gold, align(a, b))
    return {
        "predicted": result.predicted,
        "correct": result.correct,
        "tolerated": result.tolerated,
        "false": result.false,
        "gold": result.gold,
        "found": result.found,
        "precision": round(result.correct / result.predicted, 3) if result.predicted else 1.0,
        "precision_tolerant": (
            round(result.tolerated / result.predicted, 3) if result.predicted else 1.0
        ),
        "recall": round(result.found / result.gold, 3) if result.gold else 1.0,
    }


def main(argv: list[str]) -> None:
    paths = [Path(p) for p in argv] or sorted((ROOT / "tests" / "data").glob("align_*.json"))
    articles, _ = read_path(seeds_dir())
    seeds = {article.id[:3]: article for article in articles}
    for path in paths:
        print(path.name, evaluate(path, seeds))


if __name__ == "__main__":
    main(sys.argv[1:])
