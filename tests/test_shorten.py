from __future__ import annotations

from reader.text.shorten import clip


def test_clip_puts_a_passage_on_one_line_and_cuts_it_with_an_ellipsis() -> None:
    assert clip("Peskov\n  said   so", 40) == "Peskov said so"
    assert clip("The talks will open in Geneva", 11) == "The talks…"  # no space before "…"
    assert len(clip("x" * 50, 10)) == 10
