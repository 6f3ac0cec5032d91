"""Benchmark of temporal expression extraction (``reader.extract.dates.find_dates``).

Throughput is measured on the bundled seeds (real, messy news text) concatenated to about 1 MB,
and on a date-dense variant (every paragraph keeps only its sentences that mention a date) that
stresses normalisation. Target: dates alone well above 6 MB/s so that quotes + dates + numbers
together stay above 2 MB/s.
"""

from __future__ import annotations

import re
import statistics
import time

from reader.bench import Measurement
from reader.corpus import seeds_dir
from reader.extract.dates import find_dates

AREA = "dates"
_TARGET_MB_S = 6.0


def _seed_text() -> str:
    seeds = seeds_dir()
    return "\n\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in sorted(seeds.glob("*.txt"))
    )


def _dense(text: str) -> str:
    """Only the sentences that contain a date mention: a worst case for normalisation."""
    sentences = re.split(r"(?<=[.!?])\s+", text)
    keep = [s for s in sentences if find_dates(s, "2021-12-29")]
    return " ".join(keep)


def _throughput(text: str, runs: int) -> tuple[float, int]:
    times = []
    found = 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(find_dates(text, "2021-12-29"))
        times.append(time.perf_counter() - start)
    return len(text) / statistics.median(times) / 1e6, found


def run(quick: bool = False) -> list[Measurement]:
    base = _seed_text()
    size = 200_000 if quick else 1_000_000
    news = (base * (size // len(base) + 1))[:size]
    dense_base = _dense(base)
    dense = (dense_base * (size // max(1, len(dense_base)) + 1))[:size]
    runs = 3 if quick else 7
    results = []
    for name, text in (("seed news", news), ("date-dense sentences", dense)):
        mb_s, found = _throughput(text, runs)
        results.append(
            Measurement(
                AREA,
                f"find_dates throughput, {name} ({len(text) / 1e6:.1f} MB)",
                round(mb_s, 2),
                "MB/s",
                target=f"> {_TARGET_MB_S:.0f} MB/s" if name == "seed news" else None,
                ok=mb_s > _TARGET_MB_S if name == "seed news" else None,
                note=f"{found:,} mentions, one per {len(text) // max(1, found):,} characters",
            )
        )
    return results


if __name__ == "__main__":
    for measurement in run():
        print(measurement)
