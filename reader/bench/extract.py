"""Benchmark of extraction: quotes, dates and numbers, alone and together, plus the ledger.

The corpus is the bundled seeds' display texts repeated with small variations (numbers and a
few words changed per copy, so no copy is byte-identical) to about 6 MB (1 MB with ``quick``).
Each extractor is called once per article, as the CLI and the app call it. Target: quotes +
dates + numbers together at >= 2 MB of text per second on one core.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

from reader.bench import Measurement
from reader.corpus import seeds_dir
from reader.extract.dates import find_dates
from reader.extract.ledger import build_ledger
from reader.extract.numbers import find_numbers
from reader.extract.quotes import find_quotes
from reader.ingest import read_path
from reader.model import Article

AREA = "extract"
TARGET_MB_S = 2.0
_SWAPS = [("said", "stated"), ("talks", "negotiations"), ("troops", "soldiers"), ("the", "the")]


def _corpus(megabytes: float) -> list[tuple[str, str | None]]:
    """(text, date) pairs: the seeds varied until the total reaches ``megabytes``."""
    articles, _ = read_path(seeds_dir())
    rng = random.Random(7)
    target = megabytes * 1_000_000
    out: list[tuple[str, str | None]] = []
    size = 0
    copy = 0
    while size < target and articles:
        for article in articles:
            text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(0, 3)), article.text)
            old, new = _SWAPS[copy % len(_SWAPS)]
            text = text.replace(f" {old} ", f" {new} ", 3)
            out.append((text, article.date))
            size += len(text.encode("utf-8"))
        copy += 1
    return out


def _rate(corpus: list[tuple[str, str | None]], work: Callable[[str, str | None], object]) -> float:
    megabytes = sum(len(text.encode("utf-8")) for text, _ in corpus) / 1_000_000
    start = time.process_time()
    for text, dct in corpus:
        work(text, dct)
    elapsed = max(time.process_time() - start, 1e-9)
    return megabytes / elapsed


def _all(text: str, dct: str | None) -> None:
    find_quotes(text)
    find_dates(text, dct)
    find_numbers(text)


def run(quick: bool = False) -> list[Measurement]:
    corpus = _corpus(1.0 if quick else 6.0)
    results = []
    for name, work in (
        ("quotes", lambda text, dct: find_quotes(text)),
        ("dates", find_dates),
        ("numbers", lambda text, dct: find_numbers(text)),
    ):
        rate = _rate(corpus, work)
        results.append(
            Measurement(AREA, f"{name} throughput", round(rate, 2), "MB/s", note="one core")
        )
    combined = _rate(corpus, _all)
    results.append(
        Measurement(
            AREA,
            "quotes + dates + numbers throughput",
            round(combined, 2),
            "MB/s",
            target=f">= {TARGET_MB_S:g} MB/s",
            ok=combined >= TARGET_MB_S,
            note=f"{len(corpus)} articles, one core",
        )
    )
    # The ledger of one five-version story (the seeds), extraction included but memoised away
    # after the first run: what opening a story costs.
    articles = [
        Article(id=f"v{i}", path=f"v{i}", text=text, date=dct)
        for i, (text, dct) in enumerate(corpus[:5])
    ]
    start = time.perf_counter()
    build_ledger(articles)
    first = time.perf_counter() - start
    start = time.perf_counter()
    runs = 3 if quick else 10
    for _ in range(runs):
        build_ledger(articles)
    again = (time.perf_counter() - start) / runs
    results.append(
        Measurement(AREA, "ledger, 5-version story (cold)", round(first * 1000, 1), "ms")
    )
    results.append(
        Measurement(AREA, "ledger, 5-version story (memoised)", round(again * 1000, 1), "ms")
    )
    return results
