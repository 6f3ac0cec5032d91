"""Counts and plurals in words: "1 story", "2 stories", "10,000 articles", "centuries"."""

from __future__ import annotations

__all__ = ["counted", "plural"]

_IRREGULAR_PLURALS = {
    "story": "stories",
    "century": "centuries",
    "millennium": "millennia",
    "foot": "feet",
    "inch": "inches",
    # abbreviations of speeds stay as they are: "60 mph"
    "mph": "mph",
    "km/h": "km/h",
}


def plural(noun: str) -> str:
    """The plural of a singular noun this project counts: "years", "centuries", "feet"."""
    return _IRREGULAR_PLURALS.get(noun, noun + "s")


def counted(count: int, noun: str) -> str:
    """``count`` with ``noun`` in the right number, thousands separated."""
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {plural(noun)}"
