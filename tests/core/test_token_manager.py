"""TokenManager against the sandbox's token endpoint and a keyring."""

from __future__ import annotations

import asyncio
import stat
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import filelock
import httpx
import pytest

from amo_desktop.core.api import AmoApiClient
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.oauth import exchange_code
from amo_desktop.core.ratelimit import RateLimiter
from amo_desktop.core.redact import Redactor
from amo_desktop.core.token_manager import LOCK_FILE_NAME, TokenManager
from amo_desktop.core.tokens import TokenSet
from amo_desktop.sandbox import SandboxServer
from tests.core.token_helpers import DEMO, PROFILE, Clock, SignedIn, sign_in
from tests.support.routing_transport import SandboxRoutingTransport

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=[True, False], ids=["grace", "no grace"])
def grace(request: pytest.FixtureRequest, sandbox: SandboxServer) -> bool:
    """amo's rotation grace (documented on Kommo, unconfirmed on amocrm.ru): the client must
    be right with it and without it."""
    sandbox.state.refresh_grace = request.param
    return bool(request.param)


@pytest.fixture
async def signed_in(
    sandbox: SandboxServer,
    sandbox_transport: SandboxRoutingTransport,
    credential_store: CredentialStore,
) -> AsyncIterator[SignedIn]:
    async with httpx.AsyncClient(transport=sandbox_transport) as http:
        yield await sign_in(sandbox, http, credential_store)


def manager_for(
    signed_in: SignedIn,
    tmp_path: Path,
    clock: Clock | None = None,
    owner: str = "desktop",
    logbook: Logbook | None = None,
) -> TokenManager:
    return TokenManager(
        PROFILE,
        signed_in.credentials,
        signed_in.refresher,
        tmp_path / "profile",
        clock or Clock(),
        owner=lambda: owner,  # type: ignore[arg-type,return-value]
        logbook=logbook,
    )


def api_for(signed_in: SignedIn, manager: TokenManager) -> AmoApiClient:
    return AmoApiClient(signed_in.http, DEMO, manager, RateLimiter())


async def test_fresh_token_is_used_as_is(signed_in: SignedIn, tmp_path: Path) -> None:
    manager = manager_for(signed_in, tmp_path)
    assert await manager.access_token() == signed_in.tokens.access_token
    assert signed_in.refreshes() == 0


async def test_proactive_refresh_five_minutes_ahead(signed_in: SignedIn, tmp_path: Path) -> None:
    await signed_in.store(expires_at=Clock()() + 4 * 60)  # 4 minutes left
    manager = manager_for(signed_in, tmp_path)
    token = await manager.access_token()
    assert token != signed_in.tokens.access_token
    assert signed_in.refreshes() == 1
    stored = await signed_in.credentials.get_tokens(PROFILE)
    assert stored is not None and stored.access_token == token
    assert stored.refresh_token != signed_in.tokens.refresh_token
    # The new pair works and is not refreshed again.
    assert (await api_for(signed_in, manager).account()).subdomain == "demo"
    assert signed_in.refreshes() == 1


async def test_the_lock_file_is_the_owners_alone(signed_in: SignedIn, tmp_path: Path) -> None:
    await signed_in.store(expires_at=Clock()() + 30)
    manager = manager_for(signed_in, tmp_path)
    await manager.access_token()
    lock = tmp_path / "profile" / LOCK_FILE_NAME
    assert lock.exists()
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert stat.S_IMODE(lock.parent.stat().st_mode) == 0o700


async def test_concurrent_callers_share_one_refresh(signed_in: SignedIn, tmp_path: Path) -> None:
    await signed_in.store(expires_at=Clock()() + 30)
    manager = manager_for(signed_in, tmp_path)
    tokens = await asyncio.gather(*(manager.access_token() for _ in range(5)))
    assert len(set(tokens)) == 1
    assert signed_in.refreshes() == 1


async def test_refresh_on_401_exactly_once(signed_in: SignedIn, tmp_path: Path) -> None:
    # The keyring holds an access token amo no longer accepts (revoked by the sandbox).
    await signed_in.store(access_token=signed_in.tokens.access_token + "x")
    manager = manager_for(signed_in, tmp_path)
    account = await api_for(signed_in, manager).account()
    assert account.id == signed_in.sandbox.state.account.id
    assert signed_in.refreshes() == 1
    assert signed_in.sandbox.state.request_count("/api/v4/account") == 2


async def test_second_401_after_refresh_is_unauthorized(
    signed_in: SignedIn, tmp_path: Path
) -> None:
    signed_in.sandbox.state.inject("/api/v4/account", 401, times=2)
    manager = manager_for(signed_in, tmp_path)
    with pytest.raises(AmoError) as caught:
        await api_for(signed_in, manager).account()
    assert caught.value.code is ErrorCode.UNAUTHORIZED
    assert signed_in.refreshes() == 1
    assert signed_in.sandbox.state.request_count("/api/v4/account") == 2


async def test_a_refreshed_pair_the_keyring_refuses_is_kept_unused_and_saved_later(
    signed_in: SignedIn, tmp_path: Path, memory_keyring: MemoryKeyring, grace: bool
) -> None:
    previous = await signed_in.store(expires_at=Clock()() + 30)
    memory_keyring.crash_after_writes = memory_keyring.writes  # writes fail from now on
    logbook = Logbook(None, Redactor())
    manager = manager_for(signed_in, tmp_path, logbook=logbook)
    with pytest.raises(AmoError) as caught:
        await manager.access_token()
    assert caught.value.code is ErrorCode.TOKENS_NOT_SAVED
    assert caught.value.details["profile"] == PROFILE
    # The person reads what happened and what to do, in both languages, storage named.
    english, ukrainian = caught.value.localized("en"), caught.value.localized("uk")
    assert "may already have cancelled the previous tokens" in english.message
    assert "могла вже скасувати попередні токени" in ukrainian.message
    assert "Keep this program open" in english.hint and "Не закривайте програму" in ukrainian.hint
    assert "Unlock" in english.hint and "Розблокуйте" in ukrainian.hint
    assert "…" not in english.message + ukrainian.message + english.hint + ukrainian.hint
    assert any("could not be saved" in line for line in logbook.format_lines())
    assert await signed_in.credentials.get_tokens(PROFILE) == previous
    # Still refused: the kept pair is neither dropped, nor refreshed again, nor handed out.
    with pytest.raises(AmoError) as again:
        await manager.access_token()
    assert again.value.code is ErrorCode.TOKENS_NOT_SAVED
    assert signed_in.refreshes() == 1
    # The storage works again: the kept pair is saved and used, with no second refresh ...
    memory_keyring.crash_after_writes = None
    token = await manager.access_token()
    assert signed_in.refreshes() == 1
    stored = await signed_in.credentials.get_tokens(PROFILE)
    assert stored is not None and stored.access_token == token != previous.access_token
    # ... and it is live whether or not amo kept the previous pair alive meanwhile.
    assert (await api_for(signed_in, manager).account()).subdomain == "demo"
    assert stored.refresh_token is not None
    assert (await signed_in.refresher(stored.refresh_token)).access_token


async def test_a_kept_pair_yields_to_a_live_pair_another_program_saved(
    signed_in: SignedIn, tmp_path: Path, memory_keyring: MemoryKeyring, grace: bool
) -> None:
    """This program cannot save its new pair; another one refreshes the stored pair then."""
    previous = await signed_in.store(expires_at=Clock()() + 30)
    memory_keyring.crash_after_writes = memory_keyring.writes
    manager = manager_for(signed_in, tmp_path)
    with pytest.raises(AmoError):
        await manager.access_token()
    memory_keyring.crash_after_writes = None
    other_program = manager_for(signed_in, tmp_path)
    if grace:
        # The kept pair was never used, so the stored one still refreshes elsewhere ...
        assert await other_program.access_token() != previous.access_token
    else:
        # ... while without the grace the kept pair is the only live one.
        with pytest.raises(AmoError) as revoked:
            await other_program.access_token()
        assert revoked.value.code is ErrorCode.REFRESH_TOKEN_REVOKED
    token = await manager.access_token()
    stored = await signed_in.credentials.get_tokens(PROFILE)
    assert stored is not None and token == stored.access_token
    assert (await api_for(signed_in, manager).account()).subdomain == "demo"
    assert signed_in.refreshes() == 2


async def test_a_keyring_that_locks_during_the_refresh_loses_nothing(
    signed_in: SignedIn, tmp_path: Path, memory_keyring: MemoryKeyring, grace: bool
) -> None:
    """Even the check before saving may fail to read: the new pair is kept all the same."""
    await signed_in.store(expires_at=Clock()() + 30)

    async def refresh_then_lock(refresh_token: str) -> TokenSet:
        fresh = await signed_in.refresher(refresh_token)
        memory_keyring.locked = True
        return fresh

    manager = TokenManager(
        PROFILE, signed_in.credentials, refresh_then_lock, tmp_path / "profile", Clock()
    )
    with pytest.raises(AmoError) as caught:
        await manager.access_token()
    assert caught.value.code is ErrorCode.TOKENS_NOT_SAVED
    assert ErrorCode.KEYRING_LOCKED.value in caught.value.debug
    memory_keyring.locked = False
    token = await manager.access_token()
    assert signed_in.refreshes() == 1
    stored = await signed_in.credentials.get_tokens(PROFILE)
    assert stored is not None and stored.access_token == token
    assert (await api_for(signed_in, manager).account()).subdomain == "demo"


async def test_a_kept_pair_is_saved_before_the_pair_is_handed_on_and_dropped_on_sign_out(
    signed_in: SignedIn, tmp_path: Path, memory_keyring: MemoryKeyring, grace: bool
) -> None:
    previous = await signed_in.store(expires_at=Clock()() + 30)
    memory_keyring.crash_after_writes = memory_keyring.writes
    manager = manager_for(signed_in, tmp_path)
    with pytest.raises(AmoError):
        await manager.access_token()
    # A hand-over must not send the stored pair, which may be dead: it is refused ...
    for read in ("stored", "fresh"):
        async with manager.exclusive() as held:
            with pytest.raises(AmoError) as refused:
                await getattr(held, read)()
        assert refused.value.code is ErrorCode.TOKENS_NOT_SAVED
    # ... until the storage works: then the kept pair is saved first and handed on.
    memory_keyring.crash_after_writes = None
    async with manager.exclusive() as held:
        handed_on = await held.stored()
    assert handed_on != previous and handed_on.refresh_token is not None
    assert await signed_in.credentials.get_tokens(PROFILE) == handed_on
    assert signed_in.refreshes() == 1
    # A sign-out, which removes the pair on purpose, drops a kept pair for good.
    assert handed_on.refresh_token is not None
    await signed_in.store(
        access_token=handed_on.access_token,
        refresh_token=handed_on.refresh_token,
        expires_at=Clock()() + 30,
    )
    manager.forget()
    memory_keyring.crash_after_writes = memory_keyring.writes
    with pytest.raises(AmoError) as kept_again:
        await manager.access_token()
    assert kept_again.value.code is ErrorCode.TOKENS_NOT_SAVED
    async with manager.exclusive():  # what the service's logout does
        await signed_in.credentials.delete_tokens(PROFILE)
    manager.forget()
    memory_keyring.crash_after_writes = None
    with pytest.raises(AmoError) as signed_out:
        await manager.access_token()
    assert signed_out.value.code is ErrorCode.NOT_LOGGED_IN
    assert await signed_in.credentials.get_tokens(PROFILE) is None
    assert signed_in.refreshes() == 2


async def test_long_lived_token_is_never_refreshed(signed_in: SignedIn, tmp_path: Path) -> None:
    long_lived = TokenSet.from_long_lived(
        signed_in.sandbox.state.issue_long_lived_token(days=1), Clock()()
    )
    await signed_in.credentials.set_tokens(PROFILE, long_lived)
    clock = Clock()
    manager = manager_for(signed_in, tmp_path, clock)
    clock.offset = long_lived.expires_at - clock() - 60  # a minute left: still used
    assert await manager.access_token() == long_lived.access_token
    clock.offset += 120
    with pytest.raises(AmoError) as expired:
        await manager.access_token()
    assert expired.value.code is ErrorCode.TOKEN_EXPIRED
    with pytest.raises(AmoError) as unauthorized:
        await manager.refresh_after_unauthorized(long_lived.access_token)
    assert unauthorized.value.code is ErrorCode.UNAUTHORIZED
    assert signed_in.refreshes() == 0


async def test_backend_owned_tokens_are_never_refreshed(
    signed_in: SignedIn, tmp_path: Path
) -> None:
    await signed_in.store(access_token=signed_in.tokens.access_token + "x")
    manager = manager_for(signed_in, tmp_path, owner="backend")
    with pytest.raises(AmoError) as caught:
        await api_for(signed_in, manager).account()
    assert caught.value.code is ErrorCode.TOKENS_OWNED_BY_BACKEND
    await signed_in.store(expires_at=Clock()() - 1)
    manager.forget()
    with pytest.raises(AmoError) as expired:
        await manager.access_token()
    assert expired.value.code is ErrorCode.TOKENS_OWNED_BY_BACKEND
    assert signed_in.refreshes() == 0


async def test_not_logged_in(credential_store: CredentialStore, tmp_path: Path) -> None:
    async def never(refresh_token: str) -> TokenSet:
        raise AssertionError("no refresh without tokens")

    manager = TokenManager(PROFILE, credential_store, never, tmp_path, Clock())
    with pytest.raises(AmoError) as caught:
        await manager.access_token()
    assert caught.value.code is ErrorCode.NOT_LOGGED_IN


async def test_a_cancelled_wait_for_the_lock_never_leaves_it_taken(
    credential_store: CredentialStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def never(refresh_token: str) -> TokenSet:
        raise AssertionError("no refresh here")

    manager = TokenManager(PROFILE, credential_store, never, tmp_path, Clock())
    other_process = filelock.FileLock(tmp_path / LOCK_FILE_NAME, thread_local=False)
    other_process.acquire()
    entered = asyncio.Event()

    # The manager has begun to wait once it tries the lock (in a worker thread or on the loop).
    waiting_for_it = threading.Event()
    real_acquire = filelock.BaseFileLock.acquire

    def observed_acquire(lock: filelock.BaseFileLock, *args: Any, **kwargs: Any) -> Any:
        waiting_for_it.set()
        return real_acquire(lock, *args, **kwargs)

    monkeypatch.setattr(filelock.BaseFileLock, "acquire", observed_acquire)

    async def wait_for_the_lock() -> None:
        async with manager._file_lock():
            entered.set()

    waiting = asyncio.create_task(wait_for_the_lock())
    assert await asyncio.to_thread(waiting_for_it.wait, 10)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    other_process.release()  # now an abandoned waiter would get the lock ...
    after = filelock.FileLock(tmp_path / LOCK_FILE_NAME, thread_local=False)
    # ... and must give it back: otherwise this waits in vain and raises Timeout.
    await asyncio.to_thread(after.acquire, timeout=10)
    after.release()
    assert not entered.is_set()


@pytest.mark.parametrize("meanwhile", ["signed out", "handed to the backend", "signed in anew"])
async def test_a_pair_changed_during_the_refresh_is_not_overwritten(
    signed_in: SignedIn, tmp_path: Path, meanwhile: str, grace: bool
) -> None:
    """A program that skips the lock changes the stored pair while amo answers the refresh."""
    previous = await signed_in.store(expires_at=Clock()() + 30)
    owner = ["desktop"]
    newer: list[TokenSet] = []

    async def refresh_then_interfere(refresh_token: str) -> TokenSet:
        fresh = await signed_in.refresher(refresh_token)
        if meanwhile == "signed out":
            await signed_in.credentials.delete_tokens(PROFILE)
        elif meanwhile == "handed to the backend":
            owner[0] = "backend"
        else:
            code = signed_in.sandbox.state.issue_authorization_code()
            integration = signed_in.sandbox.state.demo_integration
            newer.append(
                await exchange_code(
                    signed_in.http,
                    DEMO,
                    integration.client_id,
                    integration.client_secret,
                    code,
                    integration.redirect_uri,
                )
            )
            await signed_in.credentials.set_tokens(PROFILE, newer[0])
        return fresh

    logbook = Logbook(None, Redactor())
    manager = TokenManager(
        PROFILE,
        signed_in.credentials,
        refresh_then_interfere,
        tmp_path / "profile",
        Clock(),
        owner=lambda: owner[0],  # type: ignore[arg-type,return-value]
        logbook=logbook,
    )
    stored_after: TokenSet | None
    if meanwhile == "signed in anew":
        assert await manager.access_token() == newer[0].access_token
        stored_after = await signed_in.credentials.get_tokens(PROFILE)
        assert stored_after == newer[0]
        # The new sign-in is independent of the pair refreshed: it works either way.
        assert (await api_for(signed_in, manager).account()).subdomain == "demo"
        assert newer[0].refresh_token is not None
        assert (await signed_in.refresher(newer[0].refresh_token)).access_token
        return
    with pytest.raises(AmoError) as caught:
        await manager.access_token()
    expected = {
        "signed out": ErrorCode.NOT_LOGGED_IN,
        "handed to the backend": ErrorCode.TOKENS_OWNED_BY_BACKEND,
    }[meanwhile]
    assert caught.value.code is expected
    stored_after = await signed_in.credentials.get_tokens(PROFILE)
    if meanwhile == "signed out":
        assert stored_after is None
        return
    assert stored_after == previous
    assert previous.refresh_token is not None
    if grace:
        # The new pair was never used, so the pair the backend took still refreshes ...
        handed_on = await signed_in.refresher(previous.refresh_token)
        assert handed_on.access_token != previous.access_token
    else:
        # ... and without the grace it is dead whatever this program does: the log says to
        # sign in again and send the backend the new tokens.
        with pytest.raises(AmoError) as revoked:
            await signed_in.refresher(previous.refresh_token)
        assert revoked.value.code is ErrorCode.REFRESH_TOKEN_REVOKED
    assert any("sign in again and send it" in line for line in logbook.format_lines())


async def test_cancelling_a_wait_for_the_lock_lets_the_program_end_at_once(
    tmp_path: Path,
) -> None:
    """Ctrl-C while another program refreshes: ``asyncio.run`` must return, not wait it out."""
    lock_dir = tmp_path / "profile"
    lock_dir.mkdir()
    other_process = filelock.FileLock(lock_dir / LOCK_FILE_NAME, thread_local=False)
    other_process.acquire()
    try:
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.core.lock_wait_worker", str(lock_dir)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            # The lock stays taken all along: a waiter left in a thread would hold up the exit.
            out, err = worker.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.communicate()
            pytest.fail("the program did not end while the lock stayed taken")
    finally:
        other_process.release()
    assert worker.returncode == 0, err
    assert out.split() == ["cancelled", "ended"]
