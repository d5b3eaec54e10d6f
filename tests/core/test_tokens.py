"""Token sets: JSON round trip, expiry arithmetic, JWT claims and masked repr."""

from __future__ import annotations

import jwt
import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.tokens import TokenSet, decode_jwt_claims

NOW = 1_700_000_000.0


def make_jwt(**claims: object) -> str:
    # Signed with a throw-away HMAC key: we never verify signatures, amoCRM does.
    return jwt.encode(dict(claims), "test-key-that-is-long-enough-for-hs256!", algorithm="HS256")


def test_decode_claims_without_verification_even_when_expired() -> None:
    token = make_jwt(exp=int(NOW) - 10, account_id=321, aud="someone-else")
    claims = decode_jwt_claims(token)
    assert claims["account_id"] == 321


@pytest.mark.parametrize("garbage", ["", "def50200abcdef", "not.a.jwt", "eyJhbGciOi"])
def test_non_jwt_is_rejected(garbage: str) -> None:
    with pytest.raises(AmoError) as caught:
        decode_jwt_claims(garbage)
    assert caught.value.code is ErrorCode.LONG_LIVED_TOKEN_INVALID


def test_long_lived_token_reads_expiry_account_and_api_domain() -> None:
    token = make_jwt(exp=int(NOW) + 86400 * 365, account_id=31415, api_domain="api-b.amocrm.ru")
    tokens = TokenSet.from_long_lived(f"  Bearer {token}\n", NOW, account_host="x.amocrm.ru")
    assert tokens.kind == "long_lived"
    assert tokens.access_token == token
    assert tokens.refresh_token is None
    assert tokens.expires_at == NOW + 86400 * 365
    assert tokens.account_id == 31415
    assert tokens.api_domain == "api-b.amocrm.ru"
    assert tokens.account_host == "x.amocrm.ru"
    assert not tokens.needs_refresh(tokens.expires_at - 1)


def test_long_lived_token_needs_exp_and_must_not_be_expired() -> None:
    with pytest.raises(AmoError) as caught:
        TokenSet.from_long_lived(make_jwt(account_id=1), NOW)
    assert caught.value.code is ErrorCode.LONG_LIVED_TOKEN_INVALID
    with pytest.raises(AmoError) as caught:
        TokenSet.from_long_lived(make_jwt(exp=int(NOW) - 1), NOW)
    assert caught.value.code is ErrorCode.TOKEN_EXPIRED


def test_oauth_response_and_refresh_timing() -> None:
    access = make_jwt(exp=int(NOW) + 86400, account_id=7)
    tokens = TokenSet.from_oauth_response(
        {"access_token": access, "refresh_token": "def50200" + "a" * 600, "expires_in": 86400},
        NOW,
        account_host="shop.kommo.com",
    )
    assert tokens.kind == "oauth" and tokens.account_id == 7
    assert tokens.seconds_left(NOW) == 86400
    assert not tokens.needs_refresh(NOW)
    assert tokens.needs_refresh(NOW + 86400 - 300)
    assert not tokens.needs_refresh(NOW + 86400 - 301)
    assert tokens.is_expired(NOW + 86400)
    with pytest.raises(AmoError) as caught:
        TokenSet.from_oauth_response({"token_type": "Bearer"}, NOW)
    assert caught.value.code is ErrorCode.BAD_RESPONSE


def test_json_round_trip() -> None:
    tokens = TokenSet(
        "a" * 900, "r" * 700, NOW + 5, "oauth", NOW, "api-c.kommo.com", 9, "s.kommo.com"
    )
    assert TokenSet.from_json(tokens.to_json()) == tokens
    with pytest.raises(ValueError):
        TokenSet.from_json('{"kind": "oauth"}')
    with pytest.raises(ValueError):
        TokenSet.from_json("[]")


def test_repr_never_shows_token_values() -> None:
    tokens = TokenSet("ACCESS-SECRET-VALUE", "REFRESH-SECRET-VALUE", NOW, "oauth", NOW)
    for text in (repr(tokens), str(tokens), f"{tokens}", repr([tokens])):
        assert "ACCESS-SECRET-VALUE" not in text
        assert "REFRESH-SECRET-VALUE" not in text
