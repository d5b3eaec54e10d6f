"""``status`` is the no-network "what is configured" view: it works without any keyring."""

from __future__ import annotations

import pytest

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
