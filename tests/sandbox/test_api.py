"""API v4 against the fact sheet: account, pipelines, leads, errors, limits (sections 2-4, 6)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from amo_desktop.sandbox import SandboxServer
from amo_desktop.sandbox.models import Pipeline
from tests.fixtures.sandbox import sandbox_routing_transport
from tests.sandbox.steps import bearer, login

UNAUTHORIZED = {
    "title": "Unauthorized",
    "type": "https://httpstatus.es/401",
    "status": 401,
    "detail": "Неверный логин или пароль",
}


@pytest.fixture
async def api(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    """A client on https://demo.amocrm.ru with a fresh access token."""
    sandbox.state.rate_limit_per_second = None  # most tests here are not about the limiter
    transport = sandbox_routing_transport(sandbox)
    async with httpx.AsyncClient(transport=transport, base_url="https://demo.amocrm.ru") as http:
        tokens = await login(
            http, sandbox.state.demo_integration, sandbox.state.issue_authorization_code()
        )
        http.headers.update(bearer(tokens["access_token"]))
        yield http


def main_pipeline(sandbox: SandboxServer) -> Pipeline:
    return next(p for p in sandbox.state.pipelines if p.is_main)


# --- auth, hosts, envelopes ------------------------------------------------------------


@pytest.mark.parametrize("authorization", [None, "Bearer nonsense", "Basic abc"])
async def test_missing_or_bad_bearer_is_401_problem_json(
    sandbox: SandboxServer, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        answer = await http.get("/api/v4/account", headers=headers)
    assert answer.status_code == 401
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json() == UNAUTHORIZED
    assert answer.headers["x-request-id"]


async def test_www_host_gives_html_404_for_the_api(api: httpx.AsyncClient) -> None:
    answer = await api.get("https://www.amocrm.ru/api/v4/account")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "404 Not Found" in answer.text


async def test_another_accounts_host_refuses_the_token(api: httpx.AsyncClient) -> None:
    answer = await api.get("https://stranger.amocrm.ru/api/v4/account")
    assert answer.status_code == 401
    assert answer.json() == UNAUTHORIZED


async def test_unknown_route_is_404_problem_json(api: httpx.AsyncClient) -> None:
    answer = await api.get("/api/v4/nothing-here")
    assert answer.status_code == 404
    assert answer.json()["detail"] == "Cannot GET https://demo.amocrm.ru/api/v4/nothing-here"


async def test_every_response_has_a_distinct_request_id(api: httpx.AsyncClient) -> None:
    first, second = await api.get("/api/v4/account"), await api.get("/api/v4/nothing")
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


# --- account -------------------------------------------------------------------------


async def test_account_shape(api: httpx.AsyncClient) -> None:
    answer = await api.get("/api/v4/account")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/hal+json")
    body = answer.json()
    assert body["id"] == 31415926
    assert body["subdomain"] == "demo"
    assert body["name"] == "Демо-компанія"
    for key in (
        "created_at",
        "current_user_id",
        "country",
        "currency",
        "currency_symbol",
        "customers_mode",
        "is_unsorted_on",
        "is_loss_reason_enabled",
        "is_technical_account",
        "contact_name_display_order",
    ):
        assert key in body
    assert body["_links"]["self"]["href"] == "https://demo.amocrm.ru/api/v4/account"
    assert "amojo_id" not in body and "_embedded" not in body


async def test_account_with_extras(api: httpx.AsyncClient) -> None:
    body = (
        await api.get(
            "/api/v4/account", params={"with": "amojo_id,version,drive_url,datetime_settings"}
        )
    ).json()
    assert len(body["amojo_id"]) == 36
    assert isinstance(body["version"], int)
    assert body["drive_url"] == "https://drive-b.amocrm.ru"
    assert body["_embedded"]["datetime_settings"]["timezone"] == "Europe/Kyiv"


# --- pipelines -----------------------------------------------------------------------


async def test_pipelines_have_unsorted_regular_and_closed_statuses(api: httpx.AsyncClient) -> None:
    body = (await api.get("/api/v4/leads/pipelines")).json()
    pipelines = body["_embedded"]["pipelines"]
    assert body["_total_items"] == len(pipelines) == 2
    assert [p["name"] for p in pipelines] == ["Продажі", "Партнери"]
    assert [p["is_main"] for p in pipelines] == [True, False]
    for pipeline in pipelines:
        statuses = pipeline["_embedded"]["statuses"]
        assert statuses[0]["type"] == 1 and statuses[0]["is_editable"] is False
        regular = [s for s in statuses if s["type"] == 0 and s["id"] not in (142, 143)]
        assert 3 <= len(regular) <= 4
        assert {s["id"] for s in statuses} >= {142, 143}
        assert all(s["pipeline_id"] == pipeline["id"] for s in statuses)
        assert set(statuses[0]) == {
            "id",
            "name",
            "sort",
            "is_editable",
            "pipeline_id",
            "color",
            "type",
            "account_id",
            "_links",
        }
        href = pipeline["_links"]["self"]["href"]
        assert href == f"https://demo.amocrm.ru/api/v4/leads/pipelines/{pipeline['id']}"


async def test_one_pipeline_and_its_statuses(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    pipeline_id = sandbox.state.pipelines[1].id
    one = (await api.get(f"/api/v4/leads/pipelines/{pipeline_id}")).json()
    assert one["name"] == "Партнери"
    statuses = (await api.get(f"/api/v4/leads/pipelines/{pipeline_id}/statuses")).json()
    assert statuses["_total_items"] == len(one["_embedded"]["statuses"])
    won = await api.get(f"/api/v4/leads/pipelines/{pipeline_id}/statuses/142")
    assert won.json()["name"] == "Успішно реалізовано"
    assert (await api.get("/api/v4/leads/pipelines/1")).status_code == 404


# --- leads ---------------------------------------------------------------------------


async def test_create_leads_defaults_to_the_main_pipelines_first_stage(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    answer = await api.post(
        "/api/v4/leads",
        json=[{"name": "Перша", "price": 1500}, {"name": "Друга", "request_id": "mine"}],
    )
    assert answer.status_code == 200
    created = answer.json()["_embedded"]["leads"]
    assert [lead["request_id"] for lead in created] == ["0", "mine"]
    assert created[0]["_links"]["self"]["href"] == (
        f"https://demo.amocrm.ru/api/v4/leads/{created[0]['id']}"
    )
    lead = (await api.get(f"/api/v4/leads/{created[0]['id']}")).json()
    main = main_pipeline(sandbox)
    assert lead["pipeline_id"] == main.id
    assert lead["status_id"] == main.statuses[1].id  # not the "unsorted" stage
    assert lead["price"] == 1500
    assert lead["custom_fields_values"] is None
    assert lead["created_by"] == sandbox.state.account.current_user_id


async def test_create_lead_in_a_chosen_stage_with_custom_fields(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    partners = sandbox.state.pipelines[1]
    answer = await api.post(
        "/api/v4/leads",
        json=[
            {
                "name": "Партнер",
                "pipeline_id": partners.id,
                "status_id": partners.statuses[2].id,
                "custom_fields_values": [{"field_id": 752001, "values": [{"value": "сайт"}]}],
                "_embedded": {"tags": [{"name": "тест"}]},
            }
        ],
    )
    lead_id = answer.json()["_embedded"]["leads"][0]["id"]
    lead = (await api.get(f"/api/v4/leads/{lead_id}", params={"with": "contacts"})).json()
    assert lead["pipeline_id"] == partners.id
    assert lead["custom_fields_values"] == [
        {
            "field_id": 752001,
            "field_name": "Джерело",
            "field_code": None,
            "field_type": "text",
            "values": [{"value": "сайт"}],
        }
    ]
    assert lead["_embedded"]["tags"][0]["name"] == "тест"
    assert lead["_embedded"]["contacts"] == []


async def test_lead_validation_errors_name_the_element_and_path(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    partners = sandbox.state.pipelines[1]
    answer = await api.post(
        "/api/v4/leads",
        json=[
            {"name": "ok"},
            {"name": "bad price", "price": "100"},
            {
                "name": "wrong stage",
                "pipeline_id": partners.id,
                "status_id": main_pipeline(sandbox).statuses[1].id,
                "request_id": "r2",
            },
            {"custom_fields_values": [{"field_id": 1, "values": [{"value": "x"}]}]},
        ],
    )
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert body["title"] == "Bad Request" and body["detail"] == "Request validation failed"
    assert body["validation-errors"] == [
        {
            "request_id": "1",
            "errors": [
                {
                    "code": "InvalidType",
                    "path": "price",
                    "detail": "This value should be of type int.",
                }
            ],
        },
        {
            "request_id": "r2",
            "errors": [
                {
                    "code": "NotSupportedChoice",
                    "path": "status_id",
                    "detail": "The value you selected is not a valid choice.",
                }
            ],
        },
        {
            "request_id": "3",
            "errors": [
                {
                    "code": "NotSupportedChoice",
                    "path": "custom_fields_values.0.field_id",
                    "detail": "The value you selected is not a valid choice.",
                }
            ],
        },
    ]
    assert len(sandbox.state.leads) == 0  # nothing from a rejected batch is kept


@pytest.mark.parametrize("content", [b"", b"[]"])
async def test_empty_create_is_400(api: httpx.AsyncClient, content: bytes) -> None:
    answer = await api.post(
        "/api/v4/leads", content=content, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    assert answer.json()["detail"] == "Request data can not be empty"


async def test_more_than_250_leads_is_422(api: httpx.AsyncClient) -> None:
    answer = await api.post("/api/v4/leads", json=[{"name": f"l{i}"} for i in range(251)])
    assert answer.status_code == 422
    assert answer.json() == {
        "title": "Unprocessable Entity",
        "type": "https://httpstatus.es/422",
        "status": 422,
        "detail": "Limit 250 per page",
    }


async def test_patch_one_lead_answers_flat_and_moves_it(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    lead_id = (await api.post("/api/v4/leads", json=[{"name": "x"}])).json()["_embedded"]["leads"][
        0
    ]["id"]
    sandbox.state.clock.advance(60)
    answer = await api.patch(f"/api/v4/leads/{lead_id}", json={"status_id": 142, "price": 7})
    assert answer.status_code == 200
    body = answer.json()
    assert body["id"] == lead_id and "_embedded" not in body
    assert body["_links"]["self"]["href"].endswith(f"/api/v4/leads/{lead_id}")
    lead = (await api.get(f"/api/v4/leads/{lead_id}")).json()
    assert (lead["status_id"], lead["pipeline_id"]) == (142, main_pipeline(sandbox).id)
    assert lead["price"] == 7
    assert lead["closed_at"] == body["updated_at"] == lead["updated_at"]


async def test_patch_batch_and_its_validation(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    ids = [
        lead["id"]
        for lead in (await api.post("/api/v4/leads", json=[{"name": "a"}, {"name": "b"}])).json()[
            "_embedded"
        ]["leads"]
    ]
    partners = sandbox.state.pipelines[1]
    answer = await api.patch(
        "/api/v4/leads",
        json=[
            {"id": ids[0], "pipeline_id": partners.id},
            {"id": ids[1], "name": "b2"},
        ],
    )
    assert answer.status_code == 200
    assert [lead["id"] for lead in answer.json()["_embedded"]["leads"]] == ids
    moved = (await api.get(f"/api/v4/leads/{ids[0]}")).json()
    assert (moved["pipeline_id"], moved["status_id"]) == (partners.id, partners.statuses[1].id)

    bad = await api.patch("/api/v4/leads", json=[{"id": 1, "name": "ghost"}, {"name": "no id"}])
    assert bad.status_code == 400
    paths = [e["errors"][0]["path"] for e in bad.json()["validation-errors"]]
    assert paths == ["id", "id"]


async def test_missing_lead_is_204(api: httpx.AsyncClient) -> None:
    answer = await api.get("/api/v4/leads/999")
    assert answer.status_code == 204
    assert answer.content == b""


async def test_lead_list_pages_and_ends_with_204(api: httpx.AsyncClient) -> None:
    assert (await api.get("/api/v4/leads")).status_code == 204
    await api.post("/api/v4/leads", json=[{"name": f"lead {i}"} for i in range(5)])
    first = (await api.get("/api/v4/leads", params={"limit": 2})).json()
    assert first["_page"] == 1
    assert len(first["_embedded"]["leads"]) == 2
    assert first["_links"]["next"]["href"] == "https://demo.amocrm.ru/api/v4/leads?limit=2&page=2"
    last = (await api.get("/api/v4/leads", params={"limit": 2, "page": 3})).json()
    assert len(last["_embedded"]["leads"]) == 1 and "next" not in last["_links"]
    assert (await api.get("/api/v4/leads", params={"limit": 2, "page": 4})).status_code == 204
    found = (await api.get("/api/v4/leads", params={"query": "lead 3"})).json()
    assert [lead["name"] for lead in found["_embedded"]["leads"]] == ["lead 3"]


# --- limits, injection, counters --------------------------------------------------------


async def test_rate_limit_per_integration(sandbox: SandboxServer, api: httpx.AsyncClient) -> None:
    sandbox.state.rate_limit_per_second = 3
    sandbox.state.rate_limit_retry_after = 2
    statuses = [(await api.get("/api/v4/account")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = await api.get("/api/v4/account")
    assert limited.json()["retry_after"] == 2
    assert limited.json()["title"] == "Too Many Requests"


async def test_a_429_asks_for_minutes_in_the_body_and_the_header(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    """Like amo's documented body (fact sheet 6.1); the header is unconfirmed, both are sent."""
    sandbox.state.rate_limit_per_second = 0
    limited = await api.get("/api/v4/account")
    assert limited.status_code == 429
    assert limited.json()["retry_after"] == 300
    assert limited.headers["Retry-After"] == "300"
    sandbox.state.inject("/api/v4/leads", 429)
    assert (await api.get("/api/v4/leads")).headers["Retry-After"] == "300"


async def test_repeated_429s_block_the_whole_api_with_403_until_the_block_expires(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    state = sandbox.state
    state.rate_limit_per_second = 0
    state.rate_limit_block_after = 3
    statuses = [(await api.get("/api/v4/account")).status_code for _ in range(4)]
    assert statuses == [429, 429, 429, 403]
    assert state.summary()["api_blocked"] is True
    state.rate_limit_per_second = None  # the block is not the limiter: nothing gets through
    for path in ("/api/v4/account", "/api/v4/leads", "/api/v4/webhooks"):
        blocked = await api.get(path)
        assert blocked.status_code == 403
        assert blocked.headers["content-type"].startswith("text/html")  # amo's nginx page
    assert (await api.get("/api/v4/account", headers={"Authorization": ""})).status_code == 403
    state.clock.advance(state.rate_limit_block_seconds - 1)
    assert (await api.get("/api/v4/account")).status_code == 403
    state.clock.advance(2)
    assert (await api.get("/api/v4/account")).status_code == 200
    assert state.summary()["api_blocked"] is False


async def test_429s_spread_wider_than_the_window_do_not_add_up(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    state = sandbox.state
    state.rate_limit_per_second = 0
    state.rate_limit_block_after = 2
    assert (await api.get("/api/v4/account")).status_code == 429
    state.clock.advance(state.rate_limit_block_window + 1)
    assert (await api.get("/api/v4/account")).status_code == 429
    assert (await api.get("/api/v4/account")).status_code == 429  # now two within the window
    assert (await api.get("/api/v4/account")).status_code == 403


async def test_the_escalation_is_generous_by_default_and_can_be_switched_off(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    state = sandbox.state
    state.rate_limit_per_second = 0
    statuses = {(await api.get("/api/v4/account")).status_code for _ in range(20)}
    assert statuses == {429}  # a burst, not a flood
    state.rate_limit_block_after = None
    statuses = {(await api.get("/api/v4/account")).status_code for _ in range(60)}
    assert statuses == {429}


async def test_rate_limit_off_switch(sandbox: SandboxServer, api: httpx.AsyncClient) -> None:
    sandbox.state.rate_limit_per_second = None
    statuses = {(await api.get("/api/v4/account")).status_code for _ in range(12)}
    assert statuses == {200}


@pytest.mark.parametrize(
    ("status", "kind", "content_type"),
    [
        (402, "json", "application/problem+json"),
        (403, "html", "text/html"),
        (503, "json", "application/problem+json"),
    ],
)
async def test_injected_failures(
    sandbox: SandboxServer, api: httpx.AsyncClient, status: int, kind: str, content_type: str
) -> None:
    sandbox.state.inject("/api/v4/account", status, body_kind=kind)
    failed = await api.get("/api/v4/account")
    assert failed.status_code == status
    assert failed.headers["content-type"].startswith(content_type)
    assert (await api.get("/api/v4/account")).status_code == 200  # only once


async def test_injected_429_carries_retry_after(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    sandbox.state.inject("/api/v4/leads", 429, retry_after=5, method="POST", times=2)
    assert (await api.get("/api/v4/leads")).status_code == 204  # GET is not targeted
    for _ in range(2):
        answer = await api.post("/api/v4/leads", json=[{"name": "x"}])
        assert answer.status_code == 429 and answer.json()["retry_after"] == 5
    assert (await api.post("/api/v4/leads", json=[{"name": "x"}])).status_code == 200


async def test_request_counters(sandbox: SandboxServer, api: httpx.AsyncClient) -> None:
    await api.post("/api/v4/leads", json=[{"name": "x"}])
    await api.get("/api/v4/account")
    assert sandbox.state.request_count("/api/v4/leads", "POST") == 1
    assert sandbox.state.request_count("/oauth2/access_token") == 1
    record = sandbox.state.requests[-1]
    assert (record.method, record.path, record.host, record.status) == (
        "GET",
        "/api/v4/account",
        "demo.amocrm.ru",
        200,
    )
    assert record.client_id == sandbox.state.demo_integration.client_id


async def test_injected_slowness_trips_a_client_timeout(
    sandbox: SandboxServer, api: httpx.AsyncClient
) -> None:
    sandbox.state.inject("/api/v4/account", None, delay=1.0)
    with pytest.raises(httpx.ReadTimeout):
        await api.get("/api/v4/account", timeout=0.2)
    assert (await api.get("/api/v4/account", timeout=5)).status_code == 200
