from __future__ import annotations

from reader.text.counts import counted, plural


def test_counts_in_words() -> None:
    assert counted(1, "story") == "1 story"
    assert counted(2, "story") == "2 stories"
    assert counted(0, "version") == "0 versions"
    assert counted(10_000, "article") == "10,000 articles"
    assert counted(3, "century") == "3 centuries"


def test_speed_abbreviations_have_no_plural() -> None:
    # (How numbers say a speed's unit is tested with the numbers.)
    assert plural("km/h") == "km/h"
    assert plural("mph") == "mph"
