"""The OAuth 2.0 steps amoCRM and Kommo use: consent URL, the redirect, the token endpoint.

The one rule that matters most lives in :func:`token_host_for`: the token request carries the
client secret, so it only ever goes to a host of the platform the person chose (or to the
custom base they configured), never to whatever host a pasted URL names.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.http_errors import (
    debug_note,
    error_from_exception,
    error_from_response,
    is_html,
    json_object,
    problem_body,
    target_host,
)
from amo_desktop.core.platforms import AccountAddress, Platform, is_platform_host
from amo_desktop.core.tokens import TokenSet

_QUOTES = "\"'`«»“”‘’<>"
# amo codes are long opaque strings ("def50200…"); anything with spaces or odd symbols is not.
_BARE_CODE = re.compile(r"^[A-Za-z0-9._~+/=-]{8,8192}$")


def new_state() -> str:
    """An unguessable value that ties the redirect to the request we started."""
    return secrets.token_urlsafe(32)


def build_authorize_url(
    address: AccountAddress, client_id: str, state: str, mode: str = "post_message"
) -> str:
    """The consent page to open in the person's browser."""
    query = urlencode({"client_id": client_id, "state": state, "mode": mode})
    return f"{address.authorize_url}?{query}"


@dataclass(frozen=True)
class AuthorizationResponse:
    """What came back on the redirect URI (or what the person pasted)."""

    code: str | None
    state: str | None = None
    referer: str | None = None
    error: str | None = None
    client_id: str | None = None
    platform: str | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> AuthorizationResponse:
        def value(name: str) -> str | None:
            text = query.get(name, "").strip()
            return text or None

        return cls(
            code=value("code"),
            state=value("state"),
            referer=value("referer"),
            error=value("error"),
            client_id=value("client_id"),
            platform=value("platform"),
        )


def _query_of(text: str) -> str | None:
    """The query part of a pasted address or query string, or ``None`` for a bare code."""
    if "://" in text:
        try:
            parts = urlsplit(text)
        except ValueError:  # an unbalanced "[" in the host: not an address we can read
            raise AmoError(ErrorCode.INVALID_CODE_INPUT, debug="unreadable address") from None
        return "&".join(part for part in (parts.query, parts.fragment) if part)
    if text.startswith(("?", "#")):
        return text[1:]
    if re.search(r"(^|&)(code|error|state|referer)=", text):
        return text
    return None


def authorization_error(query: Mapping[str, str]) -> AmoError:
    """amo's redirect came back with an error other than a refusal, or with no code at all:
    its own words (``error``, ``error_description``), shortened, for the person to see."""
    error = (query.get("error") or "no code").strip()[:80]
    description = (query.get("error_description") or "").strip()[:200]
    return AmoError(
        ErrorCode.AUTHORIZATION_ERROR,
        {"error": error, "description": description},
        debug=f"redirect error={error!r} description={description!r}",
    )


def parse_code_input(text: str) -> AuthorizationResponse:
    """Accept a bare code, or the whole final address, or just its query string."""
    cleaned = text.strip().strip(_QUOTES).strip()
    query = _query_of(cleaned)
    if query is None:
        if not _BARE_CODE.match(cleaned):
            raise AmoError(ErrorCode.INVALID_CODE_INPUT, debug="not a code and not an address")
        return AuthorizationResponse(code=cleaned)
    fields = {key: values[0] for key, values in parse_qs(query).items() if values}
    response = AuthorizationResponse.from_query(fields)
    if response.error == "access_denied":
        raise AmoError(ErrorCode.ACCESS_DENIED)
    if response.error is not None:
        raise authorization_error(fields)
    if response.code is None or not _BARE_CODE.match(response.code):
        raise AmoError(ErrorCode.INVALID_CODE_INPUT, debug="the address has no usable code")
    return response


# amo sends the bare account host ("demo.amocrm.ru"); an http(s) origin is tolerated. Anything
# that needs a URL parser's guess about where the host starts (userinfo, backslashes, ports,
# paths, other schemes) is refused rather than interpreted: parsers disagree on those, and the
# client secret follows the answer. ASCII only, so case folding cannot turn a look-alike
# character (KELVIN SIGN) into a platform host.
_REFERER = re.compile(r"(?:https?://)?([a-z0-9.-]+?)\.?/?", re.ASCII | re.IGNORECASE)


def _referer_host(referer: str) -> str | None:
    match = _REFERER.fullmatch(referer.strip())
    return match.group(1).lower() if match else None


def token_host_for(address: AccountAddress, referer: str | None) -> AccountAddress:
    """The account whose token endpoint receives the code and the client secret.

    For amoCRM/Kommo the ``referer`` of the redirect names the account the person picked on
    the consent page; it is trusted only when it is a plain subdomain of the platform that
    was configured. A custom (sandbox or self-hosted) base always uses the configured base.
    """
    if address.platform is Platform.CUSTOM or referer is None or not referer.strip():
        return address
    host = _referer_host(referer)
    if host is None or not is_platform_host(host, address.platform):
        shown = (host or referer.strip())[:100]
        raise AmoError(
            ErrorCode.UNTRUSTED_REFERER,
            {"host": shown, "platform": address.platform.value},
            debug=f"referer {shown!r} is not an account of {address.platform.value}",
        )
    return address if host == address.host else address.with_host(host)


_CODE_HINTS = {
    "authorization code has expired": ErrorCode.CODE_EXPIRED,
    "authorization code has been revoked": ErrorCode.CODE_REVOKED,
    "cannot decrypt the authorization code": ErrorCode.CODE_INVALID,
}
_REFRESH_HINTS = {
    "token has been revoked": ErrorCode.REFRESH_TOKEN_REVOKED,
    "token has expired": ErrorCode.REFRESH_TOKEN_EXPIRED,
    "token is not linked to client": ErrorCode.REFRESH_TOKEN_FOREIGN,
    "cannot decrypt the refresh token": ErrorCode.REFRESH_FAILED,
}
_CLIENT_HINTS = {
    "check the `client_id` parameter": ErrorCode.INVALID_CLIENT_ID_REJECTED,
    "check the `client_secret` parameter": ErrorCode.INVALID_CLIENT_SECRET,
    "redirect uri is not associated with client": ErrorCode.REDIRECT_URI_MISMATCH,
    "invalid account": ErrorCode.ACCOUNT_NOT_FOUND,
}
# league/oauth2-server's invalidClient: amo's older answer for a wrong secret *or* a wrong
# redirect URI; the body does not say which. Recognised by its shape first (the only hint-less
# 401 of the token endpoint, whatever the language: Kommo's wording is unconfirmed), and by
# these words where the shape differs.
_INVALID_CLIENT_TEXTS = (
    "некорректный клиент",
    "авторизация клиента не прошла",
    "client authentication failed",
    "invalid_client",
)


def _token_error(response: httpx.Response, grant: str, redirect_uri: str) -> AmoError:
    status = response.status_code
    host = target_host(response.request)
    debug = debug_note(response)
    if is_html(response) and (300 <= status < 400 or status == 404):
        return AmoError(ErrorCode.WRONG_HOST, {"host": host, "status": status}, debug=debug)
    body = problem_body(response)
    if body is None or status not in (400, 401):
        return error_from_response(response)
    hint = str(body.get("hint") or "").strip().lower().rstrip(".")
    grant_hints = _CODE_HINTS if grant == "authorization_code" else _REFRESH_HINTS
    for table in (grant_hints, _CLIENT_HINTS):
        for text, code in table.items():
            if text in hint:
                return AmoError(code, {"host": host, "uri": redirect_uri}, debug=debug)
    words = " ".join(str(body.get(key, "")) for key in ("title", "detail", "error")).lower()
    if (status == 401 and not hint) or any(text in words for text in _INVALID_CLIENT_TEXTS):
        return AmoError(ErrorCode.CLIENT_REJECTED, {"host": host, "uri": redirect_uri}, debug=debug)
    if grant == "refresh_token":
        return AmoError(ErrorCode.REFRESH_FAILED, {"host": host}, debug=debug)
    return AmoError(ErrorCode.CODE_INVALID, {"host": host}, debug=debug)


def _token_set(
    body: dict[str, Any], response: httpx.Response, now: float, account_host: str
) -> TokenSet:
    try:
        tokens = TokenSet.from_oauth_response(body, now, account_host=account_host)
    except AmoError as error:
        raise AmoError(
            ErrorCode.BAD_RESPONSE,
            {"status": response.status_code, "host": target_host(response.request)},
            debug=f"{debug_note(response)}; {error.debug}",
        ) from None
    if tokens.refresh_token is None:
        raise AmoError(
            ErrorCode.BAD_RESPONSE,
            {"status": response.status_code, "host": target_host(response.request)},
            debug=f"{debug_note(response)}; token answer without a refresh token",
        )
    return tokens


async def _post_token(
    http: httpx.AsyncClient,
    address: AccountAddress,
    payload: dict[str, str],
    clock: Callable[[], float],
) -> TokenSet:
    try:
        response = await http.post(address.token_url, json=payload, follow_redirects=False)
    except httpx.HTTPError as error:
        raise error_from_exception(error) from None
    if response.status_code != 200:
        raise _token_error(response, payload["grant_type"], payload["redirect_uri"])
    return _token_set(json_object(response), response, clock(), address.host)


async def exchange_code(
    http: httpx.AsyncClient,
    address: AccountAddress,
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str,
    *,
    clock: Callable[[], float] = time.time,
) -> TokenSet:
    """Trade an authorization code for a token pair at ``address`` (see token_host_for)."""
    payload = {
        "client_id": client_id,
        "client_secret": client_secret,
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
    }
    return await _post_token(http, address, payload, clock)


async def refresh_tokens(
    http: httpx.AsyncClient,
    address: AccountAddress,
    client_id: str,
    client_secret: str,
    refresh_token: str,
    redirect_uri: str,
    *,
    clock: Callable[[], float] = time.time,
) -> TokenSet:
    """Trade a refresh token for a new pair; amo rotates both tokens every time."""
    payload = {
        "client_id": client_id,
        "client_secret": client_secret,
        "grant_type": "refresh_token",
        "refresh_token": refresh_token,
        "redirect_uri": redirect_uri,
    }
    return await _post_token(http, address, payload, clock)
