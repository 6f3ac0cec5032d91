"""Benchmark of the Library: first paint, key-to-screen latency, a 10,000-article list and its filter.

- first paint: a subprocess runs the real app headless on the bundled seeds and reports when the
  first screen has been painted and when the corpus is on screen, measured from process start
  (the parent's clock before it spawns the child; interpreter start-up included);
- key latency: key press -> handled -> visible rows drawn, scrolling a 50,000-word article in the
  reading pane and a 10,000-article story list (median and worst);
- a 10,000-article corpus: time until it is listed and painted, and time per filter keystroke.

The in-process parts use ``App.run_test`` (headless: layout and rendering happen, only the
terminal writes do not).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.bench import Measurement

if TYPE_CHECKING:  # Textual only for annotations: importing the bench must not load the UI
    from textual.app import App
    from textual.pilot import Pilot

    from reader.corpus import Corpus
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.story_list import StoryList

AREA = "tui"

_CHILD = r"""
import sys, time
start = float(sys.argv[1])
from reader.tui.app import ReaderApp
from reader.tui.messages import CorpusLoaded

marks = {}

class Timed(ReaderApp):
    def on_mount(self):
        super().on_mount()
        self.call_after_refresh(self._painted)

    def _painted(self):
        marks.setdefault("first_paint", time.time() - start)

    def on_corpus_loaded(self, message):
        super().on_corpus_loaded(message)
        self.call_after_refresh(self._loaded)

    def _loaded(self):
        marks["corpus_shown"] = time.time() - start
        self.exit()

Timed().run(headless=True)
print("BENCH " + __import__("json").dumps(marks))
"""


def _first_paint(runs: int) -> tuple[list[float], list[float]]:
    paints: list[float] = []
    shown: list[float] = []
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, READER_CACHE_DIR=cache)
        for _ in range(runs):
            start = time.time()
            result = subprocess.run(
                [sys.executable, "-c", _CHILD, repr(start)],
                capture_output=True,
                text=True,
                env=env,
                timeout=60,
                check=False,
            )
            line = next((x for x in result.stdout.splitlines() if x.startswith("BENCH ")), None)
            if line is None:
                raise RuntimeError(
                    f"the app did not report its first paint: {result.stderr[-500:]}"
                )
            marks = json.loads(line[6:])
            paints.append(marks["first_paint"])
            shown.append(marks["corpus_shown"])
    # The first run fills the index cache (cold); later runs are what a returning user sees.
    return paints, shown


def _long_article(words: int) -> str:
    from reader.corpus import seeds_dir
    from reader.ingest import read_path

    articles, _ = read_path(seeds_dir())
    source = "\n\n".join(a.text for a in articles)
    parts: list[str] = []
    count = 0
    while count < words:
        parts.append(source)
        count += len(source.split())
    return "\n\n".join(parts)


def _big_corpus(articles: int) -> Corpus:
    from reader.corpus import Corpus
    from reader.model import Article, Story

    outlets = ("Reuters", "Agence France-Presse", "The Associated Press", "BBC News", "Al Jazeera")
    items: list[Article] = []
    stories: list[Story] = []
    for s in range(0, articles, 3):
        ids = []
        for v in range(min(3, articles - s)):
            article_id = f"s{s:06d}v{v}"
            items.append(
                Article(
                    article_id,
                    f"/bench/{article_id}.txt",
                    f"Story {s} version {v}. The minister said on Monday that talks would resume.",
                    outlet=outlets[(s + v) % len(outlets)],
                    date=f"2024-0{1 + v}-1{v}",
                )
            )
            ids.append(article_id)
        stories.append(Story(f"story{s:06d}", f"Story number {s} about talks", tuple(ids)))
    return Corpus(items, stories)


class Frames:
    """Times when the app hands a composed frame to its driver (``App._display``, reached in
    headless runs too). Pilot's own waits sleep until the CPU looks idle, which on a shared
    machine would be counted as latency."""

    def __init__(self, app: App[Any]) -> None:
        self.times: list[float] = []
        original = app._display  # noqa: SLF001

        def timed(screen: Any, renderable: Any) -> None:
            self.times.append(time.perf_counter())
            original(screen, renderable)

        app._display = timed  # type: ignore[method-assign]  # noqa: SLF001 - wrapped on purpose

    async def after(self, seen: int, since: float) -> float:
        """Seconds from ``since`` to the frame after the first ``seen`` (inf after 5 s)."""
        while len(self.times) <= seen and time.perf_counter() - since < 5:
            await asyncio.sleep(0.0005)
        return self.times[seen] - since if len(self.times) > seen else float("inf")

    async def first_from(self, moment: float, since: float) -> float:
        """Seconds from ``since`` to the first frame handed over at ``moment`` or later."""
        seen = bisect.bisect_left(self.times, moment)  # times only grow
        return await self.after(seen, since)


async def _press_timed(
    pilot: Pilot[Any], frames: Frames, key: str, widget: ArticleView | StoryList
) -> float:
    """Key press -> handled -> the next frame, with the widget's row cache cold."""
    from textual import events

    widget._cache.clear()  # noqa: SLF001 - every row drawn afresh
    await pilot.pause()
    seen = len(frames.times)
    start = time.perf_counter()
    app = pilot.app
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    return await frames.after(seen, start)


@dataclass
class _AppTimings:
    """What ``_in_app`` measures (seconds, and row counts)."""

    long_open: float = 0.0
    long_rows: int = 0
    text_keys: list[float] = field(default_factory=list)
    long_rewrap: float = 0.0
    list_shown: float = 0.0
    list_keys: list[float] = field(default_factory=list)
    filter_keys: list[float] = field(default_factory=list)
    filter_rows: int = 0


async def _in_app(words: int, articles: int, keys: int) -> _AppTimings:
    from textual import events
    from textual.worker import WorkerCancelled

    from reader.corpus import Corpus
    from reader.model import Article, Story
    from reader.tui.app import ReaderApp

    async def settle(pilot: Pilot[Any], app: ReaderApp) -> None:
        for _ in range(3):
            with contextlib.suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
            await pilot.pause()

    results = _AppTimings()
    text = _long_article(words)
    article = Article("long", "/bench/long.txt", text, outlet="Bench", date="2024-01-01")
    app = ReaderApp(corpus=Corpus([article], [Story("long", "A long article", ("long",))]))
    async with app.run_test(size=(160, 48)) as pilot:
        start = time.perf_counter()
        await settle(pilot, app)
        results.long_open = time.perf_counter() - start
        view = app.library.article_view
        results.long_rows = view.row_count
        await pilot.press("tab")
        frames = Frames(app)
        timings = []
        for n in range(keys):
            key = ("j", "j", "pagedown", "j", "pagedown", "k", "pageup", "G", "g")[n % 9]
            timings.append(await _press_timed(pilot, frames, key, view))
        results.text_keys = timings
        start = time.perf_counter()
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        results.long_rewrap = time.perf_counter() - start

    corpus = _big_corpus(articles)
    start = time.perf_counter()
    app = ReaderApp(corpus=corpus)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot, app)
        results.list_shown = time.perf_counter() - start
        story_list = app.library.story_list
        frames = Frames(app)
        timings = []
        for n in range(keys):
            key = ("j", "j", "pagedown", "k", "G", "g")[n % 6]
            timings.append(await _press_timed(pilot, frames, key, story_list))
        results.list_keys = timings
        await pilot.press("slash")
        filter_times = []
        typed = ""
        # When the list applied each filter: the frame that shows it is the first one after that
        # moment (polling for the filter text could miss a frame painted in between, and then wait
        # for an unrelated one, such as the input's cursor blink).
        applied: list[float] = []
        rebuild = story_list._rebuild  # noqa: SLF001 - wrapped on purpose

        def timed_rebuild(keep: str | None) -> None:
            rebuild(keep)
            applied.append(time.perf_counter())

        story_list._rebuild = timed_rebuild  # type: ignore[method-assign]  # noqa: SLF001
        for char in "number 12":
            typed += char
            await pilot.pause()
            seen = len(applied)
            start = time.perf_counter()
            app.post_message(events.Key("space" if char == " " else char, char))
            while len(applied) <= seen and time.perf_counter() - start < 5:
                await asyncio.sleep(0.0005)
            done = applied[-1] if len(applied) > seen else start
            filter_times.append(await frames.first_from(done, start))
        assert story_list.filter_text == typed
        results.filter_keys = filter_times
        results.filter_rows = len(story_list.rows)
    return results


def run(quick: bool = False) -> list[Measurement]:
    words, articles, keys, runs = (10_000, 2_000, 18, 2) if quick else (50_000, 10_000, 45, 4)
    paints, shown = _first_paint(runs)
    warm_paint = statistics.median(paints[1:] or paints)
    warm_shown = statistics.median(shown[1:] or shown)
    found = asyncio.run(_in_app(words, articles, keys))
    text_keys = [t * 1000 for t in found.text_keys]
    list_keys = [t * 1000 for t in found.list_keys]
    filter_keys = [t * 1000 for t in found.filter_keys]
    latency = max(text_keys + list_keys)
    return [
        Measurement(
            AREA,
            "first paint, seeds (from process start)",
            warm_paint,
            "s",
            "< 1 s",
            warm_paint < 1.0,
            f"cold cache {paints[0]:.2f} s; median of {len(paints) - 1 or 1} warm runs",
        ),
        Measurement(
            AREA,
            "seeds listed and shown",
            warm_shown,
            "s",
            None,
            None,
            f"cold cache {shown[0]:.2f} s",
        ),
        Measurement(
            AREA,
            f"open a {words:,}-word article",
            found.long_open,
            "s",
            None,
            None,
            f"{found.long_rows:,} wrapped rows",
        ),
        Measurement(AREA, f"re-wrap the {words:,}-word article on resize", found.long_rewrap, "s"),
        Measurement(
            AREA,
            "key to screen, reading pane (median)",
            statistics.median(text_keys),
            "ms",
            "< 50 ms",
            statistics.median(text_keys) < 50,
        ),
        Measurement(
            AREA,
            "key to screen, story list (median)",
            statistics.median(list_keys),
            "ms",
            "< 50 ms",
            statistics.median(list_keys) < 50,
        ),
        Measurement(
            AREA,
            "key to screen, worst of both",
            latency,
            "ms",
            "< 50 ms",
            latency < 50,
            "j/k, page up/down, g/G",
        ),
        Measurement(
            AREA,
            f"{articles:,} articles listed and painted",
            found.list_shown,
            "s",
            "< 1 s",
            found.list_shown < 1.0,
        ),
        Measurement(
            AREA,
            f"filter keystroke over {articles:,} articles (median)",
            statistics.median(filter_keys),
            "ms",
            "< 50 ms",
            statistics.median(filter_keys) < 50,
            f"worst {max(filter_keys):.1f} ms; {found.filter_rows} rows left",
        ),
    ]
