"""Against a healthy sandbox every applicable check passes; nothing is rotated by default."""

from __future__ import annotations

from amo_desktop.core.diagnostics import DiagnosticsRunner, Outcome, overall_status, texts
from tests.diagnostics.conftest import Doctor


async def test_a_healthy_profile_passes_and_the_default_run_rotates_nothing(doctor: Doctor):
    before = await doctor.credentials.get_tokens("default")

    results = await doctor.run()

    outcomes = {check_id: result.outcome for check_id, result in results.items()}
    for check_id in (
        "configuration",
        "keyring",
        "account_host",
        "clock",
        "token",
        "refresh_token_age",
        "api",
        "redirect_uri",
        "redirect_port",
    ):
        assert outcomes[check_id] is Outcome.PASSED, results[check_id]
    # Only an explicit --refresh rotates the pair; the dry run says what it would need.
    assert outcomes["refresh"] is Outcome.SKIPPED
    # Worded for both front ends: the GUI's option and the command line's flag.
    assert "real token refresh turned on" in results["refresh"].fix
    assert "amo-desktop --profile default doctor --refresh" in results["refresh"].fix
    ukrainian = texts.phrase("refresh_ready_fix", "uk")
    assert "увімкненим справжнім оновленням токенів" in ukrainian
    assert outcomes["webhook_listener"] is Outcome.SKIPPED  # nothing set up, nothing running
    assert outcomes["forward_target"] is Outcome.SKIPPED
    assert overall_status(list(results.values())) == "ok"
    assert await doctor.credentials.get_tokens("default") == before
    assert doctor.sandbox.state.request_count("/oauth2/access_token") == 2  # login + probe


async def test_refresh_option_rotates_the_pair_and_the_api_uses_the_new_one(doctor: Doctor):
    before = await doctor.credentials.get_tokens("default")

    results = await doctor.run(refresh=True)

    assert results["refresh"].outcome is Outcome.PASSED, results["refresh"]
    assert results["api"].outcome is Outcome.PASSED, results["api"]
    after = await doctor.credentials.get_tokens("default")
    assert after is not None and before is not None
    assert after.refresh_token != before.refresh_token


async def test_results_arrive_one_by_one_with_titles_in_both_languages(doctor: Doctor):
    runner = DiagnosticsRunner(doctor.session, doctor.credentials, language="uk")
    planned = runner.planned()
    seen = [result async for result in runner.results()]

    assert sorted(r.id for r in seen) == sorted(check_id for check_id, _ in planned)
    titles = dict(planned)
    assert titles["keyring"] == "Сховище паролів"
    assert all(result.title == titles[result.id] for result in seen)
    assert "Демо-компанія" in next(r for r in seen if r.id == "api").detail
