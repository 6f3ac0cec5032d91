"""Counts in words: "1 story", "2 stories", "10,000 articles"."""

from __future__ import annotations

_IRREGULAR = {"story": "stories"}


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` with ``noun`` in the right number, thousands separated."""
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {plural or _IRREGULAR.get(noun) or noun + 's'}"
