"""A small typed client for the amoCRM API v4 calls the assistant needs.

Every call: waits its turn in the rate limiter, sends the bearer token, refreshes once and
repeats once on 401, and on 429 waits and repeats only calls that are safe to repeat. Lead
creation is never repeated blindly: a lost answer could mean the lead already exists.

A 429 is never repeated sooner than amo asked: asking again early is the "repeated violation"
that makes amo block the whole account's API with 403 (fact sheet 6.1), the customer's own
backend included. When amo asks for longer than the client is willing to wait, the call fails
at once and the error says how long to wait. A 403 soon after a 429 is reported as that block.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any, Protocol

import httpx

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.http_errors import (
    error_from_exception,
    error_from_response,
    json_object,
    retry_after_seconds,
)
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.models import (
    AccountInfo,
    CreatedLead,
    Lead,
    Pipeline,
    Status,
    WebhookSubscription,
)
from amo_desktop.core.platforms import AccountAddress
from amo_desktop.core.ratelimit import RateLimiter


class AccessTokens(Protocol):
    """Where the client gets bearer tokens (the :class:`TokenManager`)."""

    async def access_token(self) -> str: ...

    async def refresh_after_unauthorized(self, used_token: str) -> str: ...


def _int(value: object, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _opt_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _embedded(body: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    embedded = body.get("_embedded")
    items = embedded.get(key) if isinstance(embedded, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


class AmoApiClient:
    """The amoCRM API v4 for one account, over one shared ``httpx.AsyncClient``."""

    max_429_retries = 2
    # How long after a 429 a 403 still means "blocked for too many requests". amo does not
    # say how long its block lasts; an hour covers it without blaming a much later 403 on it.
    rate_limit_memory = 3600.0

    def __init__(
        self,
        http: httpx.AsyncClient,
        address: AccountAddress,
        token_manager: AccessTokens,
        limiter: RateLimiter,
        logbook: Logbook | None = None,
        *,
        max_retry_wait: float = 10.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self.address = address
        self._tokens = token_manager
        self._limiter = limiter
        self._logbook = logbook
        self._max_retry_wait = max_retry_wait
        self._sleep = sleep
        self._clock = clock
        self._rate_limited_at: float | None = None

    async def _request(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool,
        json: object = None,
        params: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        token = await self._tokens.access_token()
        refreshed = False
        rate_limited = 0
        while True:
            try:
                async with self._limiter.slot():
                    response = await self._http.request(
                        method,
                        self.address.api_url(path),
                        json=json,
                        params=params,
                        headers={"Authorization": f"Bearer {token}"},
                        follow_redirects=False,
                    )
            except httpx.HTTPError as error:
                raise error_from_exception(error) from None
            if response.status_code == 401 and not refreshed:
                refreshed = True
                token = await self._tokens.refresh_after_unauthorized(token)
                continue
            if response.status_code == 429:
                self._rate_limited_at = self._clock()
                wait = self._retry_wait(response, rate_limited)
                if idempotent and rate_limited < self.max_429_retries and wait is not None:
                    rate_limited += 1
                    self._note(f"429 on {method} {path}: waiting {wait:.1f} s, then retry")
                    await self._sleep(wait)
                    continue
            if response.is_success:
                return response
            raise error_from_response(response, after_rate_limiting=self._recently_rate_limited())

    def _retry_wait(self, response: httpx.Response, retries_so_far: int) -> float | None:
        """How long to wait before repeating after a 429, or None: amo asks for longer than
        we wait, and repeating any sooner than it asked would count as another violation."""
        asked = retry_after_seconds(response)
        if asked is None:
            return min(self._max_retry_wait, 2.0 ** (retries_so_far + 1))
        if asked > self._max_retry_wait:
            self._note(
                f"429 on {response.request.method} {response.request.url.path}: amo asks to "
                f"wait {asked:.0f} s, longer than {self._max_retry_wait:.0f} s: not retrying"
            )
            return None
        return asked

    def _recently_rate_limited(self) -> bool:
        return (
            self._rate_limited_at is not None
            and self._clock() - self._rate_limited_at < self.rate_limit_memory
        )

    def _note(self, line: str) -> None:
        if self._logbook is not None:
            self._logbook.note(line)

    # Account and pipelines

    async def account(self) -> AccountInfo:
        body = json_object(await self._request("GET", "account", idempotent=True))
        subdomain = str(body.get("subdomain") or self.address.subdomain or "")
        return AccountInfo(
            id=_int(body.get("id")),
            name=str(body.get("name") or ""),
            subdomain=subdomain,
            host=self.address.host,
            url=self.address.base_url,
        )

    async def pipelines(self) -> list[Pipeline]:
        response = await self._request("GET", "leads/pipelines", idempotent=True)
        if response.status_code == 204:
            return []
        pipelines = []
        for item in _embedded(json_object(response), "pipelines"):
            statuses = tuple(
                Status(
                    id=_int(status.get("id")),
                    name=str(status.get("name") or ""),
                    sort=_int(status.get("sort")),
                    type=_int(status.get("type")),
                    color=str(status.get("color") or ""),
                )
                for status in _embedded(item, "statuses")
            )
            pipelines.append(
                Pipeline(
                    id=_int(item.get("id")),
                    name=str(item.get("name") or ""),
                    is_main=bool(item.get("is_main")),
                    statuses=statuses,
                )
            )
        return pipelines

    # Leads

    def lead_url(self, lead_id: int) -> str:
        return f"{self.address.base_url}/leads/detail/{lead_id}"

    async def create_leads(self, leads: Sequence[Mapping[str, Any]]) -> list[CreatedLead]:
        """POST /api/v4/leads. Not retried on 429: the caller decides (it may exist already)."""
        payload = [dict(lead) for lead in leads]
        response = await self._request("POST", "leads", idempotent=False, json=payload)
        created = _embedded(json_object(response), "leads")
        if len(created) != len(payload):
            raise AmoError(
                ErrorCode.BAD_RESPONSE,
                {"status": response.status_code, "host": self.address.host},
                debug=f"asked for {len(payload)} leads, amo reported {len(created)}",
            )
        results = []
        for sent, answer in zip(payload, created, strict=True):
            lead_id = _int(answer.get("id"))
            results.append(
                CreatedLead(
                    id=lead_id,
                    name=str(sent.get("name") or ""),
                    price=_int(sent.get("price")),
                    pipeline_id=_opt_int(sent.get("pipeline_id")),
                    status_id=_opt_int(sent.get("status_id")),
                    url=self.lead_url(lead_id),
                )
            )
        return results

    async def create_lead(
        self,
        name: str,
        *,
        price: int = 0,
        pipeline_id: int | None = None,
        status_id: int | None = None,
    ) -> CreatedLead:
        lead: dict[str, Any] = {"name": name, "price": price}
        if pipeline_id is not None:
            lead["pipeline_id"] = pipeline_id
        if status_id is not None:
            lead["status_id"] = status_id
        (created,) = await self.create_leads([lead])
        return created

    async def update_lead(self, lead_id: int, **fields: Any) -> int:
        """PATCH one lead; returns its ``updated_at``. Setting fields is safe to repeat."""
        response = await self._request("PATCH", f"leads/{lead_id}", idempotent=True, json=fields)
        body = json_object(response)
        # amo answers flat; some Kommo pages show it wrapped in _embedded. Accept both.
        wrapped = _embedded(body, "leads")
        item = wrapped[0] if wrapped and "id" not in body else body
        if _int(item.get("id"), -1) != lead_id:
            raise AmoError(
                ErrorCode.BAD_RESPONSE,
                {"status": response.status_code, "host": self.address.host},
                debug=f"PATCH leads/{lead_id} answered for another id",
            )
        return _int(item.get("updated_at"))

    async def get_lead(self, lead_id: int) -> Lead | None:
        response = await self._request("GET", f"leads/{lead_id}", idempotent=True)
        if response.status_code == 204:
            return None
        body = json_object(response)
        return Lead(
            id=_int(body.get("id")),
            name=str(body.get("name") or ""),
            price=_int(body.get("price")),
            pipeline_id=_int(body.get("pipeline_id")),
            status_id=_int(body.get("status_id")),
            created_at=_opt_int(body.get("created_at")),
            updated_at=_opt_int(body.get("updated_at")),
            url=self.lead_url(lead_id),
            raw=body,
        )

    # Webhooks

    @staticmethod
    def _webhook(item: Mapping[str, Any]) -> WebhookSubscription:
        settings = item.get("settings")
        return WebhookSubscription(
            id=_int(item.get("id")),
            destination=str(item.get("destination") or ""),
            settings=tuple(str(s) for s in settings) if isinstance(settings, list) else (),
            disabled=bool(item.get("disabled")),
            created_at=_opt_int(item.get("created_at")),
            updated_at=_opt_int(item.get("updated_at")),
        )

    async def list_webhooks(self, destination: str | None = None) -> list[WebhookSubscription]:
        params = {"filter[destination]": destination} if destination else None
        response = await self._request("GET", "webhooks", idempotent=True, params=params)
        if response.status_code == 204:
            return []
        return [self._webhook(item) for item in _embedded(json_object(response), "webhooks")]

    async def subscribe_webhook(
        self, destination: str, settings: Sequence[str]
    ) -> WebhookSubscription:
        """POST /api/v4/webhooks; amo updates a hook with the same destination (upsert)."""
        payload = {"destination": destination, "settings": list(settings)}
        response = await self._request("POST", "webhooks", idempotent=True, json=payload)
        return self._webhook(json_object(response))

    async def unsubscribe_webhook(self, destination: str) -> None:
        payload = {"destination": destination}
        await self._request("DELETE", "webhooks", idempotent=True, json=payload)
