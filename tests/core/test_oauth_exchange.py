"""Code exchange and refresh against the sandbox's token endpoint, over loopback HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.oauth import exchange_code, parse_code_input, refresh_tokens, token_host_for
from amo_desktop.core.platforms import AccountAddress, Platform, parse_account_address
from amo_desktop.sandbox import SandboxServer
from tests.support.routing_transport import SandboxRoutingTransport

DEMO = parse_account_address("demo.amocrm.ru")


@pytest.fixture
async def http(sandbox_transport: SandboxRoutingTransport) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=sandbox_transport) as client:
        yield client


async def exchange(
    http: httpx.AsyncClient,
    sandbox: SandboxServer,
    code: str,
    *,
    address: AccountAddress = DEMO,
    client_id: str | None = None,
    secret: str | None = None,
    redirect_uri: str | None = None,
) -> object:
    integration = sandbox.state.demo_integration
    return await exchange_code(
        http,
        address,
        client_id or integration.client_id,
        secret or integration.client_secret,
        code,
        redirect_uri or integration.redirect_uri,
    )


async def expect(code: ErrorCode, call: object) -> AmoError:
    with pytest.raises(AmoError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code is code, caught.value.debug
    return caught.value


async def test_bare_code_exchange(http: httpx.AsyncClient, sandbox: SandboxServer) -> None:
    code = sandbox.state.issue_authorization_code()
    tokens = await exchange(http, sandbox, parse_code_input(f"  {code}\n").code or "")
    assert tokens.kind == "oauth"  # type: ignore[attr-defined]
    assert tokens.refresh_token  # type: ignore[attr-defined]
    assert tokens.account_id == sandbox.state.account.id  # type: ignore[attr-defined]
    assert tokens.account_host == "demo.amocrm.ru"  # type: ignore[attr-defined]
    assert tokens.api_domain  # type: ignore[attr-defined]


async def test_full_url_exchange_uses_the_referer(
    http: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    code = sandbox.state.issue_authorization_code()
    pasted = parse_code_input(f"https://example.com/cb?code={code}&referer=demo.amocrm.ru&state=x")
    target = token_host_for(DEMO, pasted.referer)
    tokens = await exchange(http, sandbox, pasted.code or "", address=target)
    assert tokens.access_token  # type: ignore[attr-defined]


async def test_code_errors(http: httpx.AsyncClient, sandbox: SandboxServer) -> None:
    await expect(ErrorCode.CODE_INVALID, exchange(http, sandbox, "def50200garbage"))
    used = sandbox.state.issue_authorization_code()
    await exchange(http, sandbox, used)
    await expect(ErrorCode.CODE_REVOKED, exchange(http, sandbox, used))
    old = sandbox.state.issue_authorization_code()
    sandbox.state.clock.advance(21 * 60)
    await expect(ErrorCode.CODE_EXPIRED, exchange(http, sandbox, old))


async def test_client_errors(http: httpx.AsyncClient, sandbox: SandboxServer) -> None:
    code = sandbox.state.issue_authorization_code()
    await expect(
        ErrorCode.INVALID_CLIENT_ID_REJECTED,
        exchange(http, sandbox, code, client_id="00000000-0000-4000-8000-000000000000"),
    )
    await expect(ErrorCode.INVALID_CLIENT_SECRET, exchange(http, sandbox, code, secret="wrong"))
    mismatch = await expect(
        ErrorCode.REDIRECT_URI_MISMATCH,
        exchange(http, sandbox, code, redirect_uri="https://example.com/other/"),
    )
    assert "https://example.com/other/" in mismatch.localized("en").message


@pytest.mark.parametrize("account", ["demo.amocrm.ru", "demo.kommo.com"])
@pytest.mark.parametrize("wrong", ["secret", "redirect_uri"])
async def test_the_older_invalid_client_names_both_causes(
    http: httpx.AsyncClient, sandbox: SandboxServer, account: str, wrong: str
) -> None:
    """Older amo answers a wrong secret and a wrong redirect URI alike (a hint-less 401), in
    Russian on amocrm.ru and probably in English on Kommo: the error must name both causes."""
    sandbox.state.client_error_style = "older"
    address = parse_account_address(account)
    integration = sandbox.state.demo_integration
    secret = "wrong" if wrong == "secret" else integration.client_secret
    uri = integration.redirect_uri + ("/" if wrong == "redirect_uri" else "")
    code = sandbox.state.issue_authorization_code()
    with pytest.raises(AmoError) as exchanged:
        await exchange_code(http, address, integration.client_id, secret, code, uri)
    signed_in = await exchange(http, sandbox, sandbox.state.issue_authorization_code())
    with pytest.raises(AmoError) as refreshed:
        await refresh_tokens(
            http,
            address,
            integration.client_id,
            secret,
            signed_in.refresh_token,  # type: ignore[attr-defined]
            uri,
        )
    for caught in (exchanged.value, refreshed.value):
        assert caught.code is ErrorCode.CLIENT_REJECTED, caught.debug
        english, ukrainian = caught.localized("en"), caught.localized("uk")
        assert uri in english.message and uri in ukrainian.message
        assert "Secret key" in english.hint and "Секретний ключ" in ukrainian.hint
        assert "trailing slash" in english.hint and "коса риска" in ukrainian.hint
        assert "port" in english.hint and "порт" in ukrainian.hint


async def test_another_subdomain_is_account_not_found(
    http: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    code = sandbox.state.issue_authorization_code()
    other = token_host_for(DEMO, "other.amocrm.ru")
    error = await expect(ErrorCode.ACCOUNT_NOT_FOUND, exchange(http, sandbox, code, address=other))
    assert error.details["host"] == "other.amocrm.ru"


async def test_forged_referer_is_refused_before_any_request(sandbox: SandboxServer) -> None:
    before = len(sandbox.state.requests)
    pasted = parse_code_input("https://x/cb?code=def50200abcdefabcdef&referer=evil.example")
    with pytest.raises(AmoError) as caught:
        token_host_for(DEMO, pasted.referer)
    assert caught.value.code is ErrorCode.UNTRUSTED_REFERER
    assert len(sandbox.state.requests) == before


async def test_portal_host_is_wrong_host(http: httpx.AsyncClient, sandbox: SandboxServer) -> None:
    portal = AccountAddress(Platform.AMOCRM_RU, "www.amocrm.ru", "www", "https://www.amocrm.ru")
    code = sandbox.state.issue_authorization_code()
    await expect(ErrorCode.WRONG_HOST, exchange(http, sandbox, code, address=portal))


async def test_refresh_rotation_and_refresh_errors(
    http: httpx.AsyncClient, sandbox: SandboxServer
) -> None:
    integration = sandbox.state.demo_integration

    async def refresh(token: str, client_id: str | None = None) -> object:
        return await refresh_tokens(
            http,
            DEMO,
            client_id or integration.client_id,
            integration.client_secret,
            token,
            integration.redirect_uri,
        )

    first = await exchange(http, sandbox, sandbox.state.issue_authorization_code())
    second = await refresh(first.refresh_token)  # type: ignore[attr-defined]
    assert second.access_token != first.access_token  # type: ignore[attr-defined]
    assert second.refresh_token != first.refresh_token  # type: ignore[attr-defined]
    # Using the new pair revokes the old refresh token (amo's grace rule ends).
    answer = await http.get(
        DEMO.api_url("account"),
        headers={"Authorization": f"Bearer {second.access_token}"},  # type: ignore[attr-defined]
    )
    assert answer.status_code == 200
    await expect(ErrorCode.REFRESH_TOKEN_REVOKED, refresh(first.refresh_token))  # type: ignore[attr-defined]
    await expect(ErrorCode.REFRESH_FAILED, refresh("def50200not-a-token"))

    other = sandbox.state.add_integration("https://example.com/other")
    foreign = await exchange_code(
        http,
        DEMO,
        other.client_id,
        other.client_secret,
        sandbox.state.issue_authorization_code(other),
        other.redirect_uri,
    )
    await expect(ErrorCode.REFRESH_TOKEN_FOREIGN, refresh(foreign.refresh_token or ""))

    sandbox.state.clock.advance(91 * 86400)
    await expect(ErrorCode.REFRESH_TOKEN_EXPIRED, refresh(second.refresh_token))  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (400, {"hint": "Check the `client_secret` parameter"}, ErrorCode.INVALID_CLIENT_SECRET),
        (
            401,
            {"hint": "Redirect URI is not associated with client"},
            ErrorCode.REDIRECT_URI_MISMATCH,
        ),
        (
            401,
            {"title": "Некорректный клиент", "detail": "Авторизация клиента не прошла"},
            ErrorCode.CLIENT_REJECTED,
        ),
        (
            401,
            {"title": "Invalid client", "detail": "Client authentication failed"},
            ErrorCode.CLIENT_REJECTED,
        ),
        # Any language: a hint-less 401 of the token endpoint is league's invalid client.
        (401, {"title": "Cliente inválido", "detail": "Falha"}, ErrorCode.CLIENT_REJECTED),
        (400, {"error": "invalid_client"}, ErrorCode.CLIENT_REJECTED),
    ],
)
async def test_older_and_newer_status_variants(
    status: int, body: dict[str, object], code: ErrorCode
) -> None:
    """amo has answered these with 400 and with 401 over the years; the sandbox uses one."""

    def amo(request: httpx.Request) -> httpx.Response:
        problem = {
            "type": "https://developers.amocrm.ru/v3/errors/OAuthProblemJson",
            "status": status,
        }
        return httpx.Response(status, json={**problem, **body})

    async with httpx.AsyncClient(transport=httpx.MockTransport(amo)) as client:
        await expect(
            code,
            exchange_code(client, DEMO, "id", "secret", "def50200code", "https://e.com/cb"),
        )
