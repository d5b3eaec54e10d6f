"""Forward targets as printed: credentials in user:password@ and in any query value are hidden."""

from __future__ import annotations

import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.redact import Redactor, url_to_show
from amo_desktop.core.web_address import web_address
from amo_desktop.core.webhooks.records import public_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://backend.example/hook", "https://backend.example/hook"),
        ("https://user:pass@backend.example/hook", "https://••••@backend.example/hook"),
        ("https://token@backend.example/hook", "https://••••@backend.example/hook"),
        ("http://127.0.0.1:8000/hook?sig=abc&v=2", "http://127.0.0.1:8000/hook?sig=••••&v=••••"),
        ("http://h/hook?flag&empty=#part", "http://h/hook?flag&empty="),
        ("http://[::1]:8080/hook?key=k", "http://[::1]:8080/hook?key=••••"),
        ("http://[::1/hook?key=k", "http:••••"),  # unreadable: nothing of it but the scheme
    ],
)
def test_url_to_show_hides_every_credential_and_keeps_the_address(url: str, shown: str) -> None:
    assert url_to_show(url) == shown


@pytest.mark.parametrize(
    ("url", "recorded"),
    [
        (
            "https://user:pass@Backend.Example:8443/hook?sig=1#x",
            "https://backend.example:8443/hook",
        ),
        ("http://127.0.0.1:99999/hook?sig=1", "http://127.0.0.1:99999/hook"),  # never raises
        ("http://[::1/hook?sig=1", "http:"),
    ],
)
def test_the_journals_public_form_drops_credentials_and_never_raises(
    url: str, recorded: str
) -> None:
    assert public_url(url) == recorded


def test_the_redactor_masks_a_password_in_any_url_it_meets() -> None:
    masked = Redactor().mask("POST https://hook-user:pw-4f9c2e@backend.example/hook failed")
    assert "pw-4f9c2e" not in masked and "https://hook-user:" in masked


def test_a_refused_address_is_shown_without_its_credentials() -> None:
    with pytest.raises(AmoError) as refused:
        web_address("http://hook-user:pw-4f9c2e@127.0.0.1:99999/hook?sig=sig-7d1a0b")
    assert refused.value.code == ErrorCode.INVALID_URL
    assert refused.value.details["url"] == "http://••••@127.0.0.1:99999/hook?sig=••••"
