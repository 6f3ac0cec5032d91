"""An OptionList whose multi-line options stay whole when its scrollbar comes or goes."""

from __future__ import annotations

from textual.widgets import OptionList


class WrappingOptionList(OptionList):
    """OptionList that measures its options again when the vertical scrollbar appears or goes.

    Textual 8.2.8 measures option heights once per resize. A scrollbar appearing narrows the
    lines without a resize, so an option that now wraps onto one more line kept its old height
    and lost its last line (a quote under a long speaker name simply vanished).
    """

    def watch_show_vertical_scrollbar(self) -> None:
        self._clear_caches()  # no public way to drop the measured heights
