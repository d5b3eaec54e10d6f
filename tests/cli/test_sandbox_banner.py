"""The sandbox's banner, read as a newcomer reads it: every command it prints works verbatim.

The sandbox runs as ``amo-desktop sandbox`` (or ``python -m amo_desktop.sandbox``) in a
child process; the printed commands run in a shell with the same keyring and app home.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from amo_desktop.sandbox.banner import SandboxIntro
from tests.cli.conftest import Cli

pytestmark = pytest.mark.secret_service

LAST_STEP = "amo-desktop test-lead"
Sandbox = Callable[..., list[str]]


@pytest.fixture
def run_sandbox(cli: Cli) -> Iterator[Sandbox]:
    """``run_sandbox("amo_desktop", "sandbox")``: start it, return its banner's lines."""
    started: list[subprocess.Popen[str]] = []

    def start(*argv: str) -> list[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, **cli.env},
        )
        started.append(process)
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or lines[-1].strip() != LAST_STEP:  # the banner's last line
            line = process.stdout.readline()
            assert line, "the sandbox ended before its banner was complete"
            lines.append(line.rstrip("\n"))
        return lines

    yield start
    for process in started:
        process.send_signal(signal.SIGINT)  # Ctrl-C, as a person stops it
        process.communicate(timeout=30)
        assert process.returncode == 0


def printed_commands(banner: list[str]) -> list[str]:
    return [line.strip() for line in banner if line.strip().startswith(("amo-desktop ", "printf "))]


def shell(cli: Cli, command: str) -> subprocess.CompletedProcess[str]:
    """Run a printed command as typed into a terminal, with ``amo-desktop`` on the PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **cli.env, "PATH": path},
        timeout=60,
        check=False,
    )


def test_the_printed_configure_code_login_test_and_test_lead_work_verbatim(
    cli: Cli, run_sandbox: Sandbox
) -> None:
    banner = run_sandbox("amo_desktop", "sandbox")

    commands = printed_commands(banner)
    configure, browser_login, code_login, test, test_lead = commands[:5]
    assert configure.startswith("printf '%s' ") and configure.endswith("--client-secret-stdin")
    assert browser_login == "amo-desktop login --browser"
    assert code_login.startswith("printf '%s' ") and code_login.endswith("login --code -")
    assert (test, test_lead) == ("amo-desktop test", LAST_STEP)
    text = "\n".join(banner)
    assert "port 3000 must be free" in text
    assert "amo-desktop sandbox --redirect-uri http://127.0.0.1:3001/callback" in text
    assert "/_sandbox/authorization-code" in text
    outputs = {}
    for command in (configure, code_login, test, test_lead):
        done = shell(cli, command)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        outputs[command] = done.stdout
    assert "AMO CRM integration is ready" in outputs[test]
    assert "Lead created" in outputs[test_lead]


def test_another_redirect_port_signs_in_through_the_browser_in_ukrainian(
    cli: Cli,
    run_sandbox: Sandbox,
    browser_agent: Callable[[str], object],
    unused_tcp_port: int,
) -> None:
    redirect_uri = f"http://127.0.0.1:{unused_tcp_port}/callback"
    banner = run_sandbox("amo_desktop.sandbox", "--redirect-uri", redirect_uri, "--lang", "uk")

    text = "\n".join(banner)
    assert f"Redirect URI   {redirect_uri}" in text
    assert f"порт {unused_tcp_port} на цьому комп'ютері має бути вільним" in text
    assert "--redirect-uri http://127.0.0.1:3001" not in text  # the tip is for port 3000 only
    configure, browser_login = printed_commands(banner)[:2]
    browser_agent("allow")
    for command in (configure, browser_login, "amo-desktop status --json"):
        done = shell(cli, command)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert f'"redirect_uri": "{redirect_uri}"' in done.stdout


def test_the_banner_says_the_same_in_both_languages() -> None:
    intro = SandboxIntro(
        base_url="http://127.0.0.1:8123",
        account_name="Демо-компанія",
        account_id=1,
        client_id="id",
        client_secret="it's secret",
        redirect_uri="http://localhost:3000/callback",
        authorization_code="def502",
    )
    english, ukrainian = intro.banner("en"), intro.banner("uk")
    assert printed_commands(english) == printed_commands(ukrainian)
    assert len(english) == len(ukrainian) and english != ukrainian
    # A secret with a quote in it still reaches configure intact through the shell.
    assert "printf '%s' 'it'\"'\"'s secret' | amo-desktop configure" in english[10]
