"""Human names for keyring backends, and which backends cannot keep a secret at all."""

from __future__ import annotations

from keyring.backend import KeyringBackend

_DISPLAY_NAMES = {
    "keyring.backends.SecretService.Keyring": "Secret Service (GNOME Keyring)",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Locker",
    "keyring.backends.fail.Keyring": "no password storage found",
    "keyring.backends.null.Keyring": "password storage switched off (null backend)",
    "amo_desktop.core.memory_keyring.MemoryKeyring": "in-memory test keyring",
}
_UNUSABLE = {"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"}


def _qualified(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _effective(backend: KeyringBackend) -> KeyringBackend:
    # keyring's ChainerBackend wraps the real ones; the first is the one that answers.
    chained = getattr(backend, "backends", None)
    if isinstance(chained, list) and chained and isinstance(chained[0], KeyringBackend):
        return chained[0]
    return backend


def backend_display_name(backend: KeyringBackend) -> str:
    """E.g. "macOS Keychain"; unknown backends use keyring's own name."""
    real = _effective(backend)
    return _DISPLAY_NAMES.get(_qualified(real)) or str(real.name)


def is_unusable_backend(backend: KeyringBackend) -> bool:
    """The fail and null backends: they lose or refuse every secret."""
    chained = getattr(backend, "backends", None)
    if isinstance(chained, list) and not chained:
        return True
    return _qualified(_effective(backend)) in _UNUSABLE
