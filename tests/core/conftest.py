"""Fixtures shared by the core's facade tests: an AppCore on the in-process sandbox, a
session configured for its demo integration, one signed in, and throwaway local servers
standing in for the company's backend."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import Handler, Serve, configure_demo, make_core
from tests.support.routing_transport import SandboxRoutingTransport


@pytest.fixture
async def core(
    app_home: Path, credential_store: CredentialStore, sandbox_transport: SandboxRoutingTransport
) -> AsyncIterator[AppCore]:
    core = make_core(app_home, credential_store, sandbox_transport)
    yield core
    await core.aclose()


@pytest.fixture
async def session(core: AppCore, sandbox: SandboxServer) -> ProfileSession:
    session = core.session()
    await configure_demo(session, sandbox)
    return session


@pytest.fixture
async def logged_in(session: ProfileSession, sandbox: SandboxServer) -> ProfileSession:
    await session.login_with_code(sandbox.state.issue_authorization_code())
    return session


@pytest.fixture
async def local_server() -> AsyncIterator[Serve]:
    """Starts servers on 127.0.0.1 that send every request to one handler; gives the base URL."""
    runners: list[web.AppRunner] = []

    async def serve(handler: Handler) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handler)
        runner = web.AppRunner(app, shutdown_timeout=0.1)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        runners.append(runner)
        host, port = runner.addresses[0][:2]
        return f"http://{host}:{port}"

    yield serve
    for runner in runners:
        await runner.cleanup()
