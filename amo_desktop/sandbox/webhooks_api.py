"""``/api/v4/webhooks``: list, subscribe (upsert by destination), unsubscribe (fact sheet 5.1)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from aiohttp import web

from amo_desktop.core.webhooks.subscriptions import KNOWN_EVENTS
from amo_desktop.sandbox.appkeys import STATE
from amo_desktop.sandbox.models import Webhook
from amo_desktop.sandbox.problems import hal, invalid_type, problem, validation_failed
from amo_desktop.sandbox.requests_json import EMPTY, BadBody, read_json

routes = web.RouteTableDef()


def webhook_json(webhook: Webhook, account_id: int) -> dict[str, Any]:
    return {
        "id": webhook.id,
        "destination": webhook.destination,
        "created_at": webhook.created_at,
        "updated_at": webhook.updated_at,
        "account_id": account_id,
        "created_by": webhook.created_by,
        "sort": webhook.sort,
        "disabled": webhook.disabled,
        "settings": list(webhook.settings),
    }


def _is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _not_blank(path: str) -> dict[str, str]:
    return {"code": "NotBlank", "path": path, "detail": "This value should not be blank."}


async def _object_body(request: web.Request) -> dict[str, Any] | web.Response:
    try:
        data = await read_json(request)
    except BadBody:
        return problem(400, "Request body is not valid JSON")
    if data is EMPTY or data == {}:
        return problem(400, "Request data can not be empty")
    if not isinstance(data, dict):
        return invalid_type("object")
    return data


@routes.get("/api/v4/webhooks")
async def list_webhooks(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    hooks = sorted(state.webhooks, key=lambda w: (w.sort, w.id))
    destination = request.query.get("filter[destination]")
    if destination is not None:
        hooks = [w for w in hooks if w.destination == destination]
    if not hooks:
        return web.Response(status=204)
    return hal(
        {
            "_total_items": len(hooks),
            "_embedded": {"webhooks": [webhook_json(w, state.account.id) for w in hooks]},
        }
    )


@routes.post("/api/v4/webhooks")
async def subscribe(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    data = await _object_body(request)
    if isinstance(data, web.Response):
        return data
    destination, settings, sort = data.get("destination"), data.get("settings"), data.get("sort")
    errors = []
    if not isinstance(destination, str) or not destination:
        errors.append(_not_blank("destination"))
    if not isinstance(settings, list) or not settings:
        errors.append(_not_blank("settings"))
    if sort is not None and (not isinstance(sort, int) or isinstance(sort, bool)):
        errors.append(
            {"code": "InvalidType", "path": "sort", "detail": "This value should be of type int."}
        )
    if errors:
        return validation_failed([{"request_id": "0", "errors": errors}])
    assert isinstance(destination, str) and isinstance(settings, list)
    if not _is_url(destination):
        return problem(422, "destination: This value is not a valid URL.")
    unknown = [str(e) for e in settings if e not in KNOWN_EVENTS]
    if unknown:
        return problem(422, f"settings: unknown event(s) {', '.join(unknown)}")
    now = state.clock.now_int()
    webhook = state.webhook_by_destination(destination)
    if webhook is None:
        if len(state.webhooks) >= state.max_webhooks:
            return problem(422, f"An account can have at most {state.max_webhooks} webhooks")
        webhook = Webhook(
            id=state.new_webhook_id(),
            destination=destination,
            settings=[],
            sort=sort if sort is not None else 1,
            created_at=now,
            updated_at=now,
            created_by=state.account.current_user_id,
        )
        state.webhooks.append(webhook)
    # Subscribing again replaces the events and switches a disabled hook back on.
    webhook.settings = list(dict.fromkeys(settings))
    if sort is not None:
        webhook.sort = sort
    webhook.updated_at = now
    webhook.disabled = False
    webhook.disabled_reason = None
    webhook.invalid_response_times.clear()
    return hal(webhook_json(webhook, state.account.id), status=201)


@routes.delete("/api/v4/webhooks")
async def unsubscribe(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    data = await _object_body(request)
    if isinstance(data, web.Response):
        return data
    destination = data.get("destination")
    if not isinstance(destination, str) or not destination:
        return validation_failed([{"request_id": "0", "errors": [_not_blank("destination")]}])
    webhook = state.webhook_by_destination(destination)
    if webhook is None:
        return problem(404, "Webhook not found")
    state.webhooks.remove(webhook)
    return web.Response(status=204)
