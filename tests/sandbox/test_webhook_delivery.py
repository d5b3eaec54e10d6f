"""Webhook delivery the way amoCRM sends it (fact sheet 5.2-5.3), received by a real server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx
import pytest
from aiohttp import web

from amo_desktop.sandbox import SandboxServer
from amo_desktop.sandbox.webhook_delivery import retry_delay
from tests.fixtures.sandbox import sandbox_routing_transport
from tests.sandbox.steps import bearer, login


@dataclass
class Received:
    headers: dict[str, str]
    body: str

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return parse_qsl(self.body, keep_blank_values=True)


@dataclass
class CaptureServer:
    """A webhook receiver that answers with the next status from ``answers`` (then 200)."""

    url: str = ""
    received: list[Received] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    stall_seconds: float = 0.0

    async def handle(self, request: web.Request) -> web.Response:
        self.received.append(Received(dict(request.headers), (await request.read()).decode()))
        if self.stall_seconds:
            await asyncio.sleep(self.stall_seconds)
        return web.Response(status=self.answers.pop(0) if self.answers else 200)


@pytest.fixture
async def receiver() -> AsyncIterator[CaptureServer]:
    capture = CaptureServer()
    app = web.Application()
    app.router.add_post("/hook", capture.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    capture.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield capture
    await runner.cleanup()


@pytest.fixture
async def api(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    sandbox.state.rate_limit_per_second = None
    transport = sandbox_routing_transport(sandbox)
    async with httpx.AsyncClient(transport=transport, base_url="https://demo.amocrm.ru") as http:
        tokens = await login(
            http, sandbox.state.demo_integration, sandbox.state.issue_authorization_code()
        )
        http.headers.update(bearer(tokens["access_token"]))
        yield http


async def subscribe(api: httpx.AsyncClient, url: str, *events: str) -> None:
    answer = await api.post("/api/v4/webhooks", json={"destination": url, "settings": list(events)})
    assert answer.status_code == 201


async def settle(sandbox: SandboxServer) -> None:
    async with asyncio.timeout(20):
        await sandbox.settle_webhooks()


async def test_add_lead_body_headers_and_key_order(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "add_lead")
    created = (await api.post("/api/v4/leads", json=[{"name": "Тест + 1", "price": 999}])).json()
    lead_id = created["_embedded"]["leads"][0]["id"]
    await settle(sandbox)

    assert len(receiver.received) == 1
    hit = receiver.received[0]
    assert hit.headers["User-Agent"] == "amoCRM-Webhooks/3.0"
    assert hit.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert len(hit.headers["X-Amocrm-Requestid"]) == 36
    assert hit.body.startswith("account%5Bsubdomain%5D=demo&account%5Bid%5D=31415926&")
    lead = sandbox.state.leads.get(lead_id)
    assert lead is not None
    user = str(sandbox.state.account.current_user_id)
    assert hit.pairs == [
        ("account[subdomain]", "demo"),
        ("account[id]", "31415926"),
        ("account[_links][self]", "https://demo.amocrm.ru"),
        ("leads[add][0][id]", str(lead_id)),
        ("leads[add][0][name]", "Тест + 1"),
        ("leads[add][0][status_id]", str(lead.status_id)),
        ("leads[add][0][price]", "999"),
        ("leads[add][0][responsible_user_id]", user),
        ("leads[add][0][last_modified]", str(lead.updated_at)),
        ("leads[add][0][modified_user_id]", user),
        ("leads[add][0][created_user_id]", user),
        ("leads[add][0][date_create]", str(lead.created_at)),
        ("leads[add][0][pipeline_id]", str(lead.pipeline_id)),
        ("leads[add][0][account_id]", "31415926"),
        ("leads[add][0][created_at]", str(lead.created_at)),
        ("leads[add][0][updated_at]", str(lead.updated_at)),
    ]
    assert sandbox.state.deliveries[0].ok and sandbox.state.deliveries[0].status == 200


async def test_one_request_with_several_leads_is_one_body(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "add_lead")
    await api.post("/api/v4/leads", json=[{"name": "a"}, {"name": "b"}])
    await settle(sandbox)
    keys = [key for key, _ in receiver.received[0].pairs if key.endswith("[id]")]
    assert keys == ["account[id]", "leads[add][0][id]", "leads[add][1][id]"]


async def test_custom_fields_and_tags_are_bracketed(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "add_lead")
    await api.post(
        "/api/v4/leads",
        json=[
            {
                "name": "cf",
                "custom_fields_values": [{"field_id": 752001, "values": [{"value": "сайт"}]}],
                "_embedded": {"tags": [{"name": "vip"}]},
            }
        ],
    )
    await settle(sandbox)
    pairs = receiver.received[0].pairs
    keys = [key for key, _ in pairs]
    start = keys.index("leads[add][0][custom_fields][0][id]")
    assert pairs[start : start + 5] == [
        ("leads[add][0][custom_fields][0][id]", "752001"),
        ("leads[add][0][custom_fields][0][name]", "Джерело"),
        ("leads[add][0][custom_fields][0][values][0][value]", "сайт"),
        ("leads[add][0][tags][0][id]", pairs[start + 3][1]),
        ("leads[add][0][tags][0][name]", "vip"),
    ]
    assert keys[-2:] == ["leads[add][0][created_at]", "leads[add][0][updated_at]"]


async def test_status_change_sends_status_lead_and_update_lead_with_old_ids(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    lead_id = (await api.post("/api/v4/leads", json=[{"name": "x"}])).json()["_embedded"]["leads"][
        0
    ]["id"]
    old = sandbox.state.leads.get(lead_id)
    assert old is not None
    old_status, old_pipeline = old.status_id, old.pipeline_id
    await subscribe(api, receiver.url, "update_lead", "status_lead")
    partners = sandbox.state.pipelines[1]
    await api.patch(
        f"/api/v4/leads/{lead_id}",
        json={"pipeline_id": partners.id, "status_id": partners.statuses[2].id},
    )
    await settle(sandbox)

    bodies = {
        hit.pairs[3][0].split("[")[1].rstrip("]"): dict(hit.pairs) for hit in receiver.received
    }
    assert set(bodies) == {"update", "status"}
    status = bodies["status"]
    assert status["leads[status][0][status_id]"] == str(partners.statuses[2].id)
    assert status["leads[status][0][old_status_id]"] == str(old_status)
    assert status["leads[status][0][pipeline_id]"] == str(partners.id)
    assert status["leads[status][0][old_pipeline_id]"] == str(old_pipeline)
    status_keys = [
        k
        for k, _ in next(
            h.pairs for h in receiver.received if "leads[status][0][id]" in dict(h.pairs)
        )
    ]
    assert status_keys.index("leads[status][0][old_status_id]") == (
        status_keys.index("leads[status][0][status_id]") + 1
    )
    assert bodies["update"]["leads[update][0][old_status_id]"] == str(old_status)


async def test_update_without_status_change_sends_only_update_lead(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    lead_id = (await api.post("/api/v4/leads", json=[{"name": "x"}])).json()["_embedded"]["leads"][
        0
    ]["id"]
    await subscribe(api, receiver.url, "update_lead", "status_lead")
    await api.patch("/api/v4/leads", json=[{"id": lead_id, "price": 5}])
    await settle(sandbox)
    assert len(receiver.received) == 1
    body = dict(receiver.received[0].pairs)
    assert body["leads[update][0][price]"] == "5"
    assert "leads[update][0][old_status_id]" not in body


async def test_only_subscribed_events_reach_a_hook(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "status_lead")
    await api.post("/api/v4/leads", json=[{"name": "x"}])
    await settle(sandbox)
    assert receiver.received == []
    assert sandbox.state.deliveries == []


def test_retry_schedule_matches_amos_table() -> None:
    assert [retry_delay(n, 404) for n in (1, 2, 3)] == [300, 900, None]
    assert [retry_delay(n, None) for n in (1, 2, 3)] == [300, 900, None]
    assert [retry_delay(n, 503) for n in (1, 2, 3, 4, 5)] == [300, 900, 900, 3600, None]
    assert retry_delay(3, 499) == 900


async def test_a_failing_target_is_retried_with_the_same_request_id(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "add_lead")
    receiver.answers = [500, 502, 503, 504, 500]
    await api.post("/api/v4/leads", json=[{"name": "x"}])
    await settle(sandbox)
    attempts = sandbox.state.deliveries
    assert [a.attempt for a in attempts] == [1, 2, 3, 4, 5]
    assert [a.status for a in attempts] == [500, 502, 503, 504, 500]
    assert len({hit.headers["X-Amocrm-Requestid"] for hit in receiver.received}) == 1
    assert len({hit.body for hit in receiver.received}) == 1


async def test_a_client_error_is_retried_twice_then_dropped(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "add_lead")
    receiver.answers = [404, 410, 400, 400]
    await api.post("/api/v4/leads", json=[{"name": "x"}])
    await settle(sandbox)
    assert [a.status for a in sandbox.state.deliveries] == [404, 410, 400]


async def test_retry_stops_after_a_success(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    await subscribe(api, receiver.url, "add_lead")
    receiver.answers = [500, 204]
    await api.post("/api/v4/leads", json=[{"name": "x"}])
    await settle(sandbox)
    assert [(a.status, a.ok) for a in sandbox.state.deliveries] == [(500, False), (204, True)]


async def test_a_slow_target_times_out(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    sandbox.state.webhook_timeout = 0.1
    receiver.stall_seconds = 1.0
    receiver.answers = [200, 200, 200]
    await subscribe(api, receiver.url, "add_lead")
    await api.post("/api/v4/leads", json=[{"name": "x"}])
    await settle(sandbox)
    assert [a.error for a in sandbox.state.deliveries] == ["timeout"] * 3


async def test_the_api_answer_does_not_wait_for_delivery(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    sandbox.state.webhook_timeout = 5.0
    receiver.stall_seconds = 2.0
    await subscribe(api, receiver.url, "add_lead")
    async with asyncio.timeout(1.0):
        answer = await api.post("/api/v4/leads", json=[{"name": "x"}])
    assert answer.status_code == 200
    assert sandbox.webhooks.pending == 1


async def test_hook_is_disabled_after_too_many_invalid_answers(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    sandbox.state.webhook_disable_threshold = 3
    await subscribe(api, receiver.url, "add_lead")
    receiver.answers = [400] * 10
    await api.post("/api/v4/leads", json=[{"name": "one"}])  # 3 invalid answers
    await settle(sandbox)
    assert not sandbox.state.webhooks[0].disabled  # 3 is not "more than 3"
    await api.post("/api/v4/leads", json=[{"name": "two"}])
    await settle(sandbox)

    assert len(sandbox.state.deliveries) == 4  # the 4th invalid answer disabled it at once
    listed = (await api.get("/api/v4/webhooks")).json()["_embedded"]["webhooks"][0]
    assert listed["disabled"] is True
    assert "invalid responses" in (sandbox.state.webhooks[0].disabled_reason or "")
    await api.post("/api/v4/leads", json=[{"name": "three"}])
    await settle(sandbox)
    assert len(sandbox.state.deliveries) == 4  # a disabled hook gets nothing

    await subscribe(api, receiver.url, "add_lead")  # subscribing again re-enables it
    assert (await api.get("/api/v4/webhooks")).json()["_embedded"]["webhooks"][0][
        "disabled"
    ] is False


async def test_old_invalid_answers_fall_out_of_the_two_hour_window(
    sandbox: SandboxServer, api: httpx.AsyncClient, receiver: CaptureServer
) -> None:
    sandbox.state.webhook_disable_threshold = 3
    await subscribe(api, receiver.url, "add_lead")
    receiver.answers = [400] * 10
    await api.post("/api/v4/leads", json=[{"name": "one"}])
    await settle(sandbox)
    sandbox.state.clock.advance(2 * 60 * 60 + 1)
    await api.post("/api/v4/leads", json=[{"name": "two"}])
    await settle(sandbox)
    assert not sandbox.state.webhooks[0].disabled
    assert len(sandbox.state.deliveries) == 6
