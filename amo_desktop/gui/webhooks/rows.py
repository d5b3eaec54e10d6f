"""What one line of the live table holds, built by the controller from the core's records.

The core's :class:`Delivery` and :class:`WebhookEvent` are kept as they are (the detail pane
shows them byte for byte); the row adds the plain-language summary and whether a forward
target was set when the delivery arrived.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from amo_desktop.core.webhooks.events import Delivery, WebhookEvent
from amo_desktop.core.webhooks.records import ForwardResult


class ForwardState(StrEnum):
    """How forwarding one delivery to the backend went, as the table and its filter group it."""

    OFF = "off"  # no forward target was set
    PENDING = "pending"
    OK = "ok"
    FAILED = "failed"

    @classmethod
    def of(cls, result: ForwardResult) -> ForwardState:
        return cls.OK if result.ok else cls.FAILED


@dataclass(frozen=True)
class EventRow:
    """One decoded event (one entity and action) of a delivery."""

    delivery: Delivery
    event: WebhookEvent
    summary: str
    forwarding: bool  # a forward target was set when it arrived

    @property
    def delivery_id(self) -> str:
        return self.delivery.delivery_id

    @property
    def account(self) -> str:
        account = self.event.account
        return account.subdomain or account.id or ""

    @property
    def entity_id(self) -> str:
        return self.event.entity_id or ""
