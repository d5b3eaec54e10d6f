"""``profiles rename`` and ``profiles delete`` move and remove the keyring entries too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from amo_desktop.core.credentials import SERVICE_NAME, CredentialStore
from tests.cli.conftest import Cli, Keys, configure_args

CLIENT_ID = "5f2d8c1e-7a4b-4e3f-9b6a-1c2d3e4f5a6b"
REDIRECT_URI = "https://example.com/callback"


@pytest.mark.secret_service
async def test_rename_then_delete_carry_the_secrets_along(
    cli: Cli, keys: Keys, shared_keyring: KeyringBackend
) -> None:
    configured = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert configured.returncode == 0, configured
    store = CredentialStore(shared_keyring, timeout=20.0)
    await store.set(cli.profile, "webhook_secret", "hook-secret")
    old, new = cli.profile, f"{cli.profile}-renamed"

    renamed = cli("profiles", "rename", old, new, "--json", profile=False)
    assert renamed.returncode == 0, renamed
    assert renamed.json() == {"status": "ok", "old": old, "new": new}
    assert await store.get_client_secret(old) is None
    assert await store.get(old, "webhook_secret") is None
    assert await store.get_client_secret(new) == keys.client_secret
    assert await store.get(new, "webhook_secret") == "hook-secret"

    deleted = cli("profiles", "delete", new, "--json", profile=False)
    assert deleted.returncode == 0, deleted
    assert await store.get_client_secret(new) is None
    assert await store.get(new, "webhook_secret") is None
    assert shared_keyring.get_password(SERVICE_NAME, f"{new}:__keys__") is None
    missing = cli("profiles", "delete", new, "--json", profile=False)
    assert missing.returncode != 0
    assert missing.json()["error"]["code"] == "config.profile_not_found"  # type: ignore[index]


def test_after_deleting_the_current_profile_the_list_marks_default_which_commands_use(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from amo_desktop.cli.main import main
    from amo_desktop.core.config import ConfigStore, Profile
    from amo_desktop.core.platforms import Platform

    store = ConfigStore(app_home)
    for name in ("default", "shop"):
        store.save(Profile(name, Platform.AMOCRM_RU, "demo.amocrm.ru", CLIENT_ID, REDIRECT_URI))
    store.set_current("shop")
    store.delete("shop")

    assert main(["--json", "profiles", "list"]) == 0
    assert json.loads(capsys.readouterr().out)["current"] == "default"
    assert main(["profiles", "list"]) == 0
    assert capsys.readouterr().out.splitlines() == ["* default  demo.amocrm.ru"]
