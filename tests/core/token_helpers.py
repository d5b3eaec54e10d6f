"""Shared set-up for token tests: a signed-in demo profile against the sandbox."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import httpx

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.oauth import exchange_code, refresh_tokens
from amo_desktop.core.platforms import parse_account_address
from amo_desktop.core.tokens import TokenSet
from amo_desktop.sandbox import SandboxServer

DEMO = parse_account_address("demo.amocrm.ru")
PROFILE = "default"
TOKEN_PATH = "/oauth2/access_token"


class Clock:
    """Wall-clock seconds that a test can move forward."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class SignedIn:
    sandbox: SandboxServer
    http: httpx.AsyncClient
    credentials: CredentialStore
    tokens: TokenSet

    async def refresher(self, refresh_token: str) -> TokenSet:
        integration = self.sandbox.state.demo_integration
        return await refresh_tokens(
            self.http,
            DEMO,
            integration.client_id,
            integration.client_secret,
            refresh_token,
            integration.redirect_uri,
        )

    def refreshes(self) -> int:
        """Token endpoint calls after the initial code exchange."""
        return self.sandbox.state.request_count(TOKEN_PATH, "POST") - 1

    async def store(self, **changes: object) -> TokenSet:
        tokens = replace(self.tokens, **changes)  # type: ignore[arg-type]
        await self.credentials.set_tokens(PROFILE, tokens)
        return tokens


async def sign_in(
    sandbox: SandboxServer, http: httpx.AsyncClient, credentials: CredentialStore
) -> SignedIn:
    integration = sandbox.state.demo_integration
    tokens = await exchange_code(
        http,
        DEMO,
        integration.client_id,
        integration.client_secret,
        sandbox.state.issue_authorization_code(),
        integration.redirect_uri,
    )
    await credentials.set_tokens(PROFILE, tokens)
    return SignedIn(sandbox, http, credentials, tokens)
