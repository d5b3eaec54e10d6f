"""Mask secrets in any text before it is shown, logged or put into a support report."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from typing import Final
from urllib.parse import urlsplit, urlunsplit

_SECRET_NAMES = r"access_token|refresh_token|client_secret|secret|password|token|api_key"  # noqa: S105
_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    # Header values: Authorization: Bearer <jwt>, X-Refresh-Token: <token>, X-Auth-Token: ...
    (re.compile(r"(?i)(authorization\s*:\s*bearer\s+)([^\s\"',]+)"), 2),
    (re.compile(r"(?i)((?:x-refresh-token|x-auth-token)\s*:\s*)([^\s\"',]+)"), 2),
    # JSON members: "access_token": "...", also with escaped quotes inside logged JSON.
    (re.compile(rf'(?i)(\\?"(?:{_SECRET_NAMES})\\?"\s*:\s*\\?")([^"\\]+)'), 2),
    # Query strings, form bodies and key=value lines (also the OAuth code in redirects).
    (re.compile(rf"(?i)((?:^|[?&\s;,(]|\b)(?:{_SECRET_NAMES}|code)=)([^&\s\"';,)]+)"), 2),
    # The password in a URL's user:password@ part.
    (re.compile(r"(?i)(\bhttps?://[^\s/?#@:]*:)([^\s/?#@]+)(?=@)"), 2),
    # Bare tokens: JWTs and amo's opaque refresh tokens.
    (re.compile(r"\beyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*"), 0),
    (re.compile(r"\bdef50200[0-9a-fA-F]{16,}"), 0),
)
MIN_KNOWN_SECRET_LENGTH = 4


def mask_value(value: str) -> str:
    """``"eyJhbGciOi…Xyz9"`` -> ``"eyJh…Xyz9 (812 chars)"``; short values show only length."""
    if len(value) >= 24:
        return f"{value[:4]}…{value[-4:]} ({len(value)} chars)"
    return f"•••• ({len(value)} chars)"


HIDDEN: Final = "••••"


def url_to_show(url: str) -> str:
    """``url`` fit to print: any user:password@ part and every query value hidden.

    A forward target may carry its backend's credentials in either place (``?sig=…``,
    ``https://user:pass@…``), under names no pattern can know. The address itself, the query's
    names and the fragment-free path stay, so a person still recognises the target.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # such as an unclosed [ in the host: show the scheme only
        return url.partition(":")[0] + ":" + HIDDEN
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{HIDDEN}@{host}" if "@" in parts.netloc else host
    query = "&".join(
        f"{name}={HIDDEN}" if value else name + separator
        for name, separator, value in (pair.partition("=") for pair in parts.query.split("&"))
        if name or value
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


class Redactor:
    """Masks the secrets it was told about plus anything that looks like a token.

    Known secrets (a client secret, the current tokens) are added as they become known, so
    that even a secret in an unusual place (an error body, a URL) is hidden.
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._known: set[str] = set()
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        for secret in secrets:
            if secret and len(secret) >= MIN_KNOWN_SECRET_LENGTH:
                self._known.add(secret)

    def mask(self, text: str) -> str:
        for secret in sorted(self._known, key=len, reverse=True):
            if secret in text:
                text = text.replace(secret, mask_value(secret))
        for pattern, group in _PATTERNS:
            text = pattern.sub(partial(_masked, group=group), text)
        return text


def _masked(match: re.Match[str], *, group: int) -> str:
    if group == 0:
        return mask_value(match.group(0))
    value = match.group(group)
    if value.startswith("••••") or "…" in value:  # already masked by an earlier rule
        return match.group(0)
    return match.group(0)[: match.start(group) - match.start(0)] + mask_value(value)
