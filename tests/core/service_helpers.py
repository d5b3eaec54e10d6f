"""Building an AppCore wired to the sandbox for facade tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from aiohttp import web

from amo_desktop.core.browser import Browser
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.redact import Redactor
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.sandbox import SandboxServer


def make_core(
    home: Path,
    credentials: CredentialStore,
    transport: httpx.AsyncBaseTransport | None,
    browser: Browser | None = None,
    language: str = "en",
    http_timeout: float = 20.0,
) -> AppCore:
    return AppCore(
        home=home,
        credentials=credentials,
        logbook=Logbook.under(home, redactor=Redactor()),
        browser=browser,
        transport=transport,
        language=language,
        http_timeout=http_timeout,
    )


async def configure_demo(
    session: ProfileSession,
    sandbox: SandboxServer,
    *,
    domain: str = "demo.amocrm.ru",
    redirect_uri: str | None = None,
    backend_url: str | None = None,
) -> None:
    integration = sandbox.state.demo_integration
    if redirect_uri is not None:
        integration.redirect_uri = redirect_uri
    await session.configure(
        domain=domain,
        client_id=integration.client_id,
        redirect_uri=integration.redirect_uri,
        client_secret=integration.client_secret,
        backend_url=backend_url,
    )


# A throwaway local server's request handler, and the ``local_server`` fixture's starter.
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Serve = Callable[[Handler], Awaitable[str]]
