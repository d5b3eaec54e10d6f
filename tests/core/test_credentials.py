"""CredentialStore over an in-memory backend and over the real Secret Service."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from functools import partial

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import InitError

from amo_desktop.core.credentials import SERVICE_NAME, UNKNOWN_BACKEND_NAME, CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.keyring_chunks import write_entry
from amo_desktop.core.memory_keyring import WINDOWS_MAX_BLOB_BYTES, CredWriteError, MemoryKeyring
from amo_desktop.core.tokens import TokenSet

LONG_TOKENS = TokenSet(
    access_token="eyJ" + "A" * 2400,
    refresh_token="def50200" + "b" * 1800,
    expires_at=1_700_086_400.0,
    kind="oauth",
    obtained_at=1_700_000_000.0,
    api_domain="api-b.amocrm.ru",
    account_id=31415,
    account_host="shop.amocrm.ru",
)


async def test_round_trip_of_secret_tokens_and_other_keys(
    credential_store: CredentialStore,
) -> None:
    assert await credential_store.get_client_secret("shop") is None
    assert await credential_store.get_tokens("shop") is None
    await credential_store.set_client_secret("shop", "s3cr3t")
    await credential_store.set_tokens("shop", LONG_TOKENS)
    await credential_store.set("shop", "webhook_secret", "hook")
    assert await credential_store.get_client_secret("shop") == "s3cr3t"
    assert await credential_store.get_tokens("shop") == LONG_TOKENS
    assert await credential_store.get("shop", "webhook_secret") == "hook"
    await credential_store.delete_tokens("shop")
    assert await credential_store.get_tokens("shop") is None
    assert await credential_store.get_client_secret("shop") == "s3cr3t"
    await credential_store.delete_tokens("shop")  # deleting twice is fine


async def test_values_above_the_windows_limit_are_chunked() -> None:
    backend = MemoryKeyring(max_value_bytes=WINDOWS_MAX_BLOB_BYTES)
    with pytest.raises(CredWriteError):  # the emulation refuses what Windows refuses
        backend.set_password(SERVICE_NAME, "probe", "x" * 1281)
    store = CredentialStore(backend)
    await store.set_tokens("shop", LONG_TOKENS)
    assert len(LONG_TOKENS.to_json()) > 4000
    assert await store.get_tokens("shop") == LONG_TOKENS
    assert all(
        len(v.encode("utf-16-le")) <= WINDOWS_MAX_BLOB_BYTES for v in backend.entries.values()
    )
    head = backend.entries[(SERVICE_NAME, "shop:tokens")]
    assert head.startswith("amo-desktop-chunks:v1:")
    unicode_value = "Привіт, світе! 🌍" * 300
    await store.set("shop", "note", unicode_value)
    assert await store.get("shop", "note") == unicode_value


async def test_rewrites_remove_the_previous_generation(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore(memory_keyring)
    await store.set("shop", "tokens", "a" * 5000)
    first_parts = {name for _, name in memory_keyring.entries if name.startswith("shop:tokens@")}
    await store.set("shop", "tokens", "b" * 5000)
    second_parts = {name for _, name in memory_keyring.entries if name.startswith("shop:tokens@")}
    assert first_parts and second_parts and not first_parts & second_parts
    await store.set("shop", "tokens", "short")
    assert not [name for _, name in memory_keyring.entries if name.startswith("shop:tokens@")]
    assert await store.get("shop", "tokens") == "short"


async def test_a_crash_while_writing_parts_keeps_the_previous_value(
    memory_keyring: MemoryKeyring,
) -> None:
    store = CredentialStore(memory_keyring)
    await store.set("shop", "tokens", "old" * 2000)
    memory_keyring.crash_after_writes = memory_keyring.writes + 2  # dies among the new parts
    with pytest.raises(AmoError) as caught:
        await store.set("shop", "tokens", "new" * 2000)
    assert caught.value.code is ErrorCode.KEYRING_WRITE_FAILED
    memory_keyring.crash_after_writes = None
    assert await store.get("shop", "tokens") == "old" * 2000


async def test_a_crash_after_the_head_keeps_the_new_value(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore(memory_keyring)
    await store.set("shop", "tokens", "old" * 2000)
    new_value = "new" * 2000
    parts = 5  # 6,000 characters at 1,200 per part; the head is the next write
    memory_keyring.crash_after_writes = memory_keyring.writes + parts + 1
    await store.set("shop", "tokens", new_value)  # cleanup only deletes, never crashes
    assert await store.get("shop", "tokens") == new_value


async def test_a_damaged_part_is_detected(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore(memory_keyring)
    await store.set("shop", "tokens", "x" * 3000)
    part = next(key for key in memory_keyring.entries if key[1].startswith("shop:tokens@"))
    memory_keyring.entries[part] = "y" * len(memory_keyring.entries[part])
    with pytest.raises(AmoError) as caught:
        await store.get("shop", "tokens")
    assert caught.value.code is ErrorCode.KEYRING_ERROR


class _WriterBetweenHeadAndParts(MemoryKeyring):
    """Runs ``between`` once, right after a read of ``entry``'s head: a writer in another
    process that finishes while a reader holds the old head but has not read its parts."""

    def __init__(self, entry: str) -> None:
        super().__init__()
        self.entry = entry
        self.between: Callable[[], None] | None = None

    def get_password(self, service: str, username: str) -> str | None:
        value = super().get_password(service, username)
        if username == self.entry and self.between is not None:
            between, self.between = self.between, None
            between()
        return value


async def test_a_read_racing_a_rewrite_returns_the_new_value() -> None:
    backend = _WriterBetweenHeadAndParts("shop:tokens")
    store = CredentialStore(backend)
    await store.set("shop", "tokens", "old" * 2000)
    new_value = "new" * 2000
    backend.between = partial(write_entry, backend, "shop:tokens", new_value)
    assert await store.get("shop", "tokens") == new_value
    assert backend.between is None  # the rewrite did happen between head and parts


async def test_unreadable_token_bundle_is_a_keyring_error(
    credential_store: CredentialStore,
) -> None:
    await credential_store.set("shop", "tokens", "{not json")
    with pytest.raises(AmoError) as caught:
        await credential_store.get_tokens("shop")
    assert caught.value.code is ErrorCode.KEYRING_ERROR


async def test_delete_profile_removes_every_entry(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore(memory_keyring)
    await store.set_client_secret("shop", "s")
    await store.set_tokens("shop", LONG_TOKENS)
    await store.set("shop", "webhook_secret", "w" * 4000)
    await store.set_client_secret("other", "keep")
    await store.delete_profile("shop")
    assert [name for _, name in memory_keyring.entries] == ["other:__keys__", "other:client_secret"]
    await store.delete_profile("shop")


async def test_locked_keyring(
    memory_keyring: MemoryKeyring, credential_store: CredentialStore
) -> None:
    memory_keyring.locked = True
    with pytest.raises(AmoError) as caught:
        await credential_store.get_client_secret("shop")
    assert caught.value.code is ErrorCode.KEYRING_LOCKED
    assert caught.value.details["backend"] == "in-memory test keyring"


async def test_hanging_keyring_times_out_naming_the_backend(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.hang = True
    store = CredentialStore(memory_keyring, timeout=0.2)
    try:
        with pytest.raises(AmoError) as caught:
            await store.set_client_secret("shop", "s")
    finally:
        memory_keyring.hang = False
    assert caught.value.code is ErrorCode.KEYRING_TIMEOUT
    assert "in-memory test keyring" in caught.value.localized("en").message


class _StuckDiscovery:
    """A backend discovery stuck on D-Bus until ``release`` is set."""

    def __init__(self) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def __call__(self) -> KeyringBackend:
        self.calls += 1
        self.started.set()
        self.release.wait()
        return MemoryKeyring()


def _name_from_another_thread(store: CredentialStore) -> str | None:
    """``backend_name`` read off the test's thread, so an old blocking property fails the test
    (the answer does not come) instead of hanging it."""
    answers: list[str] = []
    answered = threading.Event()

    def read() -> None:
        answers.append(store.backend_name)
        answered.set()

    threading.Thread(target=read, daemon=True).start()
    return answers[0] if answered.wait(timeout=5.0) else None


def test_backend_name_does_not_start_the_discovery() -> None:
    discovery = _StuckDiscovery()
    discovery.release.set()
    store = CredentialStore(resolve=discovery)
    assert store.backend_name == UNKNOWN_BACKEND_NAME
    assert discovery.calls == 0


async def test_backend_name_answers_while_the_discovery_hangs() -> None:
    discovery = _StuckDiscovery()
    store = CredentialStore(resolve=discovery, timeout=0.2)
    try:
        with pytest.raises(AmoError) as caught:
            await store.get_client_secret("shop")
        assert caught.value.code is ErrorCode.KEYRING_TIMEOUT
        assert discovery.started.is_set()  # the worker still holds the discovery lock
        assert _name_from_another_thread(store) == UNKNOWN_BACKEND_NAME
        status = await store.describe()  # goes through the worker and its time-out
        assert not status.usable and status.error is not None
        assert status.error.code is ErrorCode.KEYRING_TIMEOUT
        assert status.backend_name == UNKNOWN_BACKEND_NAME
    finally:
        discovery.release.set()
    status = await store.describe()
    assert status.usable and status.backend_name == "in-memory test keyring"
    assert store.backend_name == "in-memory test keyring"
    assert discovery.calls == 1


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
async def test_no_usable_keyring_never_falls_back(backend: KeyringBackend) -> None:
    store = CredentialStore(backend)
    for operation in (store.get_client_secret("shop"), store.set_client_secret("shop", "s")):
        with pytest.raises(AmoError) as caught:
            await operation
        assert caught.value.code is ErrorCode.KEYRING_UNAVAILABLE
        assert "gnome-keyring-daemon" in caught.value.localized("en").hint
    status = await store.describe()
    assert not status.usable and status.error is not None


class _FailingKeyring(MemoryKeyring):
    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


class SecretServiceNotAvailableException(Exception):
    """Same name as secretstorage's, which the store recognizes by name."""


def _wrapped_unavailable() -> Exception:
    try:
        raise SecretServiceNotAvailableException("no daemon")
    except SecretServiceNotAvailableException as cause:
        error = InitError("Failed to create the collection")
        error.__cause__ = cause
        return error


@pytest.mark.parametrize(
    ("error", "read_code", "write_code"),
    [
        (
            InitError("Failed to create the collection"),
            ErrorCode.KEYRING_LOCKED,
            ErrorCode.KEYRING_LOCKED,
        ),
        (_wrapped_unavailable(), ErrorCode.KEYRING_UNAVAILABLE, ErrorCode.KEYRING_UNAVAILABLE),
        (RuntimeError("boom"), ErrorCode.KEYRING_ERROR, ErrorCode.KEYRING_WRITE_FAILED),
    ],
)
async def test_backend_errors_become_typed_errors(
    error: Exception, read_code: ErrorCode, write_code: ErrorCode
) -> None:
    store = CredentialStore(_FailingKeyring(error))
    with pytest.raises(AmoError) as caught:
        await store.get("shop", "client_secret")
    assert caught.value.code is read_code
    with pytest.raises(AmoError) as caught:
        await store.set("shop", "client_secret", "s")
    assert caught.value.code is write_code


async def test_profile_and_key_names_are_checked(credential_store: CredentialStore) -> None:
    with pytest.raises(AmoError) as caught:
        await credential_store.get_client_secret("bad:name")
    assert caught.value.code is ErrorCode.INVALID_PROFILE_NAME
    with pytest.raises(ValueError):
        await credential_store.get("shop", "a@b")


async def test_describe_a_working_store(credential_store: CredentialStore) -> None:
    status = await credential_store.describe()
    assert status.usable and status.backend_name == "in-memory test keyring"


@pytest.mark.secret_service
async def test_real_secret_service_round_trip(secret_service_keyring: KeyringBackend) -> None:
    store = CredentialStore(secret_service_keyring, timeout=20.0)
    assert store.backend_name == "Secret Service (GNOME Keyring)"
    await store.set_client_secret("ss-test", "real-secret")
    await store.set_tokens("ss-test", LONG_TOKENS)
    assert await store.get_client_secret("ss-test") == "real-secret"
    assert await store.get_tokens("ss-test") == LONG_TOKENS
    assert (await store.describe()).usable
    await store.delete_profile("ss-test")
    assert await store.get_tokens("ss-test") is None
    assert await store.get_client_secret("ss-test") is None
    assert secret_service_keyring.get_password(SERVICE_NAME, "ss-test:__keys__") is None


def test_a_stuck_keyring_does_not_keep_the_program_from_exiting() -> None:
    script = (
        "import asyncio\n"
        "from amo_desktop.core.credentials import CredentialStore\n"
        "from amo_desktop.core.memory_keyring import MemoryKeyring\n"
        "from amo_desktop.core.errors import AmoError\n"
        "backend = MemoryKeyring(); backend.hang = True\n"
        "try:\n"
        "    asyncio.run(CredentialStore(backend, timeout=0.1).get_client_secret('shop'))\n"
        "except AmoError as error:\n"
        "    print(error.code.value)\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=True
    )
    assert finished.stdout.strip() == "keyring.timeout"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The system password storage did not answer in time."),
        ("uk", "Системне сховище паролів не відповіло вчасно."),
    ],
)
async def test_a_storage_that_never_answered_is_not_named_in_either_language(
    language: str, message: str
) -> None:
    discovery = _StuckDiscovery()
    store = CredentialStore(resolve=discovery, timeout=0.2)
    try:
        with pytest.raises(AmoError) as caught:
            await store.get_client_secret("shop")
    finally:
        discovery.release.set()
    assert caught.value.code is ErrorCode.KEYRING_TIMEOUT
    # No stand-in name (an English one in a Ukrainian sentence) and no empty brackets.
    assert caught.value.localized(language).message == message
