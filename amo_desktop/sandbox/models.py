"""Plain records the sandbox keeps: account, pipelines, integrations, leads, webhooks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WON_STATUS_ID = 142
LOST_STATUS_ID = 143
UNSORTED_STATUS_TYPE = 1

PLATFORM_NUMBERS = {"amocrm.ru": 1, "amocrm.com": 2, "kommo.com": 2}
API_DOMAINS = {
    "amocrm.ru": "api-b.amocrm.ru",
    "amocrm.com": "api-c.amocrm.com",
    "kommo.com": "api-g.kommo.com",
}


@dataclass
class Account:
    """The one amoCRM account the sandbox emulates."""

    id: int
    name: str
    subdomain: str
    domain: str
    created_at: int
    current_user_id: int
    amojo_id: str
    uuid: str
    country: str = "UA"
    currency: str = "UAH"
    currency_symbol: str = "₴"
    timezone: str = "Europe/Kyiv"


@dataclass
class User:
    id: int
    name: str
    email: str


@dataclass
class Status:
    id: int
    name: str
    sort: int
    color: str
    type: int = 0
    is_editable: bool = True


@dataclass
class Pipeline:
    id: int
    name: str
    sort: int
    is_main: bool
    statuses: list[Status]
    is_unsorted_on: bool = True
    is_archive: bool = False

    def status(self, status_id: int) -> Status | None:
        return next((s for s in self.statuses if s.id == status_id), None)

    def first_regular_status(self) -> Status:
        """amoCRM's default stage: the first one that is neither "unsorted" nor closed."""
        return next(
            s
            for s in self.statuses
            if s.type != UNSORTED_STATUS_TYPE and s.id not in (WON_STATUS_ID, LOST_STATUS_ID)
        )


@dataclass
class CustomField:
    id: int
    name: str
    type: str
    code: str | None = None


@dataclass
class Integration:
    """A registered integration: what its "Keys and access" tab shows."""

    client_id: str
    client_secret: str
    redirect_uri: str
    name: str
    scopes: list[str] = field(
        default_factory=lambda: [
            "crm",
            "files",
            "files_delete",
            "notifications",
            "push_notifications",
        ]
    )

    def public_view(self, *, include_secret: bool = False) -> dict[str, Any]:
        view: dict[str, Any] = {
            "client_id": self.client_id,
            "name": self.name,
            "redirect_uri": self.redirect_uri,
            "scopes": list(self.scopes),
        }
        if include_secret:
            view["client_secret"] = self.client_secret
        return view


@dataclass
class Lead:
    id: int
    name: str
    price: int
    status_id: int
    pipeline_id: int
    responsible_user_id: int
    created_by: int
    updated_by: int
    created_at: int
    updated_at: int
    closed_at: int | None = None
    loss_reason_id: int | None = None
    custom_fields_values: list[dict[str, Any]] | None = None
    tags: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Webhook:
    id: int
    destination: str
    settings: list[str]
    sort: int
    created_at: int
    updated_at: int
    created_by: int
    disabled: bool = False
    disabled_reason: str | None = None
    # Times (sandbox clock) of recent invalid responses, for the auto-disable rule.
    invalid_response_times: list[float] = field(default_factory=list)


@dataclass
class Injection:
    """A forced answer for the next ``times`` requests whose path starts with a prefix."""

    path_prefix: str
    status: int | None
    body_kind: str = "json"
    times: int = 1
    retry_after: int | None = None
    delay: float = 0.0
    method: str | None = None

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return path.startswith(self.path_prefix)


@dataclass
class RequestRecord:
    method: str
    path: str
    query: str
    host: str
    status: int
    at: float
    client_id: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "host": self.host,
            "status": self.status,
            "at": self.at,
            "client_id": self.client_id,
        }


@dataclass
class DeliveryAttempt:
    """One POST of a webhook body to a destination (a retry is a new attempt)."""

    webhook_id: int
    destination: str
    event: str
    attempt: int
    request_id: str
    body: str
    at: float
    status: int | None = None
    error: str | None = None
    ok: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "webhook_id": self.webhook_id,
            "destination": self.destination,
            "event": self.event,
            "attempt": self.attempt,
            "request_id": self.request_id,
            "body": self.body,
            "at": self.at,
            "status": self.status,
            "error": self.error,
            "ok": self.ok,
        }
