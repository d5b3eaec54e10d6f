"""Usage errors, help and the refusal of secrets as arguments: no keyring, no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from amo_desktop.cli.main import main


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "amo_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


def test_version_and_help_exit_zero() -> None:
    version = run_cli("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("amo-desktop ")
    help_text = run_cli("test-lead", "--help")
    assert help_text.returncode == 0
    assert "--pipeline-id" in help_text.stdout


def test_missing_option_is_a_usage_error_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["login"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert lines[0].startswith("Check the command: one of the arguments --code --browser")
    assert lines[1] == "What to do: See the options with: amo-desktop login --help"
    assert "Traceback" not in captured.err


def test_unknown_option_names_the_command_in_json_and_ukrainian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "uk", "configure", "--json", "--bogus"]) == 2
    captured = capsys.readouterr()
    error = json.loads(captured.out)
    assert error["status"] == "error"
    assert error["error"]["code"] == "cli.usage"
    assert error["error"]["title"] == "Перевірте команду"
    assert "--bogus" in error["error"]["message"]
    assert error["error"]["hint"] == "Перегляньте параметри: amo-desktop configure --help"
    assert captured.err == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["configure", "--client-secret", "s3cr3t-value-123"],
        ["configure", "--client-secret=s3cr3t-value-123"],
        ["--json", "configure", "--domain", "x", "--client-secret", "s3cr3t-value-123"],
    ],
)
def test_a_secret_as_an_argument_is_refused_without_echoing_it(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "s3cr3t-value-123" not in captured.out + captured.err
    assert "cli.secret_in_argument" in captured.out or "shell history" in captured.err
    assert "--client-secret-stdin" in captured.out + captured.err


def test_an_abbreviated_option_is_not_guessed(capsys: pytest.CaptureFixture[str]) -> None:
    # argparse would otherwise take "--client-secret-s" for --client-secret-stdin.
    assert main(["configure", "--client-secret-s"]) == 2
    assert "unrecognized arguments: --client-secret-s" in capsys.readouterr().err


def test_no_command_without_a_gui_launcher_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_login_option_clashes_are_explained_in_ukrainian(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "uk", "login", "--code", "x", "--timeout", "5"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "Перевірте команду: --no-open і --timeout працюють лише разом із --browser."
    )
    assert main(["--lang", "uk", "login", "--browser", "--timeout", "0"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "Перевірте команду: --timeout має бути додатним числом."
    )


def test_json_without_a_command_prints_one_json_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--json", "--lang", "uk"], start_gui=lambda: 0) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"] == "не вказано команду."
    assert error["hint"] == "Перегляньте параметри: amo-desktop --help"
