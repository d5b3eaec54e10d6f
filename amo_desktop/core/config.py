"""Profiles in a versioned JSON file. No secrets here: they live in the keyring.

The file (``config.json`` in the app home) looks like
``{"version": 1, "current": "default", "language": null, "profiles": {"default": {...}}}``;
its version and keys are defined in :mod:`amo_desktop.core.config_summary`.
Writes are atomic (temporary file + ``os.replace``, mode 0600) under a file lock, because the
CLI and the GUI may change it at the same time. A change to a stored profile re-reads the file
under that lock and writes only the fields it names (:meth:`ConfigStore.update`,
:meth:`ConfigStore.edit`), so another program's change to other fields is never undone by a
stale copy. A damaged file is never overwritten: it is
copied to ``config.json.bak`` and reported as CONFIG_UNREADABLE. A write that cannot be done is
CONFIG_NOT_WRITABLE; one kept waiting too long by another amo-desktop is CONFIG_LOCKED.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, Unpack, cast

from amo_desktop.core.config_summary import (
    CONFIG_VERSION,
    CURRENT_KEY,
    LANGUAGE_KEY,
    PROFILES_KEY,
    VERSION_KEY,
    empty_document,
)
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.i18n import SUPPORTED_LANGUAGES
from amo_desktop.core.paths import config_file, ensure_private_dir, validate_profile_name
from amo_desktop.core.platforms import AccountAddress, Platform, parse_account_address

if TYPE_CHECKING:
    from filelock import FileLock

TokenOwner = Literal["desktop", "backend"]
_OWNERS: tuple[TokenOwner, ...] = ("desktop", "backend")
Document = dict[str, Any]
# Version n -> a function that turns a version-n document into version n + 1.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {}


@dataclass(frozen=True)
class WebhookSettings:
    """Where the local webhook listener binds and where it forwards deliveries."""

    host: str = "127.0.0.1"
    port: int = 8787
    path: str = "/api/v1/integrations/amo-crm/webhook"
    forward_to: str | None = None
    secret_in_keyring: bool = False


@dataclass(frozen=True)
class Profile:
    """One connection: an account, an integration and (optionally) the company's backend.

    ``account`` is the account host (``mycompany.amocrm.ru``) or, for ``Platform.CUSTOM``,
    the server's base URL.
    """

    name: str
    platform: Platform
    account: str
    client_id: str
    redirect_uri: str
    backend_url: str | None = None
    token_owner: TokenOwner = "desktop"  # noqa: S105 - who refreshes, not a secret
    account_id: int | None = None
    account_name: str | None = None
    webhook: WebhookSettings = field(default_factory=WebhookSettings)

    @property
    def address(self) -> AccountAddress:
        return parse_account_address(self.account, self.platform)

    def to_dict(self) -> Document:
        data = asdict(self)
        data["platform"] = self.platform.value
        del data["name"]  # the key in "profiles" is the name
        return data

    @classmethod
    def from_dict(cls, name: str, data: Document) -> Profile:
        """Raises KeyError, TypeError or ValueError on a malformed entry."""
        owner = data.get("token_owner", "desktop")
        if owner not in _OWNERS:
            raise ValueError(f"unknown token owner {owner!r}")
        account_id = data.get("account_id")
        return cls(
            name=validate_profile_name(name),
            platform=Platform(data["platform"]),
            account=str(data["account"]),
            client_id=str(data["client_id"]),
            redirect_uri=str(data["redirect_uri"]),
            backend_url=data.get("backend_url"),
            token_owner=cast(TokenOwner, owner),
            account_id=int(account_id) if account_id is not None else None,
            account_name=data.get("account_name"),
            webhook=WebhookSettings(**data.get("webhook", {})),
        )


class ProfileChanges(TypedDict, total=False):
    """The fields of a stored :class:`Profile` that :meth:`ConfigStore.update` may change."""

    platform: Platform
    account: str
    client_id: str
    redirect_uri: str
    backend_url: str | None
    token_owner: TokenOwner
    account_id: int | None
    account_name: str | None
    webhook: WebhookSettings


class ConfigStore:
    """Reads and writes ``config.json`` under ``home``; every call reads the file afresh."""

    def __init__(self, home: Path, *, lock_timeout: float = 10.0) -> None:
        """``lock_timeout``: how long a write waits for another amo-desktop to finish its own
        before CONFIG_LOCKED."""
        self.home = home
        self.path = config_file(home)
        self._lock_timeout = lock_timeout
        self._file_lock: FileLock | None = None

    @property
    def _lock(self) -> FileLock:
        # Made on the first write: importing filelock costs start-up time (the GUI reads the
        # config before its first window), and reading needs no lock (writes are atomic).
        if self._file_lock is None:
            from filelock import FileLock

            self._file_lock = FileLock(
                str(self.path) + ".lock", timeout=self._lock_timeout, mode=0o600
            )
        return self._file_lock

    # -- file handling ----------------------------------------------------------------------
    def _unreadable(self, reason: str) -> AmoError:
        backup = self.path.with_name(self.path.name + ".bak")
        with contextlib.suppress(OSError):
            shutil.copy2(self.path, backup)
        return AmoError(ErrorCode.CONFIG_UNREADABLE, {"path": str(self.path)}, debug=reason)

    def _read(self) -> Document:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return empty_document()
        except OSError as error:
            raise AmoError(
                ErrorCode.CONFIG_UNREADABLE, {"path": str(self.path)}, debug=str(error)
            ) from None
        try:
            parsed = json.loads(text)
        except ValueError as error:
            raise self._unreadable(f"not JSON: {error}") from None
        if not isinstance(parsed, dict) or not isinstance(parsed.get(PROFILES_KEY, {}), dict):
            raise self._unreadable("not a settings object")
        document: Document = parsed
        version = document.get(VERSION_KEY, 0)
        if not isinstance(version, int) or version > CONFIG_VERSION:
            raise self._unreadable(f"written by a newer version ({version!r})")
        while version < CONFIG_VERSION and version in MIGRATIONS:
            document = MIGRATIONS[version](document)
            version += 1
        document[VERSION_KEY] = CONFIG_VERSION
        document.setdefault(PROFILES_KEY, {})
        return document

    def _not_writable(self, error: OSError) -> AmoError:
        return AmoError(
            ErrorCode.CONFIG_NOT_WRITABLE,
            {"path": str(self.path)},
            debug=f"{type(error).__name__}: {error.strerror or error}",
        )

    def _write(self, document: Document) -> None:
        try:
            self._replace_file(document)
        except OSError as error:  # a read-only folder, a full disk, a name taken by a folder
            raise self._not_writable(error) from None

    def _replace_file(self, document: Document) -> None:
        ensure_private_dir(self.home)
        descriptor, temporary = tempfile.mkstemp(prefix=".config-", dir=self.home)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                os.chmod(temporary, 0o600)
                json.dump(document, handle, ensure_ascii=False, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise

    @contextlib.contextmanager
    def _editing(self) -> Iterator[Document]:
        from filelock import Timeout

        try:
            ensure_private_dir(self.home)
            self._lock.acquire()
        except Timeout:  # a TimeoutError, hence an OSError: caught first
            raise AmoError(
                ErrorCode.CONFIG_LOCKED,
                {"path": str(self.path)},
                debug=f"settings lock busy for over {self._lock_timeout:g} s",
            ) from None
        except OSError as error:
            raise self._not_writable(error) from None
        try:
            document = self._read()
            yield document
            self._write(document)
        finally:
            self._lock.release()

    def _profile_from(self, document: Document, name: str) -> Profile | None:
        data = document[PROFILES_KEY].get(name)
        if data is None:
            return None
        try:
            return Profile.from_dict(name, data)
        except (KeyError, TypeError, ValueError, AmoError) as error:
            raise self._unreadable(f"profile {name!r} is malformed: {error!r}") from None

    # -- profiles ---------------------------------------------------------------------------
    def get(self, name: str) -> Profile | None:
        return self._profile_from(self._read(), name)

    def load(self, name: str) -> Profile:
        profile = self.get(name)
        if profile is None:
            raise AmoError(ErrorCode.PROFILE_NOT_FOUND, {"profile": name})
        return profile

    def save(self, profile: Profile) -> Profile:
        """Store a new profile; PROFILE_EXISTS if the name is taken.

        A stored profile is changed with :meth:`update` or :meth:`edit`: writing back a whole
        profile read earlier would undo what another program changed in the meantime.
        """
        validate_profile_name(profile.name)
        with self._editing() as document:
            if profile.name in document[PROFILES_KEY]:
                raise AmoError(ErrorCode.PROFILE_EXISTS, {"profile": profile.name})
            document[PROFILES_KEY][profile.name] = profile.to_dict()
            if document.get(CURRENT_KEY) is None:
                document[CURRENT_KEY] = profile.name
        return profile

    def update(self, name: str, **changes: Unpack[ProfileChanges]) -> Profile:
        """Change the named fields of stored profile ``name`` (PROFILE_NOT_FOUND if none).

        The profile is read under the lock, so fields not named keep whatever another program
        stored in them.
        """

        def apply(stored: Profile | None) -> Profile:
            if stored is None:
                raise AmoError(ErrorCode.PROFILE_NOT_FOUND, {"profile": name})
            return replace(stored, **changes)

        return self.edit(name, apply)

    def edit(self, name: str, change: Callable[[Profile | None], Profile]) -> Profile:
        """Create or change profile ``name`` in one step under the lock.

        ``change`` gets the profile as stored right now (None if there is none) and returns
        the profile to keep; it runs while other programs wait, so it must be quick and do
        no I/O. An error it raises leaves the file untouched.
        """
        validate_profile_name(name)
        with self._editing() as document:
            stored = self._profile_from(document, name)
            changed = change(stored)
            if changed.name != name:
                raise ValueError(f"profile {name!r} cannot become {changed.name!r}; rename it")
            # Merged, not replaced: keys a newer version added to the entry are kept.
            document[PROFILES_KEY].setdefault(name, {}).update(changed.to_dict())
            if document.get(CURRENT_KEY) is None:
                document[CURRENT_KEY] = name
        return changed

    def delete(self, name: str) -> bool:
        """Remove the profile; False if there was none. Keyring entries are the caller's."""
        with self._editing() as document:
            existed = document[PROFILES_KEY].pop(name, None) is not None
            if document.get(CURRENT_KEY) == name:
                document[CURRENT_KEY] = None
        return existed

    def rename(self, old: str, new: str) -> Profile:
        """Rename a profile (moving its keyring entries is the caller's job)."""
        validate_profile_name(new)
        with self._editing() as document:
            profiles = document[PROFILES_KEY]
            if old not in profiles:
                raise AmoError(ErrorCode.PROFILE_NOT_FOUND, {"profile": old})
            if new in profiles:
                raise AmoError(ErrorCode.PROFILE_EXISTS, {"profile": new})
            profiles[new] = profiles.pop(old)
            if document.get(CURRENT_KEY) == old:
                document[CURRENT_KEY] = new
            renamed = self._profile_from(document, new)
        assert renamed is not None
        return renamed

    @property
    def current(self) -> str | None:
        value = self._read().get(CURRENT_KEY)
        return value if isinstance(value, str) else None

    def set_current(self, name: str) -> None:
        with self._editing() as document:
            if name not in document[PROFILES_KEY]:
                raise AmoError(ErrorCode.PROFILE_NOT_FOUND, {"profile": name})
            document[CURRENT_KEY] = name

    @property
    def language(self) -> str | None:
        value = self._read().get(LANGUAGE_KEY)
        return value if value in SUPPORTED_LANGUAGES else None

    def set_language(self, language: str | None) -> None:
        if language is not None and language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"language must be one of {SUPPORTED_LANGUAGES}")
        with self._editing() as document:
            document[LANGUAGE_KEY] = language

    def list(self) -> builtins.list[Profile]:
        """All profiles, sorted by name."""
        document = self._read()
        profiles = (self._profile_from(document, name) for name in sorted(document[PROFILES_KEY]))
        return [profile for profile in profiles if profile is not None]
