"""Consent page and token endpoint against the fact sheet (sections 1.2-1.9)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import jwt
import pytest

from amo_desktop.sandbox import SandboxServer
from amo_desktop.sandbox.tokens import CODE_LIFETIME, REFRESH_LIFETIME
from tests.fixtures.sandbox import sandbox_routing_transport
from tests.sandbox.steps import bearer, consent_redirect, exchange_code, login, refresh

OAUTH_TYPE = "https://developers.amocrm.ru/v3/errors/OAuthProblemJson"
BAD_REQUEST = "Некорректный запрос"


@pytest.fixture
async def client(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        yield http


@pytest.fixture
async def platform_client(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    """Talks to https://demo.amocrm.ru and friends, which the transport routes to the sandbox."""
    async with httpx.AsyncClient(transport=sandbox_routing_transport(sandbox)) as http:
        yield http


def assert_oauth_problem(
    answer: httpx.Response, status: int, hint: str | None, title: str = BAD_REQUEST
) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    body = answer.json()
    assert body["title"] == title
    assert body["type"] == OAUTH_TYPE
    assert body["status"] == status
    assert body.get("hint") == hint


# --- consent page ----------------------------------------------------------------------


async def test_allow_redirects_with_code_state_referer_platform_and_client_id(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    target = await consent_redirect(client, integration.client_id, "allow", state="abc 1")

    assert str(target).startswith(integration.redirect_uri + "?")
    assert list(target.params.keys()) == ["code", "state", "referer", "platform", "client_id"]
    assert target.params["state"] == "abc 1"
    assert target.params["referer"] == "demo.amocrm.ru"
    assert target.params["platform"] == "1"
    assert target.params["client_id"] == integration.client_id
    assert target.params["code"].startswith("def50200")


async def test_allow_without_state_sends_no_state(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    target = await consent_redirect(client, sandbox.state.demo_integration.client_id, state=None)
    assert "state" not in target.params


async def test_redirect_keeps_the_registered_query_string(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.add_integration(redirect_uri="https://example.test/cb?x=1")
    target = await consent_redirect(client, integration.client_id)
    assert target.params["x"] == "1"
    assert "code" in target.params


async def test_deny_redirects_with_access_denied(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    target = await consent_redirect(client, integration.client_id, "deny", state="s9")
    assert list(target.params.items()) == [
        ("error", "access_denied"),
        ("client_id", integration.client_id),
        ("state", "s9"),
    ]


async def test_consent_page_has_the_buttons_the_browser_agent_clicks(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    client_id = sandbox.state.demo_integration.client_id
    page = await client.get("/oauth", params={"client_id": client_id})
    assert 'id="allow"' in page.text and 'id="deny"' in page.text
    assert "Демо-інтеграція" in page.text
    assert page.headers["content-type"].startswith("text/html")


async def test_unknown_client_id_gets_an_error_page(client: httpx.AsyncClient) -> None:
    page = await client.get("/oauth", params={"client_id": "00000000-0000-0000-0000-000000000000"})
    assert page.status_code == 400
    assert "Інтеграцію не знайдено" in page.text
    assert 'id="allow"' not in page.text


async def test_a_decision_nonce_works_once(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    client_id = sandbox.state.demo_integration.client_id
    page = await client.get("/oauth", params={"client_id": client_id})
    nonce = page.text.split('name="nonce" value="')[1].split('"')[0]
    first = await client.post("/oauth/decision", data={"nonce": nonce, "decision": "allow"})
    second = await client.post("/oauth/decision", data={"nonce": nonce, "decision": "allow"})
    assert first.status_code == 302
    assert second.status_code == 400


async def test_kommo_portal_sends_the_kommo_referer(
    sandbox: SandboxServer, platform_client: httpx.AsyncClient
) -> None:
    page = await platform_client.get(
        "https://www.kommo.com/oauth",
        params={"client_id": sandbox.state.demo_integration.client_id},
    )
    nonce = page.text.split('name="nonce" value="')[1].split('"')[0]
    answer = await platform_client.post(
        "https://www.kommo.com/oauth/decision", data={"nonce": nonce, "decision": "allow"}
    )
    target = httpx.URL(answer.headers["Location"])
    assert target.params["referer"] == "demo.kommo.com"
    assert target.params["platform"] == "2"


# --- token endpoint: success -----------------------------------------------------------


async def test_code_exchange_gives_a_bearer_pair_with_amo_claims(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    tokens = await login(client, integration, sandbox.state.issue_authorization_code())

    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 86400
    assert tokens["refresh_token"].startswith("def50200")
    assert isinstance(tokens["server_time"], int)
    header = jwt.get_unverified_header(tokens["access_token"])
    assert header["alg"] == "RS256"
    claims = jwt.decode(
        tokens["access_token"],
        sandbox.state.signing_key.public_key,
        algorithms=["RS256"],
        audience=integration.client_id,
    )
    assert header["jti"] == claims["jti"]
    assert claims["exp"] - claims["iat"] == 86400
    assert claims["nbf"] == claims["iat"]
    assert claims["account_id"] == 31415926
    assert claims["base_domain"] == "amocrm.ru"
    assert claims["api_domain"] == "api-b.amocrm.ru"
    assert claims["version"] == 2
    assert claims["grant_type"] == "authorization_code"
    assert claims["sub"] == str(sandbox.state.account.current_user_id)
    assert "crm" in claims["scopes"]
    assert len(claims["hash_uuid"]) == 36


async def test_token_endpoint_accepts_a_form_body(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    answer = await client.post(
        "/oauth2/access_token",
        data={
            "client_id": integration.client_id,
            "client_secret": integration.client_secret,
            "grant_type": "authorization_code",
            "code": sandbox.state.issue_authorization_code(),
            "redirect_uri": integration.redirect_uri,
        },
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["token_type"] == "Bearer"


async def test_exchange_on_the_account_host_through_the_routing_transport(
    sandbox: SandboxServer, platform_client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    tokens = (
        await platform_client.post(
            "https://demo.amocrm.ru/oauth2/access_token",
            json={
                "client_id": integration.client_id,
                "client_secret": integration.client_secret,
                "grant_type": "authorization_code",
                "code": sandbox.state.issue_authorization_code(),
                "redirect_uri": integration.redirect_uri,
            },
        )
    ).json()
    account = await platform_client.get(
        "https://demo.amocrm.ru/api/v4/account", headers=bearer(tokens["access_token"])
    )
    assert account.status_code == 200
    assert account.json()["_links"]["self"]["href"] == "https://demo.amocrm.ru/api/v4/account"


# --- token endpoint: errors ------------------------------------------------------------


async def test_expired_code(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    code = sandbox.state.issue_authorization_code()
    sandbox.state.clock.advance(CODE_LIFETIME + 1)
    answer = await exchange_code(client, sandbox.state.demo_integration, code)
    assert_oauth_problem(answer, 400, "Authorization code has expired")
    assert answer.json()["detail"] == "В запросе отсутствует ряд параметров или параметры невалидны"


async def test_code_is_still_good_just_before_twenty_minutes(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    code = sandbox.state.issue_authorization_code()
    sandbox.state.clock.advance(CODE_LIFETIME - 5)
    assert (await exchange_code(client, sandbox.state.demo_integration, code)).status_code == 200


async def test_used_code(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    integration = sandbox.state.demo_integration
    code = sandbox.state.issue_authorization_code()
    await login(client, integration, code)
    answer = await exchange_code(client, integration, code)
    assert_oauth_problem(answer, 400, "Authorization code has been revoked")


async def test_garbage_code(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    answer = await exchange_code(client, sandbox.state.demo_integration, "def50200abc")
    assert_oauth_problem(answer, 400, "Cannot decrypt the authorization code")


async def test_unknown_client_id(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    answer = await exchange_code(
        client,
        sandbox.state.demo_integration,
        sandbox.state.issue_authorization_code(),
        client_id="nope",
    )
    assert_oauth_problem(answer, 400, "Check the `client_id` parameter")


def assert_invalid_client(answer: httpx.Response) -> None:
    """league's invalid client: amo's older answer for a wrong secret and a wrong redirect URI."""
    assert_oauth_problem(answer, 401, None, title="Некорректный клиент")
    assert answer.json()["detail"] == "Авторизация клиента не прошла"


async def test_wrong_client_secret_newer_style_names_the_secret(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    assert sandbox.state.client_error_style == "newer"  # the default
    answer = await exchange_code(
        client,
        sandbox.state.demo_integration,
        sandbox.state.issue_authorization_code(),
        client_secret="wrong",
    )
    assert_oauth_problem(answer, 400, "Check the `client_secret` parameter")


async def test_wrong_client_secret_older_style_is_invalid_client(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.state.client_error_style = "older"
    integration = sandbox.state.demo_integration
    answer = await exchange_code(
        client, integration, sandbox.state.issue_authorization_code(), client_secret="wrong"
    )
    assert_invalid_client(answer)
    tokens = await login(client, integration, sandbox.state.issue_authorization_code())
    refreshed = await refresh(client, integration, tokens["refresh_token"], client_secret="wrong")
    assert_invalid_client(refreshed)


MISMATCHED_REDIRECTS = [
    "http://localhost:3000/api/v1/integrations/amo-crm/callback/",
    "http://localhost:3000/api/v1/integrations/amo-crm/callback?x=1",
    "https://localhost:3000/api/v1/integrations/amo-crm/callback",
]


@pytest.mark.parametrize("redirect_uri", MISMATCHED_REDIRECTS)
async def test_redirect_uri_must_match_exactly(
    sandbox: SandboxServer, client: httpx.AsyncClient, redirect_uri: str
) -> None:
    answer = await exchange_code(
        client,
        sandbox.state.demo_integration,
        sandbox.state.issue_authorization_code(),
        redirect_uri=redirect_uri,
    )
    assert_oauth_problem(answer, 400, "Redirect URI is not associated with client")


@pytest.mark.parametrize("redirect_uri", MISMATCHED_REDIRECTS)
async def test_redirect_mismatch_older_style_is_the_same_invalid_client_as_a_wrong_secret(
    sandbox: SandboxServer, client: httpx.AsyncClient, redirect_uri: str
) -> None:
    sandbox.state.client_error_style = "older"
    integration = sandbox.state.demo_integration
    answer = await exchange_code(
        client, integration, sandbox.state.issue_authorization_code(), redirect_uri=redirect_uri
    )
    assert_invalid_client(answer)
    tokens = await login(client, integration, sandbox.state.issue_authorization_code())
    refreshed = await refresh(
        client, integration, tokens["refresh_token"], redirect_uri=redirect_uri
    )
    assert_invalid_client(refreshed)


@pytest.mark.parametrize(
    ("host", "language", "expected_title"),
    [
        ("demo.kommo.com", None, "Invalid client"),
        ("demo.amocrm.ru", None, "Некорректный клиент"),
        ("demo.amocrm.com", None, "Некорректный клиент"),
        ("demo.kommo.com", "ru", "Некорректный клиент"),
        ("demo.amocrm.ru", "en", "Invalid client"),
    ],
)
async def test_token_errors_are_worded_per_platform_or_as_switched(
    sandbox: SandboxServer,
    platform_client: httpx.AsyncClient,
    host: str,
    language: str | None,
    expected_title: str,
) -> None:
    sandbox.state.client_error_style = "older"
    sandbox.state.oauth_language = language  # type: ignore[assignment]
    integration = sandbox.state.demo_integration
    body = {
        "client_id": integration.client_id,
        "client_secret": "wrong",
        "grant_type": "authorization_code",
        "code": sandbox.state.issue_authorization_code(),
        "redirect_uri": integration.redirect_uri,
    }
    wrong_secret = await platform_client.post(f"https://{host}/oauth2/access_token", json=body)
    assert wrong_secret.status_code == 401
    assert wrong_secret.json()["title"] == expected_title
    assert "hint" not in wrong_secret.json()
    english = expected_title == "Invalid client"
    assert (wrong_secret.json()["detail"] == "Client authentication failed") is english
    bad_request = await platform_client.post(
        f"https://{host}/oauth2/access_token",
        json={**body, "client_secret": integration.client_secret, "code": "nonsense"},
    )
    assert bad_request.json()["hint"] == "Cannot decrypt the authorization code"
    assert (bad_request.json()["title"] == "Bad request") is english


async def test_code_of_another_integration(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    other = sandbox.state.add_integration(redirect_uri="https://other.test/cb")
    answer = await exchange_code(
        client, sandbox.state.demo_integration, sandbox.state.issue_authorization_code(other)
    )
    assert_oauth_problem(answer, 400, "Authorization code was not issued to this client")


async def test_wrong_account_subdomain_is_invalid_account(
    sandbox: SandboxServer, platform_client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    answer = await platform_client.post(
        "https://someone-else.amocrm.ru/oauth2/access_token",
        json={
            "client_id": integration.client_id,
            "client_secret": integration.client_secret,
            "grant_type": "authorization_code",
            "code": sandbox.state.issue_authorization_code(),
            "redirect_uri": integration.redirect_uri,
        },
    )
    assert_oauth_problem(answer, 400, "Invalid account")


@pytest.mark.parametrize("host", ["www.amocrm.ru", "amocrm.ru", "www.kommo.com"])
async def test_www_host_answers_nginx_html_404(
    sandbox: SandboxServer, platform_client: httpx.AsyncClient, host: str
) -> None:
    integration = sandbox.state.demo_integration
    answer = await platform_client.post(
        f"https://{host}/oauth2/access_token",
        json={
            "client_id": integration.client_id,
            "client_secret": integration.client_secret,
            "grant_type": "authorization_code",
            "code": sandbox.state.issue_authorization_code(),
            "redirect_uri": integration.redirect_uri,
        },
    )
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "<center>nginx</center>" in answer.text


async def test_missing_grant_type(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    integration = sandbox.state.demo_integration
    answer = await client.post(
        "/oauth2/access_token",
        json={"client_id": integration.client_id, "client_secret": integration.client_secret},
    )
    assert_oauth_problem(answer, 400, "Check the `grant_type` parameter")


# --- refresh and rotation --------------------------------------------------------------


async def test_refresh_gives_a_new_pair(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    integration = sandbox.state.demo_integration
    first = await login(client, integration, sandbox.state.issue_authorization_code())
    answer = await refresh(client, integration, first["refresh_token"])
    assert answer.status_code == 200, answer.text
    second = answer.json()
    assert second["access_token"] != first["access_token"]
    assert second["refresh_token"] != first["refresh_token"]
    claims = jwt.decode(second["access_token"], options={"verify_signature": False})
    assert claims["grant_type"] == "refresh_token"


async def test_old_refresh_token_stays_valid_until_the_new_pair_is_used(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.state.refresh_grace = True
    integration = sandbox.state.demo_integration
    first = await login(client, integration, sandbox.state.issue_authorization_code())
    lost = (await refresh(client, integration, first["refresh_token"])).json()  # reply "lost"
    retried = await refresh(client, integration, first["refresh_token"])  # the client retries
    assert retried.status_code == 200
    kept = retried.json()

    # The old access token also keeps working until the new pair is used.
    assert (
        await client.get("/api/v4/account", headers=bearer(first["access_token"]))
    ).status_code == 200
    assert (
        await client.get("/api/v4/account", headers=bearer(kept["access_token"]))
    ).status_code == 200

    again = await refresh(client, integration, first["refresh_token"])
    assert_oauth_problem(again, 401, "Token has been revoked")
    assert (
        await client.get("/api/v4/account", headers=bearer(first["access_token"]))
    ).status_code == 401
    # The sibling pair minted from the same old token, never used, is gone too.
    assert_oauth_problem(
        await refresh(client, integration, lost["refresh_token"]), 401, "Token has been revoked"
    )
    assert (await refresh(client, integration, kept["refresh_token"])).status_code == 200


async def test_without_the_grace_the_old_pair_dies_with_the_refresh(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    sandbox.state.refresh_grace = False
    integration = sandbox.state.demo_integration
    first = await login(client, integration, sandbox.state.issue_authorization_code())
    second = await refresh(client, integration, first["refresh_token"])
    assert second.status_code == 200
    # Nothing of the new pair was used, and still the old pair is gone at once.
    assert_oauth_problem(
        await refresh(client, integration, first["refresh_token"]), 401, "Token has been revoked"
    )
    assert (
        await client.get("/api/v4/account", headers=bearer(first["access_token"]))
    ).status_code == 401
    assert (await refresh(client, integration, second.json()["refresh_token"])).status_code == 200


@pytest.mark.parametrize(
    ("host", "grace"),
    [("demo.kommo.com", True), ("demo.amocrm.com", True), ("demo.amocrm.ru", False)],
)
async def test_the_grace_follows_the_platform_unless_switched(
    sandbox: SandboxServer, platform_client: httpx.AsyncClient, host: str, grace: bool
) -> None:
    """Kommo documents the grace (amocrm.com is Kommo); on amocrm.ru it is unconfirmed."""
    integration = sandbox.state.demo_integration

    async def retry_after_a_lost_reply() -> int:
        url = f"https://{host}/oauth2/access_token"
        body = {
            "client_id": integration.client_id,
            "client_secret": integration.client_secret,
            "redirect_uri": integration.redirect_uri,
        }
        first = await platform_client.post(
            url,
            json={
                **body,
                "grant_type": "authorization_code",
                "code": sandbox.state.issue_authorization_code(),
            },
        )
        refresh_body = {
            **body,
            "grant_type": "refresh_token",
            "refresh_token": first.json()["refresh_token"],
        }
        assert (await platform_client.post(url, json=refresh_body)).status_code == 200
        return (await platform_client.post(url, json=refresh_body)).status_code

    assert await retry_after_a_lost_reply() == (200 if grace else 401)
    sandbox.state.refresh_grace = not grace
    assert await retry_after_a_lost_reply() == (401 if grace else 200)


async def test_using_the_new_refresh_token_retires_the_old_one(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    first = await login(client, integration, sandbox.state.issue_authorization_code())
    second = (await refresh(client, integration, first["refresh_token"])).json()
    third = await refresh(client, integration, second["refresh_token"])
    assert third.status_code == 200
    assert_oauth_problem(
        await refresh(client, integration, first["refresh_token"]), 401, "Token has been revoked"
    )


async def test_refresh_token_expires_after_three_months(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    integration = sandbox.state.demo_integration
    first = await login(client, integration, sandbox.state.issue_authorization_code())
    sandbox.state.clock.advance(REFRESH_LIFETIME + 1)
    assert_oauth_problem(
        await refresh(client, integration, first["refresh_token"]), 401, "Token has expired"
    )


async def test_refresh_token_of_another_client(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    other = sandbox.state.add_integration(redirect_uri="https://other.test/cb")
    first = await login(
        client, sandbox.state.demo_integration, sandbox.state.issue_authorization_code()
    )
    answer = await client.post(
        "/oauth2/access_token",
        json={
            "client_id": other.client_id,
            "client_secret": other.client_secret,
            "grant_type": "refresh_token",
            "refresh_token": first["refresh_token"],
            "redirect_uri": other.redirect_uri,
        },
    )
    assert_oauth_problem(answer, 401, "Token is not linked to client")


async def test_garbage_refresh_token(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    answer = await refresh(client, sandbox.state.demo_integration, "def50200nonsense")
    assert_oauth_problem(answer, 401, "Cannot decrypt the refresh token")


async def test_revoked_tokens(sandbox: SandboxServer, client: httpx.AsyncClient) -> None:
    integration = sandbox.state.demo_integration
    tokens = await login(client, integration, sandbox.state.issue_authorization_code())
    assert sandbox.state.revoke_tokens() == 1
    assert (
        await client.get("/api/v4/account", headers=bearer(tokens["access_token"]))
    ).status_code == 401
    assert_oauth_problem(
        await refresh(client, integration, tokens["refresh_token"]), 401, "Token has been revoked"
    )


async def test_access_token_expires_after_a_day(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    tokens = await login(
        client, sandbox.state.demo_integration, sandbox.state.issue_authorization_code()
    )
    sandbox.state.clock.advance(86400)
    answer = await client.get("/api/v4/account", headers=bearer(tokens["access_token"]))
    assert answer.status_code == 401


# --- long-lived tokens -----------------------------------------------------------------


async def test_long_lived_token_works_has_no_refresh_and_ends_at_midnight(
    sandbox: SandboxServer, client: httpx.AsyncClient
) -> None:
    token = sandbox.state.issue_long_lived_token(days=30)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["grant_type"] == ""
    assert claims["exp"] % 86400 == 0
    assert 30 * 86400 < claims["exp"] - claims["iat"] <= 31 * 86400
    assert (await client.get("/api/v4/account", headers=bearer(token))).status_code == 200
    sandbox.state.clock.advance(31 * 86400)
    assert (await client.get("/api/v4/account", headers=bearer(token))).status_code == 401


async def test_a_token_signed_by_another_key_is_refused(client: httpx.AsyncClient) -> None:
    from amo_desktop.sandbox import SandboxState

    foreign = SandboxState().issue_long_lived_token(days=5)
    answer = await client.get("/api/v4/account", headers=bearer(foreign))
    assert answer.status_code == 401
    assert answer.json() == {
        "title": "Unauthorized",
        "type": "https://httpstatus.es/401",
        "status": 401,
        "detail": "Неверный логин или пароль",
    }


async def test_account_lookup_by_refresh_token_on_the_api_domain(
    sandbox: SandboxServer, platform_client: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    tokens = await login(
        client, sandbox.state.demo_integration, sandbox.state.issue_authorization_code()
    )
    url = "https://api-b.amocrm.ru/oauth2/account/current/subdomain"
    found = await platform_client.get(url, headers={"X-Refresh-Token": tokens["refresh_token"]})
    assert found.json() == {
        "id": 31415926,
        "subdomain": "demo",
        "domain": "demo.amocrm.ru",
        "top_level_domain": "ru",
    }
    unknown = await platform_client.get(url, headers={"X-Refresh-Token": "def50200x"})
    assert unknown.status_code == 401
