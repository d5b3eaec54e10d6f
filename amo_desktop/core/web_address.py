"""Addresses a person gives the app to send to (forward and replay targets, webhook
destinations, the backend): checked before anything is sent to them."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.redact import url_to_show


def is_web_address(value: str) -> bool:
    """Whether ``value`` (stripped) is an http(s) address with a host that can be sent to.

    The port, when given, must be one a connection can use (1-65535): a port like 99999
    would otherwise pass here and fail on every delivery sent to it.
    """
    cleaned = value.strip()
    try:
        parts = urlsplit(cleaned)
        usable = (
            parts.scheme in ("http", "https")
            and bool(parts.hostname)
            and parts.port != 0  # reading .port raises for one out of range or not a number
        )
        httpx.URL(cleaned)  # what will send it must be able to read it too
    except (ValueError, httpx.InvalidURL):  # such as an unclosed [ in the host
        return False
    return usable and " " not in cleaned


def web_address(value: str) -> str:
    """``value`` stripped, if it is a usable http(s) address; else INVALID_URL (the address
    shown with any password and query values hidden)."""
    cleaned = value.strip()
    if not is_web_address(cleaned):
        raise AmoError(ErrorCode.INVALID_URL, {"url": url_to_show(cleaned)})
    return cleaned


def backend_address(value: str) -> str:
    """The company backend's plain base address (stripped, no trailing slash).

    A user name, password, query or fragment is refused with BACKEND_URL_NOT_PLAIN: the
    address is kept in the settings file and shown on screen, and any of those parts would
    put a secret there (a token as the user name, ``?key=…``); secrets belong in the keyring.
    """
    cleaned = web_address(value)
    if "@" in urlsplit(cleaned).netloc or "?" in cleaned or "#" in cleaned:
        raise AmoError(ErrorCode.BACKEND_URL_NOT_PLAIN, {"url": url_to_show(cleaned)})
    return cleaned.rstrip("/")
