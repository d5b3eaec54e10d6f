"""Checks of addresses given on the command line, before anything is sent to them.

A value that can never work is the person's to fix (exit 2), said before a listener starts or a
request leaves, not as a network error or an amoCRM refusal later.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from amo_desktop.core.errors import AmoError, ErrorCode


def web_address(value: str) -> str:
    """``value`` stripped, if it is an http(s) address with a host; else INVALID_URL."""
    cleaned = value.strip()
    try:
        parts = urlsplit(cleaned)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # such as an unclosed [ in the host
        usable = False
    if not usable:
        raise AmoError(ErrorCode.INVALID_URL, {"url": cleaned})
    return cleaned
