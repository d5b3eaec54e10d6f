"""``/_sandbox/``: JSON controls for tests that run in another process (CLI, GUI).

These are the sandbox's own endpoints, not amoCRM's; the middleware neither counts, limits
nor injects failures into them.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from amo_desktop.sandbox.appkeys import DELIVERY, STATE
from amo_desktop.sandbox.models import Integration
from amo_desktop.sandbox.requests_json import EMPTY, BadBody, read_json
from amo_desktop.sandbox.state import SandboxState

routes = web.RouteTableDef()


class AdminError(Exception):
    pass


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        data = await read_json(request)
    except BadBody as error:
        raise AdminError(f"the body is not JSON: {error}") from error
    if data is EMPTY:
        return {}
    if not isinstance(data, dict):
        raise AdminError("the body must be a JSON object")
    return data


def _integration(state: SandboxState, body: dict[str, Any]) -> Integration:
    client_id = body.get("client_id")
    if client_id is None:
        return state.demo_integration
    integration = state.integration(str(client_id))
    if integration is None:
        raise AdminError(f"unknown client_id {client_id}")
    return integration


async def run_admin(request: web.Request, handler: Any) -> web.StreamResponse:
    """Run an admin handler; bad input becomes a 400 JSON answer, not a server error."""
    try:
        response: web.StreamResponse = await handler(request)
    except (AdminError, ValueError, TypeError) as error:
        return web.json_response({"error": str(error)}, status=400)
    return response


@routes.get("/_sandbox/state")
async def summary(request: web.Request) -> web.StreamResponse:
    include_secret = request.query.get("include_secret") in ("1", "true", "yes")
    body = request.app[STATE].summary(include_secret=include_secret)
    body["pending_deliveries"] = request.app[DELIVERY].pending
    return web.json_response(body)


@routes.post("/_sandbox/integrations")
async def add_integration(request: web.Request) -> web.StreamResponse:
    body = await _body(request)
    if not isinstance(body.get("redirect_uri"), str):
        raise AdminError("redirect_uri is required")
    integration = request.app[STATE].add_integration(
        redirect_uri=body["redirect_uri"],
        client_id=body.get("client_id"),
        client_secret=body.get("client_secret"),
        name=body.get("name", "Приватна інтеграція"),
    )
    # The caller registered it, like an admin looking at the Keys tab: it sees the secret.
    return web.json_response(integration.public_view(include_secret=True), status=201)


@routes.post("/_sandbox/authorization-code")
async def authorization_code(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    integration = _integration(state, await _body(request))
    return web.json_response(
        {
            "code": state.issue_authorization_code(integration),
            "expires_in": 20 * 60,
            "client_id": integration.client_id,
            "redirect_uri": integration.redirect_uri,
            "referer": f"{state.account.subdomain}.{state.account.domain}",
        }
    )


@routes.post("/_sandbox/long-lived-token")
async def long_lived_token(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    body = await _body(request)
    token = state.issue_long_lived_token(_integration(state, body), int(body.get("days", 365)))
    return web.json_response({"access_token": token})


@routes.post("/_sandbox/clock/advance")
async def advance_clock(request: web.Request) -> web.StreamResponse:
    body = await _body(request)
    now = request.app[STATE].clock.advance(float(body.get("seconds", 0)))
    return web.json_response({"now": now})


@routes.post("/_sandbox/inject")
async def inject(request: web.Request) -> web.StreamResponse:
    body = await _body(request)
    if not isinstance(body.get("path_prefix"), str):
        raise AdminError("path_prefix is required")
    status = body.get("status")
    injection = request.app[STATE].inject(
        body["path_prefix"],
        int(status) if status is not None else None,
        body_kind=body.get("body_kind", "json"),
        times=int(body.get("times", 1)),
        retry_after=body.get("retry_after"),
        delay=float(body.get("delay", 0.0)),
        method=body.get("method"),
    )
    return web.json_response(
        {"path_prefix": injection.path_prefix, "status": injection.status, "times": injection.times}
    )


@routes.get("/_sandbox/requests")
async def requests_log(request: web.Request) -> web.StreamResponse:
    prefix = request.query.get("path_prefix", "")
    records = [r.as_json() for r in request.app[STATE].requests if r.path.startswith(prefix)]
    return web.json_response({"requests": records})


@routes.post("/_sandbox/revoke")
async def revoke(request: web.Request) -> web.StreamResponse:
    body = await _body(request)
    return web.json_response({"revoked": request.app[STATE].revoke_tokens(body.get("client_id"))})


@routes.post("/_sandbox/rate-limit")
async def rate_limit(request: web.Request) -> web.StreamResponse:
    body = await _body(request)
    state = request.app[STATE]
    if "per_second" in body:
        value = body["per_second"]
        state.rate_limit_per_second = int(value) if value is not None else None
    if "retry_after" in body:
        state.rate_limit_retry_after = int(body["retry_after"])
    # The account-wide 403 block that repeated 429s bring (block_after: null switches it off).
    if "block_after" in body:
        value = body["block_after"]
        state.rate_limit_block_after = int(value) if value is not None else None
    if "block_window" in body:
        state.rate_limit_block_window = float(body["block_window"])
    if "block_seconds" in body:
        state.rate_limit_block_seconds = float(body["block_seconds"])
    return web.json_response(
        {
            "per_second": state.rate_limit_per_second,
            "retry_after": state.rate_limit_retry_after,
            "block_after": state.rate_limit_block_after,
            "block_window": state.rate_limit_block_window,
            "block_seconds": state.rate_limit_block_seconds,
        }
    )


@routes.post("/_sandbox/oauth")
async def oauth_switches(request: web.Request) -> web.StreamResponse:
    """The token endpoint's unconfirmed variants: ``refresh_grace`` (true, false, null = per
    platform), ``client_error_style`` ("newer", "older"), ``oauth_language`` ("ru", "en",
    null = per platform). Absent keys stay; the answer has all three."""
    return web.json_response(request.app[STATE].configure_oauth(await _body(request)))


@routes.get("/_sandbox/deliveries")
async def deliveries(request: web.Request) -> web.StreamResponse:
    return web.json_response(
        {
            "pending": request.app[DELIVERY].pending,
            "deliveries": [d.as_json() for d in request.app[STATE].deliveries],
        }
    )


@routes.post("/_sandbox/deliveries/settle")
async def settle(request: web.Request) -> web.StreamResponse:
    body = await _body(request)
    try:
        async with asyncio.timeout(float(body.get("timeout", 30.0))):
            await request.app[DELIVERY].wait_idle()
    except TimeoutError:
        return web.json_response(
            {"settled": False, "pending": request.app[DELIVERY].pending}, status=504
        )
    return web.json_response({"settled": True, "deliveries": len(request.app[STATE].deliveries)})
