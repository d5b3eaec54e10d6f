"""A damaged settings file is the doctor's finding: the checks still run and the report is made."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Cli

pytestmark = pytest.mark.secret_service

DAMAGED = '{"current": "default", "profiles": {'
SKIPPED_FOR_SETTINGS = "Skipped: the settings are missing or invalid."


@pytest.fixture
def damaged(cli: Cli) -> Cli:
    (cli.home / "config.json").write_text(DAMAGED, encoding="utf-8")
    return cli


@pytest.mark.parametrize("named", [False, True], ids=["current-profile", "named-profile"])
def test_doctor_reports_the_damaged_file_and_skips_what_needs_it(damaged: Cli, named: bool) -> None:
    done = damaged("doctor", profile=named)
    assert done.returncode == 1, done
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    configuration = next(i for i, line in enumerate(lines) if line.startswith("✗ Settings"))
    # Said in plain words, naming the file, not as an error code.
    assert "could not be read" in lines[configuration], lines[configuration]
    assert "config.json" in lines[configuration] and "config.unreadable" not in lines[configuration]
    assert lines[configuration + 1].strip().startswith("Fix: A copy was kept next to it")
    assert any(line.startswith("✓ Password storage") for line in lines), done.stdout
    skipped = [line for line in lines if line.startswith("– ") and SKIPPED_FOR_SETTINGS in line]
    assert len(skipped) >= 5, done.stdout  # the host, the clock, the tokens, the API, …
    assert "Problems found:" in done.stdout
    # The damaged file stops nothing before the checks: it is said once, as the finding.
    assert "Settings file is damaged" not in done.stderr


def test_doctor_report_still_comes_with_the_finding(damaged: Cli) -> None:
    done = damaged("--json", "doctor", "--report", profile=False)
    assert done.returncode == 1, done
    payload = done.json()
    assert payload["status"] == "problems"
    checks = {check["id"]: check for check in payload["checks"]}  # type: ignore[attr-defined]
    configuration = checks["configuration"]
    assert configuration["outcome"] == "failed"
    assert configuration["detail"].startswith("The settings file ")
    assert configuration["error"]["code"] == "config.unreadable"
    assert configuration["error"]["title"] == "Settings file is damaged"
    assert configuration["fix"].startswith("A copy was kept next to it")
    assert checks["token"]["outcome"] == "skipped"
    report = str(payload["report"])
    assert "== Checks ==" in report
    assert "config.unreadable" in report or "Settings file is damaged" in report
