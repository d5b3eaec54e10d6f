"""Which keyring backend holds our secrets, remembered between runs so start-up skips discovery.

``keyring.get_keyring()`` imports every backend module and asks each one whether it works; on
Linux that takes 0.1-0.5 s (the macOS backend alone searches for its libraries). Like maestral,
we remember the backend chosen the first time (module and class name) in the app home and
next time load that class directly, falling back to full discovery when it no longer loads
or no longer works (an error or a priority of 0 or less). Staying with the remembered backend
is also what keeps the secrets findable: they were written there.

A choice the person made for keyring itself wins: with ``PYTHON_KEYRING_BACKEND`` set, or a
keyring config file (``keyringrc.cfg``), keyring decides exactly as it always does, and
nothing is remembered.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.util import platform_

from amo_desktop.core.keyring_names import is_unusable_backend
from amo_desktop.core.paths import ensure_private_dir

STATE_FILE_NAME = "keyring-backend.json"
ENVIRONMENT_VARIABLE = "PYTHON_KEYRING_BACKEND"
KEYRING_CONFIG_NAME = "keyringrc.cfg"

Discover = Callable[[], KeyringBackend]


def state_file(home: Path) -> Path:
    return home / STATE_FILE_NAME


def qualified_name(backend: KeyringBackend) -> str:
    """``keyring.backends.SecretService.Keyring`` for an instance of that class."""
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def keyring_config_file() -> Path:
    """keyring's own config file (it may name a backend, or a path to load backends from)."""
    return Path(platform_.config_root()) / KEYRING_CONFIG_NAME


def user_chose_backend() -> bool:
    """True when the person configured keyring itself; then keyring decides, not our memory."""
    return bool(os.environ.get(ENVIRONMENT_VARIABLE)) or keyring_config_file().exists()


def system_keyring(home: Path, *, discover: Discover = keyring.get_keyring) -> KeyringBackend:
    """The OS keyring backend: the remembered one if it still works, else keyring's choice.

    Blocking (it may talk to D-Bus): call it from a worker thread in a running app.
    """
    if user_chose_backend():
        return discover()
    remembered = load_remembered(home)
    if remembered is not None:
        return remembered
    backend = discover()
    remember(home, backend)
    return backend


def load_remembered(home: Path) -> KeyringBackend | None:
    """An instance of the remembered backend class, or None if none is remembered or it fails."""
    name = _read_remembered_name(home)
    if name is None:
        return None
    module_name, _, class_name = name.rpartition(".")
    try:
        backend_class = getattr(importlib.import_module(module_name), class_name)
        if not (isinstance(backend_class, type) and issubclass(backend_class, KeyringBackend)):
            return None
        # keyring's own test of a backend: the priority raises when it cannot work here.
        if backend_class.priority <= 0:
            return None
        backend = backend_class()
    except Exception:  # a broken or vanished backend: discover afresh, as keyring would
        return None
    return None if is_unusable_backend(backend) else backend


def remember(home: Path, backend: KeyringBackend) -> None:
    """Remember ``backend`` for the next run, if it is a single backend that keeps secrets.

    keyring's ChainerBackend (several backends at once) is not remembered: loading it by name
    would run the whole discovery anyway. Failing to write only costs the next start speed.
    """
    if is_unusable_backend(backend) or isinstance(getattr(backend, "backends", None), list):
        return
    document = {"backend": qualified_name(backend)}
    with contextlib.suppress(OSError):
        ensure_private_dir(home)
        descriptor, temporary = tempfile.mkstemp(prefix=".keyring-backend-", dir=home)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(document, handle)
            os.replace(temporary, state_file(home))
        except OSError:
            os.unlink(temporary)
            raise


def _read_remembered_name(home: Path) -> str | None:
    try:
        document = json.loads(state_file(home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = document.get("backend") if isinstance(document, dict) else None
    if not isinstance(name, str) or "." not in name:
        return None
    return name
