"""OAuth and long-lived token sets, and reading the claims of amoCRM's JWT access tokens."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any, Literal, cast

from amo_desktop.core.errors import AmoError, ErrorCode

TokenKind = Literal["oauth", "long_lived"]
_KINDS: tuple[TokenKind, ...] = ("oauth", "long_lived")


def decode_jwt_claims(token: str) -> dict[str, Any]:
    """The claims of an amoCRM JWT, without checking the signature.

    We are not the token's audience: amoCRM verifies it. We only read ``exp``,
    ``account_id`` and ``api_domain`` to show and schedule things.
    """
    # Imported here: PyJWT pulls in cryptography's X.509 and key classes (~40 ms), and
    # reading a stored bundle (``status``, the first window) never decodes a token.
    import jwt

    try:
        claims = jwt.decode(token.strip(), options={"verify_signature": False})
    except jwt.PyJWTError as error:
        raise AmoError(
            ErrorCode.LONG_LIVED_TOKEN_INVALID, debug=f"not a JWT: {type(error).__name__}"
        ) from None
    return dict(claims)


def _optional_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


@dataclass(frozen=True, repr=False)
class TokenSet:
    """The tokens of one profile as kept in the keyring (one JSON bundle)."""

    access_token: str
    refresh_token: str | None
    expires_at: float
    kind: TokenKind
    obtained_at: float
    api_domain: str | None = None
    account_id: int | None = None
    account_host: str | None = None

    def __repr__(self) -> str:
        # Tokens end up in tracebacks and debuggers; show only that they are there.
        refresh = "set" if self.refresh_token else "none"
        return (
            f"TokenSet(kind={self.kind!r}, access_token=<hidden>, refresh_token=<{refresh}>, "
            f"expires_at={self.expires_at!r}, account_id={self.account_id!r}, "
            f"account_host={self.account_host!r})"
        )

    __str__ = __repr__

    def seconds_left(self, now: float) -> float:
        return self.expires_at - now

    def is_expired(self, now: float) -> bool:
        return self.seconds_left(now) <= 0

    def needs_refresh(self, now: float, margin: float = 300.0) -> bool:
        """An OAuth token with a refresh token that expires within ``margin`` seconds."""
        return (
            self.kind == "oauth"
            and self.refresh_token is not None
            and self.seconds_left(now) <= margin
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> TokenSet:
        """Parse a stored bundle; raises ValueError when it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("token bundle is not an object")
        kind = data.get("kind")
        access = data.get("access_token")
        refresh = data.get("refresh_token")
        if kind not in _KINDS or not isinstance(access, str) or not access:
            raise ValueError("token bundle lacks kind or access token")
        if refresh is not None and not isinstance(refresh, str):
            raise ValueError("refresh token is not a string")
        api_domain, host = data.get("api_domain"), data.get("account_host")
        return cls(
            access_token=access,
            refresh_token=refresh,
            expires_at=float(data["expires_at"]),
            kind=cast(TokenKind, kind),
            obtained_at=float(data["obtained_at"]),
            api_domain=api_domain if isinstance(api_domain, str) else None,
            account_id=_optional_int(data.get("account_id")),
            account_host=host if isinstance(host, str) else None,
        )

    @classmethod
    def from_oauth_response(
        cls, body: dict[str, Any], now: float, *, account_host: str | None = None
    ) -> TokenSet:
        """Build from a token endpoint answer (``access_token``, ``refresh_token``,
        ``expires_in``). Raises BAD_RESPONSE when the fields are missing."""
        access, refresh = body.get("access_token"), body.get("refresh_token")
        expires_in = body.get("expires_in")
        if not isinstance(access, str) or not access or not isinstance(expires_in, int | float):
            raise AmoError(ErrorCode.BAD_RESPONSE, debug="token answer lacks access_token")
        try:
            claims = decode_jwt_claims(access)
        except AmoError:
            claims = {}
        api_domain = claims.get("api_domain")
        return cls(
            access_token=access,
            refresh_token=refresh if isinstance(refresh, str) and refresh else None,
            expires_at=now + float(expires_in),
            kind="oauth",
            obtained_at=now,
            api_domain=api_domain if isinstance(api_domain, str) else None,
            account_id=_optional_int(claims.get("account_id")),
            account_host=account_host,
        )

    @classmethod
    def from_long_lived(
        cls, token: str, now: float, *, account_host: str | None = None
    ) -> TokenSet:
        """A long-lived token: expiry, account and API domain come from its claims."""
        cleaned = token.strip()
        if cleaned.lower().startswith("bearer "):
            cleaned = cleaned[len("bearer ") :].strip()
        claims = decode_jwt_claims(cleaned)
        expires = claims.get("exp")
        if not isinstance(expires, int | float) or isinstance(expires, bool):
            raise AmoError(ErrorCode.LONG_LIVED_TOKEN_INVALID, debug="JWT has no exp claim")
        if expires <= now:
            raise AmoError(ErrorCode.TOKEN_EXPIRED, debug="long-lived token already expired")
        api_domain = claims.get("api_domain")
        return cls(
            access_token=cleaned,
            refresh_token=None,
            expires_at=float(expires),
            kind="long_lived",
            obtained_at=now,
            api_domain=api_domain if isinstance(api_domain, str) else None,
            account_id=_optional_int(claims.get("account_id")),
            account_host=account_host,
        )
