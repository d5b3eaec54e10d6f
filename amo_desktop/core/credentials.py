"""Secrets in the operating system's password storage, and nowhere else.

Every call runs in a daemon worker thread with a time-out, because Secret Service and KWallet talk
over D-Bus and can block on an unlock prompt. Values too long for one Windows credential
(2,560 bytes of UTF-16) are split into parts with a crash-safe scheme: the parts of a new
generation are written first, then the head entry that names that generation, and only then
are the previous generation's parts removed. A crash at any point leaves either the old or the
new value readable, and the reader checks a hash before trusting the parts.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol, TypeVar

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.keyring_chunks import (
    INDEX_KEY,
    SERVICE_NAME,
    erase_entry,
    forget,
    known_keys,
    read_entry,
    remember_key,
    write_entry,
)
from amo_desktop.core.keyring_names import backend_display_name, is_unusable_backend
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.paths import validate_profile_name
from amo_desktop.core.tokens import TokenSet

__all__ = [
    "SERVICE_NAME",
    "UNKNOWN_BACKEND_NAME",
    "CredentialStore",
    "KeyringStatus",
    "MemoryKeyring",
]

UNKNOWN_BACKEND_NAME = ""
"""What :attr:`CredentialStore.backend_name` says before the backend has been found: no name.

Empty rather than a stand-in phrase, which would be in one language only: the catalogue and
the diagnostics leave an empty name's aside out of their sentences, and the front ends say
"not identified" in the reader's language."""
CLIENT_SECRET = "client_secret"  # noqa: S105 - an entry name, not a secret
TOKENS = "tokens"
_LOCKED_CAUSES = {"LockedException", "PromptDismissedException"}
_UNAVAILABLE_CAUSES = {"SecretServiceNotAvailableException", "DBusErrorResponse"}

T = TypeVar("T")


class _Named(Protocol):
    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class KeyringStatus:
    """What the doctor shows about the password storage."""

    backend_name: str
    usable: bool
    error: AmoError | None = None


class CredentialStore:
    """Per-profile secrets (``client_secret``, ``tokens`` and others) in the keyring."""

    def __init__(
        self,
        backend: KeyringBackend | None = None,
        *,
        timeout: float = 10.0,
        resolve: Callable[[], KeyringBackend] = keyring.get_keyring,
    ) -> None:
        """``backend`` if given, else ``resolve()`` finds one on first use (in a worker thread,
        under the time-out), e.g. :func:`amo_desktop.core.keyring_backend.system_keyring`."""
        self._backend = backend
        self._resolve = resolve
        self._resolving = threading.Lock()
        self._timeout = timeout

    # -- backend ---------------------------------------------------------------------------
    def _resolved(self) -> KeyringBackend:
        with self._resolving:  # two first calls at once must not both run the discovery
            if self._backend is None:
                self._backend = self._resolve()
            return self._backend

    @property
    def backend_name(self) -> str:
        """A human name like "Secret Service (GNOME Keyring)"; never blocks.

        Finding the backend can hang on D-Bus, so only store operations do it (in a worker
        thread, under the time-out). Until one of them, or :meth:`describe`, has found it, this
        is the empty :data:`UNKNOWN_BACKEND_NAME`. A caller that wants the real name awaits
        :meth:`describe`, which finds the backend under the time-out first.
        """
        backend = self._backend  # set once by a worker; reading it needs no lock
        return backend_display_name(backend) if backend is not None else UNKNOWN_BACKEND_NAME

    async def describe(self) -> KeyringStatus:
        """Probe the storage with one harmless read."""
        try:
            await self._run(lambda backend: backend.get_password(SERVICE_NAME, "__probe__"))
        except AmoError as error:
            return KeyringStatus(self.backend_name, usable=False, error=error)
        return KeyringStatus(self.backend_name, usable=True)

    async def _run(self, operation: Callable[[KeyringBackend], T], *, writing: bool = False) -> T:
        def call() -> T:
            backend = self._resolved()
            if is_unusable_backend(backend):
                raise NoKeyringError(f"{type(backend).__module__} cannot store secrets")
            return operation(backend)

        try:
            return await asyncio.wait_for(_in_daemon_thread(call), self._timeout)
        except TimeoutError:
            raise AmoError(
                ErrorCode.KEYRING_TIMEOUT,
                {"backend": self.backend_name},
                debug=f"no answer within {self._timeout:g} s",
            ) from None
        except AmoError:
            raise
        except Exception as error:  # every backend failure becomes a typed error
            raise self._translate(error, writing) from None

    def _translate(self, error: Exception, writing: bool) -> AmoError:
        chain: list[BaseException] = [error]
        while len(chain) < 8 and (chain[-1].__cause__ or chain[-1].__context__):
            chain.append(chain[-1].__cause__ or chain[-1].__context__)  # type: ignore[arg-type]
        names = {type(item).__name__ for item in chain}
        text = " ".join(str(item) for item in chain).lower()
        if (
            isinstance(error, NoKeyringError)
            or names & _UNAVAILABLE_CAUSES
            or ("not available" in text or "neither running" in text)
        ):
            code = ErrorCode.KEYRING_UNAVAILABLE
        elif isinstance(error, KeyringLocked) or names & _LOCKED_CAUSES or "InitError" in names:
            code = ErrorCode.KEYRING_LOCKED
        elif writing:
            code = ErrorCode.KEYRING_WRITE_FAILED
        else:
            code = ErrorCode.KEYRING_ERROR
        debug = f"{type(error).__name__}: {str(error)[:200]}"
        return AmoError(code, {"backend": self.backend_name}, debug=debug)

    # -- generic entries --------------------------------------------------------------------
    async def get(self, profile: str | _Named, key: str) -> str | None:
        entry = _entry(profile, key)
        return await self._run(lambda backend: read_entry(backend, entry))

    async def set(self, profile: str | _Named, key: str, value: str) -> None:
        name, entry = _profile_name(profile), _entry(profile, key)

        def write(backend: KeyringBackend) -> None:
            remember_key(backend, name, key)
            write_entry(backend, entry, value)

        await self._run(write, writing=True)

    async def delete(self, profile: str | _Named, key: str) -> None:
        entry = _entry(profile, key)
        await self._run(lambda backend: erase_entry(backend, entry), writing=True)

    async def keys(self, profile: str | _Named) -> frozenset[str]:
        """The entry names this profile may hold: the standard ones and every key written."""
        name = _profile_name(profile)
        written = await self._run(lambda backend: known_keys(backend, name))
        return frozenset(written | {CLIENT_SECRET, TOKENS})

    async def delete_profile(self, profile: str | _Named) -> None:
        """Remove every entry of the profile, including chunk parts and the key index."""
        name = _profile_name(profile)

        def erase_all(backend: KeyringBackend) -> None:
            for key in sorted(known_keys(backend, name) | {CLIENT_SECRET, TOKENS}):
                erase_entry(backend, _entry(name, key))
            forget(backend, _entry(name, INDEX_KEY))

        await self._run(erase_all, writing=True)

    # -- typed helpers ----------------------------------------------------------------------
    async def get_client_secret(self, profile: str | _Named) -> str | None:
        return await self.get(profile, CLIENT_SECRET)

    async def set_client_secret(self, profile: str | _Named, secret: str) -> None:
        await self.set(profile, CLIENT_SECRET, secret)

    async def get_tokens(self, profile: str | _Named) -> TokenSet | None:
        raw = await self.get(profile, TOKENS)
        if raw is None:
            return None
        try:
            return TokenSet.from_json(raw)
        except (ValueError, KeyError, TypeError):
            raise AmoError(
                ErrorCode.KEYRING_ERROR,
                {"backend": self.backend_name},
                debug="the stored token bundle is unreadable",
            ) from None

    async def set_tokens(self, profile: str | _Named, tokens: TokenSet) -> None:
        await self.set(profile, TOKENS, tokens.to_json())

    async def delete_tokens(self, profile: str | _Named) -> None:
        await self.delete(profile, TOKENS)


async def _in_daemon_thread(call: Callable[[], T]) -> T:
    """Run ``call`` in its own daemon thread.

    Not ``asyncio.to_thread``: a keyring call stuck on D-Bus would then block the default
    executor's shutdown and so the exit of the whole program. A daemon thread is abandoned.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def deliver(outcome: Callable[[], None]) -> None:
        if not future.done():  # the caller may have timed out and gone
            outcome()

    def worker() -> None:
        try:
            result = call()
        except BaseException as error:
            settle = partial(deliver, partial(future.set_exception, error))
        else:
            settle = partial(deliver, partial(future.set_result, result))
        with contextlib.suppress(RuntimeError):  # the event loop is already closed
            loop.call_soon_threadsafe(settle)

    threading.Thread(target=worker, name="amo-desktop-keyring", daemon=True).start()
    return await future


def _profile_name(profile: str | _Named) -> str:
    return validate_profile_name(profile if isinstance(profile, str) else profile.name)


def _entry(profile: str | _Named, key: str) -> str:
    if not key or any(separator in key for separator in ":@/"):
        raise ValueError(f"keyring key {key!r} must not contain ':', '@' or '/'")
    return f"{_profile_name(profile)}:{key}"
