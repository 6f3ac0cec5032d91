"""End to end: the installed `reader` command in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def _reader_command() -> str:
    """The console script installed beside this interpreter (what a user runs)."""
    script = Path(sys.executable).parent / "reader"
    return str(script) if script.exists() else f"{sys.executable} -m reader"


class Terminal:
    def __init__(self, session: str) -> None:
        self.session = session

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-t", self.session, "-p"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout

    def press(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.session, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def wait_until_gone(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while text in screen and time.monotonic() < deadline:
            time.sleep(0.1)
            screen = self.screen()
        assert text not in screen, f"{text!r} is still on the screen:\n{screen}"
        return screen

    def alive(self) -> bool:
        return (
            subprocess.run(
                ["tmux", "has-session", "-t", self.session], capture_output=True, check=False
            ).returncode
            == 0
        )


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    session = f"reader-e2e-{uuid.uuid4().hex[:8]}"
    env = {
        "READER_CACHE_DIR": os.environ["READER_CACHE_DIR"],
        "READER_DATA_DIR": os.environ["READER_DATA_DIR"],
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{k}={v}" for k, v in env.items())
    # `; sleep` keeps the pane after the app exits so the exit status can be read.
    command = f"cd {tmp_path} && env {exports} {_reader_command()}; echo READER-EXITED-$?; sleep 30"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36", command], check=True
    )
    # A detached session may keep tmux's default size whatever -x/-y say; ask again.
    subprocess.run(
        ["tmux", "resize-window", "-t", session, "-x", "120", "-y", "36"],
        capture_output=True,
        check=False,
    )
    try:
        yield Terminal(session)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)


def test_reader_opens_the_seeds_compares_and_quits(terminal: Terminal) -> None:
    terminal.wait_for("Stories")
    terminal.wait_for("Radio Free Europe")
    terminal.wait_for("WASHINGTON")
    terminal.press("?")
    terminal.wait_for("esc to close")
    # A lone ESC is told apart from an escape sequence by a pause: wait for it to land before
    # the next key, or the two read as alt+c.
    terminal.press("Escape")
    terminal.wait_until_gone("esc to close")
    terminal.press("c")
    terminal.wait_for("change 1/")
    terminal.press("]")
    terminal.wait_for("change 2/")
    terminal.press("q")
    terminal.wait_for("Stories")
    terminal.press("q")
    final = terminal.wait_for("READER-EXITED-")
    assert "READER-EXITED-0" in final
    assert "Traceback" not in final
