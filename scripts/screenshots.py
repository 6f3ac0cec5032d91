"""Regenerate the README screenshots from the real app on the bundled seeds.

    python scripts/screenshots.py [OUTPUT_DIR]   (default: screenshots/)

Writes library.svg (160x48), library-narrow.svg (80x24), library-light.svg, help.svg,
compare.svg (000, the translation, next to 001, the spun copy), compare-reports.svg (AP's report
next to the spun copy 001, which shares no sentence with it), and notes-reading.svg (highlights, a note and a pin made with the
keys) then notes.svg (the Notes screen on them). Uses a throwaway cache and notes store
so the user's are untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.worker import WorkerCancelled

from reader.tui.app import ReaderApp


async def _settle(pilot: Pilot) -> None:
    for _ in range(4):
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _shot(
    out: Path,
    name: str,
    size: tuple[int, int],
    steps: Callable[[Pilot], Awaitable[None]] | None = None,
    theme: str | None = None,
) -> None:
    app = ReaderApp()
    async with app.run_test(size=size) as pilot:
        if theme:
            app.theme = theme
        await _settle(pilot)
        if steps is not None:
            await steps(pilot)
            await _settle(pilot)
        app.save_screenshot(filename=f"{name}.svg", path=str(out))
    print(out / f"{name}.svg")


async def _reading_ap(pilot: Pilot) -> None:
    await pilot.press("j", "j", "j", "enter", "j", "j", "j")


async def _help(pilot: Pilot) -> None:
    await pilot.press("j", "enter", "question_mark")


async def _compare(pilot: Pilot) -> None:
    # The README's story: the machine translation (000, first in the list) next to its closest
    # version, the spun copy 001, with the cursor on the fourth change, a quote whose marks
    # the translation dropped.
    await pilot.press("c")
    await asyncio.sleep(0.5)
    await _settle(pilot)
    await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")


async def _compare_reports(pilot: Pilot) -> None:
    # Two independent reports: their unpaired sentences share lines, so they read in parallel.
    await pilot.press("j", "j", "j", "c")
    await asyncio.sleep(0.5)
    await _settle(pilot)
    # AP on the left, and on the right the spun copy (001), which shares no sentence with it.
    await pilot.press("s", "v")
    await _settle(pilot)
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(pilot.app.corpus.article("001").id)
    await pilot.press("enter")
    await asyncio.sleep(0.5)


async def _making_notes(pilot: Pilot) -> None:
    await _reading_ap(pilot)
    await _settle(pilot)
    await pilot.press("h", "j", "j", "a", *"Does AFP carry this?", "tab", *"check, sources")
    await pilot.press("enter", "tab", "p", "shift+tab", "j", "j", "j")


async def _notes_screen(pilot: Pilot) -> None:
    await pilot.press("N")


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    await _shot(out, "library", (160, 48), _reading_ap)
    await _shot(out, "library-narrow", (80, 24))
    await _shot(out, "library-light", (160, 48), _reading_ap, theme="catppuccin-latte")
    await _shot(out, "help", (160, 48), _help)
    await _shot(out, "compare", (160, 48), _compare)
    await _shot(out, "compare-reports", (160, 48), _compare_reports)
    # The same throwaway store for both: the second shows the notes the first made.
    await _shot(out, "notes-reading", (160, 48), _making_notes)
    await _shot(out, "notes", (160, 48), _notes_screen)


if __name__ == "__main__":
    target = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parent.parent / "screenshots"
    )
    with tempfile.TemporaryDirectory() as state:
        os.environ["READER_CACHE_DIR"] = str(Path(state) / "cache")
        os.environ["READER_DATA_DIR"] = str(Path(state) / "data")
        asyncio.run(main(target))
