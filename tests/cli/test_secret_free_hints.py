"""Every hint that sends a person to ``--code`` or ``--destination`` says ``-`` (paste on stdin).

The code and a listener address with ``?secret=…`` are secrets: on the command line any other
program on the computer can read them (``ps``). No keyring, no network here.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from amo_desktop.cli import texts
from amo_desktop.cli.commands import listen
from amo_desktop.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]

# "--code" or "--destination" not followed by " -" as a whole word ("-" then space, bracket,
# quote, punctuation or the end).
_WITHOUT_STDIN = re.compile(r"--(?:code|destination)(?! -(?:[\s)'\",.;]|$))")


def _cli_sentences() -> Iterator[str]:
    for language in ("en", "uk"):
        yield from texts._TEXTS[language].values()
    for pair in (*texts._CLI_HINTS.values(), *texts._CLI_FIXES.values()):
        yield from pair
    yield from listen._TEXTS["paste"]


def _help(*command: str) -> str:
    parser: argparse.ArgumentParser = build_parser()
    for name in command:
        actions = next(
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        )
        parser = actions.choices[name]
    return parser.format_help()


def test_every_cli_sentence_that_names_the_options_names_their_stdin_form() -> None:
    offending = [s for s in _cli_sentences() if _WITHOUT_STDIN.search(s)]
    assert offending == []


@pytest.mark.parametrize(
    "key",
    ["configured_next"],
)
@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_configure_next_line_suggests_pasting_the_code(key: str, language: str) -> None:
    assert "--code -" in texts.text(key, language, profile_option="")


def test_the_listener_hint_names_the_secret_free_subscribe_route() -> None:
    for sentence in listen._TEXTS["paste"]:
        assert "amo-desktop webhooks subscribe --destination -" in sentence, sentence


def test_login_help_explains_the_dash_and_why() -> None:
    # argparse wraps at the terminal width; join the lines to read sentences.
    login = " ".join(_help("login").split())
    assert "--code -" in login
    assert "other programs" in login


@pytest.mark.parametrize("action", ["subscribe", "unsubscribe"])
def test_webhooks_help_offers_the_destination_on_stdin(action: str) -> None:
    described = " ".join(_help("webhooks", action).split())
    assert "'-' reads it from standard input" in described


def test_the_readme_command_block_suggests_stdin_for_the_code_and_the_destination() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if line.startswith("amo-desktop ")]
    lines += [line for line in readme.splitlines() if "# or: --code" in line]
    assert any("--code -" in line for line in lines), lines
    assert any("--destination -" in line for line in lines), lines
    offending = [line for line in lines if _WITHOUT_STDIN.search(line)]
    assert offending == []
