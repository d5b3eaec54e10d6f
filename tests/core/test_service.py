"""The facade the CLI and GUI call, end to end against the sandbox."""

from __future__ import annotations

import json
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.paths import profile_dir
from amo_desktop.core.service import READY_MESSAGE, AppCore, ProfileSession
from amo_desktop.sandbox import SandboxServer

TOKEN_PATH = "/oauth2/access_token"


async def failing(call: object, code: ErrorCode) -> AmoError:
    with pytest.raises(AmoError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code is code, caught.value.debug
    return caught.value


# -- configuration ---------------------------------------------------------------------------


async def test_configure_keeps_the_secret_out_of_the_config_file(
    session: ProfileSession, sandbox: SandboxServer, app_home: Path
) -> None:
    profile = session.profile()
    assert profile is not None and profile.account == "demo.amocrm.ru"
    text = (app_home / "config.json").read_text()
    assert sandbox.state.demo_integration.client_secret not in text
    status = await session.status()
    assert status.configured and status.has_client_secret and status.token is None
    assert status.account_host == "demo.amocrm.ru"


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"domain": "not a domain!"}, ErrorCode.INVALID_DOMAIN),
        ({"domain": "www.amocrm.ru"}, ErrorCode.API_DOMAIN_GIVEN),
        ({"client_id": "12345"}, ErrorCode.INVALID_CLIENT_ID),
        ({"redirect_uri": "ftp://x/cb"}, ErrorCode.INVALID_REDIRECT_URI),
        ({"backend_url": "not a url"}, ErrorCode.INVALID_URL),
    ],
)
async def test_configure_validates(
    core: AppCore, sandbox: SandboxServer, changes: dict[str, str], code: ErrorCode
) -> None:
    integration = sandbox.state.demo_integration
    arguments: dict[str, str | None] = {
        "domain": "demo.amocrm.ru",
        "client_id": integration.client_id,
        "redirect_uri": integration.redirect_uri,
        "client_secret": "s3cret-value",
        **changes,
    }
    await failing(core.session("other").configure(**arguments), code)  # type: ignore[arg-type]
    assert core.session("other").profile() is None


async def test_configure_without_a_secret_keeps_the_stored_one(
    session: ProfileSession, sandbox: SandboxServer, core: AppCore
) -> None:
    integration = sandbox.state.demo_integration
    await session.configure(
        domain="https://demo.amocrm.ru/leads",
        client_id=integration.client_id.upper(),
        redirect_uri=integration.redirect_uri,
        client_secret=None,
    )
    assert await core.credentials.get_client_secret("default") == integration.client_secret
    fresh = core.session("fresh")
    await failing(
        fresh.configure(
            domain="demo.amocrm.ru",
            client_id=integration.client_id,
            redirect_uri=integration.redirect_uri,
            client_secret=None,
        ),
        ErrorCode.MISSING_CLIENT_SECRET,
    )


async def test_env_export_and_import(
    logged_in: ProfileSession, sandbox: SandboxServer, core: AppCore, tmp_path: Path
) -> None:
    env = tmp_path / "backend" / ".env"
    env.parent.mkdir()
    env.write_text("# backend settings\nDEBUG=1\n")
    await logged_in.export_env(env)
    text = env.read_text()
    integration = sandbox.state.demo_integration
    assert "# backend settings\nDEBUG=1\n" in text
    for line in (
        "AMO_DOMAIN=demo.amocrm.ru",
        f"AMO_CLIENT_ID={integration.client_id}",
        f"AMO_REDIRECT_URI={integration.redirect_uri}",
        f"AMO_ACCOUNT_ID={sandbox.state.account.id}",
        "AMO_API_DOMAIN=",
    ):
        assert line in text
    assert integration.client_secret in text
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    imported = await core.session("copy").import_env(env)
    assert (imported.account, imported.client_id) == ("demo.amocrm.ru", integration.client_id)
    assert await core.credentials.get_client_secret("copy") == integration.client_secret


# -- authorization ---------------------------------------------------------------------------


async def test_login_with_a_bare_code_then_test_connection(
    session: ProfileSession, sandbox: SandboxServer
) -> None:
    info = await session.login_with_code(f"  '{sandbox.state.issue_authorization_code()}' ")
    assert (info.kind, info.owner, info.account_id) == (
        "oauth",
        "desktop",
        sandbox.state.account.id,
    )
    result = await session.test_connection()
    assert result.message == READY_MESSAGE
    assert result.account.name == sandbox.state.account.name
    profile = session.profile()
    assert profile is not None
    assert (profile.account_id, profile.account_name) == (
        sandbox.state.account.id,
        sandbox.state.account.name,
    )
    status = await session.status()
    assert status.token is not None and status.token.kind == "oauth"


async def test_login_with_the_final_address(
    session: ProfileSession, sandbox: SandboxServer
) -> None:
    code = sandbox.state.issue_authorization_code()
    url = f"https://example.com/cb?code={code}&state=s1&referer=demo.amocrm.ru&platform=1"
    await session.login_with_code(url, expected_state="s1")
    assert (await session.test_connection()).account.subdomain == "demo"


async def test_pasted_address_with_another_state_is_refused(
    session: ProfileSession, sandbox: SandboxServer
) -> None:
    code = sandbox.state.issue_authorization_code()
    url = f"https://example.com/cb?code={code}&state=other&referer=demo.amocrm.ru"
    await failing(session.login_with_code(url, expected_state="mine"), ErrorCode.STATE_MISMATCH)


async def test_forged_referer_never_reaches_any_server(
    session: ProfileSession, sandbox: SandboxServer
) -> None:
    before = len(sandbox.state.requests)
    url = "https://example.com/cb?code=def50200aaaabbbbccccdddd&referer=collector.evil.example"
    await failing(session.login_with_code(url), ErrorCode.UNTRUSTED_REFERER)
    assert len(sandbox.state.requests) == before


async def test_another_account_in_the_referer_is_account_not_found(
    session: ProfileSession, sandbox: SandboxServer
) -> None:
    code = sandbox.state.issue_authorization_code()
    url = f"https://example.com/cb?code={code}&referer=other.amocrm.ru"
    error = await failing(session.login_with_code(url), ErrorCode.ACCOUNT_NOT_FOUND)
    assert error.details["host"] == "other.amocrm.ru"
    assert sandbox.state.requests[-1].host == "other.amocrm.ru"


async def test_long_lived_token(session: ProfileSession, sandbox: SandboxServer) -> None:
    await failing(
        session.login_with_long_lived_token("not-a-jwt"), ErrorCode.LONG_LIVED_TOKEN_INVALID
    )
    token = sandbox.state.issue_long_lived_token(days=30)
    info = await session.login_with_long_lived_token(f"Bearer {token}")
    assert info.kind == "long_lived"
    assert (await session.test_connection()).message == READY_MESSAGE
    sandbox.state.revoke_tokens()
    await failing(session.test_connection(), ErrorCode.UNAUTHORIZED)
    assert sandbox.state.request_count(TOKEN_PATH) == 0


async def test_refresh_now_rotates(logged_in: ProfileSession, sandbox: SandboxServer) -> None:
    before = sandbox.state.request_count(TOKEN_PATH)
    info = await logged_in.refresh_now()
    assert sandbox.state.request_count(TOKEN_PATH) == before + 1
    assert info.kind == "oauth"
    assert (await logged_in.test_connection()).message == READY_MESSAGE


async def test_logout_keeps_the_secret(logged_in: ProfileSession, core: AppCore) -> None:
    await logged_in.logout()
    await failing(logged_in.test_connection(), ErrorCode.NOT_LOGGED_IN)
    status = await logged_in.status()
    assert status.has_client_secret and status.token is None


async def test_delete_removes_everything(logged_in: ProfileSession, core: AppCore) -> None:
    folder = profile_dir(core.config.home, "default")
    folder.mkdir(parents=True, exist_ok=True)
    await logged_in.delete()
    assert logged_in.profile() is None
    assert not folder.exists()
    assert await core.credentials.get_client_secret("default") is None
    assert await core.credentials.get_tokens("default") is None


async def test_not_configured(core: AppCore) -> None:
    await failing(core.session("nobody").test_connection(), ErrorCode.NOT_CONFIGURED)


# -- leads and webhooks ----------------------------------------------------------------------


async def test_test_lead_goes_to_the_first_regular_stage_of_the_main_pipeline(
    logged_in: ProfileSession, sandbox: SandboxServer
) -> None:
    created = await logged_in.create_test_lead()
    assert created.name.startswith("Тестовий клієнт - Тестовий об'єкт")
    assert created.price == 0
    main = next(p for p in await logged_in.pipelines() if p.is_main)
    stage = main.first_regular_status()
    assert stage is not None
    assert (created.pipeline_id, created.status_id) == (main.id, stage.id)
    lead = await logged_in.get_lead(created.id)
    assert lead is not None and (lead.status_id, lead.pipeline_id) == (stage.id, main.id)
    named = await logged_in.create_test_lead(client_name="Іван Петренко", object_name="Квартира 12")
    assert named.name.startswith("Іван Петренко - Квартира 12")
    await logged_in.set_lead_status(created.id, status_id=142)
    lead = await logged_in.get_lead(created.id)
    assert lead is not None and lead.status_id == 142


async def test_webhook_subscriptions(logged_in: ProfileSession) -> None:
    hook = await logged_in.subscribe_webhook("https://hooks.example.test/amo")
    assert set(hook.settings) == {"add_lead", "update_lead", "status_lead"}
    assert [h.id for h in await logged_in.list_webhooks()] == [hook.id]
    await logged_in.unsubscribe_webhook("https://hooks.example.test/amo")
    assert await logged_in.list_webhooks() == []


# -- handing tokens to the backend -----------------------------------------------------------


@pytest.fixture
async def backend() -> AsyncIterator[tuple[str, list[dict[str, object]], list[int]]]:
    """A tiny backend that records set-tokens calls; answers with the next queued status."""
    received: list[dict[str, object]] = []
    statuses: list[int] = []

    async def set_tokens(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.json_response({"ok": True}, status=statuses.pop(0) if statuses else 200)

    app = web.Application()
    app.router.add_post("/api/v1/integrations/amo-crm/set-tokens", set_tokens)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}", received, statuses
    finally:
        await runner.cleanup()


async def test_push_tokens_hands_over_and_stops_refreshing(
    logged_in: ProfileSession,
    sandbox: SandboxServer,
    core: AppCore,
    backend: tuple[str, list[dict[str, object]], list[int]],
) -> None:
    url, received, statuses = backend
    await failing(logged_in.push_tokens(), ErrorCode.BACKEND_NOT_CONFIGURED)
    statuses.append(500)
    error = await failing(logged_in.push_tokens(url), ErrorCode.BACKEND_REJECTED)
    assert error.details["status"] == "500"
    result = await logged_in.push_tokens(url + "/")
    assert (result.backend_url, result.status_code) == (url, 200)
    stored = await core.credentials.get_tokens("default")
    assert stored is not None
    assert received[-1] == {
        "access_token": stored.access_token,
        "refresh_token": stored.refresh_token,
        "expires_in": received[-1]["expires_in"],
    }
    assert 86000 < int(received[-1]["expires_in"]) <= 86400  # type: ignore[call-overload]
    status = await logged_in.status()
    assert status.token is not None and status.token.owner == "backend"
    # The desktop keeps working with the pair, but never refreshes it.
    refreshes = sandbox.state.request_count(TOKEN_PATH)
    sandbox.state.inject("/api/v4/account", 401)
    await failing(logged_in.test_connection(), ErrorCode.TOKENS_OWNED_BY_BACKEND)
    await failing(logged_in.refresh_now(), ErrorCode.TOKENS_OWNED_BY_BACKEND)
    assert sandbox.state.request_count(TOKEN_PATH) == refreshes
    assert (
        json.loads((core.home / "config.json").read_text())["profiles"]["default"]["token_owner"]
        == "backend"
    )


async def test_push_tokens_to_nowhere(logged_in: ProfileSession) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    await failing(logged_in.push_tokens(f"http://127.0.0.1:{port}"), ErrorCode.BACKEND_UNREACHABLE)
