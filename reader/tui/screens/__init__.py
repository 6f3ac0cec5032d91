"""The app's screens (the compare screen is imported lazily by whoever opens it)."""

from reader.tui.screens.help import HelpScreen
from reader.tui.screens.library import LibraryScreen

__all__ = ["HelpScreen", "LibraryScreen"]
