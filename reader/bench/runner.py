"""Run the benchmark areas and report their measurements."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from reader.bench import Measurement

AREAS = ("grouping", "diff", "extract", "dates", "tui", "tui_compare")
"""Bench modules under ``reader.bench``, in the order they run."""


def run_areas(
    areas: Sequence[str] | None = None,
    *,
    quick: bool = False,
    on_area: Callable[[str], None] | None = None,
) -> list[Measurement]:
    results: list[Measurement] = []
    for area in areas or AREAS:
        if on_area is not None:
            on_area(area)
        module = importlib.import_module(f"reader.bench.{area}")
        results.extend(module.run(quick=quick))
    return results
