"""The remembered keyring backend: loaded directly next time, rediscovered when it fails."""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.compat import properties
from keyring.util import platform_

from amo_desktop.core import keyring_backend
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.keyring_backend import (
    STATE_FILE_NAME,
    load_remembered,
    qualified_name,
    remember,
    system_keyring,
)
from amo_desktop.core.memory_keyring import MemoryKeyring


class SwitchableKeyring(MemoryKeyring):
    """Viable only while a test sets ``test_priority``, so keyring's discovery never picks it."""

    test_priority: float | None = None

    @properties.classproperty
    def priority(cls) -> float:
        if cls.test_priority is None:
            raise RuntimeError("not viable outside the test that enables it")
        return cls.test_priority


SWITCHABLE = f"{__name__}.SwitchableKeyring"


class Discovery:
    """Stands in for ``keyring.get_keyring`` and counts how often the full discovery ran."""

    def __init__(self, backend: KeyringBackend) -> None:
        self.backend = backend
        self.calls = 0

    def __call__(self) -> KeyringBackend:
        self.calls += 1
        return self.backend


@pytest.fixture(autouse=True)
def no_user_keyring_choice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(platform_, "config_root", lambda: tmp_path / "keyring-config")


@pytest.fixture
def viable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SwitchableKeyring, "test_priority", 1.0)


def remembered_name(home: Path) -> str | None:
    path = home / STATE_FILE_NAME
    return json.loads(path.read_text())["backend"] if path.exists() else None


@pytest.mark.usefixtures("viable")
def test_the_first_choice_is_remembered_and_loaded_next_time_without_discovery(
    tmp_path: Path,
) -> None:
    first = Discovery(SwitchableKeyring())
    assert system_keyring(tmp_path, discover=first) is first.backend
    assert first.calls == 1
    assert remembered_name(tmp_path) == SWITCHABLE

    again = Discovery(null.Keyring())
    backend = system_keyring(tmp_path, discover=again)
    assert type(backend) is SwitchableKeyring
    assert again.calls == 0


def test_a_remembered_backend_that_no_longer_works_is_rediscovered(tmp_path: Path) -> None:
    remember(tmp_path, SwitchableKeyring())  # its priority raises now: not viable here
    assert remembered_name(tmp_path) == SWITCHABLE
    discovery = Discovery(MemoryKeyring())
    assert system_keyring(tmp_path, discover=discovery) is discovery.backend
    assert discovery.calls == 1
    assert remembered_name(tmp_path) == "amo_desktop.core.memory_keyring.MemoryKeyring"


@pytest.mark.parametrize("priority", [0.0, -1.0])
def test_a_remembered_backend_with_priority_zero_or_less_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, priority: float
) -> None:
    monkeypatch.setattr(SwitchableKeyring, "test_priority", priority)
    remember(tmp_path, SwitchableKeyring())
    assert load_remembered(tmp_path) is None


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        json.dumps(["a list"]),
        json.dumps({"backend": 42}),
        json.dumps({"backend": "no_such_module_anywhere.Keyring"}),
        json.dumps({"backend": "keyring.backends.SecretService.NoSuchClass"}),
        json.dumps({"backend": "pathlib.Path"}),  # a class, but not a keyring backend
        json.dumps({"backend": "keyring.backends.fail.Keyring"}),
    ],
)
def test_a_damaged_or_wrong_memory_falls_back_to_discovery(tmp_path: Path, content: str) -> None:
    (tmp_path / STATE_FILE_NAME).write_text(content)
    assert load_remembered(tmp_path) is None
    discovery = Discovery(MemoryKeyring())
    assert system_keyring(tmp_path, discover=discovery) is discovery.backend
    assert discovery.calls == 1


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), chainer.ChainerBackend()],
    ids=["fail", "null", "chainer"],
)
def test_backends_that_keep_nothing_or_chain_several_are_not_remembered(
    tmp_path: Path, backend: KeyringBackend
) -> None:
    assert system_keyring(tmp_path, discover=Discovery(backend)) is backend
    assert not (tmp_path / STATE_FILE_NAME).exists()


@pytest.mark.usefixtures("viable")
def test_the_environment_variable_lets_keyring_decide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember(tmp_path, SwitchableKeyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    discovery = Discovery(null.Keyring())
    assert system_keyring(tmp_path, discover=discovery) is discovery.backend
    assert discovery.calls == 1
    assert remembered_name(tmp_path) == SWITCHABLE  # neither used nor overwritten


@pytest.mark.usefixtures("viable")
def test_a_keyring_config_file_lets_keyring_decide(tmp_path: Path) -> None:
    home = tmp_path / "home"
    remember(home, SwitchableKeyring())
    config = tmp_path / "keyring-config" / "keyringrc.cfg"
    config.parent.mkdir()
    config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n")
    assert keyring_backend.keyring_config_file() == config
    discovery = Discovery(MemoryKeyring())
    assert system_keyring(home, discover=discovery) is discovery.backend
    assert discovery.calls == 1


def test_an_unwritable_home_costs_only_speed(tmp_path: Path) -> None:
    home = tmp_path / "a file, not a folder"
    home.write_text("")
    discovery = Discovery(MemoryKeyring())
    assert system_keyring(home, discover=discovery) is discovery.backend
    assert system_keyring(home, discover=discovery) is discovery.backend
    assert discovery.calls == 2


async def test_the_credential_store_resolves_once_in_a_worker_thread() -> None:
    backend = MemoryKeyring()
    threads: list[threading.Thread] = []
    entered, release = threading.Event(), threading.Event()

    def slow_resolve() -> KeyringBackend:
        threads.append(threading.current_thread())
        entered.set()
        release.wait(5)
        return backend

    store = CredentialStore(resolve=slow_resolve, timeout=5.0)
    reads = asyncio.gather(store.get_client_secret("shop"), store.get_tokens("shop"))
    assert await asyncio.to_thread(entered.wait, 5)  # both reads have started by now
    release.set()
    assert await reads == [None, None]
    assert len(threads) == 1
    assert threads[0] is not threading.main_thread()
    assert store.backend_name == "in-memory test keyring"


def test_the_real_secret_service_is_remembered_and_reloaded(
    tmp_path: Path, secret_service_keyring: KeyringBackend
) -> None:
    remember(tmp_path, secret_service_keyring)
    assert remembered_name(tmp_path) == "keyring.backends.SecretService.Keyring"
    loaded = load_remembered(tmp_path)
    assert loaded is not None
    assert qualified_name(loaded) == "keyring.backends.SecretService.Keyring"
    assert loaded.get_password("amo-desktop-tests", "nothing-here") is None
