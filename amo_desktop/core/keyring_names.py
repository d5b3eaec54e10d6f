"""Human names for keyring backends, and which backends cannot keep a secret at all.

A name is dropped into sentences in either language ("The system password storage ({backend})
is not available", "Сховищем «{backend}» не можна скористатися", "Keyring: {backend}"), so
every name is a proper name or an identifier that reads the same in English and Ukrainian,
never an English phrase.
"""

from __future__ import annotations

import sys

from keyring.backend import KeyringBackend

_FAIL_BACKEND = "keyring.backends.fail.Keyring"
_NULL_BACKEND = "keyring.backends.null.Keyring"
_DISPLAY_NAMES = {
    "keyring.backends.SecretService.Keyring": "Secret Service (GNOME Keyring)",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Locker",
    # Chosen on purpose (PYTHON_KEYRING_BACKEND or keyringrc.cfg): the name the person wrote.
    _NULL_BACKEND: _NULL_BACKEND,
    "amo_desktop.core.memory_keyring.MemoryKeyring": "in-memory test keyring",
}
_UNUSABLE = {_FAIL_BACKEND, _NULL_BACKEND}


def _qualified(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _effective(backend: KeyringBackend) -> KeyringBackend:
    # keyring's ChainerBackend wraps the real ones; the first is the one that answers.
    chained = getattr(backend, "backends", None)
    if isinstance(chained, list) and chained and isinstance(chained[0], KeyringBackend):
        return chained[0]
    return backend


def _found_nothing(backend: KeyringBackend) -> bool:
    chained = getattr(backend, "backends", None)
    empty_chain = isinstance(chained, list) and not chained
    return empty_chain or _qualified(_effective(backend)) == _FAIL_BACKEND


def missing_storage_name(platform: str = sys.platform) -> str:
    """The storage this system should have had when keyring found none at all."""
    if platform == "darwin":
        return _DISPLAY_NAMES["keyring.backends.macOS.Keyring"]
    if platform == "win32":
        return _DISPLAY_NAMES["keyring.backends.Windows.WinVaultKeyring"]
    return "Secret Service"  # what GNOME Keyring and KWallet both offer on Linux and BSD


def backend_display_name(backend: KeyringBackend) -> str:
    """E.g. "macOS Keychain"; unknown backends use keyring's own name.

    When keyring found no storage at all, the name is the one this system should have had,
    so "the system password storage (Secret Service) is not available" says what is missing.
    """
    if _found_nothing(backend):
        return missing_storage_name()
    real = _effective(backend)
    return _DISPLAY_NAMES.get(_qualified(real)) or str(real.name)


def is_unusable_backend(backend: KeyringBackend) -> bool:
    """The fail and null backends: they lose or refuse every secret."""
    return _found_nothing(backend) or _qualified(_effective(backend)) in _UNUSABLE
