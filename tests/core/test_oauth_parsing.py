"""Reading what a person pastes, and deciding where the client secret may go."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.oauth import (
    build_authorize_url,
    new_state,
    parse_code_input,
    token_host_for,
)
from amo_desktop.core.platforms import Platform, parse_account_address

CODE = "def50200a1b2c3d4e5f6a7b8c9d0"
CLIENT_ID = "0b1f0e0a-7f6e-4a4b-9a55-8a1c2d3e4f50"


def test_state_is_long_and_unique() -> None:
    states = {new_state() for _ in range(50)}
    assert len(states) == 50
    assert all(len(state) >= 40 for state in states)


def test_authorize_url_goes_to_www_of_the_platform() -> None:
    address = parse_account_address("demo.kommo.com")
    url = build_authorize_url(address, CLIENT_ID, "s1")
    parts = urlsplit(url)
    assert (parts.scheme, parts.hostname, parts.path) == ("https", "www.kommo.com", "/oauth")
    assert parse_qs(parts.query) == {
        "client_id": [CLIENT_ID],
        "state": ["s1"],
        "mode": ["post_message"],
    }


def test_authorize_url_on_a_custom_base() -> None:
    address = parse_account_address("http://127.0.0.1:8765", Platform.CUSTOM)
    url = build_authorize_url(address, CLIENT_ID, "s1", mode="popup")
    assert url.startswith("http://127.0.0.1:8765/oauth?")
    assert "mode=popup" in url


@pytest.mark.parametrize(
    "text",
    [
        CODE,
        f"  {CODE}\n",
        f'"{CODE}"',
        f"'{CODE}'",
        f"«{CODE}»",
    ],
)
def test_bare_code_is_trimmed(text: str) -> None:
    assert parse_code_input(text).code == CODE


def test_full_final_address() -> None:
    pasted = (
        f"https://example.com/callback?code={CODE}&state=abc&referer=demo.amocrm.ru"
        f"&platform=1&client_id={CLIENT_ID}"
    )
    response = parse_code_input(f"  {pasted}  ")
    assert response.code == CODE
    assert response.state == "abc"
    assert response.referer == "demo.amocrm.ru"
    assert response.platform == "1"
    assert response.client_id == CLIENT_ID
    assert response.error is None


@pytest.mark.parametrize(
    "text", [f"?code={CODE}&referer=demo.amocrm.ru", f"code={CODE}&state=x&referer=demo.amocrm.ru"]
)
def test_query_string_alone(text: str) -> None:
    response = parse_code_input(text)
    assert response.code == CODE
    assert response.referer == "demo.amocrm.ru"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello world",
        "short",
        "https://example.com/callback",
        "https://example.com/callback?state=abc",
        "code=&state=x",
        "<script>alert(1)</script>",
        # urlsplit raises ValueError on these; a person must get the catalogue error instead.
        f"https://[::1/cb?code={CODE}",
        f"http://[evil/cb?code={CODE}",
    ],
)
def test_garbage_is_refused(text: str) -> None:
    with pytest.raises(AmoError) as caught:
        parse_code_input(text)
    assert caught.value.code is ErrorCode.INVALID_CODE_INPUT


def test_denied_address_is_access_denied() -> None:
    with pytest.raises(AmoError) as caught:
        parse_code_input(f"https://example.com/cb?error=access_denied&client_id={CLIENT_ID}")
    assert caught.value.code is ErrorCode.ACCESS_DENIED


def test_an_address_with_another_error_says_what_amo_answered() -> None:
    with pytest.raises(AmoError) as caught:
        parse_code_input("http://127.0.0.1:3000/cb?error=server_error&state=1")
    assert caught.value.code is ErrorCode.AUTHORIZATION_ERROR
    # No description came: the sentence reads whole without it.
    assert caught.value.localized("en").message == (
        "amoCRM sent the sign-in back with the error “server_error”."
    )


class TestRefererCheck:
    address = parse_account_address("demo.amocrm.ru")

    def test_no_referer_keeps_the_configured_account(self) -> None:
        assert token_host_for(self.address, None) == self.address

    def test_same_account(self) -> None:
        assert token_host_for(self.address, "demo.amocrm.ru") == self.address

    def test_another_account_of_the_same_platform(self) -> None:
        chosen = token_host_for(self.address, "Other.amocrm.ru")
        assert chosen.host == "other.amocrm.ru"
        assert chosen.token_url == "https://other.amocrm.ru/oauth2/access_token"

    @pytest.mark.parametrize(
        "referer",
        [
            "evil.example",
            "demo.amocrm.ru.evil.example",
            "evilamocrm.ru",
            "amocrm.ru",
            "www.amocrm.ru",
            "api-b.amocrm.ru",
            "demo.kommo.com",
            "a.b.amocrm.ru",
            "127.0.0.1:9999",
            "https://evil.example/x",
            "evil.com?.amocrm.ru",
            "amocrm.ru.evil.com",
            "demo.amocrm.ru:443@evil.com",
            "https://demo.amocrm.ru:443@evil.com",
            "https://evil.com#.amocrm.ru",
            "evil.com\\.amocrm.ru",
            "demo.amocrm.ru%2f.evil.com",
            "dеmo.amocrm.ru",  # Cyrillic "е"
            "demo．amocrm．ru",  # full-width dots
            # Python and browsers disagree about where the host of these starts (userinfo,
            # a backslash): a referer that needs such a guess is not amo's, so it is refused
            # even when Python's reading would name a platform host.
            "https://evil.com@demo.amocrm.ru",
            "https://evil.com\\@demo.amocrm.ru",
            "demo.amocrm.ru\\",
            # Only a bare host (what amo sends), optionally as an http(s) origin.
            "javascript://demo.amocrm.ru",
            "ftp://demo.amocrm.ru",
            "https://demo.amocrm.ru:8443",
            "https://demo.amocrm.ru/leads?x=1",
            "demo.amocrm.ru:443",
            # Case folding must not turn a look-alike into an ASCII host (KELVIN SIGN -> "k").
            "demo\u212a.amocrm.ru",
            "https://[::1",
        ],
    )
    def test_foreign_referer_is_refused(self, referer: str) -> None:
        with pytest.raises(AmoError) as caught:
            token_host_for(self.address, referer)
        assert caught.value.code is ErrorCode.UNTRUSTED_REFERER

    @pytest.mark.parametrize(
        "referer",
        [
            "DEMO.AMOCRM.RU",
            "demo.amocrm.ru.",
            "demo.amocrm.ru/",
            " demo.amocrm.ru ",
            "https://demo.amocrm.ru",
            "https://demo.amocrm.ru/",
            "http://Demo.amocrm.ru",
        ],
    )
    def test_spellings_of_the_same_account(self, referer: str) -> None:
        assert token_host_for(self.address, referer) == self.address

    def test_custom_base_ignores_the_referer(self) -> None:
        custom = parse_account_address("http://127.0.0.1:8765", Platform.CUSTOM)
        assert token_host_for(custom, "evil.example") == custom


_REFERER_PIECES = st.sampled_from(
    [
        "demo",
        "evil",
        ".",
        "..",
        "-",
        "amocrm.ru",
        "amocrm",
        "ru",
        "com",
        "kommo.com",
        "@",
        "\\",
        ":",
        ":443",
        "/",
        "?",
        "#",
        "%2e",
        "https://",
        "http://",
        "//",
        " ",
        "\t",
        "xn--",
        "www",
        "api-b",
        "\u212a",
        "\u0435",
        "\u3002",
        "\uff0e",
        "[",
        "]",
        "evil.com",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_REFERER_PIECES, min_size=1, max_size=8).map("".join))
def test_an_accepted_referer_always_sends_the_secret_to_the_platform(referer: str) -> None:
    address = parse_account_address("demo.amocrm.ru")
    try:
        chosen = token_host_for(address, referer)
    except AmoError as error:
        assert error.code is ErrorCode.UNTRUSTED_REFERER
        return
    parts = urlsplit(chosen.token_url)
    label, _, domain = (parts.hostname or "").partition(".")
    assert (parts.scheme, domain, parts.port, parts.username) == ("https", "amocrm.ru", None, None)
    assert label.isascii() and label.replace("-", "").isalnum() and label not in {"www", "api-b"}
    assert chosen.token_url == f"https://{label}.amocrm.ru/oauth2/access_token"
