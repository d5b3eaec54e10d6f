"""ProfileManager: rename and delete move or remove the config entry and every keyring entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from amo_desktop.core.config import ConfigStore, Profile
from amo_desktop.core.credentials import SERVICE_NAME, CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.paths import profile_dir
from amo_desktop.core.platforms import Platform
from amo_desktop.core.profiles import ProfileManager
from amo_desktop.core.tokens import TokenSet

LONG_TOKENS = TokenSet(  # long enough to be split into parts
    access_token="eyJ" + "A" * 2400,
    refresh_token="def50200" + "b" * 1800,
    expires_at=1_700_086_400.0,
    kind="oauth",
    obtained_at=1_700_000_000.0,
    api_domain="api-b.amocrm.ru",
    account_id=31415,
    account_host="shop.amocrm.ru",
)


def profile(name: str) -> Profile:
    return Profile(
        name=name,
        platform=Platform.KOMMO,
        account="shop.kommo.com",
        client_id="1a2b3c4d-1234-5678-9abc-0123456789ab",
        redirect_uri="https://example.com/callback/",
    )


async def seeded(home: Path, store: CredentialStore, name: str) -> ConfigStore:
    config = ConfigStore(home)
    config.save(profile(name))
    await store.set_client_secret(name, "s3cr3t")
    await store.set_tokens(name, LONG_TOKENS)
    await store.set(name, "webhook_secret", "hook-secret")
    return config


def entry_names(backend: MemoryKeyring, prefix: str) -> list[str]:
    return sorted(name for service, name in backend.entries if name.startswith(prefix))


async def test_rename_moves_every_entry_and_part_and_the_folder(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = CredentialStore(memory_keyring, timeout=5.0)
    config = await seeded(tmp_path, store, "default")
    folder = profile_dir(tmp_path, "default")
    folder.mkdir(parents=True)
    (folder / "journal.jsonl").write_text("{}\n", encoding="utf-8")
    parts_before = [n for n in entry_names(memory_keyring, "default:") if "@" in n]
    assert parts_before  # the tokens really are chunked

    renamed = await ProfileManager(config, store).rename("default", "shop")

    assert renamed.name == "shop"
    assert [p.name for p in config.list()] == ["shop"]
    assert config.current == "shop"
    assert entry_names(memory_keyring, "default:") == []
    assert await store.get_client_secret("shop") == "s3cr3t"
    assert await store.get_tokens("shop") == LONG_TOKENS
    assert await store.get("shop", "webhook_secret") == "hook-secret"
    assert (profile_dir(tmp_path, "shop") / "journal.jsonl").exists()
    assert not folder.exists()
    # Deleting the renamed profile finds every key again (the index moved too).
    await ProfileManager(config, store).delete("shop")
    assert entry_names(memory_keyring, "shop:") == []


async def test_rename_refuses_taken_unknown_and_invalid_names_without_touching_secrets(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = CredentialStore(memory_keyring, timeout=5.0)
    config = await seeded(tmp_path, store, "default")
    config.save(profile("other"))
    manager = ProfileManager(config, store)
    before = dict(memory_keyring.entries)
    for old, new, code in (
        ("default", "other", ErrorCode.PROFILE_EXISTS),
        ("missing", "fresh", ErrorCode.PROFILE_NOT_FOUND),
        ("default", "no/slash", ErrorCode.INVALID_PROFILE_NAME),
    ):
        with pytest.raises(AmoError) as caught:
            await manager.rename(old, new)
        assert caught.value.code is code
    assert memory_keyring.entries == before
    assert [p.name for p in config.list()] == ["default", "other"]


async def test_rename_drops_leftovers_of_an_earlier_profile_with_the_new_name(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = CredentialStore(memory_keyring, timeout=5.0)
    config = await seeded(tmp_path, store, "default")
    await store.set("shop", "stale_key", "from a profile deleted long ago")
    await ProfileManager(config, store).rename("default", "shop")
    assert await store.get("shop", "stale_key") is None
    assert await store.get_client_secret("shop") == "s3cr3t"


async def test_a_keyring_failure_while_copying_leaves_the_old_profile_whole(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = CredentialStore(memory_keyring, timeout=5.0)
    config = await seeded(tmp_path, store, "default")
    before = dict(memory_keyring.entries)
    memory_keyring.crash_after_writes = memory_keyring.writes + 3  # dies among the copies
    with pytest.raises(AmoError):
        await ProfileManager(config, store).rename("default", "shop")
    memory_keyring.crash_after_writes = None
    assert [p.name for p in config.list()] == ["default"]
    assert memory_keyring.entries == before
    assert await store.get_tokens("default") == LONG_TOKENS


async def test_delete_removes_the_profile_and_all_its_entries(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    store = CredentialStore(memory_keyring, timeout=5.0)
    config = await seeded(tmp_path, store, "default")
    await seeded(tmp_path, store, "keep")
    manager = ProfileManager(config, store)
    journal = profile_dir(tmp_path, "default") / "webhooks" / "journal.jsonl"
    journal.parent.mkdir(parents=True)
    journal.write_text("{}\n", encoding="utf-8")
    assert await manager.delete("default") is True
    assert [p.name for p in config.list()] == ["keep"]
    assert not profile_dir(tmp_path, "default").exists()
    assert entry_names(memory_keyring, "default:") == []
    assert await store.get_tokens("keep") == LONG_TOKENS
    # Deleting again still clears leftovers and reports that there was no such profile.
    await store.set("default", "webhook_secret", "left behind")
    assert await manager.delete("default") is False
    assert entry_names(memory_keyring, "default:") == []


@pytest.mark.secret_service
async def test_rename_and_delete_with_the_real_secret_service(
    tmp_path: Path, secret_service_keyring: KeyringBackend
) -> None:
    store = CredentialStore(secret_service_keyring, timeout=20.0)
    config = await seeded(tmp_path, store, "ss-profiles-old")
    manager = ProfileManager(config, store)
    await manager.rename("ss-profiles-old", "ss-profiles-new")
    assert await store.get_tokens("ss-profiles-old") is None
    assert await store.get_client_secret("ss-profiles-old") is None
    assert secret_service_keyring.get_password(SERVICE_NAME, "ss-profiles-old:__keys__") is None
    assert await store.get_tokens("ss-profiles-new") == LONG_TOKENS
    assert await store.get("ss-profiles-new", "webhook_secret") == "hook-secret"
    assert await manager.delete("ss-profiles-new") is True
    assert await store.get_tokens("ss-profiles-new") is None
    assert await store.get("ss-profiles-new", "webhook_secret") is None
    assert secret_service_keyring.get_password(SERVICE_NAME, "ss-profiles-new:__keys__") is None
