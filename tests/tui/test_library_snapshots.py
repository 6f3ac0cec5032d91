"""Snapshots of the Library and the keys help at 80x24 and 160x48 on the bundled seeds.

Plain ``def`` tests (``snap_compare`` runs the app itself). Update with ``--snapshot-update``
after a deliberate change, and look at the SVGs.
"""

from __future__ import annotations

from library_helpers import settle
from textual.pilot import Pilot

from reader.tui.app import ReaderApp


async def _loaded(pilot: Pilot) -> None:
    await settle(pilot)


async def _reading_with_help(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def _reading_a_quote(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "j", "j", "enter", "j", "j", "j")
    await settle(pilot)


def test_library_160x48(snap_compare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=(160, 48), run_before=_loaded)


def test_library_80x24(snap_compare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=(80, 24), run_before=_loaded)


def test_library_reading_quotes_light_160x48(snap_compare) -> None:
    app = ReaderApp()
    app.theme = "catppuccin-latte"
    assert snap_compare(app, terminal_size=(160, 48), run_before=_reading_a_quote)


def test_help_160x48(snap_compare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=(160, 48), run_before=_reading_with_help)


def test_help_80x24(snap_compare) -> None:
    assert snap_compare(ReaderApp(), terminal_size=(80, 24), run_before=_reading_with_help)
