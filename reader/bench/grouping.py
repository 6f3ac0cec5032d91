"""Benchmark of story grouping on synthetic corpora (see ``reader.bench.synth``).

For 10,000 articles written to a temporary directory: reading + grouping with the corpus cache
off (every file read and parsed: the cold open), grouping alone, and re-opening from the cache;
then how many updates and heavy rewrites land in their base's story and whether any two stories
merge. ``READER_BENCH_LARGE=1`` (or ``run(large=True)``) adds 100,000 articles with their peak
memory. Each size runs in a fresh interpreter, so its peak memory (``ru_maxrss``) is its own and
no size warms the next one's caches; timings are the best of ``repeat`` runs.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict
from pathlib import Path

from reader.bench import Measurement
from reader.bench.synth import generate, write_corpus

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


def _best(repeat: int, action) -> tuple[float, object]:
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure_size(
    stories_count: int,
    cold_target: float | None,
    cached_target: float | None,
    memory_target: float | None = None,
    repeat: int = 3,
) -> list[Measurement]:
    """Time one corpus size in this process (``run`` calls it in a fresh interpreter)."""
    from reader.corpus import load_corpus  # noqa: PLC0415 - only the bench needs the whole loader
    from reader.grouping import group_articles  # noqa: PLC0415

    size = stories_count * VERSIONS
    synthetic = generate(stories_count, VERSIONS, seed=7)
    labels = {a.name: a.story for a in synthetic}
    kinds = {a.name: a.kind for a in synthetic}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    note = f"best of {repeat}, load {load:.2f} at start" if load is not None else None
    results = []
    with tempfile.TemporaryDirectory(prefix="reader-bench-grouping-") as tmp:
        corpus_dir = Path(tmp, "corpus")
        write_corpus(corpus_dir, synthetic)
        del synthetic
        cold, corpus = _best(repeat, lambda: load_corpus([corpus_dir], use_cache=False))
        articles = corpus.articles
        del corpus
        grouping, stories = _best(repeat, lambda: group_articles(articles))
        previous = os.environ.get("READER_CACHE_DIR")
        os.environ["READER_CACHE_DIR"] = str(Path(tmp, "cache"))
        try:
            load_corpus([corpus_dir])  # fills the cache
            cached, reopened = _best(repeat, lambda: load_corpus([corpus_dir]))
        finally:
            if previous is None:
                os.environ.pop("READER_CACHE_DIR", None)
            else:
                os.environ["READER_CACHE_DIR"] = previous
        same = [s.article_ids for s in reopened.stories] == [s.article_ids for s in stories]
        del reopened
    results.append(
        Measurement(
            AREA,
            f"{size:,} articles: read + group (no cache)",
            round(cold, 2),
            "s",
            f"< {cold_target:g} s" if cold_target else None,
            cold < cold_target if cold_target else None,
            note,
        )
    )
    results.append(Measurement(AREA, f"{size:,} articles: group only", round(grouping, 2), "s"))
    results.append(
        Measurement(
            AREA,
            f"{size:,} articles: open again from the cache",
            round(cached, 2),
            "s",
            f"< {cached_target:g} s" if cached_target else None,
            (cached < cached_target and same) if cached_target else None,
            None if same else "cached stories differ from a fresh grouping",
        )
    )
    results.extend(_quality(size, stories, labels, kinds))
    peak = _peak_rss_mb()
    results.append(
        Measurement(
            AREA,
            f"{size:,} articles: peak memory (RSS)",
            round(peak),
            "MB",
            f"< {memory_target:g} MB" if memory_target else None,
            peak < memory_target if memory_target else None,
        )
    )
    return results


def _in_fresh_interpreter(arguments: list[str]) -> list[Measurement]:
    command = [sys.executable, "-m", "reader.bench.grouping", "--child", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [Measurement(AREA, f"run {' '.join(arguments)}", 0, "", "completes", False, reason)]
    return [Measurement(**fields) for fields in json.loads(done.stdout)]


def run(quick: bool = False, large: bool | None = None) -> list[Measurement]:
    if large is None:
        large = os.environ.get("READER_BENCH_LARGE") == "1" and not quick
    if quick:
        return _in_fresh_interpreter(["100", "-", "-", "-", "1"])
    results = _in_fresh_interpreter(["1000", "6", "0.5", "-", "3"])
    if large:
        results += _in_fresh_interpreter(["10000", "60", "-", "1500", "1"])
    return results


def _child(arguments: list[str]) -> None:
    stories, cold, cached, memory, repeat = arguments

    def target(text: str) -> float | None:
        return None if text == "-" else float(text)

    measured = measure_size(int(stories), target(cold), target(cached), target(memory), int(repeat))
    print(json.dumps([asdict(m) for m in measured]))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2:])
    else:
        for measurement in run(quick="--quick" in sys.argv, large="--large" in sys.argv or None):
            print(measurement)
