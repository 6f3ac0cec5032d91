"""An OptionList whose multi-line options stay whole when its scrollbar comes or goes."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class WrappingOptionList(OptionList):
    """OptionList that measures its options again when the vertical scrollbar appears or goes.

    Textual 8.2.8 measures option heights once per resize. A scrollbar appearing narrows the
    lines without a resize, so an option that now wraps onto one more line kept its old height
    and lost its last line (a quote under a long speaker name simply vanished).

    It also moves with j/k and g/G like every other list of the app, and is named in the keys
    help by ``pane_name``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    PANE_NAME = "List"

    def __init__(self, *content: Any, pane_name: str | None = None, **kwargs: Any) -> None:
        super().__init__(*content, **kwargs)
        if pane_name is not None:
            self.PANE_NAME = pane_name

    def watch_show_vertical_scrollbar(self) -> None:
        self._clear_caches()  # no public way to drop the measured heights
