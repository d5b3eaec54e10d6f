"""``doctor`` says its fixes the command-line way: no "Open Settings" from the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from amo_desktop.cli.commands.doctor import _said_the_command_line_way
from amo_desktop.cli.context import CliContext
from amo_desktop.core.diagnostics import Outcome
from amo_desktop.core.diagnostics.results import CheckResult
from amo_desktop.core.diagnostics.texts import phrase
from tests.cli.conftest import Cli

WINDOW_WORDS = (
    "Open Settings",
    "in Settings",
    "Налаштуваннях",
    "Відкрийте Налаштування",
    "Webhooks →",
    "Вебхуки →",
)


@pytest.mark.secret_service
def test_an_unconfigured_profile_is_told_to_run_configure_in_text_and_json(cli: Cli) -> None:
    human = cli("doctor")
    assert human.returncode == 1, human
    assert f"Fix: Run: amo-desktop --profile {cli.profile} configure --domain" in human.stdout
    assert not any(words in human.stdout for words in WINDOW_WORDS), human.stdout

    script = cli("--lang", "uk", "doctor", "--json")
    assert script.returncode == 1, script
    configuration = next(
        check
        for check in script.json()["checks"]  # type: ignore[attr-defined]
        if check["id"] == "configuration"
    )
    assert configuration["fix"].startswith("Виконайте: amo-desktop --profile")
    assert configuration["error"]["hint"] == configuration["fix"]
    assert not any(words in script.stdout for words in WINDOW_WORDS), script.stdout


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    "key",
    [
        "redirect_structure_fix",
        "listener_down_fix",
        "listener_wrong_path_fix",
        "listener_foreign_fix",
        "subscription_missing_fix",
    ],
)
def test_the_checks_own_fixes_name_commands(tmp_path: Path, key: str, language: str) -> None:
    ctx = CliContext(profile="shop", json_mode=False, language=language, home=tmp_path)
    result = CheckResult("x", "X", Outcome.FAILED, "found", fix=phrase(key, language))
    fix = _said_the_command_line_way(ctx, result).fix
    assert "amo-desktop --profile shop " in fix
    assert not any(words in fix for words in WINDOW_WORDS), fix
