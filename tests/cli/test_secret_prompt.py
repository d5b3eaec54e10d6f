"""The hidden secret-key prompt of ``configure`` on a real terminal (a pseudo-terminal).

A person at the prompt presses Ctrl-C to give up (one press must end the run at once), or
Ctrl-D with nothing typed (a clear "no secret key given", not an unexpected failure).
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.cli.conftest import Cli, Keys, configure_args

pytestmark = [
    pytest.mark.secret_service,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]

PROMPT = b"(input hidden): "
CTRL_C = b"\x03"
CTRL_D = b"\x04"


@dataclass
class Terminal:
    """``amo-desktop`` running on the child side of a pseudo-terminal."""

    pid: int
    fd: int
    seen: bytes = b""

    def read_until(self, needle: bytes, timeout: float = 30.0) -> bytes:
        deadline = time.monotonic() + timeout
        while needle not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"{needle!r} never came; the terminal shows {self.seen!r}"
            if not self._read_some(left):
                raise AssertionError(f"ended before {needle!r}: {self.seen!r}")
        return self.seen

    def type(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def wait_for_exit(self, timeout: float = 10.0) -> int:
        """The exit code, once the program has ended and closed the terminal."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"still running after {timeout:g} s; the terminal shows {self.seen!r}"
            if not self._read_some(left):
                break
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        return os.waitstatus_to_exitcode(status)

    def text(self) -> str:
        return self.seen.decode("utf-8", errors="replace")

    def _read_some(self, timeout: float) -> bool:
        """Read what is there; False once the child side is closed (the program ended)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: every holder of the child side has closed it
            return False
        self.seen += chunk
        return bool(chunk)


@pytest.fixture
def terminal(cli: Cli, keys: Keys) -> Iterator[Terminal]:
    argv = [sys.executable, "-m", "amo_desktop", "--profile", cli.profile, *configure_args(keys)]
    env = {**os.environ, **cli.env}
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pseudo-terminal
        try:
            os.execve(sys.executable, argv, env)  # noqa: S606 - our own interpreter
        finally:
            os._exit(127)
    running = Terminal(pid, fd)
    try:
        yield running
    finally:
        if running.pid:
            os.kill(running.pid, signal.SIGKILL)
            os.waitpid(running.pid, 0)
        os.close(fd)


def test_one_ctrl_c_at_the_prompt_cancels_at_once(terminal: Terminal, cli: Cli) -> None:
    terminal.read_until(PROMPT)
    terminal.type(CTRL_C)
    assert terminal.wait_for_exit() == 130
    assert "Cancelled." in terminal.text()
    assert "Traceback" not in terminal.text()
    assert cli("status", "--json").json()["configured"] is False


def test_ctrl_d_at_the_prompt_says_no_secret_key_was_given(terminal: Terminal, cli: Cli) -> None:
    terminal.read_until(PROMPT)
    terminal.type(CTRL_D)
    assert terminal.wait_for_exit() == 2
    shown = terminal.text()
    assert "Secret key is missing" in shown, shown
    assert "Something went wrong" not in shown
    assert "Traceback" not in shown
    log = cli.home / "logs" / "activity.log"
    assert "internal.unexpected" not in (log.read_text("utf-8") if log.exists() else "")
    assert cli("status", "--json").json()["configured"] is False


def test_the_typed_secret_key_is_saved_and_never_shown(
    terminal: Terminal, cli: Cli, keys: Keys
) -> None:
    terminal.read_until(PROMPT)
    terminal.type(keys.client_secret.encode() + b"\r")
    assert terminal.wait_for_exit() == 0, terminal.text()
    assert keys.client_secret not in terminal.text()
    assert cli("status", "--json").json()["has_client_secret"] is True
