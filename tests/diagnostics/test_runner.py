"""The runner: concurrency, progress in completion order, time-outs and crashing checks."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from amo_desktop.core.config import ConfigStore, Profile
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.diagnostics import DiagnosticsRunner, Outcome
from amo_desktop.core.diagnostics.checks import ALL_CHECKS
from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import Phrase, Verdict
from amo_desktop.core.diagnostics.spec import Check
from amo_desktop.core.errors import ErrorCode
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.models import TokenInfo, WebhookSubscription


class ConfiguredProfile:
    """Only what the runner itself reads: the name and the settings file (no network)."""

    def __init__(self, home: Path, name: str = "default") -> None:
        self.name = name
        self._config = ConfigStore(home)

    def profile(self) -> Profile | None:
        return self._config.get(self.name)

    async def refresh_now(self) -> TokenInfo:
        raise AssertionError("the runner tests never refresh")

    async def list_webhooks(self) -> list[WebhookSubscription]:
        raise AssertionError("the runner tests never list webhooks")


def passed(key: str = "clock_ok") -> Verdict:
    return Verdict(Outcome.PASSED, Phrase(key, {"seconds": 0}))


async def test_results_come_in_completion_order_while_run_keeps_reading_order(app_home: Path):
    first_finished = asyncio.Event()

    async def slow(ctx: DiagnosticsContext) -> Verdict:
        await first_finished.wait()  # only ends after the fast one: proves they overlap
        return passed()

    async def fast(ctx: DiagnosticsContext) -> Verdict:
        first_finished.set()
        return passed()

    checks = [Check("slow", slow, timeout=5), Check("fast", fast, timeout=5)]
    runner = DiagnosticsRunner(
        ConfiguredProfile(app_home), CredentialStore(MemoryKeyring()), checks=checks
    )
    streamed = [result.id async for result in runner.results()]
    seen: list[str] = []
    first_finished.clear()
    ordered = await runner.run(on_result=lambda result: seen.append(result.id))

    assert streamed == ["fast", "slow"]
    assert seen == ["fast", "slow"]
    assert [result.id for result in ordered] == ["slow", "fast"]


async def test_a_check_that_hangs_is_cut_off_by_its_own_time_out(app_home: Path):
    never = asyncio.Event()

    async def hangs(ctx: DiagnosticsContext) -> Verdict:
        await never.wait()
        return passed()

    async def quick(ctx: DiagnosticsContext) -> Verdict:
        return passed()

    checks = [Check("hangs", hangs, timeout=0.2), Check("quick", quick, timeout=5)]
    runner = DiagnosticsRunner(
        ConfiguredProfile(app_home), CredentialStore(MemoryKeyring()), checks=checks
    )
    results = {result.id: result for result in await runner.run()}

    assert results["hangs"].outcome is Outcome.FAILED
    assert "0.2 s" in results["hangs"].detail
    assert "Run the checks again" in results["hangs"].fix
    assert results["quick"].outcome is Outcome.PASSED


async def test_a_keyring_that_hangs_past_the_check_time_out_names_the_keyring(app_home: Path):
    keyring = MemoryKeyring()
    keyring.hang = True
    try:
        keyring_check = next(check for check in ALL_CHECKS if check.id == "keyring")
        runner = DiagnosticsRunner(
            ConfiguredProfile(app_home),
            CredentialStore(keyring, timeout=30.0),  # the store alone would wait much longer
            checks=[replace(keyring_check, timeout=0.2)],
        )
        (result,) = await runner.run()
    finally:
        keyring.hang = False

    assert result.outcome is Outcome.FAILED
    assert result.error is not None and result.error.code is ErrorCode.KEYRING_TIMEOUT
    assert "in-memory test keyring" in result.error.localized().message


async def test_a_crashing_check_becomes_a_failed_result_not_a_traceback(app_home: Path):
    async def broken(ctx: DiagnosticsContext) -> Verdict:
        raise ZeroDivisionError("a bug")

    after_it = []

    async def dependent(ctx: DiagnosticsContext) -> Verdict:
        after_it.append(ctx.results["broken"].outcome)
        return passed()

    checks = [Check("broken", broken), Check("dependent", dependent, after=("broken",))]
    runner = DiagnosticsRunner(
        ConfiguredProfile(app_home), CredentialStore(MemoryKeyring()), checks=checks
    )
    results = {result.id: result for result in await runner.run()}

    assert results["broken"].outcome is Outcome.FAILED
    assert results["broken"].error is not None
    assert results["broken"].error.code is ErrorCode.UNEXPECTED
    assert after_it == [Outcome.FAILED]  # the dependent ran after, and saw the result


async def test_no_profile_fails_configuration_and_the_rest_explain_why_they_skip(
    app_home: Path,
):
    runner = DiagnosticsRunner(ConfiguredProfile(app_home), CredentialStore(MemoryKeyring()))
    results = {result.id: result for result in await runner.run()}

    assert results["configuration"].outcome is Outcome.FAILED
    assert results["configuration"].error is not None
    assert results["configuration"].error.code is ErrorCode.NOT_CONFIGURED
    assert results["keyring"].outcome is Outcome.PASSED
    for check_id in ("account_host", "clock", "token", "api", "redirect_uri", "redirect_port"):
        assert results[check_id].outcome is Outcome.SKIPPED, results[check_id]
    as_json = results["configuration"].as_dict("uk")
    assert as_json["outcome"] == "failed"
    assert as_json["error"]["title"] == "Ще не налаштовано"
