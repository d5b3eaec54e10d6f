"""``doctor`` says its fixes the command-line way: no "Open Settings" from the window."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from amo_desktop.cli.commands.doctor import _said_the_command_line_way
from amo_desktop.cli.context import CliContext
from amo_desktop.core.config import Profile
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.diagnostics import DiagnosticsRunner, Outcome, WebhookSetup
from amo_desktop.core.diagnostics.checks import ALL_CHECKS
from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import CheckResult, Phrase, Verdict
from amo_desktop.core.diagnostics.spec import Check
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.models import TokenInfo
from tests.cli.conftest import Cli

WINDOW_WORDS = (
    "Open Settings",
    "in Settings",
    "Налаштуваннях",
    "Відкрийте Налаштування",
    "Webhooks →",
    "Вебхуки →",
    "Webhooks page",
    "сторінці «Вебхуки»",
    "in the window",
    "у вікні",
)
LISTENER = {"port": 8765, "path": "/hook", "command": "amo-desktop --profile shop listen"}
"""The parameters the webhook listener check gives its fixes (the saved port and path)."""


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


class _Unconfigured:
    """A profile without settings: the checks below need only its name."""

    name = "shop"

    def profile(self) -> Profile | None:
        return None

    async def refresh_now(self) -> TokenInfo:
        raise AssertionError("a diagnostics run without --refresh never renews the tokens")


async def _checked(
    check: Check, language: str, webhooks: WebhookSetup | None = None
) -> CheckResult:
    """``check``'s result as a real run words it: through the runner, in ``language``."""
    runner = DiagnosticsRunner(
        _Unconfigured(),
        CredentialStore(MemoryKeyring()),
        language=language,
        webhooks=webhooks,
        checks=[check],
    )
    (result,) = await runner.run()
    return result


def _cli(tmp_path: Path, language: str) -> CliContext:
    return CliContext(profile="shop", json_mode=False, language=language, home=tmp_path)


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    ("key", "params"),
    [
        ("redirect_structure_fix", {}),
        ("listener_down_fix", LISTENER),
        ("listener_wrong_path_fix", LISTENER),
        ("listener_foreign_fix", LISTENER),
        ("subscription_missing_fix", {}),
        ("token_expires_soon_fix", {}),
    ],
)
async def test_the_checks_own_fixes_name_commands(
    tmp_path: Path, key: str, params: dict[str, object], language: str
) -> None:
    async def finds_a_problem(ctx: DiagnosticsContext) -> Verdict:
        return Verdict(Outcome.FAILED, Phrase("check_crashed"), Phrase(key, params))

    result = await _checked(Check("webhook_listener", finds_a_problem), language)
    fix = _said_the_command_line_way(_cli(tmp_path, language), result).fix

    assert "amo-desktop --profile shop " in fix, fix
    assert not any(words in fix for words in WINDOW_WORDS), fix
    # The saved port and path are where the next run looks, so the fix names them and
    # offers no other port.
    for value in params.values():
        assert str(value) in fix, fix
    assert "--port 0" not in fix, fix


def _dead_url(path: str) -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}{path}"


@pytest.mark.parametrize("language", ["en", "uk"])
async def test_a_saved_listener_that_is_down_is_started_with_listen(
    tmp_path: Path, language: str
) -> None:
    url = _dead_url("/hook")
    listener = next(check for check in ALL_CHECKS if check.id == "webhook_listener")
    result = await _checked(listener, language, WebhookSetup(url, listener_expected=True))
    assert result.outcome is Outcome.FAILED, result

    fix = _said_the_command_line_way(_cli(tmp_path, language), result).fix

    port = url.split(":")[2].split("/")[0]
    assert port in fix and "/hook" in fix, fix
    assert "amo-desktop --profile shop listen" in fix, fix
    assert not any(words in fix for words in WINDOW_WORDS), fix
