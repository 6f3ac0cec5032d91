"""What an unlucky user runs into: quitting mid-load, odd corpora, hostile text, small terminals."""

from __future__ import annotations

import threading
import time

import pytest

import reader.tui.app as app_module
from reader.tui.app import ReaderApp


async def test_quitting_while_the_corpus_loads_stops_the_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A loader that would run for a long time: only an error from its progress callback ends it
    # early. Without that the process cannot exit until the load is done (a frozen terminal).
    started = threading.Event()
    finished = threading.Event()
    outcome: list[str] = []

    def endless_load(paths, progress=None, **_options):  # type: ignore[no-untyped-def]
        started.set()
        try:
            for done in range(3_000):
                if progress is not None:
                    progress("reading", done, 3_000)
                time.sleep(0.01)
            outcome.append("ran to the end")
        except BaseException as error:
            outcome.append(f"stopped by {type(error).__name__}")
            raise
        finally:
            finished.set()
        raise AssertionError("unreachable in the test")

    monkeypatch.setattr(app_module, "load_corpus", endless_load)
    app = ReaderApp(["/nonexistent-corpus"], use_cache=False)
    async with app.run_test() as pilot:
        assert started.wait(5)
        await pilot.press("q")
        await pilot.pause()
    assert finished.wait(5), "the loader kept running after the app quit"
    assert outcome and outcome[0].startswith("stopped by")
