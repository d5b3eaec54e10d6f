"""Forgiving account-address parsing, URL building and input validation."""

from __future__ import annotations

import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.platforms import (
    Platform,
    is_loopback_host,
    is_platform_host,
    parse_account_address,
    validate_client_id,
    validate_redirect_uri,
)


@pytest.mark.parametrize(
    ("text", "platform", "host", "expected_platform"),
    [
        ("mycompany", None, "mycompany.amocrm.ru", Platform.AMOCRM_RU),
        ("mycompany", Platform.KOMMO, "mycompany.kommo.com", Platform.KOMMO),
        ("mycompany.amocrm.ru", None, "mycompany.amocrm.ru", Platform.AMOCRM_RU),
        ("  MyCompany.Kommo.com/ ", None, "mycompany.kommo.com", Platform.KOMMO),
        (
            "https://mycompany.kommo.com/leads/pipeline/1",
            None,
            "mycompany.kommo.com",
            Platform.KOMMO,
        ),
        (
            "http://shop-1.amocrm.com/",
            Platform.AMOCRM_COM,
            "shop-1.amocrm.com",
            Platform.AMOCRM_COM,
        ),
        ("mycompany.amocrm.ru", Platform.AMOCRM_RU, "mycompany.amocrm.ru", Platform.AMOCRM_RU),
    ],
)
def test_forgiving_input_normalizes_to_the_account_host(
    text: str, platform: Platform | None, host: str, expected_platform: Platform
) -> None:
    address = parse_account_address(text, platform)
    assert address.host == host
    assert address.platform is expected_platform
    assert address.subdomain == host.split(".")[0]
    assert address.base_url == f"https://{host}"


def test_real_platform_urls() -> None:
    address = parse_account_address("mycompany.kommo.com")
    assert address.authorize_url == "https://www.kommo.com/oauth"
    assert address.token_url == "https://mycompany.kommo.com/oauth2/access_token"
    assert address.api_url("leads") == "https://mycompany.kommo.com/api/v4/leads"
    assert address.api_url("/api/v4/account") == "https://mycompany.kommo.com/api/v4/account"
    assert address.account_url == "https://mycompany.kommo.com/"


@pytest.mark.parametrize(
    "text",
    [
        "www.amocrm.ru",
        "amocrm.ru",
        "api-b.amocrm.ru",
        "api-g.kommo.com",
        "https://www.kommo.com/oauth",
    ],
)
def test_shared_and_api_domains_are_refused_with_a_hint(text: str) -> None:
    with pytest.raises(AmoError) as caught:
        parse_account_address(text)
    assert caught.value.code is ErrorCode.API_DOMAIN_GIVEN
    assert "mycompany.amocrm.ru" in caught.value.localized("en").hint


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "my company",
        "my_company.amocrm.ru",
        "a.b.amocrm.ru",
        "-bad.kommo.com",
        "example.org",
    ],
)
def test_invalid_labels_are_refused(text: str) -> None:
    with pytest.raises(AmoError) as caught:
        parse_account_address(text)
    assert caught.value.code is ErrorCode.INVALID_DOMAIN


def test_platform_mismatch_is_reported_with_details() -> None:
    with pytest.raises(AmoError) as caught:
        parse_account_address("mycompany.kommo.com", Platform.AMOCRM_RU)
    assert caught.value.code is ErrorCode.INVALID_DOMAIN
    assert caught.value.details["platform"] == "amocrm.ru"
    assert caught.value.details["found"] == "kommo.com"


@pytest.mark.parametrize(
    ("text", "base_url", "host"),
    [
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123", "127.0.0.1:8123"),
        ("http://127.5.6.7:9/", "http://127.5.6.7:9", "127.5.6.7:9"),
        ("http://LOCALHOST:8000/", "http://localhost:8000", "localhost:8000"),
        ("http://[::1]:8000", "http://[::1]:8000", "[::1]:8000"),
        (
            "https://amo-proxy.example.com/base/",
            "https://amo-proxy.example.com/base",
            "amo-proxy.example.com",
        ),
        ("127.0.0.1:8123", "http://127.0.0.1:8123", "127.0.0.1:8123"),
    ],
)
def test_custom_base_urls(text: str, base_url: str, host: str) -> None:
    address = parse_account_address(text)
    assert address.platform is Platform.CUSTOM
    assert address.base_url == base_url
    assert address.host == host
    assert address.authorize_url == f"{base_url}/oauth"
    assert address.token_url == f"{base_url}/oauth2/access_token"
    assert address.api_url("account") == f"{base_url}/api/v4/account"
    assert parse_account_address(text, Platform.CUSTOM) == address


@pytest.mark.parametrize(
    "text",
    ["http://example.com", "http://192.168.1.5:8000", "ftp://127.0.0.1", "http://127.0.0.1:99999"],
)
def test_custom_base_must_be_https_or_loopback(text: str) -> None:
    with pytest.raises(AmoError) as caught:
        parse_account_address(text, Platform.CUSTOM)
    assert caught.value.code is ErrorCode.INVALID_BASE_URL


def test_a_custom_url_is_not_accepted_for_a_real_platform() -> None:
    with pytest.raises(AmoError) as caught:
        parse_account_address("http://127.0.0.1:8000", Platform.AMOCRM_RU)
    assert caught.value.code is ErrorCode.INVALID_DOMAIN


def test_with_host_stays_on_the_platform() -> None:
    address = parse_account_address("mycompany.amocrm.ru")
    assert address.with_host("other.amocrm.ru").host == "other.amocrm.ru"
    with pytest.raises(AmoError):
        address.with_host("evil.example.com")
    custom = parse_account_address("http://127.0.0.1:8000")
    assert custom.with_host("127.0.0.1:9000").base_url == "http://127.0.0.1:9000"
    with pytest.raises(AmoError):
        custom.with_host("evil.example.com")


def test_is_platform_host() -> None:
    assert is_platform_host("mycompany.amocrm.ru", Platform.AMOCRM_RU)
    assert is_platform_host("MyCompany.Kommo.com.", Platform.KOMMO)
    assert not is_platform_host("mycompany.amocrm.ru", Platform.KOMMO)
    assert not is_platform_host("www.amocrm.ru", Platform.AMOCRM_RU)
    assert not is_platform_host("api-b.amocrm.ru", Platform.AMOCRM_RU)
    assert not is_platform_host("amocrm.ru", Platform.AMOCRM_RU)
    assert not is_platform_host("evil.amocrm.ru.example.com", Platform.AMOCRM_RU)
    assert not is_platform_host("a.b.amocrm.ru", Platform.AMOCRM_RU)
    assert not is_platform_host("127.0.0.1", Platform.CUSTOM)


def test_is_loopback_host() -> None:
    for host in ("127.0.0.1", "127.1.2.3", "localhost", "[::1]", "::1"):
        assert is_loopback_host(host)
    for host in ("0.0.0.0", "10.0.0.1", "example.com", "localhost.example.com", ""):  # noqa: S104
        assert not is_loopback_host(host)


def test_validate_client_id() -> None:
    value = "1A2B3C4D-1234-5678-9ABC-0123456789AB"
    assert validate_client_id(f" {value} ") == value.lower()
    for bad in (
        "",
        "1a2b3c4d",
        "1a2b3c4d12345678 9abc0123456789ab",
        "{1a2b3c4d-1234-5678-9abc-0123456789ab}",
    ):
        with pytest.raises(AmoError) as caught:
            validate_client_id(bad)
        assert caught.value.code is ErrorCode.INVALID_CLIENT_ID


@pytest.mark.parametrize(
    "uri",
    [
        "https://example.com/callback/",
        "https://example.com/callback",
        "http://127.0.0.1:8765/callback?x=1",
        "https://Example.COM/Path",
    ],
)
def test_redirect_uri_is_kept_exactly(uri: str) -> None:
    assert validate_redirect_uri(uri) == uri
    assert validate_redirect_uri(f"  {uri}\n") == uri


@pytest.mark.parametrize(
    "uri",
    [
        "",
        "example.com/callback",
        "/callback",
        "ftp://example.com/",
        "https://example.com/#x",
        "https://exa mple.com/",
        "http://127.0.0.1:99999/",
    ],
)
def test_invalid_redirect_uris(uri: str) -> None:
    with pytest.raises(AmoError) as caught:
        validate_redirect_uri(uri)
    assert caught.value.code is ErrorCode.INVALID_REDIRECT_URI
