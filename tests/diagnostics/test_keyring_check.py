"""The keyring check: a 3,000-character round trip, and each way the storage can be broken."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from amo_desktop.core.credentials import SERVICE_NAME, UNKNOWN_BACKEND_NAME, CredentialStore
from amo_desktop.core.diagnostics import DiagnosticsRunner, Outcome
from amo_desktop.core.diagnostics.checks import ALL_CHECKS
from amo_desktop.core.error_catalogue import localize
from amo_desktop.core.errors import ErrorCode
from amo_desktop.core.memory_keyring import WINDOWS_MAX_BLOB_BYTES, MemoryKeyring
from tests.diagnostics.conftest import Doctor

KEYRING_ONLY = [check for check in ALL_CHECKS if check.id == "keyring"]


async def keyring_result(doctor: Doctor, credentials: CredentialStore):
    runner = DiagnosticsRunner(doctor.session, credentials, checks=KEYRING_ONLY)
    (result,) = await runner.run()
    return result


async def test_a_windows_sized_store_passes_because_long_values_are_split(doctor: Doctor):
    small = MemoryKeyring(max_value_bytes=WINDOWS_MAX_BLOB_BYTES)

    result = await keyring_result(doctor, CredentialStore(small))

    assert result.outcome is Outcome.PASSED, result
    assert "3000" in result.detail
    assert small.writes > 2  # the probe really went through the parts
    assert not [key for key in small.entries if key[0] == SERVICE_NAME]  # and was removed


async def test_a_keyring_found_by_the_check_itself_is_named(doctor: Doctor):
    # The storage is discovered on first use, and the check is the first to use it.
    store = CredentialStore(resolve=MemoryKeyring)
    assert store.backend_name == UNKNOWN_BACKEND_NAME

    result = await keyring_result(doctor, store)

    assert result.outcome is Outcome.PASSED, result
    assert "in-memory test keyring" in result.detail


async def test_a_locked_keyring_fails_with_the_unlock_advice(doctor: Doctor):
    doctor.keyring.locked = True

    results = await doctor.run()

    keyring = results["keyring"]
    assert keyring.outcome is Outcome.FAILED
    assert keyring.error is not None and keyring.error.code is ErrorCode.KEYRING_LOCKED
    assert keyring.fix == localize(ErrorCode.KEYRING_LOCKED).hint
    # Checks that need the stored tokens say so instead of inventing a second problem.
    assert results["token"].outcome is Outcome.SKIPPED
    assert results["configuration"].outcome is Outcome.WARNING


async def test_no_keyring_at_all_fails_and_names_the_missing_backend(doctor: Doctor):
    result = await keyring_result(doctor, CredentialStore(fail.Keyring()))

    assert result.outcome is Outcome.FAILED
    assert result.error is not None and result.error.code is ErrorCode.KEYRING_UNAVAILABLE
    assert "GNOME Keyring" in result.fix
    assert "Secret Service" in result.detail  # the storage this system should have had


async def test_a_hanging_keyring_times_out_instead_of_freezing(make_doctor):
    doctor: Doctor = await make_doctor(keyring_timeout=0.3)
    doctor.keyring.hang = True

    result = await keyring_result(doctor, doctor.credentials)

    assert result.outcome is Outcome.FAILED
    assert result.error is not None and result.error.code is ErrorCode.KEYRING_TIMEOUT
    assert result.fix == localize(ErrorCode.KEYRING_TIMEOUT).hint
    assert result.elapsed_ms < 5000


class _StuckDiscovery:
    """Finding the storage hangs (D-Bus waiting on an unlock) until the test lets it go."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def __call__(self) -> KeyringBackend:
        self.release.wait()
        return MemoryKeyring()


@pytest.mark.parametrize(
    ("language", "detail", "message"),
    [
        (
            "en",
            "The password storage cannot be used.",
            "The system password storage did not answer in time.",
        ),
        (
            "uk",
            "Сховищем паролів не можна скористатися.",
            "Системне сховище паролів не відповіло вчасно.",
        ),
    ],
)
async def test_a_storage_that_was_never_found_is_not_named_in_either_language(
    doctor: Doctor, language: str, detail: str, message: str
):
    discovery = _StuckDiscovery()
    store = CredentialStore(resolve=discovery, timeout=0.3)
    try:
        runner = DiagnosticsRunner(doctor.session, store, checks=KEYRING_ONLY, language=language)
        (result,) = await runner.run()
    finally:
        discovery.release.set()

    assert result.error is not None and result.error.code is ErrorCode.KEYRING_TIMEOUT
    assert result.detail == detail
    assert result.error.localized(language).message == message


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The system password storage did not answer in time."),
        ("uk", "Системне сховище паролів не відповіло вчасно."),
    ],
)
async def test_a_keyring_check_that_runs_out_of_time_does_not_name_an_unknown_storage(
    doctor: Doctor, language: str, message: str
):
    discovery = _StuckDiscovery()
    store = CredentialStore(resolve=discovery, timeout=30.0)
    impatient = [replace(check, timeout=0.3) for check in KEYRING_ONLY]
    try:
        runner = DiagnosticsRunner(doctor.session, store, checks=impatient, language=language)
        (result,) = await runner.run()
    finally:
        discovery.release.set()

    assert result.error is not None and result.error.code is ErrorCode.KEYRING_TIMEOUT
    assert result.error.localized(language).message == message
