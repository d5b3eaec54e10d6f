"""Webhook listener, forward target and subscription checks, against real loopback peers."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from amo_desktop.core.diagnostics import Outcome, WebhookSetup, overall_status
from amo_desktop.core.error_catalogue import localize
from amo_desktop.core.errors import ErrorCode
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import WebhookReceiver
from tests.diagnostics.conftest import Doctor


def dead_url(path: str = "/hook") -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}{path}"


async def test_our_running_listener_is_recognised_with_and_without_a_secret(
    doctor: Doctor, tmp_path: Path
):
    journal = WebhookJournal(tmp_path / "journal")
    for secret in (None, "s3cret-for-hooks"):
        async with WebhookReceiver(journal, secret=secret) as receiver:
            setup = WebhookSetup(listener_url=receiver.public_url, listener_expected=True)
            listener = (await doctor.run(webhooks=setup))["webhook_listener"]
            assert listener.outcome is Outcome.PASSED, listener
    await journal.close()


async def test_an_expected_listener_that_is_not_running_fails_with_how_to_start_it(
    doctor: Doctor,
):
    url = dead_url()
    setup = WebhookSetup(listener_url=url, listener_expected=True)

    listener = (await doctor.run(webhooks=setup))["webhook_listener"]

    assert listener.outcome is Outcome.FAILED
    assert listener.error is not None and listener.error.code is ErrorCode.CONNECTION_REFUSED
    assert "Start this profile's listener" in listener.fix
    port = url.split(":")[2].split("/")[0]
    assert f"port {port}" in listener.fix and "/hook" in listener.fix
    assert "amo-desktop --profile default listen" in listener.fix


async def test_a_listener_on_another_path_is_told_apart(doctor: Doctor, tmp_path: Path):
    journal = WebhookJournal(tmp_path / "journal")
    async with WebhookReceiver(journal, path="/other") as receiver:
        url = f"http://127.0.0.1:{receiver.port}/api/v1/integrations/amo-crm/webhook"
        setup = WebhookSetup(listener_url=url, listener_expected=True)
        listener = (await doctor.run(webhooks=setup))["webhook_listener"]
    await journal.close()

    assert listener.outcome is Outcome.FAILED
    assert "path" in listener.detail
    # The fix names the saved path, where a restarted listener would be found.
    assert "/api/v1/integrations/amo-crm/webhook" in listener.fix
    assert "amo-desktop --profile default listen" in listener.fix


@pytest.fixture
async def other_program() -> AsyncIterator[str]:
    """Some other web server on a loopback port, answering 200 to everything."""

    async def handle(request: web.Request) -> web.Response:
        return web.Response(text="hello", headers={"Server": "other-app"})

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/api/v1/integrations/amo-crm/webhook"
    await runner.cleanup()


@pytest.mark.parametrize("language", ["en", "uk"])
async def test_another_program_on_the_default_port_is_no_problem_without_a_listener(
    doctor: Doctor, other_program: str, language: str
):
    # Nothing saved for the listener: the default port being taken only matters to `listen`.
    setup = WebhookSetup(listener_url=other_program, listener_expected=False)

    results = await doctor.run(webhooks=setup, language=language)

    listener = results["webhook_listener"]
    assert listener.outcome is Outcome.SKIPPED, listener
    port = other_program.split(":")[2].split("/")[0]
    assert port in listener.detail
    assert "other-app" in listener.detail
    assert "--port" in listener.fix
    assert overall_status([listener]) == "ok"


async def test_another_program_on_the_saved_port_fails_with_a_fix_that_can_clear_it(
    doctor: Doctor, other_program: str
):
    setup = WebhookSetup(listener_url=other_program, listener_expected=True)

    listener = (await doctor.run(webhooks=setup))["webhook_listener"]

    assert listener.outcome is Outcome.FAILED
    port = other_program.split(":")[2].split("/")[0]
    # The checks look at the saved port, so only freeing it clears this: no "another port".
    assert f"port {port}" in listener.fix
    assert "amo-desktop --profile default listen" in listener.fix
    assert "--port" not in listener.fix


async def test_our_listener_on_another_path_without_saved_settings_is_only_a_note(
    doctor: Doctor, tmp_path: Path
):
    journal = WebhookJournal(tmp_path / "journal")
    async with WebhookReceiver(journal, path="/hook") as receiver:
        url = f"http://127.0.0.1:{receiver.port}/api/v1/integrations/amo-crm/webhook"
        setup = WebhookSetup(listener_url=url, listener_expected=False)
        listener = (await doctor.run(webhooks=setup))["webhook_listener"]
    await journal.close()

    assert listener.outcome is Outcome.SKIPPED, listener
    assert str(receiver.port) in listener.detail


async def test_a_dead_forward_target_fails_as_backend_unreachable(doctor: Doctor):
    target = dead_url("/api/v1/integrations/amo-crm/webhook")

    forward = (await doctor.run(webhooks=WebhookSetup(forward_url=target)))["forward_target"]

    assert forward.outcome is Outcome.FAILED
    assert forward.error is not None and forward.error.code is ErrorCode.BACKEND_UNREACHABLE
    assert forward.fix == localize(ErrorCode.BACKEND_UNREACHABLE, {"backend": target}).hint


async def test_a_live_forward_target_passes_whatever_it_answers_to_a_get(doctor: Doctor):
    # The sandbox stands in for any web server: a 404 still proves something listens.
    setup = WebhookSetup(forward_url=f"{doctor.sandbox.base_url}/backend/webhook")

    forward = (await doctor.run(webhooks=setup))["forward_target"]

    assert forward.outcome is Outcome.PASSED, forward


async def test_a_subscription_amocrm_switched_off_fails_with_the_reason(doctor: Doctor):
    destination = dead_url()
    state = doctor.sandbox.state
    state.webhook_disable_threshold = 0  # the first failed delivery is one too many
    await doctor.session.subscribe_webhook(destination, ["add_lead"])
    await doctor.session.create_test_lead(name="doctor test")
    await doctor.sandbox.settle_webhooks()
    assert state.webhook_by_destination(destination).disabled  # the real cause happened

    results = await doctor.run(webhooks=WebhookSetup(destination=destination))

    subscription = results["webhook_subscription"]
    assert subscription.outcome is Outcome.FAILED
    assert "switched off" in subscription.detail
    assert "100 failed deliveries" in subscription.fix
    assert "Settings → Integrations → Web hooks" in subscription.fix  # the documented way back


async def test_a_missing_subscription_fails_and_an_active_one_passes(doctor: Doctor):
    wanted = "https://hooks.example.test/amo"
    missing = await doctor.run(webhooks=WebhookSetup(destination=wanted))
    assert missing["webhook_subscription"].outcome is Outcome.FAILED
    assert "Subscribe" in missing["webhook_subscription"].fix

    await doctor.session.subscribe_webhook(wanted, ["add_lead", "status_lead"])
    present = await doctor.run(webhooks=WebhookSetup(destination=wanted))

    assert present["webhook_subscription"].outcome is Outcome.PASSED
    assert "add_lead, status_lead" in present["webhook_subscription"].detail
