"""``login --browser`` through a real headless Chromium, Ctrl-C, unexpected failures and the
promise that the command line never loads Qt."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Cli, Keys, assert_no_secret_anywhere, configure_args
from tests.fixtures.browser import BrowserAgent

pytestmark = pytest.mark.secret_service


@pytest.mark.browser
def test_login_in_the_browser_end_to_end(
    cli: Cli,
    keys: Keys,
    browser_agent: Callable[[str], BrowserAgent],
) -> None:
    assert (
        cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret).returncode
        == 0
    )
    agent = browser_agent("allow")

    login = cli("login", "--browser", "--timeout", "90", timeout=120)

    assert login.returncode == 0, login
    lines = login.stdout.splitlines()
    assert lines[0].startswith("Opened the browser: click Allow")
    assert lines[1].strip().startswith(f"{keys.base_url}/oauth?client_id={keys.client_id}")
    assert lines[2].startswith("Waiting for the browser… (Ctrl-C to cancel")
    assert "Connected" in login.stdout
    report = agent.result()
    assert "error" not in report, report
    assert str(report["final_url"]).startswith(keys.redirect_uri)
    assert cli("test").stdout.startswith("AMO CRM integration is ready")
    assert_no_secret_anywhere([keys.client_secret], cli.outputs(), [cli.home])


def test_ctrl_c_cancels_a_browser_login_cleanly(cli: Cli, keys: Keys) -> None:
    assert (
        cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret).returncode
        == 0
    )
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "amo_desktop",
            "--profile",
            cli.profile,
            "login",
            "--browser",
            "--no-open",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **cli.env},
        # A child of a non-interactive shell may inherit an ignored SIGINT; a person's Ctrl-C
        # arrives at a process that handles it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert child.stdout is not None
    seen = []
    for line in child.stdout:
        seen.append(line)
        if line.startswith("Waiting for the browser"):
            break
    assert seen[0].startswith("Open this address in a browser")
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 1, (seen, out, err)
    assert err.startswith("Sign-in cancelled: ")
    assert "Traceback" not in err


def test_an_unexpected_failure_is_one_line_and_the_traceback_goes_to_the_logbook(
    cli: Cli, keys: Keys, tmp_path: Path
) -> None:
    # A fault planted in the child: status() breaks with an exception nobody catalogued,
    # carrying the client secret, which must not reach the screen or the log.
    plant = tmp_path / "plant"
    plant.mkdir()
    (plant / "sitecustomize.py").write_text(
        "from amo_desktop.core import service\n"
        "async def broken(self, **options):\n"
        f"    raise RuntimeError('database exploded near {keys.client_secret}')\n"
        "service.ProfileSession.status = broken\n"
    )
    assert (
        cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret).returncode
        == 0
    )

    human = cli("status", env={"PYTHONPATH": str(plant)})
    machine = cli("status", "--json", env={"PYTHONPATH": str(plant)})

    assert human.returncode == 1
    assert human.stdout == ""
    assert human.stderr.startswith("Something went wrong: ")
    assert "Traceback" not in human.stderr
    assert machine.returncode == 1
    assert json.loads(machine.stdout)["error"]["code"] == "internal.unexpected"
    log = (cli.home / "logs" / "activity.log").read_text(encoding="utf-8")
    assert "RuntimeError: database exploded near" in log
    assert_no_secret_anywhere([keys.client_secret], cli.outputs(), [cli.home])


def test_the_command_line_never_loads_qt(cli: Cli, keys: Keys) -> None:
    assert (
        cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret).returncode
        == 0
    )
    probe = (
        "import sys\n"
        "from amo_desktop.cli.main import main\n"
        f"code = main(['--profile', '{cli.profile}', 'status'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'qasync'} or m.startswith('amo_desktop.gui'))\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, **cli.env},
        timeout=60,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "0 []", result
    assert "Profile “" in result.stdout
