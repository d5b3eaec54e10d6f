"""The settings file: profiles, current profile, language, atomic writes, damage handling."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from filelock import FileLock

from amo_desktop.core import config as config_module
from amo_desktop.core.config import ConfigStore, Profile, WebhookSettings
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.platforms import Platform

CLIENT_ID = "1a2b3c4d-1234-5678-9abc-0123456789ab"


def make_profile(name: str = "default", **changes: object) -> Profile:
    values: dict[str, object] = {
        "name": name,
        "platform": Platform.KOMMO,
        "account": "shop.kommo.com",
        "client_id": CLIENT_ID,
        "redirect_uri": "https://example.com/callback/",
    }
    values.update(changes)
    return Profile(**values)  # type: ignore[arg-type]


def test_save_load_round_trip(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    profile = make_profile(
        backend_url="http://127.0.0.1:8000",
        token_owner="backend",
        account_id=31415,
        account_name="Shop",
        webhook=WebhookSettings(port=9000, forward_to="http://127.0.0.1:8000/hook"),
    )
    store.save(profile)
    assert store.load("default") == profile
    assert ConfigStore(tmp_path).get("default") == profile
    assert store.get("missing") is None
    assert profile.address.host == "shop.kommo.com"
    assert profile.address.token_url == "https://shop.kommo.com/oauth2/access_token"


def test_file_is_versioned_private_and_has_no_secret_fields(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.save(make_profile())
    document = json.loads(store.path.read_text())
    assert document["version"] == 1
    assert document["current"] == "default"
    assert document["language"] is None
    assert set(document["profiles"]["default"]) == {
        "platform",
        "account",
        "client_id",
        "redirect_uri",
        "backend_url",
        "token_owner",
        "account_id",
        "account_name",
        "webhook",
    }
    assert "secret" not in json.dumps(document).replace("secret_in_keyring", "")
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".config-")]


def test_custom_platform_profile(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.save(make_profile(platform=Platform.CUSTOM, account="http://127.0.0.1:8123"))
    address = store.load("default").address
    assert address.api_url("account") == "http://127.0.0.1:8123/api/v4/account"


def test_list_delete_rename_and_current(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    assert store.list() == [] and store.current is None
    store.save(make_profile("shop"))
    store.save(make_profile("demo"))
    assert [p.name for p in store.list()] == ["demo", "shop"]
    assert store.current == "shop"
    store.set_current("demo")
    renamed = store.rename("demo", "sandbox")
    assert renamed.name == "sandbox" and store.current == "sandbox"
    with pytest.raises(AmoError) as caught:
        store.rename("sandbox", "shop")
    assert caught.value.code is ErrorCode.PROFILE_EXISTS
    with pytest.raises(AmoError) as caught:
        store.rename("nope", "other")
    assert caught.value.code is ErrorCode.PROFILE_NOT_FOUND
    with pytest.raises(AmoError) as caught:
        store.rename("shop", "bad name")
    assert caught.value.code is ErrorCode.INVALID_PROFILE_NAME
    with pytest.raises(AmoError) as caught:
        store.set_current("nope")
    assert caught.value.code is ErrorCode.PROFILE_NOT_FOUND
    assert store.delete("sandbox") and not store.delete("sandbox")
    assert store.current is None
    with pytest.raises(AmoError) as caught:
        store.load("sandbox")
    assert caught.value.code is ErrorCode.PROFILE_NOT_FOUND


def test_update_and_language(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.save(make_profile())
    assert store.update("default", account_name="Shop").account_name == "Shop"
    assert store.language is None
    store.set_language("uk")
    assert ConfigStore(tmp_path).language == "uk"
    with pytest.raises(ValueError):
        store.set_language("de")


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2]",
        '{"version": 99, "profiles": {}}',
    ],
)
def test_damaged_file_is_reported_and_kept(tmp_path: Path, content: str) -> None:
    store = ConfigStore(tmp_path)
    store.path.write_text(content)
    with pytest.raises(AmoError) as caught:
        store.list()
    assert caught.value.code is ErrorCode.CONFIG_UNREADABLE
    assert caught.value.details["path"] == str(store.path)
    with pytest.raises(AmoError):
        store.save(make_profile())
    assert store.path.read_text() == content  # never silently wiped
    assert store.path.with_name("config.json.bak").read_text() == content


def test_migration_hook_upgrades_old_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def from_zero(document: dict[str, object]) -> dict[str, object]:
        return {"profiles": {"default": document["profile"]}, "current": "default"}

    monkeypatch.setitem(config_module.MIGRATIONS, 0, from_zero)
    legacy = make_profile().to_dict()
    (tmp_path / "config.json").write_text(json.dumps({"profile": legacy}))
    store = ConfigStore(tmp_path)
    assert store.load("default") == make_profile()
    store.set_language("en")
    assert json.loads(store.path.read_text())["version"] == 1


def test_a_malformed_profile_is_reported_but_not_dropped(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.path.write_text('{"version": 1, "profiles": {"x": {"platform": "nowhere"}}}')
    with pytest.raises(AmoError) as caught:
        store.load("x")
    assert caught.value.code is ErrorCode.CONFIG_UNREADABLE
    store.save(make_profile())
    assert json.loads(store.path.read_text())["profiles"]["x"] == {"platform": "nowhere"}


def test_settings_in_a_folder_that_cannot_hold_files_are_a_typed_error(tmp_path: Path) -> None:
    home = tmp_path / "a-file"
    home.write_text("not a folder", encoding="utf-8")
    with pytest.raises(AmoError) as caught:
        ConfigStore(home).save(make_profile())
    assert caught.value.code is ErrorCode.CONFIG_NOT_WRITABLE
    assert caught.value.details["path"] == str(home / "config.json")


def test_a_settings_file_that_cannot_be_replaced_is_a_typed_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = ConfigStore(home)
    with pytest.raises(AmoError) as caught, store._editing() as document:
        document["language"] = "uk"
        store.path.mkdir()  # something took the file's name while the change was being made
    assert caught.value.code is ErrorCode.CONFIG_NOT_WRITABLE
    assert sorted(path.name for path in home.iterdir()) == ["config.json", "config.json.lock"]
    store.path.rmdir()
    store.set_language("uk")  # the lock was released
    assert store.language == "uk"


def test_settings_locked_by_another_amo_desktop_are_a_typed_error(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path, lock_timeout=0)
    store.save(make_profile())
    other = FileLock(str(store.path) + ".lock")
    with other:
        with pytest.raises(AmoError) as caught:
            store.save(make_profile("other"))
        assert caught.value.code is ErrorCode.CONFIG_LOCKED
    store.save(make_profile("other"))
    assert [profile.name for profile in store.list()] == ["default", "other"]


def _writer(home: Path, role: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.config_writer_worker", str(home), role],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_two_programs_changing_different_fields_keep_both_changes(tmp_path: Path) -> None:
    """The GUI saving the account after a test while ``configure`` saves a new redirect URI.

    The first program stops right after reading the file for its change; the second then
    makes its own change, and the first goes on only once the second is asking for the lock.
    A change built on a stale read would undo the other one whichever finishes last.
    """
    from tests.core import config_writer_worker as worker

    ConfigStore(tmp_path).save(make_profile())
    first = _writer(tmp_path, "first")
    second: subprocess.Popen[str] | None = None
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline() == "read\n"
        second = _writer(tmp_path, "second")
        assert second.stdout is not None
        assert second.stdout.readline() == "locking\n"
        first.stdin.write("go\n")
        first.stdin.flush()
        assert first.stdout.readline() == "done\n"
        assert second.stdout.readline() == "done\n"
        assert first.wait(timeout=30) == 0 and second.wait(timeout=30) == 0
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    stored = ConfigStore(tmp_path).load("default")
    assert stored.redirect_uri == worker.SECOND_REDIRECT_URI
    assert (stored.account_id, stored.account_name) == (
        worker.FIRST_ACCOUNT_ID,
        worker.FIRST_ACCOUNT_NAME,
    )


def test_update_changes_only_the_named_fields_of_the_stored_profile(tmp_path: Path) -> None:
    mine, theirs = ConfigStore(tmp_path), ConfigStore(tmp_path)
    mine.save(make_profile())
    stale = mine.load("default")
    theirs.update("default", token_owner="backend", backend_url="http://127.0.0.1:8000")
    updated = mine.update("default", account_id=7)
    assert updated == replace(
        stale, token_owner="backend", backend_url="http://127.0.0.1:8000", account_id=7
    )
    assert ConfigStore(tmp_path).load("default") == updated
    with pytest.raises(AmoError) as caught:
        mine.update("missing", account_id=7)
    assert caught.value.code is ErrorCode.PROFILE_NOT_FOUND
    assert mine.get("missing") is None


def test_save_only_creates_and_edit_creates_or_changes_in_one_step(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.save(make_profile())
    with pytest.raises(AmoError) as caught:
        store.save(make_profile(account_id=1))
    assert caught.value.code is ErrorCode.PROFILE_EXISTS
    assert store.load("default").account_id is None

    seen: list[Profile | None] = []

    def keep_or_create(stored: Profile | None) -> Profile:
        seen.append(stored)
        return stored or make_profile("shop")

    assert store.edit("shop", keep_or_create) == make_profile("shop")
    assert store.edit("shop", keep_or_create) == make_profile("shop")
    assert seen == [None, make_profile("shop")]
    with pytest.raises(ValueError):
        store.edit("shop", lambda stored: make_profile("other"))
    assert [profile.name for profile in store.list()] == ["default", "shop"]


def test_a_field_update_keeps_keys_this_version_does_not_know(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    entry = {**make_profile().to_dict(), "added_later": "kept"}
    store.path.write_text(json.dumps({"version": 1, "profiles": {"default": entry}}))
    store.update("default", account_name="Shop")
    stored = json.loads(store.path.read_text())["profiles"]["default"]
    assert stored["added_later"] == "kept" and stored["account_name"] == "Shop"
