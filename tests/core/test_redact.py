"""Secrets never survive masking, whatever shape the text has."""

from __future__ import annotations

import json

import jwt
import pytest

from amo_desktop.core.redact import Redactor, mask_value

JWT = jwt.encode({"account_id": 1, "exp": 2_000_000_000}, "k" * 32, algorithm="HS256")
REFRESH = "def50200" + "ab12" * 100
SECRET = "Zx9SecretKeyOfTheIntegration0123456789abcdef"
ALL_SECRETS = (
    JWT,
    REFRESH,
    "short-one",
    "abcDEF123",
    "opaque-42",
    "def50200aa",
    "hunter2hunter2",
    SECRET,
)


@pytest.mark.parametrize(
    "text",
    [
        f"Authorization: Bearer {JWT}",
        f"authorization: bearer {JWT}\r\n",
        f"X-Refresh-Token: {REFRESH}",
        json.dumps({"access_token": JWT, "refresh_token": REFRESH, "token_type": "Bearer"}),
        json.dumps({"client_secret": "short-one", "client_id": "x"}),
        json.dumps(json.dumps({"refresh_token": REFRESH})),  # JSON logged inside JSON
        "grant_type=refresh_token&client_secret=abcDEF123&refresh_token=opaque-42",
        "GET /callback?code=def50200aa&state=xyz HTTP/1.1",
        "POST http://127.0.0.1:9000/hook?secret=hunter2hunter2",
        f"something went wrong near {JWT} and {REFRESH}.",
        f"password={SECRET}",
    ],
)
def test_token_looking_values_are_masked(text: str) -> None:
    masked = Redactor().mask(text)
    for secret in ALL_SECRETS:
        assert secret not in masked
    assert "chars)" in masked


def test_known_secrets_are_masked_anywhere() -> None:
    redactor = Redactor([SECRET])
    redactor.add(None, "", "abc")  # empty and tiny values are ignored, not masked everywhere
    masked = redactor.mask(f"the backend said: invalid key {SECRET}!!")
    assert SECRET not in masked
    assert masked.startswith("the backend said: invalid key Zx9S…cdef (44 chars)")
    assert redactor.mask("abc stays") == "abc stays"


def test_ordinary_text_is_untouched() -> None:
    text = 'GET /api/v4/leads?page=2&limit=50 -> 200 (31 ms) {"code": "auth.x", "name": "Deal"}'
    assert Redactor().mask(text) == text


def test_mask_value_keeps_a_length_hint() -> None:
    assert mask_value(JWT) == f"{JWT[:4]}…{JWT[-4:]} ({len(JWT)} chars)"
    assert mask_value("tiny") == "•••• (4 chars)"


def test_masking_twice_is_stable() -> None:
    redactor = Redactor([SECRET])
    once = redactor.mask(f"access_token={JWT} {SECRET}")
    assert redactor.mask(once) == once
