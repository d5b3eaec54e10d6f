"""Account addresses on amoCRM, Kommo or a custom (sandbox) server, parsed forgivingly.

People paste whatever their browser shows: ``MyCompany.Kommo.com/``,
``https://mycompany.amocrm.ru/leads/pipeline/1`` or just ``mycompany``. All of these become
one :class:`AccountAddress`. Shared hosts (``www.amocrm.ru``, ``api-b.amocrm.ru``) are refused
with a hint, because OAuth and the API need the account's own subdomain.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from amo_desktop.core.errors import AmoError, ErrorCode


class Platform(StrEnum):
    """Where the account lives. The value is the platform's domain (or ``custom``)."""

    AMOCRM_RU = "amocrm.ru"
    KOMMO = "kommo.com"
    AMOCRM_COM = "amocrm.com"
    CUSTOM = "custom"

    @property
    def is_real(self) -> bool:
        return self is not Platform.CUSTOM


REAL_PLATFORMS = (Platform.AMOCRM_RU, Platform.KOMMO, Platform.AMOCRM_COM)
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_SHARED_LABEL = re.compile(r"www|api-[a-z0-9]+")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True)
class AccountAddress:
    """One account: ``host`` is ``sub.domain`` (or ``host:port`` for a custom server)."""

    platform: Platform
    host: str
    subdomain: str | None
    base_url: str

    @property
    def authorize_url(self) -> str:
        """The consent page (without query): on ``www.`` for the real platforms."""
        if self.platform.is_real:
            return f"https://www.{self.platform.value}/oauth"
        return f"{self.base_url}/oauth"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth2/access_token"

    @property
    def account_url(self) -> str:
        """The link that opens the account in a browser."""
        return f"{self.base_url}/"

    def api_url(self, path: str) -> str:
        """``api_url("leads")`` and ``api_url("/api/v4/leads")`` both give the v4 URL."""
        relative = path.lstrip("/")
        if not relative.startswith("api/"):
            relative = f"api/v4/{relative}"
        return f"{self.base_url}/{relative}"

    def with_host(self, host: str) -> AccountAddress:
        """The same platform on another account host (from the OAuth ``referer``)."""
        if self.platform.is_real:
            return parse_account_address(host, self.platform)
        scheme = urlsplit(self.base_url).scheme
        return _custom_address(f"{scheme}://{host.strip().rstrip('/')}")


def is_loopback_host(host: str) -> bool:
    """``localhost``, ``127.0.0.0/8`` or ``::1`` (brackets allowed)."""
    bare = host.strip().lower().strip("[]")
    if bare == "localhost":
        return True
    try:
        return ipaddress.ip_address(bare).is_loopback
    except ValueError:
        return False


def is_platform_host(host: str, platform: Platform) -> bool:
    """Is ``host`` an account subdomain of ``platform`` (not www, not an API domain)?"""
    if not platform.is_real:
        return False
    lowered = host.strip().lower().rstrip(".")
    suffix = f".{platform.value}"
    if not lowered.endswith(suffix):
        return False
    label = lowered[: -len(suffix)]
    return bool(_LABEL.fullmatch(label)) and not _SHARED_LABEL.fullmatch(label)


def parse_account_address(text: str, platform: Platform | None = None) -> AccountAddress:
    """Normalize what a person typed into an :class:`AccountAddress` (raises AmoError)."""
    cleaned = text.strip()
    if not cleaned:
        raise AmoError(ErrorCode.INVALID_DOMAIN, {"text": text})
    if platform is Platform.CUSTOM:
        return _custom_address(cleaned)
    has_scheme = "://" in cleaned
    parts = urlsplit(cleaned if has_scheme else f"https://{cleaned}")
    host = (parts.hostname or "").rstrip(".")
    real_domain = _real_domain_of(host)
    if real_domain is None:
        if platform is None and (
            is_loopback_host(host) or (has_scheme and parts.scheme == "https")
        ):
            return _custom_address(cleaned)
        if "." not in host and _LABEL.fullmatch(host) and not has_scheme:
            return _real_address(host, platform or Platform.AMOCRM_RU)
        if has_scheme and platform is None:
            raise AmoError(ErrorCode.INVALID_BASE_URL, {"url": cleaned})
        raise AmoError(ErrorCode.INVALID_DOMAIN, {"text": cleaned})
    if platform is not None and real_domain is not platform:
        raise AmoError(
            ErrorCode.INVALID_DOMAIN,
            {"text": cleaned, "platform": platform.value, "found": real_domain.value},
            debug=f"address is on {real_domain.value}, profile platform is {platform.value}",
        )
    label = host[: -len(real_domain.value)].rstrip(".")
    if not label or _SHARED_LABEL.fullmatch(label):
        raise AmoError(ErrorCode.API_DOMAIN_GIVEN, {"host": host, "text": cleaned})
    return _real_address(label, real_domain)


def _real_domain_of(host: str) -> Platform | None:
    for candidate in REAL_PLATFORMS:
        if host == candidate.value or host.endswith(f".{candidate.value}"):
            return candidate
    return None


def _real_address(label: str, platform: Platform) -> AccountAddress:
    if not _LABEL.fullmatch(label):
        raise AmoError(ErrorCode.INVALID_DOMAIN, {"text": f"{label}.{platform.value}"})
    host = f"{label}.{platform.value}"
    return AccountAddress(platform, host, label, f"https://{host}")


def _custom_address(url: str) -> AccountAddress:
    if "://" not in url:
        # A bare "127.0.0.1:8000" means the local sandbox; anything else must be https.
        scheme = "http" if is_loopback_host(urlsplit(f"//{url}").hostname or "") else "https"
        url = f"{scheme}://{url}"
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
        valid_port = False
    else:
        valid_port = True
    host = (parts.hostname or "").lower()
    allowed = parts.scheme == "https" or (parts.scheme == "http" and is_loopback_host(host))
    if not (host and valid_port and allowed):
        raise AmoError(ErrorCode.INVALID_BASE_URL, {"url": url})
    shown_host = f"[{host}]" if ":" in host else host
    netloc = f"{shown_host}:{port}" if port is not None else shown_host
    base = f"{parts.scheme}://{netloc}{parts.path.rstrip('/')}"
    return AccountAddress(Platform.CUSTOM, netloc, None, base)


def validate_client_id(text: str) -> str:
    """The integration ID is a UUID; return it lower-cased, or raise INVALID_CLIENT_ID."""
    candidate = text.strip().lower()
    if not _UUID.fullmatch(candidate):
        raise AmoError(ErrorCode.INVALID_CLIENT_ID, {"value": text.strip()[:60]})
    return candidate


def validate_redirect_uri(text: str) -> str:
    """Check an absolute http(s) URI without a fragment and return it unchanged.

    amoCRM compares the redirect URI character for character (a trailing slash matters),
    so only the surrounding whitespace of pasted text is removed, nothing is normalized.
    """
    candidate = text.strip()
    parts = urlsplit(candidate)
    try:
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise AmoError(ErrorCode.INVALID_REDIRECT_URI, {"uri": candidate}) from None
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or "#" in candidate
        or any(character.isspace() for character in candidate)
    ):
        raise AmoError(ErrorCode.INVALID_REDIRECT_URI, {"uri": candidate})
    return candidate
