"""Small OAuth and API steps the sandbox tests share (plain HTTP, like any client)."""

from __future__ import annotations

import re
from typing import Any

import httpx

from amo_desktop.sandbox.models import Integration


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def consent_redirect(
    client: httpx.AsyncClient,
    client_id: str,
    decision: str = "allow",
    state: str | None = "st-1",
    mode: str = "post_message",
) -> httpx.URL:
    """Open the consent page, press a button, return where the browser would be sent."""
    params = {"client_id": client_id, "mode": mode}
    if state is not None:
        params["state"] = state
    page = await client.get("/oauth", params=params)
    assert page.status_code == 200, page.text
    found = re.search(r'name="nonce" value="([^"]+)"', page.text)
    assert found is not None
    answer = await client.post(
        "/oauth/decision", data={"nonce": found.group(1), "decision": decision}
    )
    assert answer.status_code == 302
    return httpx.URL(answer.headers["Location"])


async def exchange_code(
    client: httpx.AsyncClient, integration: Integration, code: str, **overrides: str
) -> httpx.Response:
    body = {
        "client_id": integration.client_id,
        "client_secret": integration.client_secret,
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": integration.redirect_uri,
        **overrides,
    }
    return await client.post("/oauth2/access_token", json=body)


async def refresh(
    client: httpx.AsyncClient, integration: Integration, refresh_token: str, **overrides: str
) -> httpx.Response:
    body = {
        "client_id": integration.client_id,
        "client_secret": integration.client_secret,
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "redirect_uri": integration.redirect_uri,
        **overrides,
    }
    return await client.post("/oauth2/access_token", json=body)


async def login(client: httpx.AsyncClient, integration: Integration, code: str) -> dict[str, Any]:
    answer = await exchange_code(client, integration, code)
    assert answer.status_code == 200, answer.text
    tokens: dict[str, Any] = answer.json()
    return tokens
