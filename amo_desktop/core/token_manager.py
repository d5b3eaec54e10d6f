"""A valid access token on demand, with exactly one refresher at a time.

amoCRM rotates both tokens on every refresh, and the old refresh token dies once the new pair
is used. Two refreshers racing each other (two windows, the GUI and a CLI command) would
leave one of them with a dead pair, so refreshing happens under an asyncio lock *and* a file
lock in the profile folder, the stored pair is re-read under the lock (someone else may have
refreshed already), and the new pair is saved to the keyring before anyone uses it. Whatever
else writes or deletes the stored pair (sign-in, sign-out, handing the tokens to the backend,
deleting the profile) holds the same lock through :meth:`TokenManager.exclusive`.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Protocol

import filelock

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.models import TokenOwner
from amo_desktop.core.paths import ensure_private_dir
from amo_desktop.core.tokens import TokenSet

REFRESH_MARGIN = 5 * 60.0
LOCK_FILE_NAME = "tokens.lock"
# Between two tries for a lock another program holds (it is held for one token request).
LOCK_POLL_INTERVAL = 0.05

OAuthRefresher = Callable[[str], Awaitable[TokenSet]]


class TokenVault(Protocol):
    """The part of :class:`CredentialStore` the token manager needs."""

    async def get_tokens(self, profile: str) -> TokenSet | None: ...

    async def set_tokens(self, profile: str, tokens: TokenSet) -> None: ...


class TokenManager:
    """Hands out access tokens for one profile and refreshes them safely.

    Args:
        profile_name: the keyring entries to use.
        credentials: the keyring store.
        oauth_refresher: ``await oauth_refresher(refresh_token)`` -> new :class:`TokenSet`
            (calls the token endpoint of the right account with the client secret).
        lock_dir: the profile folder; holds the cross-process lock file.
        clock: seconds since the epoch (tests move it forward).
        owner: who refreshes the tokens; the backend's tokens are never refreshed here.
        lock_timeout: how long to wait for another process's refresh.
    """

    def __init__(
        self,
        profile_name: str,
        credentials: TokenVault,
        oauth_refresher: OAuthRefresher,
        lock_dir: Path,
        clock: Callable[[], float] = time.time,
        *,
        owner: Callable[[], TokenOwner] = lambda: "desktop",
        logbook: Logbook | None = None,
        lock_timeout: float = 60.0,
    ) -> None:
        self._profile = profile_name
        self._credentials = credentials
        self._refresher = oauth_refresher
        self._lock_dir = lock_dir
        self._clock = clock
        self._owner = owner
        self._logbook = logbook
        self._lock_timeout = lock_timeout
        self._lock = asyncio.Lock()
        self._cached: TokenSet | None = None

    def forget(self) -> None:
        """Drop the in-memory copy (after logout or a new login)."""
        self._cached = None

    def _expiring(self, tokens: TokenSet) -> bool:
        return tokens.expires_at - self._clock() <= REFRESH_MARGIN

    async def _stored(self) -> TokenSet:
        tokens = await self._credentials.get_tokens(self._profile)
        if tokens is None:
            self._cached = None
            raise AmoError(ErrorCode.NOT_LOGGED_IN, {"profile": self._profile})
        self._cached = tokens
        return tokens

    async def current(self) -> TokenSet:
        """The stored pair as it is now (no refresh)."""
        return self._cached or await self._stored()

    async def access_token(self) -> str:
        """A token valid for at least the refresh margin (refreshing first if needed)."""
        tokens = self._cached or await self._stored()
        if not self._expiring(tokens):
            return tokens.access_token
        if not self._refreshable(tokens) and not tokens.is_expired(self._clock()):
            return tokens.access_token  # nothing we may do yet; use it while it lasts
        renewed = await self._renew(tokens.access_token, reason="expires soon")
        return renewed.access_token

    def _refreshable(self, tokens: TokenSet) -> bool:
        return (
            self._owner() == "desktop"
            and tokens.kind == "oauth"
            and tokens.refresh_token is not None
        )

    async def refresh_after_unauthorized(self, used_token: str) -> str:
        """amo said 401 for ``used_token``: get a fresh token (once; the caller retries once)."""
        renewed = await self._renew(used_token, reason="401 Unauthorized", unauthorized=True)
        return renewed.access_token

    async def refresh_now(self) -> TokenSet:
        """Refresh right away (the person asked for it)."""
        tokens = await self.current()
        return await self._renew(tokens.access_token, reason="requested", force=True)

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[HeldTokens]:
        """Hold the refresh lock, in this program and across programs, for a change of the pair.

        A refresh running elsewhere has saved its new pair before this is entered, and none
        starts until it is left; the stored pair is read afresh through the handle.
        """
        async with self._lock, self._file_lock():
            self._cached = None
            yield HeldTokens(self)

    async def _renew(
        self, stale_token: str, *, reason: str, unauthorized: bool = False, force: bool = False
    ) -> TokenSet:
        async with self._lock, self._file_lock():
            return await self._renew_held(
                stale_token, reason=reason, unauthorized=unauthorized, force=force
            )

    async def _renew_held(
        self, stale_token: str, *, reason: str, unauthorized: bool = False, force: bool = False
    ) -> TokenSet:
        tokens = await self._stored()
        another_refreshed = tokens.access_token != stale_token
        if another_refreshed and not self._expiring(tokens):
            return tokens
        self._refuse_if_not_ours(tokens, unauthorized=unauthorized)
        if not force and not unauthorized and not self._expiring(tokens):
            return tokens
        assert tokens.refresh_token is not None
        fresh = await self._refresher(tokens.refresh_token)
        replaced = await self._replaced_meanwhile(tokens)
        if replaced is not None:
            return replaced
        try:
            await self._credentials.set_tokens(self._profile, fresh)
        except AmoError as error:
            raise AmoError(
                ErrorCode.KEYRING_WRITE_FAILED,
                {**error.details, "profile": self._profile, "kept": "previous"},
                debug=f"new token pair not saved ({error.code.value}); previous pair kept "
                "(amo keeps it valid until the new pair is used)",
            ) from None
        self._cached = fresh
        # Never the tokens themselves: only that it happened, why, and the new expiry.
        self._note(f"tokens refreshed ({reason}); valid until {fresh.expires_at:.0f}")
        return fresh

    async def _replaced_meanwhile(self, refreshed: TokenSet) -> TokenSet | None:
        """Whether the pair just refreshed is still the one to replace, asked right before saving.

        Everything of ours that changes the pair holds the lock, but a program that does not
        (an older version, a profile deleted or renamed behind our back) may have signed out,
        deleted the profile, handed the tokens to the backend or signed in anew meanwhile.
        Then the new pair is thrown away, never saved and never used: a signed-out or deleted
        profile must not get live tokens back, and under amo's rotation grace the previous
        refresh token stays valid until the new pair is first used, so a backend that took
        the previous pair keeps working. Where that grace does not hold (unconfirmed on
        amocrm.ru) the previous pair is dead either way, and the note below says what to do.
        Returns the newer stored pair to use instead, or raises when there is none of ours.
        """
        stored = await self._credentials.get_tokens(self._profile)
        owner = self._owner()
        if stored is not None and owner == "desktop" and stored == refreshed:
            return None
        self._cached = None
        if stored is None:
            self._note("a refreshed token pair was discarded: the profile was signed out meanwhile")
            raise AmoError(
                ErrorCode.NOT_LOGGED_IN,
                {"profile": self._profile},
                debug="signed out or deleted during the refresh; the new pair was not saved",
            )
        if owner != "desktop":
            self._note(
                "a refreshed token pair was discarded: the tokens were handed to the backend "
                "meanwhile; if the backend reports a revoked token, sign in again and send it "
                "the new tokens"
            )
            raise AmoError(
                ErrorCode.TOKENS_OWNED_BY_BACKEND,
                {"profile": self._profile},
                debug="handed to the backend during the refresh; the new pair was not saved",
            )
        self._note("a refreshed token pair was discarded: a newer sign-in replaced it meanwhile")
        self._cached = stored
        return stored

    def _refuse_if_not_ours(self, tokens: TokenSet, *, unauthorized: bool) -> None:
        if self._owner() == "backend":
            raise AmoError(
                ErrorCode.TOKENS_OWNED_BY_BACKEND,
                {"profile": self._profile},
                debug="the backend refreshes these tokens; the desktop never does",
            )
        if tokens.kind == "long_lived" or tokens.refresh_token is None:
            code = ErrorCode.UNAUTHORIZED if unauthorized else ErrorCode.TOKEN_EXPIRED
            raise AmoError(code, {"profile": self._profile}, debug="long-lived token: no refresh")

    @contextlib.asynccontextmanager
    async def _file_lock(self) -> AsyncIterator[None]:
        ensure_private_dir(self._lock_dir)
        lock = filelock.FileLock(self._lock_dir / LOCK_FILE_NAME, mode=0o600, thread_local=False)
        await self._acquire(lock)
        try:
            yield
        finally:
            lock.release()

    async def _acquire(self, lock: filelock.BaseFileLock) -> None:
        """Wait for the lock by quick tries on the event loop, never in a blocked thread.

        A thread waiting in ``acquire`` cannot be stopped: after a cancel (Ctrl-C, a closed
        window) it would still take the lock later, and ``asyncio.run`` would wait for it
        before the program could end. A cancelled sleep between tries leaves nothing behind.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._lock_timeout
        while True:
            try:
                lock.acquire(blocking=False)
            except filelock.Timeout:
                if loop.time() >= deadline:
                    raise AmoError(
                        ErrorCode.TOKENS_BUSY,
                        {"profile": self._profile},
                        debug=f"another program held the token lock for {self._lock_timeout:.0f} s",
                    ) from None
            else:
                return
            await asyncio.sleep(LOCK_POLL_INTERVAL)

    def _note(self, message: str) -> None:
        if self._logbook is not None:
            self._logbook.record("token", message, profile=self._profile)


class HeldTokens:
    """The stored pair while :meth:`TokenManager.exclusive` holds the refresh lock."""

    def __init__(self, manager: TokenManager) -> None:
        self._manager = manager

    async def stored(self) -> TokenSet:
        """The pair in the keyring now (raises NOT_LOGGED_IN when there is none)."""
        return await self._manager._stored()

    async def fresh(self) -> TokenSet:
        """The stored pair, refreshed first when it expires within the margin and may be."""
        manager = self._manager
        tokens = await manager._stored()
        if not manager._expiring(tokens):
            return tokens
        if not manager._refreshable(tokens) and not tokens.is_expired(manager._clock()):
            return tokens  # nothing we may do yet; it still works for a while
        return await manager._renew_held(tokens.access_token, reason="expires soon")
