"""Benchmark of story grouping on synthetic corpora (see ``reader.bench.synth``).

For 10,000 articles written to a temporary directory: reading + grouping with the corpus cache
off (every file read and parsed: the cold open), grouping alone, and re-opening from the cache;
then how many updates and heavy rewrites land in their base's story and whether any two stories
merge. ``READER_BENCH_LARGE=1`` (or ``run(large=True)``) adds 100,000 articles. Each step runs
in a fresh interpreter, so the peak memory (``ru_maxrss``) of the cold open is its own and no
step warms another's caches; timings are the best of ``repeat`` runs, with the load noted.
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
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reader.bench import Measurement
from reader.bench.synth import generate, write_corpus
from reader.model import Story

T = TypeVar("T")

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


def _best(repeat: int, action: Callable[[], T]) -> tuple[float, T]:
    """The best time of ``repeat`` runs (at least one) and the last run's result."""
    start = time.perf_counter()
    result = action()
    best = time.perf_counter() - start
    for _ in range(repeat - 1):
        del result  # the previous run's corpus is not alive during the next one
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def _cold(directory: Path, repeat: int) -> dict:
    """Read + group with the cache off (peak memory is this process's)."""
    from reader.corpus import load_corpus  # noqa: PLC0415 - only the bench needs the whole loader

    seconds, corpus = _best(repeat, lambda: load_corpus([directory / "corpus"], use_cache=False))
    stories = [list(s.article_ids) for s in corpus.stories]
    return {"seconds": seconds, "stories": stories, "peak_mb": _peak_rss_mb()}


def _group_only(directory: Path, repeat: int) -> dict:
    from reader.corpus import load_corpus  # noqa: PLC0415
    from reader.grouping import group_articles  # noqa: PLC0415

    articles = load_corpus([directory / "corpus"], use_cache=False, group=False).articles
    seconds, _ = _best(repeat, lambda: group_articles(articles))
    return {"seconds": seconds}


def _cached(directory: Path, repeat: int) -> dict:
    """Open once to fill a fresh cache, then time opening again from it."""
    os.environ["READER_CACHE_DIR"] = str(directory / "cache")
    from reader.corpus import load_corpus  # noqa: PLC0415

    first = [list(s.article_ids) for s in load_corpus([directory / "corpus"]).stories]
    seconds, corpus = _best(repeat, lambda: load_corpus([directory / "corpus"]))
    same = [list(s.article_ids) for s in corpus.stories] == first
    return {"seconds": seconds, "same": same}


_STEPS = {"cold": _cold, "group": _group_only, "cached": _cached}


def _step(step: str, directory: Path, repeat: int) -> dict:
    """One step in a fresh interpreter: its memory and caches are its own."""
    command = [sys.executable, "-m", "reader.bench.grouping", "--step", step, str(directory)]
    done = subprocess.run([*command, str(repeat)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{step}: {reason}")
    return json.loads(done.stdout)


def measure_size(
    stories_count: int,
    cold_target: float | None,
    cached_target: float | None,
    memory_target: float | None = None,
    repeat: int = 3,
) -> list[Measurement]:
    size = stories_count * VERSIONS
    synthetic = generate(stories_count, VERSIONS, seed=7)
    labels = {a.name: a.story for a in synthetic}
    kinds = {a.name: a.kind for a in synthetic}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    note = f"best of {repeat}, load {load:.2f} at start" if load is not None else None
    with tempfile.TemporaryDirectory(prefix="reader-bench-grouping-") as tmp:
        directory = Path(tmp)
        write_corpus(directory / "corpus", synthetic)
        del synthetic
        try:
            cold = _step("cold", directory, repeat)
            grouping = _step("group", directory, repeat)
            cached = _step("cached", directory, repeat)
        except RuntimeError as error:
            return [Measurement(AREA, f"{size:,} articles", 0, "", "completes", False, str(error))]
    stories = [Story(f"s{n}", "", tuple(ids)) for n, ids in enumerate(cold["stories"])]
    results = [
        Measurement(
            AREA,
            f"{size:,} articles: read + group (no cache)",
            round(cold["seconds"], 2),
            "s",
            f"< {cold_target:g} s" if cold_target else None,
            cold["seconds"] < cold_target if cold_target else None,
            note,
        ),
        Measurement(AREA, f"{size:,} articles: group only", round(grouping["seconds"], 2), "s"),
        Measurement(
            AREA,
            f"{size:,} articles: open again from the cache",
            round(cached["seconds"], 2),
            "s",
            f"< {cached_target:g} s" if cached_target else None,
            (cached["seconds"] < cached_target and cached["same"]) if cached_target else None,
            None if cached["same"] else "cached stories differ from a fresh grouping",
        ),
    ]
    results.extend(_quality(size, stories, labels, kinds))
    results.append(
        Measurement(
            AREA,
            f"{size:,} articles: peak memory of reading + grouping (RSS)",
            round(cold["peak_mb"]),
            "MB",
            f"< {memory_target:g} MB" if memory_target else None,
            cold["peak_mb"] < memory_target if memory_target else None,
        )
    )
    return results


def run(quick: bool = False, large: bool | None = None) -> list[Measurement]:
    if large is None:
        large = os.environ.get("READER_BENCH_LARGE") == "1" and not quick
    if quick:
        return measure_size(100, None, None, None, repeat=1)
    results = measure_size(1000, 6.0, 0.5, None, repeat=3)
    if large:
        results += measure_size(10_000, 60.0, None, 1500.0, repeat=1)
    return results


if __name__ == "__main__":
    if sys.argv[1:2] == ["--step"]:
        step, directory, repeat = sys.argv[2:5]
        print(json.dumps(_STEPS[step](Path(directory), int(repeat))))
    else:
        for measurement in run(quick="--quick" in sys.argv, large="--large" in sys.argv or None):
            print(measurement)
