"""Authorization codes, token pairs and their rotation, the way amoCRM's OAuth server acts.

Rules (fact sheet 1.5-1.9): a code lives 20 minutes and works once; an access token lives
24 hours; a refresh token lives 3 months and is single use. Where the rotation grace applies
(Kommo documents it; on amocrm.ru it is unconfirmed, so it is a switch), the old pair stays
valid until the new pair is used for the first time (on the API or for a refresh); then the
old pair and any unused sibling pair minted from the same old refresh token are revoked,
which is what bites a client that lost the race between two refreshers. Without the grace
the old pair dies with the refresh itself, as league/oauth2-server does by default.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from amo_desktop.sandbox.clock import SandboxClock
from amo_desktop.sandbox.jwt_keys import SigningKey
from amo_desktop.sandbox.models import API_DOMAINS, Account, Integration

CODE_LIFETIME = 20 * 60
ACCESS_LIFETIME = 24 * 60 * 60
REFRESH_LIFETIME = 90 * 24 * 60 * 60
LONG_LIVED_MAX_DAYS = 5 * 366
DAY = 24 * 60 * 60

ProblemKind = Literal["invalid_request", "invalid_client"]


class OAuthProblem(Exception):
    """An error answer of the token endpoint, as league/oauth2-server (and so amo) gives it.

    ``kind`` is league's error type; its title and detail are worded when the answer is sent,
    in the language of the platform the request came to.
    """

    def __init__(
        self, status: int, hint: str | None, *, kind: ProblemKind = "invalid_request"
    ) -> None:
        super().__init__(hint or kind)
        self.status = status
        self.hint = hint
        self.kind: ProblemKind = kind


def _opaque(length_bytes: int) -> str:
    # league/oauth2-server's encrypted payloads start with "def50200"; clients see such strings.
    return "def50200" + secrets.token_hex(length_bytes)


@dataclass
class AuthorizationCode:
    value: str
    client_id: str
    issued_at: float
    used: bool = False


@dataclass
class TokenPair:
    """An access token with its refresh token (none for a long-lived token)."""

    client_id: str
    access_token: str
    jti: str
    refresh_token: str | None
    issued_at: int
    access_expires_at: int
    refresh_expires_at: int | None
    predecessor: TokenPair | None = None
    used: bool = False
    revoked: bool = False

    @property
    def long_lived(self) -> bool:
        return self.refresh_token is None

    def token_response(self, server_time: int) -> dict[str, Any]:
        return {
            "token_type": "Bearer",
            "expires_in": self.access_expires_at - self.issued_at,
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "server_time": server_time,
        }


class TokenAuthority:
    """Issues and checks codes and tokens for one account.

    ``grace_on(domain)`` says whether the rotation grace applies on that platform domain.
    """

    def __init__(
        self,
        clock: SandboxClock,
        key: SigningKey,
        account: Account,
        grace_on: Callable[[str], bool] = lambda domain: True,
    ) -> None:
        self._clock = clock
        self._grace_on = grace_on
        self._key = key
        self._account = account
        self._codes: dict[str, AuthorizationCode] = {}
        self._by_jti: dict[str, TokenPair] = {}
        self._by_refresh: dict[str, TokenPair] = {}

    # --- codes -------------------------------------------------------------------------

    def issue_code(self, integration: Integration) -> str:
        code = AuthorizationCode(_opaque(200), integration.client_id, self._clock.now())
        self._codes[code.value] = code
        return code.value

    def exchange_code(self, integration: Integration, code_value: str, domain: str) -> TokenPair:
        code = self._codes.get(code_value)
        if code is None:
            raise OAuthProblem(400, "Cannot decrypt the authorization code")
        if self._clock.now() > code.issued_at + CODE_LIFETIME:
            raise OAuthProblem(400, "Authorization code has expired")
        if code.used:
            raise OAuthProblem(400, "Authorization code has been revoked")
        if code.client_id != integration.client_id:
            raise OAuthProblem(400, "Authorization code was not issued to this client")
        code.used = True
        return self._mint(integration, domain, grant_type="authorization_code")

    # --- refresh -----------------------------------------------------------------------

    def refresh(self, integration: Integration, refresh_token: str, domain: str) -> TokenPair:
        old = self._by_refresh.get(refresh_token)
        if old is None:
            raise OAuthProblem(401, "Cannot decrypt the refresh token")
        if old.client_id != integration.client_id:
            raise OAuthProblem(401, "Token is not linked to client")
        assert old.refresh_expires_at is not None
        if self._clock.now() > old.refresh_expires_at:
            raise OAuthProblem(401, "Token has expired")
        if old.revoked:
            raise OAuthProblem(401, "Token has been revoked")
        self._mark_used(old)
        if not self._grace_on(domain):
            old.revoked = True  # its access token and refresh token die with the refresh
        new = self._mint(integration, domain, grant_type="refresh_token")
        new.predecessor = old
        return new

    # --- long-lived --------------------------------------------------------------------

    def issue_long_lived(self, integration: Integration, days: int, domain: str) -> TokenPair:
        if not 1 <= days <= LONG_LIVED_MAX_DAYS:
            raise ValueError("a long-lived token lives from 1 day to 5 years")
        now = self._clock.now_int()
        # It expires at the end (midnight) of the chosen date.
        expires_at = (now // DAY + days + 1) * DAY
        return self._mint(
            integration, domain, grant_type="", expires_at=expires_at, with_refresh=False
        )

    # --- API side ----------------------------------------------------------------------

    def authenticate(self, access_token: str) -> TokenPair | None:
        """The live pair behind a bearer token, or None (bad signature, expired, revoked)."""
        claims = self._key.verify(access_token)
        if claims is None:
            return None
        pair = self._by_jti.get(str(claims.get("jti")))
        if pair is None or pair.revoked or pair.access_token != access_token:
            return None
        if self._clock.now() >= pair.access_expires_at:
            return None
        self._mark_used(pair)
        return pair

    def live_refresh_pair(self, refresh_token: str) -> TokenPair | None:
        """The pair behind a refresh token that could still be refreshed (no side effects)."""
        pair = self._by_refresh.get(refresh_token)
        if pair is None or pair.revoked or pair.refresh_expires_at is None:
            return None
        return pair if self._clock.now() <= pair.refresh_expires_at else None

    def revoke_all(self, client_id: str | None = None) -> int:
        revoked = 0
        for pair in self._by_jti.values():
            if not pair.revoked and client_id in (None, pair.client_id):
                pair.revoked = True
                revoked += 1
        return revoked

    def live_pairs(self) -> list[TokenPair]:
        now = self._clock.now()
        return [p for p in self._by_jti.values() if not p.revoked and now < p.access_expires_at]

    # --- internals ---------------------------------------------------------------------

    def _mark_used(self, pair: TokenPair) -> None:
        if pair.used:
            return
        pair.used = True
        old = pair.predecessor
        if old is None:
            return
        old.revoked = True
        for sibling in self._by_jti.values():
            if sibling.predecessor is old and sibling is not pair and not sibling.used:
                sibling.revoked = True

    def _mint(
        self,
        integration: Integration,
        domain: str,
        *,
        grant_type: str,
        expires_at: int | None = None,
        with_refresh: bool = True,
    ) -> TokenPair:
        now = self._clock.now_int()
        access_expires_at = expires_at if expires_at is not None else now + ACCESS_LIFETIME
        jti = uuid.uuid4().hex
        claims = {
            "aud": integration.client_id,
            "jti": jti,
            "iat": now,
            "nbf": now,
            "exp": access_expires_at,
            "sub": str(self._account.current_user_id),
            "grant_type": grant_type,
            "account_id": self._account.id,
            "base_domain": domain,
            "version": 2,
            "scopes": list(integration.scopes),
            "hash_uuid": str(uuid.uuid4()),
            "api_domain": API_DOMAINS.get(domain, API_DOMAINS["amocrm.ru"]),
        }
        pair = TokenPair(
            client_id=integration.client_id,
            access_token=self._key.sign(claims),
            jti=jti,
            refresh_token=_opaque(360) if with_refresh else None,
            issued_at=now,
            access_expires_at=access_expires_at,
            refresh_expires_at=now + REFRESH_LIFETIME if with_refresh else None,
        )
        self._by_jti[jti] = pair
        if pair.refresh_token is not None:
            self._by_refresh[pair.refresh_token] = pair
        return pair
