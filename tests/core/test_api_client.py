"""AmoApiClient against the sandbox: data, errors amo sends, 401 and 429 handling."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from amo_desktop.core.api import AmoApiClient
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.ratelimit import RateLimiter
from amo_desktop.core.token_manager import TokenManager
from amo_desktop.sandbox import SandboxServer
from tests.core.token_helpers import DEMO, PROFILE, Clock, SignedIn, sign_in
from tests.support.routing_transport import SandboxRoutingTransport


class Waits:
    """Records the pauses the client takes after a 429 (instead of really sleeping)."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


@pytest.fixture
async def signed_in(
    sandbox: SandboxServer,
    sandbox_transport: SandboxRoutingTransport,
    credential_store: CredentialStore,
) -> AsyncIterator[SignedIn]:
    async with httpx.AsyncClient(transport=sandbox_transport, timeout=5.0) as http:
        yield await sign_in(sandbox, http, credential_store)


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.fixture
def api(signed_in: SignedIn, tmp_path: Path, waits: Waits) -> AmoApiClient:
    manager = TokenManager(PROFILE, signed_in.credentials, signed_in.refresher, tmp_path, Clock())
    return AmoApiClient(signed_in.http, DEMO, manager, RateLimiter(), sleep=waits)


def count(sandbox: SandboxServer, path: str, method: str | None = None) -> int:
    return sandbox.state.request_count(path, method)


async def failing(call: object, code: ErrorCode) -> AmoError:
    with pytest.raises(AmoError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code is code, caught.value.debug
    return caught.value


async def test_account_and_pipelines(api: AmoApiClient, sandbox: SandboxServer) -> None:
    account = await api.account()
    assert (account.id, account.subdomain, account.host) == (
        sandbox.state.account.id,
        "demo",
        "demo.amocrm.ru",
    )
    pipelines = await api.pipelines()
    main = next(p for p in pipelines if p.is_main)
    assert {142, 143} <= {status.id for status in main.statuses}
    stage = main.first_regular_status()
    assert stage is not None and stage.type == 0 and stage.id not in (142, 143)


async def test_lead_create_update_get(api: AmoApiClient, sandbox: SandboxServer) -> None:
    main = next(p for p in await api.pipelines() if p.is_main)
    stage = main.first_regular_status()
    assert stage is not None
    created = await api.create_lead(
        "Тестовий клієнт - Тестовий об'єкт", pipeline_id=main.id, status_id=stage.id
    )
    assert created.url.endswith(f"/leads/detail/{created.id}")
    updated_at = await api.update_lead(created.id, status_id=142, pipeline_id=main.id)
    assert updated_at > 0
    lead = await api.get_lead(created.id)
    assert lead is not None
    assert (lead.name, lead.status_id, lead.pipeline_id) == (created.name, 142, main.id)
    assert await api.get_lead(999_999_999) is None


async def test_webhooks(api: AmoApiClient) -> None:
    destination = "https://hooks.example.test/amo"
    hook = await api.subscribe_webhook(destination, ["add_lead", "status_lead"])
    assert (hook.destination, hook.settings) == (destination, ("add_lead", "status_lead"))
    assert [h.destination for h in await api.list_webhooks()] == [destination]
    await api.unsubscribe_webhook(destination)
    assert await api.list_webhooks() == []
    await failing(api.unsubscribe_webhook(destination), ErrorCode.NOT_FOUND)


async def test_validation_errors_from_the_sandbox(api: AmoApiClient) -> None:
    error = await failing(api.create_lead("x", status_id=1), ErrorCode.VALIDATION_FAILED)
    assert "status_id" in error.details["fields"]
    assert "X-Request-Id" in error.debug


@pytest.mark.parametrize(
    ("status", "kind", "code"),
    [
        (402, "json", ErrorCode.PAYMENT_REQUIRED),
        (403, "html", ErrorCode.ACCOUNT_BLOCKED),
        (403, "json", ErrorCode.INSUFFICIENT_RIGHTS),
        (404, "html", ErrorCode.WRONG_HOST),
        (500, "json", ErrorCode.SERVER_ERROR),
        (503, "html", ErrorCode.SERVER_ERROR),
    ],
)
async def test_injected_failures(
    api: AmoApiClient, sandbox: SandboxServer, status: int, kind: str, code: ErrorCode
) -> None:
    sandbox.state.inject("/api/v4/account", status, kind)
    error = await failing(api.account(), code)
    assert f"HTTP {status}" in error.debug


async def test_time_out(signed_in: SignedIn, sandbox: SandboxServer, tmp_path: Path) -> None:
    sandbox.state.inject("/api/v4/account", None, delay=2.0)
    manager = TokenManager(PROFILE, signed_in.credentials, signed_in.refresher, tmp_path, Clock())
    async with httpx.AsyncClient(
        transport=SandboxRoutingTransport(sandbox.base_url), timeout=0.3
    ) as short:
        api = AmoApiClient(short, DEMO, manager, RateLimiter())
        error = await failing(api.account(), ErrorCode.NETWORK_TIMEOUT)
    assert error.details["host"] == "demo.amocrm.ru"


async def test_429_on_a_read_waits_and_retries(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    sandbox.state.inject("/api/v4/leads/pipelines", 429, retry_after=3)
    assert await api.pipelines()
    assert waits.seconds == [3.0]
    assert count(sandbox, "/api/v4/leads/pipelines") == 2


async def test_a_429_asking_longer_than_the_client_waits_is_not_retried_at_all(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    """Asking again before amo's 300 s are up is the repeated violation that gets the whole
    account's API blocked; the person is told how long to wait instead."""
    sandbox.state.inject("/api/v4/account", 429, times=5, retry_after=300)
    error = await failing(api.account(), ErrorCode.RATE_LIMITED)
    assert waits.seconds == []
    assert count(sandbox, "/api/v4/account") == 1
    assert error.details["retry_after"] == "300"
    english, ukrainian = error.localized("en"), error.localized("uk")
    assert "wait 5 minutes" in english.message and "Wait 5 minutes" in english.hint
    assert "зачекати 5 хвилин" in ukrainian.message and "Зачекайте 5 хвилин" in ukrainian.hint


async def test_the_sandbox_limiter_asks_for_minutes_so_the_client_does_not_retry(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    sandbox.state.rate_limit_per_second = 0  # other programs used up the integration's share
    error = await failing(api.account(), ErrorCode.RATE_LIMITED)
    assert waits.seconds == []
    assert count(sandbox, "/api/v4/account") == 1
    assert "5 minutes" in error.localized("en").message


async def test_short_waits_within_the_cap_are_waited_for_and_retries_are_bounded(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    sandbox.state.inject("/api/v4/account", 429, times=5, retry_after=10)  # the cap itself
    error = await failing(api.account(), ErrorCode.RATE_LIMITED)
    assert waits.seconds == [10.0, 10.0]
    assert count(sandbox, "/api/v4/account") == 3
    assert "10 seconds" in error.localized("en").message
    assert "10 секунд" in error.localized("uk").message


async def test_a_429_without_a_wait_backs_off_briefly(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    """amo.ru sometimes answers 429 with no JSON body and no header: nothing was asked."""
    sandbox.state.inject("/api/v4/account", 429, body_kind="html", times=1)
    assert (await api.account()).subdomain == "demo"
    assert waits.seconds == [2.0]


async def test_429_on_lead_creation_is_never_retried(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    sandbox.state.inject("/api/v4/leads", 429, method="POST")
    leads_before = len(sandbox.state.leads)
    await failing(api.create_lead("Тестовий клієнт - Тестовий об'єкт"), ErrorCode.RATE_LIMITED)
    assert count(sandbox, "/api/v4/leads", "POST") == 1
    assert len(sandbox.state.leads) == leads_before
    assert waits.seconds == []


async def test_429_on_status_change_is_retried(
    api: AmoApiClient, sandbox: SandboxServer, waits: Waits
) -> None:
    created = await api.create_lead("Тестовий клієнт - Тестовий об'єкт")
    sandbox.state.inject(f"/api/v4/leads/{created.id}", 429, method="PATCH", retry_after=2)
    await api.update_lead(created.id, status_id=143)
    assert count(sandbox, f"/api/v4/leads/{created.id}", "PATCH") == 2
    assert waits.seconds == [2.0]


class ManualClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_flooding_gets_the_account_blocked_and_the_client_says_so(
    signed_in: SignedIn, sandbox: SandboxServer, tmp_path: Path, waits: Waits
) -> None:
    sandbox.state.rate_limit_per_second = 0
    sandbox.state.rate_limit_block_after = 2
    manager = TokenManager(PROFILE, signed_in.credentials, signed_in.refresher, tmp_path, Clock())
    api = AmoApiClient(signed_in.http, DEMO, manager, RateLimiter(), sleep=waits)
    for _ in range(2):
        await failing(api.account(), ErrorCode.RATE_LIMITED)
    blocked = await failing(api.pipelines(), ErrorCode.RATE_LIMIT_BLOCKED)
    assert "HTTP 403" in blocked.debug
    assert waits.seconds == []
    english = blocked.localized("en")
    assert "blocked this account's API access for too many requests" in english.message
    assert "lifts by itself after a while" in english.hint
    assert "Stop other programs" in english.hint
    ukrainian = blocked.localized("uk")
    assert "заблокувала доступ цього акаунта до API" in ukrainian.message
    assert "Зупиніть інші програми" in ukrainian.hint

    # The block ends on amo's clock, not before.
    sandbox.state.rate_limit_per_second = None
    sandbox.state.clock.advance(sandbox.state.rate_limit_block_seconds - 5)
    await failing(api.account(), ErrorCode.RATE_LIMIT_BLOCKED)
    sandbox.state.clock.advance(10)
    assert (await api.account()).subdomain == "demo"


async def test_a_403_with_no_429_before_it_is_not_blamed_on_rate_limiting(
    signed_in: SignedIn, sandbox: SandboxServer, tmp_path: Path, waits: Waits
) -> None:
    clock = ManualClock()
    manager = TokenManager(PROFILE, signed_in.credentials, signed_in.refresher, tmp_path, Clock())
    api = AmoApiClient(signed_in.http, DEMO, manager, RateLimiter(), sleep=waits, clock=clock)
    sandbox.state.inject("/api/v4/account", 429, retry_after=300)
    sandbox.state.inject("/api/v4/leads/pipelines", 403, "json", times=2)
    await failing(api.account(), ErrorCode.RATE_LIMITED)
    await failing(api.pipelines(), ErrorCode.RATE_LIMIT_BLOCKED)  # JSON too, right after
    clock.now += AmoApiClient.rate_limit_memory
    await failing(api.pipelines(), ErrorCode.INSUFFICIENT_RIGHTS)  # long after: just a 403


async def test_wrapped_single_patch_answer_is_accepted(tmp_path: Path) -> None:
    """One Kommo page shows the single PATCH answer inside _embedded; accept it too."""

    def kommo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"_embedded": {"leads": [{"id": 7, "updated_at": 99}]}})

    class Fixed:
        async def access_token(self) -> str:
            return "token"

        async def refresh_after_unauthorized(self, used_token: str) -> str:
            raise AssertionError("no 401 here")

    async with httpx.AsyncClient(transport=httpx.MockTransport(kommo)) as http:
        api = AmoApiClient(http, DEMO, Fixed(), RateLimiter())
        assert await api.update_lead(7, status_id=142) == 99
