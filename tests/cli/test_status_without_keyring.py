"""``status`` is the no-network "what is configured" view: it works without any keyring."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from amo_desktop.core.credentials import CredentialStore
from tests.cli.conftest import Cli, Keys, configure_args

pytestmark = pytest.mark.secret_service

NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def test_status_without_a_keyring_shows_the_settings_and_says_what_to_do(
    cli: Cli, keys: Keys
) -> None:
    configured = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert configured.returncode == 0, configured

    human = cli("status", env=NO_KEYRING)
    assert human.returncode == 0, human
    assert "Traceback" not in human.stdout + human.stderr
    assert keys.client_id in human.stdout
    assert keys.redirect_uri in human.stdout
    assert "Secret key:     unknown: the keyring is unavailable" in human.stdout
    assert "What to do: " in human.stdout

    script = cli("status", "--json", env=NO_KEYRING)
    assert script.returncode == 0, script
    payload = script.json()
    assert payload["configured"] is True
    assert payload["client_id"] == keys.client_id
    assert payload["token"] is None
    assert payload["keyring_available"] is False
    assert payload["keyring_error"]["code"] == "keyring.unavailable"  # type: ignore[index]
    assert cli("status", "--json").json()["keyring_available"] is True


def test_without_a_keyring_the_missing_storage_is_named_in_words_of_either_language(
    cli: Cli, keys: Keys
) -> None:
    configured = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert configured.returncode == 0, configured

    ukrainian = cli("--lang", "uk", "status", env=NO_KEYRING)
    english = cli("--lang", "en", "status", env=NO_KEYRING)

    assert ukrainian.returncode == 0 and english.returncode == 0, (ukrainian, english)
    assert "  Сховище паролів: Secret Service" in ukrainian.stdout
    assert "Системне сховище паролів (Secret Service) недоступне" in ukrainian.stdout
    assert "The system password storage (Secret Service) is not available" in english.stdout
    for result in (ukrainian, english):
        assert "no password storage found" not in result.stdout + result.stderr


async def test_a_missing_keyring_reads_naturally_in_the_error_it_causes() -> None:
    store = CredentialStore(fail.Keyring())

    described = await store.describe()

    assert not described.usable and described.error is not None
    ukrainian = described.error.localized("uk").message
    assert ukrainian.startswith("Системне сховище паролів (Secret Service) недоступне")


def test_status_of_an_unset_profile_still_says_whether_the_keyring_works(cli: Cli) -> None:
    broken = cli("status", "--json", env=NO_KEYRING)
    assert broken.returncode == 0, broken
    payload = broken.json()
    assert payload["configured"] is False
    assert payload["keyring_available"] is False
    assert payload["keyring_error"]["code"] == "keyring.unavailable"  # type: ignore[index]

    human = cli("status", env=NO_KEYRING)
    assert human.returncode == 0, human
    assert "What to do: " in human.stdout

    working = cli("status", "--json").json()
    assert working["keyring_available"] is True
    assert working["keyring_backend"] == "Secret Service (GNOME Keyring)"
