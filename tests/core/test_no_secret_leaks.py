"""A full session with known secrets, then every file, log line and output is searched."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import make_core
from tests.support.routing_transport import SandboxRoutingTransport

CLIENT_SECRET = "CLIENT-SECRET-6f1d2c9a8b7e4d3c2b1a0f9e8d7c6b5a4"


async def test_secrets_never_leave_the_keyring_except_an_explicit_export(
    app_home: Path,
    credential_store: CredentialStore,
    sandbox: SandboxServer,
    sandbox_transport: SandboxRoutingTransport,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    integration = sandbox.state.add_integration(
        "https://backend.example.test/amo/callback", client_secret=CLIENT_SECRET
    )
    core = make_core(app_home, credential_store, sandbox_transport)
    session = core.session()
    secrets: set[str] = {CLIENT_SECRET}
    errors: list[AmoError] = []

    async def remember_tokens() -> None:
        tokens = await credential_store.get_tokens("default")
        assert tokens is not None and tokens.refresh_token
        secrets.update({tokens.access_token, tokens.refresh_token})

    await session.configure(
        domain="demo.amocrm.ru",
        client_id=integration.client_id,
        redirect_uri=integration.redirect_uri,
        client_secret=CLIENT_SECRET,
    )
    code = sandbox.state.issue_authorization_code(integration)
    secrets.add(code)  # one-time, but until it is used it is as good as the tokens
    await session.login_with_code(f"{integration.redirect_uri}?code={code}&referer=demo.amocrm.ru")
    await remember_tokens()
    await session.test_connection()
    await session.create_test_lead()
    await session.refresh_now()
    await remember_tokens()
    sandbox.state.inject("/api/v4/account", 401)  # forces a refresh through the 401 path
    await session.test_connection()
    await remember_tokens()
    export = app_home / "exported.env"
    await session.export_env(export)
    # Failures carry debug notes; they must not carry secrets either.
    for call in (
        session.login_with_code(code),  # already used
        session.login_with_code("https://x/cb?code=def50200abcdef0123&referer=evil.example"),
    ):
        try:
            await call
        except AmoError as error:
            errors.append(error)
    await session.logout()
    try:
        await session.test_connection()
    except AmoError as error:
        errors.append(error)
    await core.aclose()
    core.logbook.close()

    assert {error.code for error in errors} == {
        ErrorCode.CODE_REVOKED,
        ErrorCode.UNTRUSTED_REFERER,
        ErrorCode.NOT_LOGGED_IN,
    }
    assert len(secrets) == 8  # the client secret, the code and three token pairs
    assert CLIENT_SECRET in export.read_text()

    places: dict[str, str] = {}
    for path in sorted(app_home.rglob("*")):
        if path.is_file() and path != export:
            places[str(path.relative_to(app_home))] = path.read_text("utf-8", errors="replace")
    assert "logs/activity.log" in places
    places["logbook"] = "\n".join(entry.to_json() for entry in core.logbook.recent())
    captured = capsys.readouterr()
    places["stdout"], places["stderr"] = captured.out, captured.err
    places["logging"] = caplog.text
    for error in errors:
        texts = [str(error), error.debug, *error.details.values()]
        for language in ("en", "uk"):
            texts += list(error.localized(language).as_dict().values())
        places[f"error {error.code.value}"] = "\n".join(texts)

    leaks = [
        f"{where} contains {secret[:6]}…"
        for where, text in places.items()
        for secret in secrets
        if secret in text
    ]
    assert leaks == []
    assert "tokens refreshed" in places["logbook"]


async def test_everything_written_under_the_home_is_the_owners_alone(
    app_home: Path,
    credential_store: CredentialStore,
    sandbox: SandboxServer,
    sandbox_transport: SandboxRoutingTransport,
) -> None:
    integration = sandbox.state.demo_integration
    core = make_core(app_home, credential_store, sandbox_transport)
    session = core.session()
    await session.configure(
        domain="demo.amocrm.ru",
        client_id=integration.client_id,
        redirect_uri=integration.redirect_uri,
        client_secret=integration.client_secret,
    )
    code = sandbox.state.issue_authorization_code(integration)
    await session.login_with_code(code)
    await session.refresh_now()
    await session.test_connection()
    await core.aclose()
    core.logbook.close()

    written = sorted(app_home.rglob("*"))
    assert any(path.name == "activity.log" for path in written)
    loose = [
        f"{path.relative_to(app_home)} {stat.S_IMODE(path.stat().st_mode):o}"
        for path in written
        if stat.S_IMODE(path.stat().st_mode) & (stat.S_IRWXG | stat.S_IRWXO)
    ]
    assert loose == []
