"""Benchmark of story grouping on synthetic corpora (see ``reader.bench.synth``).

Times reading + grouping of 10,000 articles written to a temporary directory (the corpus cache is
off, so every file is read and parsed), and grouping alone; measures how many updates and heavy
rewrites land in their base's story and whether any two stories merge. ``READER_BENCH_LARGE=1``
(or ``run(large=True)``) adds the 100,000-article run with its peak memory.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from reader.bench import Measurement
from reader.bench.synth import generate, write_corpus
from reader.grouping import group_articles

AREA = "grouping"
VERSIONS = 10


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _quality(
    size: int, stories, labels: dict[str, int], kinds: dict[str, str]
) -> list[Measurement]:
    story_of = {article_id: s.id for s in stories for article_id in s.article_ids}
    # Article ids are the file stems.
    by_label: dict[int, str] = {}
    for name, label in labels.items():
        if kinds[name] == "base":
            by_label[label] = story_of[Path(name).stem]
    found: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for name, label in labels.items():
        kind = kinds[name]
        if kind == "base":
            continue
        totals[kind] += 1
        found[kind] += story_of[Path(name).stem] == by_label[label]
    members: dict[str, set[int]] = defaultdict(set)
    for name, label in labels.items():
        members[story_of[Path(name).stem]].add(label)
    false_merges = sum(1 for labels_in in members.values() if len(labels_in) > 1)
    results = []
    for kind, target in (("update", 0.99), ("rewrite", 0.9)):
        recall = found[kind] / totals[kind] if totals[kind] else 1.0
        results.append(
            Measurement(
                AREA,
                f"{size:,} articles: {kind}s found with their base",
                round(recall, 4),
                "recall",
                f">= {target}",
                recall >= target,
                f"{found[kind]} of {totals[kind]}",
            )
        )
    results.append(
        Measurement(
            AREA,
            f"{size:,} articles: stories merged with another story",
            false_merges,
            "stories",
            "0",
            false_merges == 0,
            f"{len(stories):,} stories found for {len(by_label):,}",
        )
    )
    return results


def _run_size(stories_count: int, time_target: float | None) -> list[Measurement]:
    from reader.corpus import load_corpus  # noqa: PLC0415 - only the bench needs the whole loader

    size = stories_count * VERSIONS
    synthetic = generate(stories_count, VERSIONS, seed=7)
    labels = {a.name: a.story for a in synthetic}
    kinds = {a.name: a.kind for a in synthetic}
    results = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-grouping-") as tmp:
        write_corpus(Path(tmp), synthetic)
        del synthetic
        start = time.perf_counter()
        corpus = load_corpus([tmp], use_cache=False)
        total = time.perf_counter() - start
        start = time.perf_counter()
        stories = group_articles(corpus.articles)
        grouping = time.perf_counter() - start
    results.append(
        Measurement(
            AREA,
            f"{size:,} articles: read + group (no cache)",
            round(total, 2),
            "s",
            f"< {time_target:g} s" if time_target else None,
            total < time_target if time_target else None,
        )
    )
    results.append(Measurement(AREA, f"{size:,} articles: group only", round(grouping, 2), "s"))
    results.extend(_quality(size, stories, labels, kinds))
    return results


def run(quick: bool = False, large: bool | None = None) -> list[Measurement]:
    if large is None:
        large = os.environ.get("READER_BENCH_LARGE") == "1" and not quick
    results = _run_size(100 if quick else 1000, None if quick else 6.0)
    if large:
        results.extend(_run_size(10_000, 60.0))
        peak = _peak_rss_mb()
        results.append(
            Measurement(
                AREA,
                "100,000 articles: peak memory (RSS)",
                round(peak),
                "MB",
                "< 1500 MB",
                peak < 1500,
            )
        )
    return results


if __name__ == "__main__":
    for measurement in run(quick="--quick" in sys.argv, large="--large" in sys.argv or None):
        print(measurement)
