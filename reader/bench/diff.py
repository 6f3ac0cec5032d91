"""Benchmark of the diff engine: sentence alignment + word diff of two versions.

Versions are built from the bundled seeds: the base is the seeds' sentences cycled until it has
the wanted number of words (every copy of a sentence made unique by a small word change, as in
a long document that repeats a formula); the edited version gets realistic edits: reworded
sentences (synonym swaps), punctuation/case touch-ups, deletions, insertions and a few moves.
The same work is timed with ``difflib.SequenceMatcher`` on the token lists as a reference.
"""

from __future__ import annotations

import difflib
import random
import re
import statistics
import time
import tracemalloc
from collections.abc import Callable
from functools import partial

from reader.bench import Measurement
from reader.corpus import seeds_dir
from reader.diff import align_texts
from reader.text.sentences import split_sentences
from reader.text.tokens import TOKEN_RE

AREA = "diff"
_SWAPS = {
    "said": "mentioned",
    "military": "army",
    "thousands": "1000s",
    "talks": "discussions",
    "officials": "officers",
    "security": "safety",
    "clear": "obvious",
    "troops": "forces",
    "would": "could",
    "President": "Leader",
    "Russian": "Russia's",
    "the": "this",
}
_FILLERS = ["again", "now", "also", "still", "indeed", "then", "too", "further"]


def _seed_sentences() -> list[str]:
    seeds = seeds_dir()
    sentences = []
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for sentence in split_sentences(text):
            chunk = sentence.text_of(text)
            if len(chunk.split()) >= 6:
                sentences.append(chunk)
    return sentences


def _reword(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    swappable = [i for i, w in enumerate(words) if w in _SWAPS]
    for i in rng.sample(swappable, min(len(swappable), 2)):
        words[i] = _SWAPS[words[i]]
    if not swappable:
        words.insert(rng.randrange(1, len(words)), rng.choice(_FILLERS))
    return " ".join(words)


def build_versions(target_words: int, seed: int = 7) -> tuple[str, str]:
    """A base text of about ``target_words`` words and an edited copy of it (deterministic)."""
    rng = random.Random(seed)
    pool = _seed_sentences()
    base: list[str] = []
    words = 0
    copy = 0
    while words < target_words:
        for sentence in pool:
            if words >= target_words:
                break
            if copy:  # a later copy: one word varied so every sentence stays distinct
                sentence = re.sub(
                    r"\b(\w{4,})\b",
                    rf"\1 {_FILLERS[copy % len(_FILLERS)]} {copy}",
                    sentence,
                    count=1,
                )
            base.append(sentence)
            words += len(sentence.split())
        copy += 1
    edited: list[str] = []
    moved: list[str] = []
    for sentence in base:
        roll = rng.random()
        if roll < 0.10:
            edited.append(_reword(sentence, rng))
        elif roll < 0.13:
            edited.append(sentence.replace(",", "", 1).replace("“", '"'))
        elif roll < 0.16:
            continue  # deleted
        elif roll < 0.19:
            edited.append(sentence)
            edited.append(rng.choice(pool).replace("the", "a", 1))  # inserted
        elif roll < 0.20:
            moved.append(sentence)
        else:
            edited.append(sentence)
    for sentence in moved:
        edited.insert(rng.randrange(len(edited) + 1), sentence)

    def paragraphs(sentences: list[str]) -> str:
        return "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))

    return paragraphs(base), paragraphs(edited)


def _median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _difflib_words(a: str, b: str) -> None:
    a_tokens = [m.group() for m in TOKEN_RE.finditer(a)]
    b_tokens = [m.group() for m in TOKEN_RE.finditer(b)]
    difflib.SequenceMatcher(None, a_tokens, b_tokens).get_opcodes()


def run(quick: bool = False) -> list[Measurement]:
    results: list[Measurement] = []
    sizes = [800, 5_000] if quick else [800, 5_000, 20_000, 50_000]
    per_word: dict[int, float] = {}
    for size in sizes:
        a, b = build_versions(size)
        runs = 15 if size <= 800 else (5 if size <= 5_000 else 3)
        if quick:
            runs = min(runs, 5 if size <= 800 else 1)
        seconds = _median_seconds(partial(align_texts, a, b), runs)
        per_word[size] = seconds / size
        target = {800: 0.020, 50_000: 1.0}.get(size)
        results.append(
            Measurement(
                AREA,
                f"align + word diff, {size:,} words",
                round(seconds * 1000, 2),
                "ms",
                target=f"< {target * 1000:.0f} ms" if target else None,
                ok=seconds < target if target else None,
            )
        )
        if size <= 5_000 or not quick:
            reference = _median_seconds(partial(_difflib_words, a, b), 1 if size > 5_000 else runs)
            results.append(
                Measurement(
                    AREA,
                    f"difflib.SequenceMatcher on tokens, {size:,} words (reference)",
                    round(reference * 1000, 2),
                    "ms",
                    note=f"difflib time / reader time = {reference / seconds:.2f}"
                    if seconds
                    else None,
                )
            )
    largest = max(sizes)
    results.append(
        Measurement(
            AREA,
            f"growth: time per word at {largest:,} / at 5,000 words",
            round(per_word[largest] / per_word[5_000], 2),
            "x",
            target="near-linear (< 2x)",
            ok=per_word[largest] / per_word[5_000] < 2,
        )
    )
    # Quality on the synthetic edits: share of the base's sentences matched to a counterpart.
    a, b = build_versions(5_000)
    alignment = align_texts(a, b)
    results.append(
        Measurement(
            AREA,
            "synthetic 5,000 words: sentences of A matched",
            round(alignment.stats.a_matched, 4),
            "share",
            note=f"counts {alignment.stats.counts}",
        )
    )
    if not quick:
        a, b = build_versions(50_000)
        tracemalloc.start()
        align_texts(a, b)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        results.append(Measurement(AREA, "peak memory, 50,000 words", round(peak / 1e6, 1), "MB"))
    return results


if __name__ == "__main__":
    for measurement in run():
        print(measurement)
