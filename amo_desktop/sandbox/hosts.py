"""Which account a request is for, from its Host header (fact sheet 1.5, 7, 8.5).

Tests reach the sandbox as ``https://demo.amocrm.ru`` through a rewriting transport that
keeps the Host header, so the sandbox can tell the account host from ``www`` or a stranger.
A loopback address or ``localhost`` always means the demo account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from aiohttp import web

from amo_desktop.sandbox.models import PLATFORM_NUMBERS, Account

_PLATFORM_HOST = re.compile(
    r"^(?:(?P<sub>[a-z0-9][a-z0-9-]*)\.)?(?P<domain>amocrm\.ru|amocrm\.com|kommo\.com)$"
)


class HostKind(Enum):
    ACCOUNT = "account"  # the account's own host, or loopback
    PORTAL = "portal"  # www.amocrm.ru or the bare domain: consent page only
    FOREIGN = "foreign"  # some other account's subdomain


@dataclass(frozen=True)
class RequestHost:
    kind: HostKind
    host: str  # as the client sent it, port included
    domain: str  # the platform domain this request speaks for
    platform_like: bool  # True when the host is a real platform name (https links)

    @property
    def origin(self) -> str:
        return f"https://{self.host}" if self.platform_like else f"http://{self.host}"

    @property
    def platform_number(self) -> int:
        return PLATFORM_NUMBERS.get(self.domain, 1)


def classify(request: web.Request, account: Account) -> RequestHost:
    raw = request.host or "127.0.0.1"
    name = raw.rsplit(":", 1)[0] if not raw.endswith("]") else raw
    name = name.lower().rstrip(".")
    match = _PLATFORM_HOST.match(name)
    if match is None:
        return RequestHost(HostKind.ACCOUNT, raw, account.domain, platform_like=False)
    sub, domain = match.group("sub"), match.group("domain")
    if sub in (None, "www"):
        kind = HostKind.PORTAL
    elif sub == account.subdomain:
        kind = HostKind.ACCOUNT
    else:
        kind = HostKind.FOREIGN
    return RequestHost(kind, name, domain, platform_like=True)


def account_origin(account: Account, seen: RequestHost) -> str:
    """The account's own address on the platform the request used (links, referer)."""
    if seen.platform_like:
        return f"https://{account.subdomain}.{seen.domain}"
    return seen.origin
