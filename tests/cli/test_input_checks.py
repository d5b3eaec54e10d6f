"""Values that can never work are refused with exit 2 before anything reaches amoCRM."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amo_desktop.cli.main import main
from tests.cli.conftest import Cli


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["test-lead", "--price", "-5"], "--price can't be negative (got -5)."),
        (["test-lead", "--name", ""], "--name can't be empty."),
        (["test-lead", "--name", "   "], "--name can't be empty."),
    ],
)
def test_test_lead_refuses_a_negative_price_and_an_empty_name(
    argv: list[str], problem: str, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", *argv]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"] == problem
    assert error["hint"] == "See the options with: amo-desktop test-lead --help"


def test_the_refusal_is_in_ukrainian_too(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "uk", "test-lead", "--price", "-5"]) == 2
    assert capsys.readouterr().err.startswith(
        "Перевірте команду: --price не може бути від'ємним (вказано -5)."
    )


def test_export_env_to_a_folder_says_it_is_a_folder(
    app_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--json", "export-env", "--output", str(tmp_path)]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["message"].startswith(f"--output {tmp_path} is a folder: give the file")


@pytest.mark.secret_service
def test_logout_without_tokens_says_there_was_nothing_to_remove(cli: Cli) -> None:
    logged_out = cli("logout")
    assert logged_out.returncode == 0, logged_out
    assert "there was nothing to remove" in logged_out.stdout
    assert "the tokens are removed" not in logged_out.stdout
    assert cli("logout", "--json").json() == {"status": "ok", "profile": cli.profile}
