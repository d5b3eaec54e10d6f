"""What the webhooks view shows, as plain values the models can hold without touching the core.

The controller turns the core's deliveries, events, forward results and rejections into these
records; the models and widgets only read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class ForwardResult(StrEnum):
    """How forwarding one delivery to the backend went, as the filter groups it."""

    OFF = "off"  # no forward target was set
    PENDING = "pending"
    OK = "ok"
    FAILED = "failed"


@dataclass(frozen=True)
class ForwardOutcome:
    """The forward target's answer for one delivery (``status`` is None if it never answered)."""

    status: int | None
    elapsed_ms: float | None
    error: str = ""

    @property
    def result(self) -> ForwardResult:
        if self.status is not None and 200 <= self.status < 300:
            return ForwardResult.OK
        return ForwardResult.FAILED


@dataclass(frozen=True)
class DeliveryDetails:
    """One HTTP delivery exactly as it arrived, shared by all events it carried."""

    delivery_id: str
    received_at: float
    headers: tuple[tuple[str, str], ...]
    raw_body: bytes
    decoded: Mapping[str, object]
    forwarded: bool  # whether a forward target was set when it arrived


@dataclass(frozen=True)
class EventRow:
    """One decoded event (one entity and action) of a delivery."""

    delivery: DeliveryDetails
    account: str
    entity: str
    action: str
    entity_id: str
    summary: str
    foreign_account: bool = False  # the account does not match the connected profile


@dataclass(frozen=True)
class RejectedRow:
    """A refused request: wrong secret, wrong method, a body that is not a webhook."""

    received_at: float
    reason: str
    status: int
    method: str
    path: str
    detail: str = ""
