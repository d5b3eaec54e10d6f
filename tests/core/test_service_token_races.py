"""Sign-in, sign-out, hand-over and deletion while another program refreshes the same profile.

The other program is a second :class:`AppCore` on the same home folder and keyring: its own
session, its own in-process lock and cache, and the same lock file, as a second window or a
command running next to the GUI would have. Its refresh is paused right after amo answered
(the old pair is spent, the new one not saved yet), the worst moment for anything else to
touch the stored pair. The operation under test starts then; the refresh goes on as soon as
the operation waits for the lock (or, without the lock, once it has finished).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable
from pathlib import Path
from typing import Any, TypeVar

import filelock
import pytest
from aiohttp import web

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.models import TokenInfo
from amo_desktop.core.oauth import refresh_tokens
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.core.tokens import TokenSet
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import Serve, make_core
from tests.support.routing_transport import SandboxRoutingTransport

T = TypeVar("T")


@pytest.fixture
async def other_program(
    logged_in: ProfileSession,
    app_home: Path,
    credential_store: CredentialStore,
    sandbox_transport: SandboxRoutingTransport,
) -> AsyncIterator[ProfileSession]:
    other = make_core(app_home, credential_store, sandbox_transport)
    yield other.session()
    await other.aclose()


class PausedRefresh:
    """The other program's refresh, held after amo answered and before the save."""

    def __init__(self, session: ProfileSession) -> None:
        self.answered = asyncio.Event()
        self.go_on = asyncio.Event()
        self.fresh: list[TokenSet] = []
        tokens = session._tokens
        real = tokens._refresher

        async def paused(refresh_token: str) -> TokenSet:
            fresh = await real(refresh_token)
            self.fresh.append(fresh)
            self.answered.set()
            await self.go_on.wait()
            return fresh

        tokens._refresher = paused
        self.task: asyncio.Task[TokenInfo] = asyncio.create_task(session.refresh_now())

    async def alongside(self, operation: Awaitable[T], monkeypatch: pytest.MonkeyPatch) -> T:
        """Run ``operation`` while the refresh is paused; let it go on once that one waits."""
        await self.answered.wait()
        loop = asyncio.get_running_loop()
        lock_found_taken = asyncio.Event()
        real_acquire = filelock.BaseFileLock.acquire

        def observed_acquire(lock: filelock.BaseFileLock, *args: Any, **kwargs: Any) -> Any:
            try:
                return real_acquire(lock, *args, **kwargs)
            except filelock.Timeout:
                loop.call_soon_threadsafe(lock_found_taken.set)
                raise

        monkeypatch.setattr(filelock.BaseFileLock, "acquire", observed_acquire)
        running = asyncio.ensure_future(operation)
        waiting = asyncio.create_task(lock_found_taken.wait())
        await asyncio.wait({running, waiting}, return_when=asyncio.FIRST_COMPLETED)
        waiting.cancel()
        self.go_on.set()
        await self.task
        return await running


@pytest.fixture
async def backend(local_server: Serve) -> tuple[str, list[dict[str, object]]]:
    """A backend that records what set-tokens receives."""
    received: list[dict[str, object]] = []

    async def set_tokens(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.json_response({"ok": True})

    return await local_server(set_tokens), received


async def test_the_backend_gets_the_pair_a_concurrent_refresh_saved(
    logged_in: ProfileSession,
    other_program: ProfileSession,
    sandbox: SandboxServer,
    backend: tuple[str, list[dict[str, object]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, received = backend
    refresh = PausedRefresh(other_program)

    await refresh.alongside(logged_in.push_tokens(url), monkeypatch)

    handed = received[-1]["refresh_token"]
    # (Compared apart from the assert, so that a failure never prints a token.)
    got_the_saved_pair = handed == refresh.fresh[0].refresh_token
    assert got_the_saved_pair, "the backend got the pair the other program's refresh spent"
    # The other program goes on with its new pair; amo then revokes the previous one.
    await other_program.test_connection()
    profile = logged_in.profile()
    assert profile is not None and profile.token_owner == "backend"
    integration = sandbox.state.demo_integration
    # The backend's first refresh with what it was given works.
    assert isinstance(handed, str)
    await refresh_tokens(
        logged_in.http,
        profile.address,
        profile.client_id,
        integration.client_secret,
        handed,
        profile.redirect_uri,
    )


async def test_signing_out_during_a_refresh_elsewhere_leaves_no_tokens(
    logged_in: ProfileSession,
    other_program: ProfileSession,
    core: AppCore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refresh = PausedRefresh(other_program)

    await refresh.alongside(logged_in.logout(), monkeypatch)

    left_behind = await core.credentials.get_tokens("default")
    assert left_behind is None, "a live pair came back after signing out"


async def test_deleting_a_profile_during_a_refresh_elsewhere_leaves_no_keyring_entry(
    logged_in: ProfileSession,
    other_program: ProfileSession,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refresh = PausedRefresh(other_program)

    await refresh.alongside(logged_in.delete(), monkeypatch)

    assert [name for _, name in memory_keyring.entries if name.startswith("default:")] == []


async def test_a_new_sign_in_is_not_overwritten_by_a_refresh_elsewhere(
    logged_in: ProfileSession,
    other_program: ProfileSession,
    core: AppCore,
    sandbox: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refresh = PausedRefresh(other_program)
    code = sandbox.state.issue_authorization_code()

    await refresh.alongside(logged_in.login_with_code(code), monkeypatch)

    stored = await core.credentials.get_tokens("default")
    assert stored is not None
    kept_the_sign_in = stored.refresh_token != refresh.fresh[0].refresh_token
    assert kept_the_sign_in, "the refresh of the previous pair overwrote the new sign-in"
    await logged_in.test_connection()


async def test_a_renamed_profile_keeps_the_pair_a_concurrent_refresh_saved(
    logged_in: ProfileSession,
    other_program: ProfileSession,
    core: AppCore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refresh = PausedRefresh(other_program)

    renamed = await refresh.alongside(logged_in.rename("shop"), monkeypatch)

    assert renamed.name == "shop"
    moved = await core.credentials.get_tokens("shop")
    assert moved is not None
    # (Compared apart from the assert, so that a failure never prints a token.)
    kept_the_live_pair = moved.refresh_token == refresh.fresh[0].refresh_token
    assert kept_the_live_pair, "the renamed profile holds the pair the refresh spent"
    assert await core.credentials.get_tokens("default") is None
