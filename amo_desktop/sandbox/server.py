"""The sandbox HTTP server: one aiohttp application on a loopback port.

The middleware does what amo's edge does before any handler runs: failure injection, the
host check (``www`` gets nginx HTML), the account-wide block repeated 429s bring,
bearer-token check, rate limit; and it records every request so tests can count them.
Every response carries ``X-Request-Id``.
"""

from __future__ import annotations

import asyncio
import ipaddress
import uuid
from types import TracebackType
from typing import Any

from aiohttp import web

from amo_desktop.sandbox import admin_routes, api_routes, oauth_routes, web_pages, webhooks_api
from amo_desktop.sandbox.appkeys import (
    CONSENTS,
    DELIVERY,
    LIMITER,
    STATE,
    RequestContext,
    begin_request,
    end_request,
)
from amo_desktop.sandbox.hosts import HostKind, classify
from amo_desktop.sandbox.models import Injection, RequestRecord
from amo_desktop.sandbox.pages import nginx_page
from amo_desktop.sandbox.problems import problem, too_many_requests, unauthorized
from amo_desktop.sandbox.ratelimit import RateLimiter
from amo_desktop.sandbox.state import SandboxState
from amo_desktop.sandbox.webhook_delivery import WebhookDelivery

ADMIN_PREFIX = "/_sandbox/"
API_PREFIX = "/api/"
Handler = Any


def _injected(injection: Injection, state: SandboxState) -> web.StreamResponse:
    assert injection.status is not None
    if injection.body_kind == "html":
        return nginx_page(injection.status)
    if injection.status == 429:
        return too_many_requests(injection.retry_after or state.rate_limit_retry_after)
    if injection.retry_after:
        return problem(injection.status, retry_after=injection.retry_after)
    return problem(injection.status)


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _amo_edge(
    request: web.Request, handler: Handler, context: RequestContext
) -> web.StreamResponse:
    state = request.app[STATE]
    injection = state.take_injection(request.method, request.path)
    if injection is not None:
        if injection.delay:
            await asyncio.sleep(injection.delay)
        if injection.status is not None:
            return _injected(injection, state)
    host = context.host
    if request.path.startswith(API_PREFIX):
        if host.kind is HostKind.PORTAL:
            return nginx_page(404)
        if host.kind is HostKind.ACCOUNT and state.api_block.active():
            return nginx_page(403)  # amo's block answers before it even reads the token
        # A token never opens another account; checked first so it doesn't count as a use.
        token = _bearer(request) if host.kind is HostKind.ACCOUNT else None
        pair = state.tokens.authenticate(token) if token else None
        if pair is None:
            return unauthorized()
        context.client_id = pair.client_id
        if not request.app[LIMITER].allow(pair.client_id, state.rate_limit_per_second):
            state.note_rate_limit_violation()
            return too_many_requests(state.rate_limit_retry_after)
    try:
        response: web.StreamResponse = await handler(request)
    except web.HTTPException as error:
        if error.status in (404, 405):
            scheme = "https" if host.platform_like else "http"
            detail = f"Cannot {request.method} {scheme}://{host.host}{request.path}"
            return problem(error.status, detail)
        return problem(error.status)
    return response


def is_local_caller(remote: str | None) -> bool:
    """Is the peer on this computer? The ``/_sandbox/`` controls hand out codes and the demo
    secret, so they answer only loopback peers even when the sandbox listens more widely."""
    try:
        return remote is not None and ipaddress.ip_address(remote.split("%")[0]).is_loopback
    except ValueError:
        return False


@web.middleware
async def sandbox_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path.startswith(ADMIN_PREFIX):
        if not is_local_caller(request.remote):
            return web.json_response(
                {"error": "the /_sandbox/ controls answer only this computer"}, status=403
            )
        return await admin_routes.run_admin(request, handler)
    state = request.app[STATE]
    context = RequestContext(classify(request, state.account))
    token = begin_request(context)
    try:
        response = await _amo_edge(request, handler, context)
    finally:
        end_request(token)
    state.requests.append(
        RequestRecord(
            method=request.method,
            path=request.path,
            query=request.query_string,
            host=request.host,
            status=response.status,
            at=state.clock.now(),
            client_id=context.client_id,
        )
    )
    return response


async def _add_edge_headers(request: web.Request, response: web.StreamResponse) -> None:
    response.headers.setdefault("X-Request-Id", uuid.uuid4().hex)
    response.headers["Server"] = "nginx"  # amo's edge; keeps raw captures looking real


def build_app(state: SandboxState, delivery: WebhookDelivery) -> web.Application:
    app = web.Application(middlewares=[sandbox_middleware])
    app[STATE] = state
    app[DELIVERY] = delivery
    app[LIMITER] = RateLimiter()
    app[CONSENTS] = {}
    app.add_routes(oauth_routes.routes)
    app.add_routes(api_routes.routes)
    app.add_routes(webhooks_api.routes)
    app.add_routes(admin_routes.routes)
    app.add_routes(web_pages.routes)
    app.on_response_prepare.append(_add_edge_headers)
    return app


class SandboxServer:
    """The amoCRM emulator on ``host:port`` (port 0 picks a free one).

    ``async with SandboxServer() as sandbox:`` starts it; ``sandbox.base_url`` is where
    clients go, ``sandbox.state`` is what tests inspect and steer.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        state: SandboxState | None = None,
        webhook_time_scale: float = 1.0,
    ) -> None:
        self.host = host
        self._requested_port = port
        self.state = state or SandboxState()
        self.webhooks = WebhookDelivery(self.state, webhook_time_scale)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        # A second start() while one runs or is under way would bind a second port and open a
        # second webhook session that stop() never closes.
        self._starting = asyncio.Lock()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the sandbox is not running")
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        """Listen; a sandbox that already runs (or is starting) keeps its one listener."""
        async with self._starting:
            if self._runner is not None:
                return
            await self.webhooks.start()
            runner = web.AppRunner(build_app(self.state, self.webhooks), access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, self.host, self._requested_port)
            try:
                await site.start()
            except OSError:
                await runner.cleanup()
                await self.webhooks.close()
                raise
            self._runner = runner
            self._port = int(runner.addresses[0][1])

    async def settle_webhooks(self) -> None:
        """Wait until every queued webhook delivery (retries included) has finished."""
        await self.webhooks.wait_idle()

    async def stop(self) -> None:
        await self.webhooks.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        self._port = None

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()
