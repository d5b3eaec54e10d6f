"""The catalogue covers every code in both languages, renders safely and finds raw errors."""

from __future__ import annotations

import re

import pytest

from amo_desktop.core.credentials import UNKNOWN_BACKEND_NAME
from amo_desktop.core.error_catalogue import all_entries, localize, normalize_language, search
from amo_desktop.core.errors import AmoError, ErrorCode

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_code_has_english_and_ukrainian_text(code: ErrorCode) -> None:
    english = localize(code, {}, "en")
    ukrainian = localize(code, {}, "uk")
    for localized in (english, ukrainian):
        assert localized.code == code.value
        assert localized.title.strip() and localized.message.strip() and localized.hint.strip()
    assert (english.title, english.message, english.hint) != (
        ukrainian.title,
        ukrainian.message,
        ukrainian.hint,
    )
    assert english.title != ukrainian.title
    assert english.hint != ukrainian.hint
    assert re.search("[а-яіїєґ]", ukrainian.message + ukrainian.hint, re.IGNORECASE)


def test_catalogue_has_exactly_one_entry_per_code() -> None:
    codes = [entry.code for entry in all_entries()]
    assert codes == list(ErrorCode)
    assert all(set(entry.texts) == {"en", "uk"} for entry in all_entries())


@pytest.mark.parametrize("code", list(ErrorCode))
@pytest.mark.parametrize("language", ["en", "uk"])
def test_placeholders_render_from_details(code: ErrorCode, language: str) -> None:
    texts = next(e for e in all_entries() if e.code is code).texts[language]
    names = set(PLACEHOLDER.findall(texts.title + texts.message + texts.hint))
    details = {name: f"VALUE-{name}" for name in names}
    localized = localize(code, details, language)
    rendered = localized.title + localized.message + localized.hint
    assert "{" not in rendered and "}" not in rendered
    for name in names:
        assert f"VALUE-{name}" in rendered


def test_missing_placeholder_does_not_crash() -> None:
    localized = localize(ErrorCode.PORT_IN_USE, {}, "en")
    assert "…" in localized.message and "{port}" not in localized.message


def test_details_with_braces_are_not_reinterpreted() -> None:
    localized = localize(ErrorCode.INVALID_DOMAIN, {"text": "{evil} {0}"}, "en")
    assert "{evil} {0}" in localized.message


def test_amo_error_localizes_its_details() -> None:
    error = AmoError(ErrorCode.PORT_IN_USE, {"port": 8787})
    assert "8787" in error.localized("uk").message
    assert "порт" in error.localized("uk").message.lower()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("uk", "uk"), ("uk_UA.UTF-8", "uk"), ("UK", "uk"), ("en", "en"), ("de", "en"), ("", "en")],
)
def test_unknown_language_falls_back_to_english(language: str, expected: str) -> None:
    assert normalize_language(language) == expected
    assert localize(ErrorCode.UNEXPECTED, {}, language) == localize(
        ErrorCode.UNEXPECTED, {}, expected
    )


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("Account not found", ErrorCode.ACCOUNT_NOT_FOUND),
        ("Invalid account", ErrorCode.ACCOUNT_NOT_FOUND),
        ("Failed to refresh token", ErrorCode.REFRESH_FAILED),
        ("Redirect URI is not associated with client", ErrorCode.REDIRECT_URI_MISMATCH),
        ("Token has been revoked", ErrorCode.REFRESH_TOKEN_REVOKED),
        ("Token has expired", ErrorCode.REFRESH_TOKEN_EXPIRED),
        ("Authorization code has expired", ErrorCode.CODE_EXPIRED),
        ("Check the `client_id` parameter", ErrorCode.INVALID_CLIENT_ID_REJECTED),
        # The older invalid-client body: a wrong secret or a wrong redirect URI alike.
        ("Некорректный клиент", ErrorCode.CLIENT_REJECTED),
        ("Client authentication failed", ErrorCode.CLIENT_REJECTED),
        ("Check the `client_secret` parameter", ErrorCode.INVALID_CLIENT_SECRET),
    ],
)
def test_search_finds_raw_strings_from_the_wild(raw: str, code: ErrorCode) -> None:
    assert search(raw, "en")[0].code is code
    assert search(raw.upper(), "uk")[0].code is code


def test_search_finds_an_alias_inside_a_pasted_problem_body() -> None:
    body = (
        '{"hint":"Redirect URI is not associated with client","title":"Некорректный запрос",'
        '"status":400,"detail":"redirect_uri"}'
    )
    assert search(body)[0].code is ErrorCode.REDIRECT_URI_MISMATCH
    assert search("HTTP 401 hint: Token has been revoked")[0].code is (
        ErrorCode.REFRESH_TOKEN_REVOKED
    )


def test_redirect_mismatch_hint_mentions_the_trailing_slash() -> None:
    assert "trailing slash" in localize(ErrorCode.REDIRECT_URI_MISMATCH).hint
    assert "косою" in localize(ErrorCode.REDIRECT_URI_MISMATCH, language="uk").hint


def test_search_in_the_chosen_language_and_empty_query() -> None:
    assert ErrorCode.KEYRING_LOCKED in [e.code for e in search("заблоковано", "uk")]
    assert search("", "en") == list(all_entries())
    assert search("zzz-nothing-like-this") == []


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    "code",
    [entry.code for entry in all_entries() if "{backend}" in entry.texts["en"].message],
)
def test_a_password_storage_not_found_yet_is_left_out_of_the_sentence(
    code: ErrorCode, language: str
) -> None:
    named = localize(code, {"backend": "KWallet", "profile": "shop"}, language)
    unnamed = localize(code, {"backend": UNKNOWN_BACKEND_NAME, "profile": "shop"}, language)

    assert "(KWallet)" in named.message
    assert unnamed.message == named.message.replace(" (KWallet)", ""), unnamed.message
    assert "system keyring" not in unnamed.message


@pytest.mark.parametrize("language", ["en", "uk"])
def test_a_failed_save_does_not_promise_that_the_previous_tokens_still_work(language: str) -> None:
    # Whether amocrm.ru keeps an older pair alive after a new one is issued is unconfirmed.
    text = localize(ErrorCode.KEYRING_WRITE_FAILED, {"backend": "Secret Service"}, language)
    promise = "keep working" if language == "en" else "й далі працюють"
    assert promise not in text.message
    caution = "may no longer accept" if language == "en" else "може їх уже не прийняти"
    assert caution in text.message
