"""Long-lived objects set aside from Python's garbage collector, so that full collections stay short.

The loaded app (Textual, the screens, the corpus) is 100,000+ long-lived objects, millions for a
big corpus, and a long pair's alignment a few hundred thousand more. Every full collection walked
them all again: 30 ms a time for the seeds app with a long article open, 40-70 ms for 10,000
articles, felt as a stalled keystroke. They live as long as the app (or the comparison), so once
built they are frozen, and ``ReaderApp`` thaws everything on exit.
"""

from __future__ import annotations

import gc


def set_aside() -> None:
    """Collect what is garbage now, then freeze every object still alive."""
    gc.collect()
    gc.freeze()


def release() -> None:
    """Make what was set aside collectable again (an app run in a longer process, such as the
    tests or the benchmarks, leaves nothing pinned behind it)."""
    gc.unfreeze()
