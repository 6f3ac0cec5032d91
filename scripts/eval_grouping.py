"""Score story grouping on an annotated directory (ECB+-style: ``docs/*.txt`` + ``gold.json``).

Usage: ``python scripts/eval_grouping.py DATA_DIR [-o PRED.json]``. Writes ``{file: story id}``
and, when ``score.py`` sits beside DATA_DIR (as in the shared data folder), prints its scores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from reader.grouping import group_articles
from reader.ingest import read_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=Path("grouping_pred.json"))
    args = parser.parse_args(argv)
    docs = args.data_dir / "docs"
    articles, skipped = read_path(docs)
    for item in skipped:
        print(f"skipped {item.path}: {item.reason}", file=sys.stderr)
    start = time.perf_counter()
    stories = group_articles(articles)
    elapsed = time.perf_counter() - start
    by_id = {a.id: a for a in articles}
    prediction = {
        Path(by_id[article_id].path).name: story.id
        for story in stories
        for article_id in story.article_ids
    }
    args.output.write_text(json.dumps(prediction, indent=1, sort_keys=True) + "\n")
    print(f"{len(articles)} articles -> {len(stories)} stories in {elapsed:.2f} s")
    scorer = args.data_dir.parent / "score.py"
    gold = args.data_dir / "gold.json"
    if scorer.exists() and gold.exists():
        command = [sys.executable, str(scorer), "grouping", str(gold), str(args.output)]
        return subprocess.call(command)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
