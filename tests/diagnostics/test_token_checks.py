"""Token, refresh token age and refresh checks, each made to fail for its real cause."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from amo_desktop.core.diagnostics import Outcome
from amo_desktop.core.error_catalogue import localize
from amo_desktop.core.errors import ErrorCode
from amo_desktop.core.tokens import TokenSet
from tests.diagnostics.conftest import Doctor

DAY = 86400.0


async def test_not_signed_in_fails_with_the_connect_advice(make_doctor):
    doctor: Doctor = await make_doctor(connected=False)
    await doctor.configure()

    results = await doctor.run()

    token = results["token"]
    assert token.outcome is Outcome.FAILED
    assert token.error is not None and token.error.code is ErrorCode.NOT_LOGGED_IN
    assert token.fix == localize(ErrorCode.NOT_LOGGED_IN).hint
    assert results["api"].outcome is Outcome.SKIPPED
    assert results["webhook_subscription"].outcome is Outcome.SKIPPED
    # A failure is worded as one, not as a skipped check, in both languages.
    assert token.detail == "Not signed in yet."
    assert token.as_dict()["detail"] == "Not signed in yet."
    ukrainian = (await doctor.run(language="uk"))["token"]
    assert ukrainian.outcome is Outcome.FAILED
    assert ukrainian.detail == "Вхід ще не виконано."
    assert ukrainian.fix == localize(ErrorCode.NOT_LOGGED_IN, language="uk").hint
    # The checks that only need the tokens still say they were skipped.
    assert results["refresh_token_age"].detail == "Skipped: not signed in yet."


async def test_an_expired_long_lived_token_fails_and_asks_for_a_new_one(make_doctor):
    doctor: Doctor = await make_doctor(connected=False)
    await doctor.configure()
    await doctor.session.login_with_long_lived_token(
        doctor.sandbox.state.issue_long_lived_token(days=1)
    )
    two_days_later = time.time() + 2 * DAY  # this computer's clock after the token's last day

    results = await doctor.run(clock=lambda: two_days_later)

    token = results["token"]
    assert token.outcome is Outcome.FAILED
    assert token.error is not None and token.error.code is ErrorCode.TOKEN_EXPIRED
    assert "long-lived token" in token.fix
    assert results["refresh_token_age"].outcome is Outcome.SKIPPED


async def test_an_expired_oauth_access_token_is_only_a_warning_while_refresh_works(
    doctor: Doctor,
):
    a_day_later = time.time() + DAY + 60

    results = await doctor.run(clock=lambda: a_day_later)

    token = results["token"]
    assert token.outcome is Outcome.WARNING
    assert "doctor --refresh" in token.fix
    assert results["api"].outcome is Outcome.SKIPPED  # the dry run does not renew it


async def _age_tokens(doctor: Doctor, days: float) -> None:
    name = doctor.session.name
    tokens = await doctor.credentials.get_tokens(name)
    assert tokens is not None
    aged = replace(tokens, obtained_at=tokens.obtained_at - days * DAY)
    await doctor.credentials.set_tokens(name, aged)


@pytest.mark.parametrize("language", ["en", "uk"])
async def test_commands_in_the_fixes_name_the_diagnosed_profile(make_doctor, language: str):
    # `--profile ws doctor` must not advise a bare command: that runs on the current profile.
    doctor: Doctor = await make_doctor(profile="ws")
    command = "amo-desktop --profile ws doctor --refresh"

    dry_run = await doctor.run(language=language)
    a_day_later = time.time() + DAY + 60
    expired = await doctor.run(language=language, clock=lambda: a_day_later)
    await _age_tokens(doctor, 70)
    aged = await doctor.run(language=language)

    fixes = [
        dry_run["refresh"].fix,
        expired["token"].fix,
        aged["refresh_token_age"].fix,
    ]
    for fix in fixes:
        assert command in fix, fix
        assert "amo-desktop doctor" not in fix, fix


async def test_a_refresh_token_unused_for_two_months_warns(doctor: Doctor):
    await _age_tokens(doctor, 70)

    age = (await doctor.run())["refresh_token_age"]

    assert age.outcome is Outcome.WARNING
    assert "70 days" in age.detail
    assert "once a month" in age.fix


async def test_a_refresh_token_older_than_three_months_fails_and_refresh_is_refused(
    doctor: Doctor,
):
    # The sandbox lets its refresh tokens lapse after 3 months, as amoCRM does.
    doctor.sandbox.state.clock.advance(95 * DAY)
    later = time.time() + 95 * DAY

    results = await doctor.run(refresh=True, clock=lambda: later)

    age = results["refresh_token_age"]
    assert age.outcome is Outcome.FAILED
    assert age.error is not None and age.error.code is ErrorCode.REFRESH_TOKEN_EXPIRED
    refresh = results["refresh"]
    assert refresh.outcome is Outcome.FAILED
    assert refresh.error is not None and refresh.error.code is ErrorCode.REFRESH_TOKEN_EXPIRED
    assert refresh.fix == localize(ErrorCode.REFRESH_TOKEN_EXPIRED).hint


async def test_a_missing_secret_key_fails_the_dry_refresh(doctor: Doctor):
    await doctor.credentials.delete("default", "client_secret")

    results = await doctor.run()

    for check_id in ("configuration", "refresh"):
        result = results[check_id]
        assert result.outcome is Outcome.FAILED, result
        assert result.error is not None
        assert result.error.code is ErrorCode.MISSING_CLIENT_SECRET
    assert results["redirect_uri"].outcome is Outcome.SKIPPED


def _refreshes_logged(doctor: Doctor) -> list[str]:
    entries = doctor.core.logbook.recent()
    return [entry.message for entry in entries if "refreshed" in entry.message]


async def _expiring_in(doctor: Doctor, seconds: float) -> TokenSet:
    """The stored pair as this computer sees it minutes before expiry (amo still accepts it)."""
    tokens = await doctor.credentials.get_tokens("default")
    assert tokens is not None
    expiring = replace(tokens, expires_at=time.time() + seconds)
    await doctor.credentials.set_tokens("default", expiring)
    return expiring


async def test_a_default_run_uses_a_token_with_minutes_left_as_it_is(doctor: Doctor):
    before = await _expiring_in(doctor, 120)

    results = await doctor.run()

    # A refresh saves its new pair before anything uses it: the stored one is untouched.
    untouched = await doctor.credentials.get_tokens("default") == before
    assert untouched, "a run without --refresh replaced the stored pair"  # no token printed
    assert not _refreshes_logged(doctor)
    token = results["token"]
    assert token.outcome is Outcome.PASSED
    assert "renewed on the next call" in token.detail
    assert results["api"].outcome is Outcome.PASSED
    # The webhook check asked amo too (the account has no webhooks), with the same token.
    assert doctor.sandbox.state.request_count("/api/v4/webhooks", "GET") == 1
    assert results["webhook_subscription"].outcome is Outcome.SKIPPED


async def test_a_default_run_reports_a_refused_token_instead_of_refreshing(doctor: Doctor):
    before = await doctor.credentials.get_tokens("default")
    doctor.sandbox.state.inject("/api/v4/webhooks", 401)

    results = await doctor.run()

    # A refresh saves its new pair before anything uses it: the stored one is untouched.
    untouched = await doctor.credentials.get_tokens("default") == before
    assert untouched, "a run without --refresh replaced the stored pair"  # no token printed
    assert not _refreshes_logged(doctor)
    subscription = results["webhook_subscription"]
    assert subscription.outcome is Outcome.WARNING
    assert subscription.error is not None
    assert subscription.error.code is ErrorCode.UNAUTHORIZED
