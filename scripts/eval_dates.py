#!/usr/bin/env python3
"""Evaluate ``reader.extract.dates`` on TimeML-annotated data (TempEval-3 style).

    python scripts/eval_dates.py DATA_DIR [DATA_DIR ...] -o PRED_DIR [--scorer PATH] [--errors N]

Each DATA_DIR holds one JSON per document (``{"id", "dct", "text", "timexes"}``). Predictions go to
``PRED_DIR/<data dir name>.jsonl`` and each file is scored with the shared ``score.py`` (by default
the one next to the data dirs). ``--errors N`` prints up to N misses, false alarms and wrong values.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from reader.extract.dates import find_dates  # noqa: E402


def predict(data_dir: str) -> tuple[list[dict], list[dict], float, int]:
    golds, preds = [], []
    elapsed = 0.0
    chars = 0
    for path in sorted(glob.glob(os.path.join(data_dir, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            doc = json.load(handle)
        dct = (doc.get("dct") or "")[:10] or None
        began = time.perf_counter()
        mentions = find_dates(doc["text"], dct)
        elapsed += time.perf_counter() - began
        chars += len(doc["text"])
        golds.append(doc)
        preds.append(
            {
                "id": doc["id"],
                "timexes": [
                    {
                        "start": m.start,
                        "end": m.end,
                        "type": m.type,
                        "value": m.value,
                        "text": m.text,
                    }
                    for m in mentions
                ],
            }
        )
    return golds, preds, elapsed, chars


def show_errors(golds: list[dict], preds: list[dict], limit: int) -> None:
    misses, false_alarms, wrong = [], [], []
    for gold, pred in zip(golds, preds, strict=True):
        text = gold["text"]
        used: set[int] = set()
        for g in gold["timexes"]:
            hit = None
            for i, p in enumerate(pred["timexes"]):
                if i not in used and min(g["end"], p["end"]) > max(g["start"], p["start"]):
                    hit = i
                    break
            context = text[max(0, g["start"] - 40) : g["end"] + 25].replace("\n", " ")
            if hit is None:
                misses.append(
                    f"MISS  {g['text']!r} {g['type']} {g['value']}  dct={gold['dct']}  |{context}|"
                )
            else:
                used.add(hit)
                p = pred["timexes"][hit]
                if str(p["value"]).upper() != str(g["value"]).upper():
                    wrong.append(
                        f"VALUE {g['text']!r}->{p['text']!r} gold={g['value']} pred={p['value']}"
                        f"  dct={gold['dct']}  |{context}|"
                    )
        for i, p in enumerate(pred["timexes"]):
            if i not in used:
                context = text[max(0, p["start"] - 40) : p["end"] + 25].replace("\n", " ")
                false_alarms.append(f"FALSE {p['text']!r} {p['type']} {p['value']}  |{context}|")
    for title, rows in (
        ("misses", misses),
        ("false alarms", false_alarms),
        ("wrong values", wrong),
    ):
        print(f"--- {title}: {len(rows)}")
        for row in rows[:limit]:
            print(row)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("data_dirs", nargs="+")
    parser.add_argument(
        "-o", "--output", required=True, help="directory for <name>.jsonl predictions"
    )
    parser.add_argument("--scorer", help="path to score.py (default: next to the first data dir)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    args = parser.parse_args(argv)
    os.makedirs(args.output, exist_ok=True)
    scorer = args.scorer or os.path.join(
        os.path.dirname(os.path.abspath(args.data_dirs[0])), "score.py"
    )
    for data_dir in args.data_dirs:
        name = os.path.basename(os.path.normpath(data_dir))
        golds, preds, elapsed, chars = predict(data_dir)
        out_path = os.path.join(args.output, f"{name}.jsonl")
        with open(out_path, "w", encoding="utf-8") as handle:
            for pred in preds:
                handle.write(json.dumps(pred) + "\n")
        print(f"== {name}: {len(preds)} docs, {chars / 1e6:.2f} MB in {elapsed:.3f} s")
        if os.path.exists(scorer):
            result = subprocess.run(
                [sys.executable, scorer, "dates", data_dir, out_path, "--json"],
                capture_output=True,
                text=True,
                check=False,
            )
            try:
                metrics = json.loads(result.stdout)
            except json.JSONDecodeError:
                print(result.stdout, result.stderr)
            else:
                print(
                    f"   value F1 (TE3) {metrics['value_f1_te3']}  type F1 {metrics['type_f1_te3']}"
                    f"  relaxed {metrics['relaxed']}  strict {metrics['strict']}"
                    f"  value acc {metrics['value_accuracy_on_relaxed_matches']}"
                    f"  relative value recall {metrics['relative_value_recall']}"
                )
        else:
            print(f"   (no scorer at {scorer})")
        if args.errors:
            show_errors(golds, preds, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
