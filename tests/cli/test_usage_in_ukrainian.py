"""argparse's own complaints reach a Ukrainian run in Ukrainian, with the same exit code."""

from __future__ import annotations

import pytest

from amo_desktop.cli.main import main
from amo_desktop.cli.usage_uk import in_ukrainian


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["configure"], "бракує обов'язкових параметрів: --domain, --client-id, --redirect-uri"),
        (["status", "--bogus"], "незнайомі параметри: --bogus"),
        (["login"], "потрібен один із параметрів: --code --browser --long-lived-token-stdin"),
        (["events", "export", "--format", "xml"], "параметр --format: недопустиме значення"),
        (["test-lead", "--price", "many"], "параметр --price: недопустиме значення 'many'"),
        (["login", "--code"], "параметр --code: потрібне значення"),
        (
            ["login", "--code", "x", "--browser"],
            "параметр --browser не можна поєднувати з --code",
        ),
    ],
)
def test_argparse_errors_are_said_in_ukrainian(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "uk", *argv]) == 2
    first_line = capsys.readouterr().err.splitlines()[0]
    assert expected in first_line, first_line
    assert "argument" not in first_line and "required" not in first_line


def test_english_runs_keep_argparse_wording(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "status", "--bogus"]) == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err


def test_an_unknown_message_is_left_as_it_is() -> None:
    assert in_ukrainian("something argparse may say one day") == (
        "something argparse may say one day"
    )
