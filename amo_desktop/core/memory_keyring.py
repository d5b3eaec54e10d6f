"""An in-memory keyring backend for tests that can act like a locked, slow or Windows store."""

from __future__ import annotations

import threading

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked, PasswordDeleteError

WINDOWS_MAX_BLOB_BYTES = 2560


class CredWriteError(Exception):
    """Shaped like ``pywintypes.error`` from ``win32cred.CredWrite`` on a too-long value."""

    def __init__(self) -> None:
        super().__init__(1783, "CredWrite", "The stub received bad data.")
        self.winerror = 1783


class SimulatedCrash(Exception):
    """Raised by :class:`MemoryKeyring` to emulate the process dying between writes."""


class MemoryKeyring(KeyringBackend):
    """A real :class:`KeyringBackend` that keeps entries in a dict.

    Knobs for tests: ``max_value_bytes`` (UTF-16 limit, like Windows' 2,560 bytes),
    ``locked`` (raise KeyringLocked), ``hang`` (block until set back to False) and
    ``crash_after_writes`` (raise SimulatedCrash once that many writes succeeded).
    """

    @properties.classproperty
    def priority(cls) -> float:
        # Raising makes keyring treat the class as not viable, so it is never auto-chosen.
        raise RuntimeError("MemoryKeyring is only used when passed explicitly")

    def __init__(self, *, max_value_bytes: int | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}
        self.max_value_bytes = max_value_bytes
        self.locked = False
        self.crash_after_writes: int | None = None
        self.writes = 0
        self._resume = threading.Event()
        self._resume.set()

    @property
    def hang(self) -> bool:
        return not self._resume.is_set()

    @hang.setter
    def hang(self, value: bool) -> None:
        if value:
            self._resume.clear()
        else:
            self._resume.set()

    def _gate(self) -> None:
        self._resume.wait()
        if self.locked:
            raise KeyringLocked("Failed to unlock the collection!")

    def get_password(self, service: str, username: str) -> str | None:
        self._gate()
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._gate()
        if self.max_value_bytes is not None and (
            len(password.encode("utf-16-le")) > self.max_value_bytes
        ):
            raise CredWriteError()
        if self.crash_after_writes is not None and self.writes >= self.crash_after_writes:
            raise SimulatedCrash(f"crashed after {self.writes} writes")
        self.entries[(service, username)] = password
        self.writes += 1

    def delete_password(self, service: str, username: str) -> None:
        self._gate()
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")
