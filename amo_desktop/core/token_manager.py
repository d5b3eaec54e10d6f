"""A valid access token on demand, with exactly one refresher at a time.

amoCRM rotates both tokens on every refresh, and the old refresh token dies once the new pair
is used. Two refreshers racing each other (two windows, the GUI and a CLI command) would
leave one of them with a dead pair, so refreshing happens under an asyncio lock *and* a file
lock in the profile folder, the stored pair is re-read under the lock (someone else may have
refreshed already), and the new pair is saved to the keyring before anyone uses it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
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
        return await self._renew(tokens.access_token, reason="expires soon")

    def _refreshable(self, tokens: TokenSet) -> bool:
        return (
            self._owner() == "desktop"
            and tokens.kind == "oauth"
            and tokens.refresh_token is not None
        )

    async def refresh_after_unauthorized(self, used_token: str) -> str:
        """amo said 401 for ``used_token``: get a fresh token (once; the caller retries once)."""
        return await self._renew(used_token, reason="401 Unauthorized", unauthorized=True)

    async def refresh_now(self) -> TokenSet:
        """Refresh right away (the person asked for it)."""
        tokens = await self.current()
        await self._renew(tokens.access_token, reason="requested", force=True)
        assert self._cached is not None
        return self._cached

    async def _renew(
        self, stale_token: str, *, reason: str, unauthorized: bool = False, force: bool = False
    ) -> str:
        async with self._lock, self._file_lock():
            tokens = await self._stored()
            another_refreshed = tokens.access_token != stale_token
            if another_refreshed and not self._expiring(tokens):
                return tokens.access_token
            self._refuse_if_not_ours(tokens, unauthorized=unauthorized)
            if not force and not unauthorized and not self._expiring(tokens):
                return tokens.access_token
            assert tokens.refresh_token is not None
            fresh = await self._refresher(tokens.refresh_token)
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
            return fresh.access_token

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
        acquiring = asyncio.ensure_future(
            asyncio.to_thread(lock.acquire, timeout=self._lock_timeout)
        )
        try:
            await asyncio.shield(acquiring)
        except asyncio.CancelledError:
            # A waiting thread cannot be stopped: once it gets the lock, give it straight back,
            # or it stays taken until this process exits and every other refresher times out.
            acquiring.add_done_callback(functools.partial(_release_if_taken, lock))
            raise
        except filelock.Timeout:
            raise AmoError(
                ErrorCode.REFRESH_FAILED,
                {"profile": self._profile},
                debug=f"another program held the token lock for {self._lock_timeout:.0f} s",
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _note(self, message: str) -> None:
        if self._logbook is not None:
            self._logbook.record("token", message, profile=self._profile)


def _release_if_taken(lock: filelock.BaseFileLock, acquiring: asyncio.Future[object]) -> None:
    if not acquiring.cancelled() and acquiring.exception() is None:
        lock.release()
