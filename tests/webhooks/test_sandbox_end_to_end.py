"""The sandbox delivers real amoCRM-style webhooks to the listener; the two-way check passes."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from amo_desktop.core.api import AmoApiClient
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.models import CreatedLead, Pipeline, WebhookSubscription
from amo_desktop.core.platforms import parse_account_address
from amo_desktop.core.ratelimit import RateLimiter
from amo_desktop.core.webhooks.events import AccountRef, WebhookEvent
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import WebhookReceiver
from amo_desktop.core.webhooks.subscriptions import Subscriptions
from amo_desktop.core.webhooks.summary import PipelineNames, summarize
from amo_desktop.core.webhooks.synccheck import (
    CheckSubscription,
    EventWaiter,
    Leg,
    LegState,
    explain,
    run_sync_check,
)
from amo_desktop.sandbox import SandboxServer
from tests.fixtures.sandbox import sandbox_routing_transport


@dataclass
class FixedToken:
    token: str

    async def access_token(self) -> str:
        return self.token

    async def refresh_after_unauthorized(self, used_token: str) -> str:
        return self.token


class ApiSession:
    """The slice of ProfileSession the webhooks code uses, over the real API client."""

    def __init__(self, api: AmoApiClient) -> None:
        self.api = api

    async def pipelines(self) -> list[Pipeline]:
        return await self.api.pipelines()

    async def create_test_lead(
        self,
        *,
        name: str | None = None,
        price: int = 0,
        pipeline_id: int | None = None,
        status_id: int | None = None,
    ) -> CreatedLead:
        return await self.api.create_lead(
            name or "test", price=price, pipeline_id=pipeline_id, status_id=status_id
        )

    async def set_lead_status(
        self, lead_id: int, *, status_id: int, pipeline_id: int | None = None
    ) -> None:
        fields = {"status_id": status_id}
        if pipeline_id is not None:
            fields["pipeline_id"] = pipeline_id
        await self.api.update_lead(lead_id, **fields)

    async def list_webhooks(self) -> list[WebhookSubscription]:
        return await self.api.list_webhooks()

    async def subscribe_webhook(
        self, destination: str, events: Sequence[str] = ()
    ) -> WebhookSubscription:
        return await self.api.subscribe_webhook(destination, events)

    async def unsubscribe_webhook(self, destination: str) -> None:
        await self.api.unsubscribe_webhook(destination)


@pytest.fixture
async def session(sandbox: SandboxServer) -> AsyncIterator[ApiSession]:
    transport = sandbox_routing_transport(sandbox)
    async with httpx.AsyncClient(transport=transport, timeout=10) as http:
        api = AmoApiClient(
            http,
            parse_account_address("demo.amocrm.ru"),
            FixedToken(sandbox.state.issue_long_lived_token()),
            RateLimiter(rate=50),
        )
        yield ApiSession(api)


async def test_a_lead_created_through_the_api_arrives_decoded_through_the_listener(
    sandbox: SandboxServer, session: ApiSession, tmp_path: Path
) -> None:
    events: asyncio.Queue[WebhookEvent] = asyncio.Queue()
    account = sandbox.state.account
    journal = WebhookJournal(tmp_path / "webhooks")
    receiver = WebhookReceiver(
        journal,
        secret="hook-secret",
        expected_account=AccountRef(str(account.id), account.subdomain),
        on_event=events.put_nowait,
    )
    async with receiver:
        subscriptions = Subscriptions(session)
        hook = await subscriptions.subscribe(receiver.url, ["add_lead"])
        assert hook.settings == ("add_lead",)
        lead = await session.create_test_lead(name="Іван - Квартира 3", price=1500)
        event = await asyncio.wait_for(events.get(), 10)

    assert (event.name, event.entity_id) == ("add_lead", str(lead.id))
    assert event.account == AccountRef(str(account.id), account.subdomain)
    assert not event.foreign_account
    assert event.fields["name"] == "Іван - Квартира 3"
    names = PipelineNames(session.pipelines)
    summary = await summarize(event, "uk", names)
    assert summary.startswith(f"Нова угода {lead.id} «Іван - Квартира 3» у воронці «")
    assert "#" not in summary  # pipeline and stage names were resolved through the API
    stored = await journal.find(event.delivery_id)
    assert stored is not None and stored.header("User-Agent") is not None
    await journal.close()


async def test_sync_check_passes_each_leg_against_the_sandbox(
    sandbox: SandboxServer, session: ApiSession, tmp_path: Path
) -> None:
    waiter = EventWaiter()
    journal = WebhookJournal(tmp_path / "webhooks")
    async with WebhookReceiver(journal, on_event=waiter.feed) as receiver:
        await session.subscribe_webhook(receiver.url, ("add_lead", "status_lead"))
        report = await run_sync_check(session, waiter, wait_seconds=10)
    await journal.close()
    assert report.ok, [(leg.leg, leg.state, explain(leg)) for leg in report.legs]
    assert [leg.leg for leg in report.legs] == list(Leg)
    assert all(leg.elapsed_ms is not None and leg.elapsed_ms >= 0 for leg in report.legs)


async def test_sync_check_names_the_delivery_leg_that_failed(
    sandbox: SandboxServer, session: ApiSession, tmp_path: Path
) -> None:
    waiter = EventWaiter()
    journal = WebhookJournal(tmp_path / "webhooks")
    async with WebhookReceiver(journal, on_event=waiter.feed) as receiver:
        await session.subscribe_webhook(receiver.url, ("add_lead",))  # no status_lead
        report = await run_sync_check(session, waiter, wait_seconds=1.0)
    await journal.close()
    states = [(leg.leg, leg.state) for leg in report.legs]
    assert states == [
        (Leg.CREATE_LEAD, LegState.PASSED),
        (Leg.DELIVER_ADD, LegState.PASSED),
        (Leg.CHANGE_STATUS, LegState.PASSED),
        (Leg.DELIVER_STATUS, LegState.FAILED),
    ]
    failed = report.failed_leg
    assert failed is not None
    assert "status_lead" in explain(failed, "en")
    assert "status_lead" in explain(failed, "uk") and "не надійшов" in explain(failed, "uk")


async def test_unsubscribing_an_address_the_account_does_not_have_says_so(
    session: ApiSession,
) -> None:
    subscriptions = Subscriptions(session)
    await subscriptions.subscribe("https://backend.example/hook", ["add_lead"])
    with pytest.raises(AmoError) as raised:
        await subscriptions.unsubscribe("https://backend.example/hook/")  # trailing slash
    assert raised.value.code is ErrorCode.NOT_SUBSCRIBED
    english = raised.value.localized("en")
    assert "https://backend.example/hook/" in english.message
    assert "webhooks list" in english.hint
    await subscriptions.unsubscribe("https://backend.example/hook")
    assert await subscriptions.list() == []


async def test_the_check_removes_the_subscription_it_made_even_when_the_run_fails(
    session: ApiSession,
) -> None:
    destination = "https://tunnel.example/hook"
    with pytest.raises(RuntimeError):
        async with CheckSubscription(session, destination):
            (hook,) = await session.list_webhooks()
            assert (hook.destination, set(hook.settings)) == (
                destination,
                {"add_lead", "status_lead"},
            )
            raise RuntimeError("the run broke half-way")
    assert await session.list_webhooks() == []


async def test_the_check_gives_a_widened_webhook_its_own_events_back(
    session: ApiSession,
) -> None:
    destination = "https://backend.example/hook"
    await session.subscribe_webhook(destination, ("update_lead",))

    async with CheckSubscription(session, destination):
        (during,) = await session.list_webhooks()
        assert set(during.settings) == {"update_lead", "add_lead", "status_lead"}

    (after,) = await session.list_webhooks()
    assert after.settings == ("update_lead",)


async def test_the_check_leaves_a_webhook_that_already_had_its_events_alone(
    sandbox: SandboxServer, session: ApiSession
) -> None:
    destination = "https://backend.example/hook"
    await session.subscribe_webhook(destination, ("add_lead", "status_lead", "update_lead"))
    sandbox.state.inject("/api/v4/webhooks", 403, method="POST", times=5)
    sandbox.state.inject("/api/v4/webhooks", 403, method="DELETE", times=5)

    async with CheckSubscription(session, destination) as subscription:
        pass

    assert subscription.restore_error is None
    (after,) = await session.list_webhooks()
    assert set(after.settings) == {"add_lead", "status_lead", "update_lead"}


async def test_a_subscription_that_could_not_be_removed_is_reported_not_raised(
    sandbox: SandboxServer, session: ApiSession
) -> None:
    destination = "https://tunnel.example/hook"
    async with CheckSubscription(session, destination) as subscription:
        sandbox.state.inject("/api/v4/webhooks", 403, method="DELETE", times=5)

    assert subscription.restore_error is not None
    assert subscription.restore_error.code is ErrorCode.INSUFFICIENT_RIGHTS
    assert [hook.destination for hook in await session.list_webhooks()] == [destination]
