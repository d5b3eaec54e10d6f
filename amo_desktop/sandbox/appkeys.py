"""Typed keys for what the aiohttp application and each request carry."""

from __future__ import annotations

from contextvars import ContextVar, Token
from dataclasses import dataclass

from aiohttp import web

from amo_desktop.sandbox.hosts import RequestHost
from amo_desktop.sandbox.ratelimit import RateLimiter
from amo_desktop.sandbox.state import SandboxState
from amo_desktop.sandbox.webhook_delivery import WebhookDelivery


@dataclass
class PendingConsent:
    """A consent page that was shown and awaits Allow or Deny."""

    client_id: str
    state: str | None
    referer: str
    platform: int


STATE = web.AppKey("state", SandboxState)
DELIVERY = web.AppKey("delivery", WebhookDelivery)
LIMITER = web.AppKey("limiter", RateLimiter)
CONSENTS = web.AppKey("consents", dict[str, PendingConsent])


@dataclass
class RequestContext:
    """What the middleware learnt about the request being served."""

    host: RequestHost
    client_id: str | None = None


# aiohttp serves each request in its own task, so a context variable is per request.
_CURRENT: ContextVar[RequestContext] = ContextVar("sandbox_request")


def begin_request(context: RequestContext) -> Token[RequestContext]:
    return _CURRENT.set(context)


def end_request(token: Token[RequestContext]) -> None:
    _CURRENT.reset(token)


def current() -> RequestContext:
    return _CURRENT.get()
