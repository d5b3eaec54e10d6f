"""``/api/v4/webhooks`` against fact sheet 5.1."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from amo_desktop.sandbox import SandboxServer
from tests.fixtures.sandbox import sandbox_routing_transport
from tests.sandbox.steps import bearer, login

HOOK_FIELDS = [
    "id",
    "destination",
    "created_at",
    "updated_at",
    "account_id",
    "created_by",
    "sort",
    "disabled",
    "settings",
]


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


async def test_subscribe_answers_201_with_a_flat_hook(api: httpx.AsyncClient) -> None:
    answer = await api.post(
        "/api/v4/webhooks",
        json={
            "destination": "https://hooks.example.test/amo",
            "settings": ["add_lead", "status_lead"],
        },
    )
    assert answer.status_code == 201
    hook = answer.json()
    assert list(hook) == HOOK_FIELDS
    assert hook["settings"] == ["add_lead", "status_lead"]
    assert hook["disabled"] is False
    assert hook["account_id"] == 31415926


async def test_subscribing_again_updates_instead_of_duplicating(api: httpx.AsyncClient) -> None:
    first = (
        await api.post(
            "/api/v4/webhooks", json={"destination": "https://a.test/h", "settings": ["add_lead"]}
        )
    ).json()
    second = (
        await api.post(
            "/api/v4/webhooks",
            json={"destination": "https://a.test/h", "settings": ["update_lead"], "sort": 5},
        )
    ).json()
    assert second["id"] == first["id"]
    assert second["settings"] == ["update_lead"] and second["sort"] == 5
    listed = (await api.get("/api/v4/webhooks")).json()
    assert listed["_total_items"] == 1


async def test_list_and_filter_by_destination(api: httpx.AsyncClient) -> None:
    assert (await api.get("/api/v4/webhooks")).status_code == 204
    for name in ("one", "two"):
        await api.post(
            "/api/v4/webhooks",
            json={"destination": f"https://{name}.test/", "settings": ["add_lead"]},
        )
    everything = (await api.get("/api/v4/webhooks")).json()
    assert [h["destination"] for h in everything["_embedded"]["webhooks"]] == [
        "https://one.test/",
        "https://two.test/",
    ]
    only = (
        await api.get("/api/v4/webhooks", params={"filter[destination]": "https://two.test/"})
    ).json()
    assert [h["destination"] for h in only["_embedded"]["webhooks"]] == ["https://two.test/"]


async def test_unsubscribe(api: httpx.AsyncClient) -> None:
    await api.post(
        "/api/v4/webhooks", json={"destination": "https://a.test/h", "settings": ["add_lead"]}
    )
    gone = await api.request("DELETE", "/api/v4/webhooks", json={"destination": "https://a.test/h"})
    assert gone.status_code == 204 and gone.content == b""
    again = await api.request(
        "DELETE", "/api/v4/webhooks", json={"destination": "https://a.test/h"}
    )
    assert again.status_code == 404
    assert again.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"destination": "https://a.test/", "settings": ["add_lead", "explode_lead"]}, 422),
        ({"destination": "not a url", "settings": ["add_lead"]}, 422),
        ({"destination": "https://a.test/"}, 400),
        ({"settings": ["add_lead"]}, 400),
    ],
)
async def test_bad_subscriptions(
    api: httpx.AsyncClient, body: dict[str, object], status: int
) -> None:
    answer = await api.post("/api/v4/webhooks", json=body)
    assert answer.status_code == status, answer.text
    assert (await api.get("/api/v4/webhooks")).status_code == 204


async def test_at_most_100_hooks(sandbox: SandboxServer, api: httpx.AsyncClient) -> None:
    sandbox.state.max_webhooks = 3
    for index in range(3):
        ok = await api.post(
            "/api/v4/webhooks",
            json={"destination": f"https://h{index}.test/", "settings": ["add_lead"]},
        )
        assert ok.status_code == 201
    over = await api.post(
        "/api/v4/webhooks", json={"destination": "https://h9.test/", "settings": ["add_lead"]}
    )
    assert over.status_code == 422
    assert sandbox.state.max_webhooks == 3 and len(sandbox.state.webhooks) == 3


def test_the_default_hook_limit_is_amos() -> None:
    from amo_desktop.sandbox import SandboxState

    assert SandboxState().max_webhooks == 100
