"""Long-lived objects set aside from Python's garbage collector, so that full collections stay short.

The loaded app (Textual, the screens, the corpus) is 100,000+ long-lived objects, millions for a
big corpus, and a long pair's alignment a few hundred thousand more. Every full collection walked
them all again: 30 ms a time for the seeds app with a long article open, 40-70 ms for 10,000
articles, felt as a stalled keystroke. They live as long as the app (or the comparison), so once
built they are frozen, and ``ReaderApp`` thaws everything on exit.
"""

from __future__ import annotations

import gc
from typing import Any


def set_aside() -> None:
    """Collect what is garbage now, then freeze every object still alive."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """Make what was set aside collectable again (an app run in a longer process, such as the
    tests or the benchmarks, leaves nothing pinned behind it)."""
    gc.unfreeze()


# How long Textual may still hold a closed screen: freezing before it lets go would pin it.
_AFTER_CLOSING = 0.5


class Holder:
    """What one short-lived owner of big data (a comparison screen) set aside, and how it lets
    it go: frozen objects are never collected, so replacing or dropping the data first thaws
    everything, then freezes again what lives on."""

    def __init__(self) -> None:
        self.holds = False

    def set_aside(self) -> None:
        """Freeze the owner's new data with the rest, letting its previous data go first."""
        if self.holds:
            release()
        set_aside()
        self.holds = True

    def let_go(self, app: Any) -> None:
        """The owner is closing: thaw now, and freeze what lives on once ``app`` (a Textual app)
        has dropped it, unless the app is closing by then (it thaws everything itself)."""
        if not self.holds:
            return
        release()
        self.holds = False

        def set_aside_again() -> None:
            if app.is_running:
                set_aside()

        app.set_timer(_AFTER_CLOSING, set_aside_again)
