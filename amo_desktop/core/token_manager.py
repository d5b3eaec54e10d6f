"""A valid access token on demand, with exactly one refresher at a time.

amoCRM rotates both tokens on every refresh, and the old refresh token dies once the new pair
is used (or at once, see below). Two refreshers racing each other (two windows, the GUI and a
CLI command) would leave one of them with a dead pair, so refreshing happens under an asyncio
lock *and* a file lock in the profile folder, the stored pair is re-read under the lock
(someone else may have refreshed already), and the new pair is saved to the keyring before
anyone uses it. Whatever else writes or deletes the stored pair (sign-in, sign-out, handing the
tokens to the backend, deleting the profile) holds the same lock through
:meth:`TokenManager.exclusive`.

Whether the previous pair outlives a refresh is not certain. Kommo documents a grace: the old
refresh token stays valid until the new pair is first used. On amocrm.ru that is unconfirmed,
and without it the old pair dies with the refresh itself. So once amo has answered a refresh,
the new pair may be the only live one, and it is never thrown away for a reason that only
holds under the grace:

- The keyring refuses to save it: this program keeps it in memory as the pair to save, tries
  again (under the lock) on every later request for a token, and meanwhile reports
  TOKENS_NOT_SAVED (what happened, what to do) instead of a token. The new pair is not used
  until it is saved, because then, under the grace, the pair still in the keyring stays good
  if this program ends first; without the grace nothing else could help.
- The stored pair changed meanwhile (a program that skips the lock): only then is the new
  pair dropped, case by case in :meth:`TokenManager._replaced_meanwhile`.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
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
        self._unsaved: _Unsaved | None = None

    def forget(self) -> None:
        """Drop the in-memory copies (after a sign-out, a new sign-in, a hand-over, a rename or
        a deletion: the stored pair was replaced on purpose, under the lock)."""
        self._cached = None
        self._unsaved = None

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
        await self._save_unsaved()
        return self._cached or await self._stored()

    async def access_token(self) -> str:
        """A token valid for at least the refresh margin (refreshing first if needed)."""
        await self._save_unsaved()
        tokens = self._cached or await self._stored()
        if not self._needs_renewal(tokens):
            return tokens.access_token
        renewed = await self._renew(tokens.access_token, reason="expires soon")
        return renewed.access_token

    def _needs_renewal(self, tokens: TokenSet) -> bool:
        """Close to expiry, and either refreshable or already expired (then the refresh
        attempt says why it cannot be renewed); else the pair still works for a while."""
        if not self._expiring(tokens):
            return False
        return self._refreshable(tokens) or tokens.is_expired(self._clock())

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
            if self._unsaved is not None:
                # The holder may copy or hand on the stored pair: save a live one first. If
                # the keyring still refuses, the holder's own keyring work fails as well.
                with contextlib.suppress(AmoError):
                    await self._land_unsaved()
            self._cached = None
            yield HeldTokens(self)

    async def _save_unsaved(self) -> None:
        if self._unsaved is None:
            return
        async with self._lock, self._file_lock():
            if self._unsaved is not None:
                await self._land_unsaved()

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
        if self._unsaved is not None:
            tokens = await self._land_unsaved()
        else:
            tokens = await self._stored()
        another_refreshed = tokens.access_token != stale_token
        if another_refreshed and not self._expiring(tokens):
            return tokens
        self._refuse_if_not_ours(tokens, unauthorized=unauthorized)
        if not force and not unauthorized and not self._expiring(tokens):
            return tokens
        assert tokens.refresh_token is not None
        fresh = await self._refresher(tokens.refresh_token)
        # From here on the new pair may be the only live one (see the module notes).
        self._unsaved = _Unsaved(fresh, replaces=tokens, reason=reason)
        self._cached = None
        return await self._land_unsaved()

    async def _land_unsaved(self) -> TokenSet:
        """Save the refreshed pair the keyring has not taken yet; called under the lock.

        Returns the pair to use: the refreshed one once saved, or a newer stored pair. While
        the keyring refuses, raises TOKENS_NOT_SAVED and keeps the pair for the next try.
        Raises NOT_LOGGED_IN or TOKENS_OWNED_BY_BACKEND when the profile changed meanwhile.
        """
        unsaved = self._unsaved
        assert unsaved is not None
        try:
            stored = await self._credentials.get_tokens(self._profile)
        except AmoError as error:
            raise self._not_saved(error) from None
        owner = self._owner()
        if stored != unsaved.replaces or owner != "desktop":
            self._unsaved = None
            return self._replaced_meanwhile(stored, owner)
        try:
            await self._credentials.set_tokens(self._profile, unsaved.fresh)
        except AmoError as error:
            raise self._not_saved(error) from None
        self._unsaved = None
        self._cached = fresh = unsaved.fresh
        # Never the tokens themselves: only that it happened, why, and the new expiry.
        self._note(f"tokens refreshed ({unsaved.reason}); valid until {fresh.expires_at:.0f}")
        return fresh

    def _replaced_meanwhile(self, stored: TokenSet | None, owner: str) -> TokenSet:
        """The pair refreshed is no longer ours to replace: a program that skips the lock (an
        older version, a profile deleted or renamed behind our back) changed it meanwhile.

        The new pair is dropped, never saved or used. After a sign-out or a deletion that is
        required: the profile must not get live tokens back. A newer stored pair (a sign-in,
        another refresh) is independent of ours and live, so it is used instead. After a
        hand-over to the backend it is the lesser harm: with the grace the backend's pair keeps
        working only while the new pair stays unused, and this program uses the stored pair of
        a backend-owned profile for its own requests; without the grace the backend's pair is
        dead either way, and the note says what to do. Returns the pair to use, or raises.
        """
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
        self._note("a refreshed token pair was discarded: a newer pair replaced it meanwhile")
        self._cached = stored
        return stored

    def _not_saved(self, error: AmoError) -> AmoError:
        self._note(
            "refreshed tokens could not be saved to the password storage; this program keeps "
            "them and saves them on the next use"
        )
        return AmoError(
            ErrorCode.TOKENS_NOT_SAVED,
            {**error.details, "profile": self._profile},
            debug=f"the refreshed pair is not in the keyring ({error.code.value}: {error.debug}); "
            "kept in memory, unused, saved on the next request for a token",
        )

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


@dataclass(frozen=True)
class _Unsaved:
    """A pair amo issued that the keyring has not taken yet, and the stored pair it replaces."""

    fresh: TokenSet
    replaces: TokenSet
    reason: str


class HeldTokens:
    """The stored pair while :meth:`TokenManager.exclusive` holds the refresh lock."""

    def __init__(self, manager: TokenManager) -> None:
        self._manager = manager

    async def stored(self) -> TokenSet:
        """The pair in the keyring now (raises NOT_LOGGED_IN when there is none, and
        TOKENS_NOT_SAVED while a refreshed pair could not be saved: the stored one may be dead)."""
        manager = self._manager
        if manager._unsaved is not None:
            return await manager._land_unsaved()
        return await manager._stored()

    async def fresh(self) -> TokenSet:
        """The stored pair, refreshed first when it expires within the margin and may be."""
        manager = self._manager
        tokens = await self.stored()
        if not manager._needs_renewal(tokens):
            return tokens
        return await manager._renew_held(tokens.access_token, reason="expires soon")
