"""The real ``amo-desktop`` in child processes against a sandbox on loopback, with the real
Secret Service shared between the children. Outputs and the app home are scanned for secrets.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.sandbox import ThreadedSandbox
from tests.cli.conftest import (
    Cli,
    Keys,
    TokenReceiver,
    assert_no_secret_anywhere,
    configure_args,
    issue_code,
)

pytestmark = pytest.mark.secret_service


@pytest.fixture
def logged_in(cli: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox) -> Cli:
    configured = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert configured.returncode == 0, configured
    login = cli("login", "--code", issue_code(threaded_sandbox, keys))
    assert login.returncode == 0, login
    return cli


async def stored_secrets(keyring: KeyringBackend, profile: str) -> list[str]:
    store = CredentialStore(keyring)
    tokens = await store.get_tokens(profile)
    assert tokens is not None
    return [tokens.access_token, tokens.refresh_token or ""]


async def test_a_newcomer_connects_tests_and_creates_a_lead_without_leaking_secrets(
    cli: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox, shared_keyring: KeyringBackend
) -> None:
    configured = cli(*configure_args(keys), "--client-secret-stdin", stdin=keys.client_secret)
    assert configured.returncode == 0, configured
    assert f"Saved the profile “{cli.profile}”" in configured.stdout

    before_login = cli("status", "--json").json()
    assert before_login["configured"] is True
    assert before_login["has_client_secret"] is True
    assert before_login["token"] is None

    code = issue_code(threaded_sandbox, keys)
    login = cli("login", "--code", code)
    assert login.returncode == 0, login
    assert "Connected" in login.stdout

    status = cli("status")
    assert status.returncode == 0, status
    assert "OAuth (refreshed automatically), owned by this app" in status.stdout
    assert "expires in 23 h" in status.stdout or "expires in 1 d" in status.stdout
    assert "Secret Service" in status.stdout
    status_json = cli("status", "--json").json()
    token = status_json["token"]
    assert isinstance(token, dict)
    assert token["kind"] == "oauth"
    assert token["owner"] == "desktop"
    assert int(str(token["expires_in_seconds"])) > 3600
    assert status_json["client_id"] == keys.client_id

    tested = cli("test")
    assert tested.returncode == 0, tested
    assert tested.stdout.splitlines()[0] == "AMO CRM integration is ready"
    tested_json = cli("test", "--json").json()
    account = threaded_sandbox.state.account
    assert tested_json == {
        "status": "ok",
        "message": "AMO CRM integration is ready",
        "account": {"id": account.id, "name": account.name, "subdomain": account.subdomain},
    }

    pipelines = cli("pipelines", "--json").json()
    statuses = {s["id"] for p in pipelines["pipelines"] for s in p["statuses"]}  # type: ignore[union-attr, index]
    assert {142, 143} <= statuses
    assert "(main)" in cli("pipelines").stdout

    lead = cli("test-lead", "--json", "--price", "1500").json()
    assert lead["status"] == "success"
    assert lead["message"] == "Lead успішно створено в AMO CRM"
    assert isinstance(lead["amoLeadId"], int)
    assert str(lead["url"]).endswith(f"/leads/detail/{lead['amoLeadId']}")
    stored = threaded_sandbox.call(lambda state: state.leads.get(lead["amoLeadId"]))
    assert stored is not None
    assert stored.price == 1500

    secrets = [keys.client_secret, code, *await stored_secrets(shared_keyring, cli.profile)]
    logged_out = cli("logout")
    assert logged_out.returncode == 0, logged_out
    assert cli("status", "--json").json()["token"] is None
    not_connected = cli("test", "--json")
    assert not_connected.returncode == 1
    assert not_connected.json()["error"]["code"] == "auth.not_logged_in"  # type: ignore[index]

    assert_no_secret_anywhere(secrets, cli.outputs(), [cli.home])
    assert not any("Traceback" in text for text in cli.outputs())


def test_the_secret_can_come_from_the_environment(cli: Cli, keys: Keys) -> None:
    configured = cli(*configure_args(keys), "--json", env={"AMO_CLIENT_SECRET": keys.client_secret})
    assert configured.returncode == 0, configured
    assert configured.json()["has_client_secret"] is True
    assert_no_secret_anywhere([keys.client_secret], cli.outputs(), [cli.home])


def test_without_any_secret_source_it_says_where_the_secret_comes_from(
    cli: Cli, keys: Keys
) -> None:
    missing = cli(*configure_args(keys))
    assert missing.returncode == 2
    assert missing.stderr.startswith("Secret key is missing")
    assert "--client-secret-stdin" in missing.stderr


def test_export_env_merges_keeps_other_lines_and_refuses_to_clobber(
    logged_in: Cli, keys: Keys, tmp_path: Path
) -> None:
    env_file = tmp_path / "backend.env"
    env_file.write_text("# the backend's settings\nPORT=3000\nAMO_CLIENT_ID=old\n")

    refused = logged_in("export-env", "--output", str(env_file), "--json")
    assert refused.returncode == 2
    assert refused.json()["error"]["code"] == "config.env_file_exists"  # type: ignore[index]
    assert "AMO_CLIENT_ID=old" in env_file.read_text()

    written = logged_in("export-env", "--output", str(env_file), "--force")
    assert written.returncode == 0, written
    text = env_file.read_text()
    assert text.startswith("# the backend's settings\nPORT=3000\n")
    assert f"AMO_CLIENT_ID={keys.client_id}" in text
    assert "AMO_CLIENT_ID=old" not in text
    assert keys.client_secret in text
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    # The explicit export is the only place the secret may be written.
    assert_no_secret_anywhere([keys.client_secret], logged_in.outputs(), [logged_in.home])


def test_push_tokens_hands_them_to_the_backend(
    logged_in: Cli, token_receiver: TokenReceiver, shared_keyring: KeyringBackend
) -> None:
    pushed = logged_in("push-tokens", "--backend", token_receiver.base_url)
    assert pushed.returncode == 0, pushed
    assert "Your backend owns them now" in pushed.stdout
    (body,) = token_receiver.received
    assert set(body) == {"access_token", "refresh_token", "expires_in"}
    assert int(str(body["expires_in"])) > 3600
    token = logged_in("status", "--json").json()["token"]
    assert token["owner"] == "backend"  # type: ignore[index]
    secrets = [str(body["access_token"]), str(body["refresh_token"])]
    assert_no_secret_anywhere(secrets, logged_in.outputs(), [logged_in.home])


def test_a_bad_domain_is_a_usage_error_with_a_json_body(cli: Cli, keys: Keys) -> None:
    args = configure_args(keys)
    args[2] = "api-b.amocrm.ru"
    result = cli(*args, "--client-secret-stdin", "--json", stdin=keys.client_secret)
    assert result.returncode == 2
    error = result.json()
    assert error["status"] == "error"
    assert set(error["error"]) == {"code", "title", "message", "hint"}  # type: ignore[arg-type]
    assert error["error"]["code"] == "config.api_domain_given"  # type: ignore[index]
    assert keys.client_secret not in result.stdout + result.stderr


def test_a_wrong_secret_fails_the_login_with_its_own_code(
    cli: Cli, keys: Keys, threaded_sandbox: ThreadedSandbox
) -> None:
    wrong = "wrong-" + keys.client_secret[6:]
    assert cli(*configure_args(keys), "--client-secret-stdin", stdin=wrong).returncode == 0
    code = issue_code(threaded_sandbox, keys)
    human = cli("login", "--code", code)
    assert human.returncode == 1
    assert "Traceback" not in human.stderr
    code = issue_code(threaded_sandbox, keys)
    result = cli("login", "--code", code, "--json")
    assert result.returncode == 1
    assert result.json()["error"]["code"] == "auth.invalid_client_secret"  # type: ignore[index]
    assert_no_secret_anywhere([wrong, keys.client_secret], cli.outputs(), [cli.home])


def test_ukrainian_output(logged_in: Cli) -> None:
    tested = logged_in("--lang", "uk", "test")
    assert tested.returncode == 0, tested
    assert tested.stdout.splitlines()[0] == "Інтеграція з AMO CRM готова до роботи"
    lead = logged_in("--lang", "uk", "test-lead")
    assert lead.stdout.startswith("Lead успішно створено в AMO CRM")
    failed = logged_in("--lang", "uk", "push-tokens")
    assert failed.returncode == 1
    title, hint = failed.stderr.strip().splitlines()
    assert title.startswith("Адресу бекенда не вказано: ")
    # The profile is the current one (the first configured), so a bare command reaches it.
    assert hint.startswith("Що зробити: Вкажіть адресу: amo-desktop push-tokens --backend ")
