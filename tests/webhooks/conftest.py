"""Real loopback peers for the webhook tests: a journal, a receiver, a capturing backend."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web

from amo_desktop.core.webhooks.journal import WebhookJournal

PAYLOADS = Path(__file__).parent / "payloads"
FORM = "application/x-www-form-urlencoded"
AMO_HEADERS = {
    "Content-Type": FORM,
    "User-Agent": "amoCRM-Webhooks/3.0",
    "X-Amocrm-Requestid": "4c1f6f3e-94b5-4d0a-9a53-2d3f0d0c0001",
}


def payload(name: str) -> bytes:
    return (PAYLOADS / f"{name}.form").read_bytes().strip()


@pytest.fixture
async def journal(tmp_path: Path) -> AsyncIterator[WebhookJournal]:
    journal = WebhookJournal(tmp_path / "profile" / "webhooks")
    yield journal
    await journal.close()


@dataclass
class Captured:
    body: bytes
    headers: dict[str, str]
    query: str = ""


@dataclass
class Backend:
    """A loopback HTTP server standing in for the company's backend."""

    url: str
    received: asyncio.Queue[Captured] = field(default_factory=asyncio.Queue)
    release: asyncio.Event = field(default_factory=asyncio.Event)


@pytest.fixture
async def backend_factory() -> AsyncIterator[Callable[..., Awaitable[Backend]]]:
    runners: list[web.AppRunner] = []
    backends: list[Backend] = []

    async def start(*, status: int = 200, hang: bool = False) -> Backend:
        holder: list[Backend] = []

        async def handle(request: web.Request) -> web.Response:
            backend = holder[0]
            body = await request.read()
            await backend.received.put(Captured(body, dict(request.headers), request.query_string))
            if hang:
                await backend.release.wait()
            return web.Response(status=status, text="backend")

        app = web.Application()
        app.router.add_post("/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        backend = Backend(url=f"http://127.0.0.1:{port}/api/v1/integrations/amo-crm/webhook")
        holder.append(backend)
        runners.append(runner)
        backends.append(backend)
        return backend

    yield start
    for backend in backends:
        backend.release.set()
    for runner in runners:
        await runner.cleanup()
