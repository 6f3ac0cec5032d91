"""Benchmark of the Compare screen: opening a 50,000-word pair, and key-to-screen latency.

The pair comes from ``reader.bench.diff.build_versions`` (seed sentences cycled to the size, and
an edited copy with rewordings, deletions, insertions and moves). The app runs headless
(``App.run_test``), which still lays out and renders every frame, only without writing to a
terminal. Measured:

- first paint: from ``push_screen`` until the screen (header + loading indicator) is mounted
  and painted, while the alignment worker is already running;
- content: until the aligned document is laid out and painted;
- wrap: laying the 50,000-word document out again (what a resize or ``u`` costs);
- key latency: median and worst of key press -> handled -> visible lines drawn with a cold
  line cache, for scrolling keys (``j``, ``]``, page down, ``G``/``g``).
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import time
from pathlib import Path

from reader.bench import Measurement

AREA = "tui_compare"


def _pair(words: int) -> tuple[object, object]:
    from reader.bench.diff import build_versions
    from reader.model import Article

    a_text, b_text = build_versions(words)
    left = Article("bench-a", "bench-a.txt", a_text, outlet="Bench A", date="2024-01-01")
    right = Article("bench-b", "bench-b.txt", b_text, outlet="Bench B", date="2024-01-02")
    return left, right


async def _measure(words: int, size: tuple[int, int], presses: int) -> dict[str, object]:
    from textual import events
    from textual.app import App
    from textual.widgets import Static
    from textual.worker import WorkerCancelled

    import reader.tui
    from reader.bench.tui import Frames
    from reader.corpus import Corpus
    from reader.model import Article, Story
    from reader.tui.screens.compare import CompareScreen
    from reader.tui.widgets.diff_layout import layout_lines

    left, right = _pair(words)
    assert isinstance(left, Article) and isinstance(right, Article)
    corpus = Corpus([left, right], [Story("bench", "bench", (left.id, right.id))])

    class BenchApp(App[None]):
        CSS_PATH = str(Path(reader.tui.__file__).parent / "reader.tcss")

        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("base")

    app = BenchApp()
    results: dict[str, object] = {}
    async with app.run_test(size=size) as pilot:
        frames = Frames(app)
        await pilot.pause()

        screen = CompareScreen(corpus, corpus.stories[0], left.id, right.id)
        seen = len(frames.times)
        start = time.perf_counter()
        app.push_screen(screen)
        results["first_paint"] = await frames.after(seen, start)
        while screen.document is None and time.perf_counter() - start < 30:
            await asyncio.sleep(0.002)
        seen = len(frames.times)
        results["content"] = (time.perf_counter() - start) + await frames.after(
            seen, time.perf_counter()
        )
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()

        view = screen.diff_view
        document = screen.document
        assert document is not None
        start = time.perf_counter()
        layout_lines(document, view.scrollable_content_region.width, view.unified)
        results["wrap"] = time.perf_counter() - start
        results["lines"] = len(view.lines)
        results["rows"] = view.row_count

        timings: list[float] = []
        keys = ["j", "right_square_bracket", "pagedown", "G", "g", "k", "pageup"]
        for index in range(presses):
            key = keys[index % len(keys)]
            view._strip_cache.clear()  # worst case: every visible line drawn from scratch
            await pilot.pause()
            seen = len(frames.times)
            start = time.perf_counter()
            char = {"right_square_bracket": "]"}.get(key, key if len(key) == 1 else None)
            app.post_message(events.Key(key, char))
            timings.append(await frames.after(seen, start))
        results["key_timings"] = [
            (keys[i % len(keys)], round(t * 1000, 1)) for i, t in enumerate(timings)
        ]
        results["key_median"] = statistics.median(timings)
        results["key_max"] = max(timings)
    return results


def run(quick: bool = False) -> list[Measurement]:
    words = 5_000 if quick else 50_000
    presses = 10 if quick else 40
    out: list[Measurement] = []
    for size in ((200, 60), (80, 24)):
        found = asyncio.run(_measure(words, size, presses))
        label = f"{words // 1000}k words, {size[0]}x{size[1]}"
        note = f"{found['rows']} rows, {found['lines']} lines"
        first_paint = float(found["first_paint"])  # type: ignore[arg-type]
        key_median = float(found["key_median"])  # type: ignore[arg-type]
        key_max = float(found["key_max"])  # type: ignore[arg-type]
        out += [
            Measurement(
                AREA,
                f"open to first paint ({label})",
                round(first_paint, 3),
                "s",
                "< 0.5 s",
                first_paint < 0.5,
            ),
            Measurement(
                AREA,
                f"open to aligned content ({label})",
                round(float(found["content"]), 3),  # type: ignore[arg-type]
                "s",
                note=note,
            ),
            Measurement(AREA, f"re-wrap ({label})", round(float(found["wrap"]), 3), "s"),  # type: ignore[arg-type]
            Measurement(
                AREA,
                f"key to screen, median ({label})",
                round(key_median * 1000, 1),
                "ms",
                "< 50 ms",
                key_median < 0.05,
            ),
            Measurement(
                AREA,
                f"key to screen, worst ({label})",
                round(key_max * 1000, 1),
                "ms",
                "< 50 ms",
                key_max < 0.05,
            ),
        ]
    return out


if __name__ == "__main__":
    for measurement in run():
        print(measurement)
