"""``reader bench``: scripted, repeatable benchmarks (speed targets live here, not in tests).

Each area module (``reader.bench.grouping``, ``reader.bench.diff``, ...) exposes
``run(quick: bool = False) -> list[Measurement]``; ``quick`` shrinks the workload for a smoke run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Measurement:
    area: str
    name: str
    value: float
    unit: str
    target: str | None = None
    """The target as a person reads it, e.g. "< 6 s"."""
    ok: bool | None = None
    """Whether the target was met (None when there is no target)."""
    note: str | None = None
