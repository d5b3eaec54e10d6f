"""``status`` when the password storage never answered: no name in the wrong language."""

from __future__ import annotations

import argparse
import json
import threading
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from amo_desktop.cli.commands import status
from amo_desktop.cli.context import CliContext
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.service import AppCore


class _StuckDiscovery:
    """Finding the storage hangs (D-Bus waiting on an unlock) until the test lets it go."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def __call__(self) -> KeyringBackend:
        self.release.wait()
        return MemoryKeyring()


class _HangingKeyringContext(CliContext):
    def __init__(self, discovery: _StuckDiscovery, **options: object) -> None:
        self._discovery = discovery
        super().__init__(**options)  # type: ignore[arg-type]

    def _build_core(self) -> AppCore:
        credentials = CredentialStore(resolve=self._discovery, timeout=0.2)
        return AppCore(home=self.home, credentials=credentials, logbook=self.logbook)


@pytest.mark.parametrize(
    ("language", "keyring_line", "message"),
    [
        (
            "en",
            "  Keyring:        not identified",
            "The system password storage did not answer in time.",
        ),
        (
            "uk",
            "  Сховище паролів: не визначено",
            "Системне сховище паролів не відповіло вчасно.",
        ),
    ],
)
async def test_a_storage_that_never_answered_reads_naturally_in_either_language(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    language: str,
    keyring_line: str,
    message: str,
) -> None:
    discovery = _StuckDiscovery()
    try:
        for json_mode in (False, True):
            ctx = _HangingKeyringContext(
                discovery, profile="shop", json_mode=json_mode, language=language, home=tmp_path
            )
            assert await status.run(argparse.Namespace(), ctx) == 0
            printed = capsys.readouterr().out
            if json_mode:
                payload = json.loads(printed)
                assert payload["keyring_available"] is False
                assert payload["keyring_error"]["message"] == message
            else:
                assert keyring_line in printed.splitlines(), printed
                assert message in printed, printed
            assert "system keyring" not in printed and "()" not in printed, printed
    finally:
        discovery.release.set()
