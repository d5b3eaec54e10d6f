"""Fixtures shared by the core's facade tests: an AppCore on the in-process sandbox, a
session configured for its demo integration, and one signed in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import configure_demo, make_core
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
