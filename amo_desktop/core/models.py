"""Plain results the facade hands to the CLI and the GUI (no HTTP objects, no secrets)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from amo_desktop.core.errors import AmoError

TokenKind = Literal["oauth", "long_lived"]
TokenOwner = Literal["desktop", "backend"]

# Events a backend that follows leads usually needs.
DEFAULT_WEBHOOK_EVENTS: tuple[str, ...] = ("add_lead", "update_lead", "status_lead")
WON_STATUS_ID = 142
LOST_STATUS_ID = 143


@dataclass(frozen=True)
class TokenInfo:
    """What is known about the stored tokens, without the tokens themselves."""

    kind: TokenKind
    owner: TokenOwner
    expires_at: float
    obtained_at: float
    account_id: int | None


@dataclass(frozen=True)
class ConnectionStatus:
    """The profile's state as far as it is known without asking amoCRM."""

    profile: str
    configured: bool
    platform: str | None
    account_host: str | None
    client_id: str | None
    redirect_uri: str | None
    backend_url: str | None
    has_client_secret: bool
    token: TokenInfo | None
    keyring_backend: str
    # Set when the keyring could not be read: the secret and the token are then unknown.
    keyring_error: AmoError | None = None


@dataclass(frozen=True)
class AccountInfo:
    id: int
    name: str
    subdomain: str
    host: str
    url: str


@dataclass(frozen=True)
class ConnectionTest:
    account: AccountInfo
    elapsed_ms: int
    message: str


@dataclass(frozen=True)
class Status:
    """A pipeline stage. ``type`` 1 is the "unsorted" stage, 0 a regular one."""

    id: int
    name: str
    sort: int
    type: int
    color: str

    @property
    def is_closing(self) -> bool:
        return self.id in (WON_STATUS_ID, LOST_STATUS_ID)

    @property
    def is_regular(self) -> bool:
        return self.type == 0 and not self.is_closing


@dataclass(frozen=True)
class Pipeline:
    id: int
    name: str
    is_main: bool
    statuses: tuple[Status, ...]

    def first_regular_status(self) -> Status | None:
        regular = sorted((s for s in self.statuses if s.is_regular), key=lambda s: s.sort)
        return regular[0] if regular else None


@dataclass(frozen=True)
class CreatedLead:
    id: int
    name: str
    price: int
    pipeline_id: int | None
    status_id: int | None
    url: str


@dataclass(frozen=True)
class Lead:
    id: int
    name: str
    price: int
    pipeline_id: int
    status_id: int
    created_at: int | None
    updated_at: int | None
    url: str
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class PushResult:
    backend_url: str
    status_code: int


@dataclass(frozen=True)
class WebhookSubscription:
    id: int
    destination: str
    settings: tuple[str, ...]
    disabled: bool
    created_at: int | None
    updated_at: int | None
