"""``amo-desktop sync-check`` in a child process against a sandbox that delivers webhooks."""

from __future__ import annotations

import pytest

from amo_desktop.sandbox import ThreadedSandbox
from tests.cli.conftest import Cli, Keys, configure_args, issue_code

pytestmark = pytest.mark.secret_service

LEGS = ["create_lead", "deliver_add", "change_status", "deliver_status"]


@pytest.fixture
def logged_in(cli: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox) -> Cli:
    configured = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert configured.returncode == 0, configured
    login = cli("login", "--code", issue_code(threaded_sandbox, keys))
    assert login.returncode == 0, login
    return cli


def test_every_leg_passes_with_its_latency_and_the_subscription_is_removed(
    logged_in: Cli, threaded_sandbox: ThreadedSandbox
) -> None:
    result = logged_in("sync-check", "--json", "--timeout", "20")

    assert result.returncode == 0, result
    report = result.json()
    assert report["status"] == "ok" and report["failed_leg"] is None
    legs = report["legs"]
    assert isinstance(legs, list) and [leg["leg"] for leg in legs] == LEGS
    for leg in legs:
        assert leg["state"] == "passed", leg
        assert isinstance(leg["elapsed_ms"], int) and leg["elapsed_ms"] >= 0, leg
        assert leg["explanation"] is None and leg["error_code"] is None
    lead_id = int(str(report["lead_id"]))
    lead = threaded_sandbox.call(lambda state: state.leads.get(lead_id))
    assert lead is not None and str(lead.id) in str(report["lead_url"])
    # The check subscribed its own listener for the run and took the subscription away after.
    assert threaded_sandbox.call(lambda state: list(state.webhooks)) == []


def test_a_refused_stage_change_names_the_failed_leg_and_why(
    logged_in: Cli, threaded_sandbox: ThreadedSandbox
) -> None:
    threaded_sandbox.call(lambda state: state.inject("/api/v4/leads", 403, method="PATCH", times=5))

    result = logged_in("sync-check", "--json", "--timeout", "20")

    assert result.returncode == 1, result
    report = result.json()
    assert report["status"] == "failed" and report["failed_leg"] == "change_status"
    by_leg = {leg["leg"]: leg for leg in report["legs"]}  # type: ignore[union-attr]
    assert by_leg["create_lead"]["state"] == "passed"
    assert by_leg["deliver_add"]["state"] == "passed"
    failed = by_leg["change_status"]
    assert failed["state"] == "failed" and failed["error_code"]
    assert failed["explanation"]  # the catalogue's message and hint, in plain words
    assert by_leg["deliver_status"]["state"] == "skipped"


def test_webhooks_that_never_arrive_fail_the_delivery_leg_with_the_advice(
    logged_in: Cli, unused_tcp_port: int
) -> None:
    # A public address that leads nowhere: amoCRM (the sandbox) posts there, not to us.
    nowhere = f"http://127.0.0.1:{unused_tcp_port}/hook"

    result = logged_in("sync-check", "--public-url", nowhere, "--timeout", "1")

    assert result.returncode == 1, result
    assert "Two-way sync check failed at: Webhook add_lead arrives" in result.stdout
    assert "did not reach this listener within 1 s" in result.stdout
    assert "skipped" in result.stdout


def test_a_public_url_the_check_subscribed_is_unsubscribed_afterwards(
    logged_in: Cli, threaded_sandbox: ThreadedSandbox, unused_tcp_port: int
) -> None:
    nowhere = f"http://127.0.0.1:{unused_tcp_port}/hook"

    result = logged_in("sync-check", "--json", "--public-url", nowhere, "--timeout", "1")

    assert result.returncode == 1, result
    assert result.json()["failed_leg"] == "deliver_add"
    assert threaded_sandbox.call(lambda state: list(state.webhooks)) == []
    assert result.json()["webhook_restore_error"] is None


def test_a_webhook_the_account_already_had_gets_its_own_events_back(
    logged_in: Cli, threaded_sandbox: ThreadedSandbox, unused_tcp_port: int
) -> None:
    tunnel = f"http://127.0.0.1:{unused_tcp_port}/hook"
    subscribed = logged_in(
        "webhooks", "subscribe", "--destination", tunnel, "--events", "update_lead"
    )
    assert subscribed.returncode == 0, subscribed

    result = logged_in("sync-check", "--json", "--public-url", tunnel, "--timeout", "1")

    assert result.returncode == 1, result
    hooks = threaded_sandbox.call(
        lambda state: [(hook.destination, list(hook.settings)) for hook in state.webhooks]
    )
    assert hooks == [(tunnel, ["update_lead"])]


def test_a_public_url_that_is_no_address_is_refused_before_anything_is_created(
    logged_in: Cli, threaded_sandbox: ThreadedSandbox
) -> None:
    leads_before = threaded_sandbox.call(lambda state: len(state.leads))

    result = logged_in("--lang", "uk", "sync-check", "--public-url", "notaurl")

    assert result.returncode == 2, result
    assert "notaurl" in result.stderr
    assert "воронка" not in result.stderr and "Слухаю" not in result.stdout
    assert threaded_sandbox.call(lambda state: len(state.leads)) == leads_before
    assert threaded_sandbox.call(lambda state: list(state.webhooks)) == []
