"""Send real-platform URLs (``https://demo.amocrm.ru/...``) to the sandbox over loopback.

Core code builds amoCRM/Kommo URLs exactly as in production; this transport rewrites only
the connection target (scheme, host, port) and keeps the original ``Host`` header, so the
sandbox still sees which account, ``www`` or stranger host the client meant.
"""

from __future__ import annotations

import re

import httpx

PLATFORM_HOST = re.compile(r"^(?:[a-z0-9-]+\.)*(?:amocrm\.ru|amocrm\.com|kommo\.com)$")


def is_platform_host(host: str) -> bool:
    return PLATFORM_HOST.match(host.lower()) is not None


def _rerouted(request: httpx.Request, sandbox_host: str, sandbox_port: int) -> httpx.Request:
    # request.headers already holds "Host: demo.amocrm.ru"; only the socket target changes.
    request.url = request.url.copy_with(scheme="http", host=sandbox_host, port=sandbox_port)
    return request


class SandboxRoutingTransport(httpx.AsyncBaseTransport):
    """Async transport: platform hosts go to the sandbox, everything else goes out as is."""

    def __init__(self, sandbox_base_url: str, inner: httpx.AsyncBaseTransport | None = None):
        target = httpx.URL(sandbox_base_url)
        self._host = target.host
        self._port = target.port or 80
        self._inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if is_platform_host(request.url.host):
            request = _rerouted(request, self._host, self._port)
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


class SandboxRoutingSyncTransport(httpx.BaseTransport):
    """The same for blocking ``httpx.Client`` code."""

    def __init__(self, sandbox_base_url: str, inner: httpx.BaseTransport | None = None):
        target = httpx.URL(sandbox_base_url)
        self._host = target.host
        self._port = target.port or 80
        self._inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if is_platform_host(request.url.host):
            request = _rerouted(request, self._host, self._port)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()
