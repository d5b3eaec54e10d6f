"""Each check rendered for a real cause against the sandbox: the outcome as glyph, word and
colour, what was found, the fix the catalogue gives, and the button that leads to the fix."""

from __future__ import annotations

import time

from keyring.backends import fail
from pytestqt.qtbot import QtBot

from amo_desktop.core.diagnostics import Outcome
from amo_desktop.core.diagnostics.results import CheckResult
from amo_desktop.core.error_catalogue import localize
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.service import ProfileSession
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.troubleshooting.check_actions import CheckAction, action_for
from amo_desktop.sandbox import SandboxServer
from tests.gui.conftest import run
from tests.gui.driving import WAIT_MS, label_text
from tests.gui_troubleshooting.conftest import connect_to_sandbox, free_port
from tests.gui_troubleshooting.driving import card, controller_of, run_all_checks

DAY = 86400.0


def fix_of(code: ErrorCode) -> str:
    return f"What to do: {localize(code).hint}"


def test_a_healthy_profile_passes_and_each_check_shows_up_as_it_ends(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    model = centre.page.check_model
    progress: list[int] = []
    model.dataChanged.connect(lambda *_: progress.append(model.finished_count()))

    results = run_all_checks(qtbot, centre)

    # One update per check, each filling one more row: results appear as they come in.
    assert progress == list(range(1, len(results) + 1))
    by_id = {result.id: result for result in results}
    for check_id in ("configuration", "keyring", "account_host", "token", "api", "redirect_uri"):
        assert by_id[check_id].outcome is Outcome.PASSED, by_id[check_id]
        shown = card(centre, check_id)
        assert shown.status == "Passed" and shown.has_icon
        assert shown.detail == by_id[check_id].detail
        assert not shown.fix and not shown.has_action
    # The dry run explains that a real refresh needs the option, and offers no button.
    refresh = card(centre, "refresh")
    assert refresh.status == "Skipped"
    assert "real token refresh turned on" in refresh.fix and not refresh.has_action
    assert label_text(centre.page, "checksSummary").startswith("No problems found.")


def test_a_dead_port_fails_the_connection_check_with_the_network_fix(
    qtbot: QtBot, open_centre
) -> None:
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there

    async def configure(session: ProfileSession, sandbox: SandboxServer) -> None:
        await connect_to_sandbox(session, sandbox, domain=dead, sign_in=False)

    centre = open_centre(configure=configure)
    results = {result.id: result for result in run_all_checks(qtbot, centre)}

    host = results["account_host"]
    assert host.outcome is Outcome.FAILED
    assert host.error is not None and host.error.code is ErrorCode.CONNECTION_REFUSED
    shown = card(centre, "account_host")
    assert shown.status == "Failed" and shown.has_icon
    assert "127.0.0.1" in shown.detail
    assert shown.fix == fix_of(ErrorCode.CONNECTION_REFUSED)
    assert not shown.has_action  # the network is fixed outside the app
    assert label_text(centre.page, "checksSummary").startswith("Problems found.")


def test_an_expired_token_fails_and_its_button_opens_the_sign_in(qtbot: QtBot, open_centre) -> None:
    async def configure(session: ProfileSession, sandbox: SandboxServer) -> None:
        await connect_to_sandbox(session, sandbox, sign_in=False)
        await session.login_with_long_lived_token(sandbox.state.issue_long_lived_token(days=1))

    two_days_later = time.time() + 2 * DAY  # this computer's clock after the token's last day
    centre = open_centre(configure=configure, clock=lambda: two_days_later)
    results = {result.id: result for result in run_all_checks(qtbot, centre)}

    assert results["token"].error is not None
    assert results["token"].error.code is ErrorCode.TOKEN_EXPIRED
    shown = card(centre, "token")
    assert shown.status == "Failed"
    assert shown.fix == fix_of(ErrorCode.TOKEN_EXPIRED)
    assert "long-lived token" in shown.fix
    assert shown.has_action and shown.action.text() == "Sign in again"
    assert shown.card.offered_action is CheckAction.SIGN_IN

    assert centre.desktop.wizard is None
    shown.action.click()
    qtbot.waitUntil(lambda: centre.desktop.wizard is not None, timeout=WAIT_MS)
    qtbot.waitExposed(centre.desktop.wizard)


def test_an_expired_oauth_access_token_warns_and_leads_to_the_connection_page(
    qtbot: QtBot, open_centre
) -> None:
    a_day_later = time.time() + DAY + 60
    centre = open_centre(configure=connect_to_sandbox, clock=lambda: a_day_later)
    run_all_checks(qtbot, centre)

    shown = card(centre, "token")
    assert shown.status == "Warning"
    assert "renewed automatically" in shown.detail
    assert shown.action.text() == "Open Connection"
    shown.action.click()
    assert centre.window.pages.currentIndex() == MainWindow.CONNECTION


def test_a_locked_keyring_fails_with_the_unlock_advice(qtbot: QtBot, open_centre) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    centre.keyring.locked = True

    results = {result.id: result for result in run_all_checks(qtbot, centre)}

    assert results["keyring"].error is not None
    assert results["keyring"].error.code is ErrorCode.KEYRING_LOCKED
    shown = card(centre, "keyring")
    assert shown.status == "Failed"
    assert shown.fix == fix_of(ErrorCode.KEYRING_LOCKED)
    assert not shown.has_action
    # Checks that need the stored tokens say so instead of inventing a second problem.
    token = card(centre, "token")
    assert token.status == "Skipped"
    assert "password storage could not be read" in token.detail


def test_a_missing_keyring_fails_and_says_what_to_install(qtbot: QtBot, open_centre) -> None:
    centre = open_centre(keyring=fail.Keyring())

    results = {result.id: result for result in run_all_checks(qtbot, centre)}

    assert results["keyring"].error is not None
    assert results["keyring"].error.code is ErrorCode.KEYRING_UNAVAILABLE
    shown = card(centre, "keyring")
    assert shown.status == "Failed"
    assert shown.fix == fix_of(ErrorCode.KEYRING_UNAVAILABLE)
    assert "GNOME Keyring" in shown.fix


def test_a_wrong_redirect_uri_fails_and_its_button_opens_the_setup(
    qtbot: QtBot, open_centre
) -> None:
    async def configure(session: ProfileSession, sandbox: SandboxServer) -> None:
        registered = sandbox.state.demo_integration.redirect_uri
        await connect_to_sandbox(session, sandbox)
        # The same address with a trailing slash the integration does not have.
        await connect_to_sandbox(session, sandbox, redirect_uri=registered + "/", sign_in=False)

    centre = open_centre(configure=configure)
    results = {result.id: result for result in run_all_checks(qtbot, centre)}

    assert results["redirect_uri"].error is not None
    assert results["redirect_uri"].error.code is ErrorCode.REDIRECT_URI_MISMATCH
    shown = card(centre, "redirect_uri")
    assert shown.status == "Failed"
    assert shown.fix == fix_of(ErrorCode.REDIRECT_URI_MISMATCH)
    assert "trailing slash" in shown.fix
    assert shown.action.text() == "Open setup"
    shown.action.click()
    qtbot.waitUntil(lambda: centre.desktop.wizard is not None, timeout=WAIT_MS)


def test_the_refresh_option_really_renews_the_token_pair(qtbot: QtBot, open_centre) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    credentials = centre.desktop.core.credentials
    before = run(qtbot, credentials.get_tokens(centre.session.name))

    results = {result.id: result for result in run_all_checks(qtbot, centre, refresh=True)}

    assert results["refresh"].outcome is Outcome.PASSED, results["refresh"]
    assert card(centre, "refresh").status == "Passed"
    after = run(qtbot, credentials.get_tokens(centre.session.name))
    assert before is not None and after is not None
    assert after.refresh_token != before.refresh_token  # amoCRM rotated the pair
    assert results["api"].outcome is Outcome.PASSED  # and the new pair works


def test_switching_profile_clears_the_results_and_drops_a_run_still_going(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    controller = controller_of(centre)
    model = centre.page.check_model
    run_all_checks(qtbot, centre)
    assert model.rowCount() > 0

    controller.set_profile("other")
    assert model.rowCount() == 0
    assert label_text(centre.page, "checksSummary").startswith("Press “Run all checks”")

    controller.set_profile("default")
    with qtbot.waitSignal(
        controller.busyChanged, check_params_cb=lambda _action, busy: not busy, timeout=40_000
    ):
        controller.run_checks(False)
        controller.set_profile("other")  # while the run is going
    assert model.rowCount() == 0 and controller.results == []


def test_refreshed_tokens_the_storage_would_not_save_offer_no_sign_in() -> None:
    """Signing in again would not help: the password storage has to be unlocked first."""
    not_saved = CheckResult(
        "refresh", "Token refresh", Outcome.FAILED, "", AmoError(ErrorCode.TOKENS_NOT_SAVED)
    )
    assert action_for(not_saved) is None


def test_an_account_blocked_for_too_many_requests_offers_no_button() -> None:
    """Only waiting (and stopping whatever hammers the API) helps: no place in the app fixes it."""
    blocked = CheckResult(
        "webhook_subscription",
        "Webhook subscription",
        Outcome.FAILED,
        "",
        AmoError(ErrorCode.RATE_LIMIT_BLOCKED),
    )
    assert action_for(blocked) is None
