"""The browser path in a real headless Chromium: consent page -> loopback listener -> tokens."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from amo_desktop.core.browser import SystemBrowser
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.ports import port_is_free
from amo_desktop.core.service import READY_MESSAGE, AppCore, ProfileSession
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import make_core
from tests.fixtures.browser import BrowserAgent

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AgentFactory = Callable[[str], BrowserAgent]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def core(app_home: Path, credential_store: CredentialStore) -> AsyncIterator[AppCore]:
    # The sandbox runs on a custom loopback base, so Chromium can reach its consent page.
    core = make_core(app_home, credential_store, None, browser=SystemBrowser(), language="uk")
    yield core
    await core.aclose()


@pytest.fixture
async def session(core: AppCore, sandbox: SandboxServer) -> ProfileSession:
    redirect_uri = f"http://127.0.0.1:{free_port()}/callback"
    integration = sandbox.state.add_integration(redirect_uri, name="Локальний тест")
    session = core.session()
    await session.configure(
        domain=sandbox.base_url,
        client_id=integration.client_id,
        redirect_uri=redirect_uri,
        client_secret=integration.client_secret,
    )
    return session


async def agent_result(agent: BrowserAgent) -> dict[str, object]:
    return await asyncio.to_thread(agent.result, 90.0)


async def test_allow_saves_tokens(
    session: ProfileSession, core: AppCore, browser_agent: AgentFactory
) -> None:
    agent = browser_agent("allow")
    login = session.begin_browser_login(timeout=90)
    assert login.authorize_url.startswith(core.session().profile().address.base_url + "/oauth?")  # type: ignore[union-attr]
    info = await login.wait()
    assert login.opened
    assert info.kind == "oauth"
    assert await core.credentials.get_tokens("default") is not None
    seen = await agent_result(agent)
    assert "error" not in seen, seen
    assert "Дозвіл отримано" in str(seen["text"])  # the Ukrainian success page
    assert (await session.test_connection()).message == READY_MESSAGE


async def test_deny_is_access_denied(
    session: ProfileSession, core: AppCore, browser_agent: AgentFactory
) -> None:
    agent = browser_agent("deny")
    login = session.begin_browser_login(timeout=90)
    with pytest.raises(AmoError) as caught:
        await login.wait()
    assert caught.value.code is ErrorCode.ACCESS_DENIED
    seen = await agent_result(agent)
    assert "Доступ не надано" in str(seen["text"])
    assert await core.credentials.get_tokens("default") is None


async def test_forged_state_is_rejected_and_the_real_flow_completes(
    session: ProfileSession, core: AppCore, browser_agent: AgentFactory
) -> None:
    login = session.begin_browser_login(open_browser=False, timeout=120)
    assert not await login.browser_opened()
    waiting = asyncio.create_task(login.wait())
    forged = browser_agent("visit")
    assert await SystemBrowser().open(f"{login.redirect_uri}?code=def50200attacker&state=forged")
    seen = await agent_result(forged)
    assert "error" not in seen, seen
    assert "не належить до поточної авторизації" in str(seen["text"])
    assert not waiting.done()
    real = browser_agent("allow")
    assert await SystemBrowser().open(login.authorize_url)
    info = await waiting
    assert info.kind == "oauth"
    events = [entry.message for entry in core.logbook.recent() if entry.kind == "listener"]
    assert "ignored a redirect with a wrong or missing state" in events
    assert events[-1] == "browser redirect received"
    assert "Дозвіл отримано" in str((await agent_result(real))["text"])


async def test_port_taken(session: ProfileSession) -> None:
    profile = session.profile()
    assert profile is not None
    port = int(profile.redirect_uri.split(":")[2].split("/")[0])
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", port))
        blocker.listen()
        with pytest.raises(AmoError) as caught:
            session.begin_browser_login()
    assert caught.value.code is ErrorCode.PORT_IN_USE
    assert caught.value.details["port"] == str(port)


async def test_cancel_releases_the_port(session: ProfileSession) -> None:
    login = session.begin_browser_login(open_browser=False)
    waiting = asyncio.create_task(login.wait())
    login.cancel()
    with pytest.raises(AmoError) as caught:
        await waiting
    assert caught.value.code is ErrorCode.AUTH_CANCELLED
    assert 0 < login.seconds_left <= 300
    never_served = session.begin_browser_login(open_browser=False)  # the port is free again
    never_served.cancel()
    port = int(never_served.redirect_uri.split(":")[2].split("/")[0])
    assert port_is_free("127.0.0.1", port)
