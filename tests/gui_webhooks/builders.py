"""Event rows built from real bracket-form bodies through the core's own decoder."""

from __future__ import annotations

import itertools

from amo_desktop.core.webhooks.events import Delivery, split_delivery
from amo_desktop.core.webhooks.records import ForwardResult
from amo_desktop.gui.webhooks.rows import EventRow

_ids = itertools.count(1)


def make_row(
    entity: str = "leads",
    action: str = "add",
    summary: str = "Lead 1 created",
    *,
    forwarding: bool = True,
) -> EventRow:
    number = next(_ids)
    body = (
        f"account%5Bsubdomain%5D=demo&account%5Bid%5D=29000000"
        f"&{entity}%5B{action}%5D%5B0%5D%5Bid%5D={number}"
    ).encode()
    delivery = Delivery(
        delivery_id=f"delivery-{number}",
        received_at=1_700_000_000.0 + number,
        remote="127.0.0.1",
        method="POST",
        path="/api/v1/integrations/amo-crm/webhook",
        query=(),
        headers=(("Content-Type", "application/x-www-form-urlencoded"),),
        body=body,
    )
    (event,) = split_delivery(delivery)
    return EventRow(delivery=delivery, event=event, summary=summary, forwarding=forwarding)


def forward(
    row: EventRow, status: int | None, elapsed_ms: float, error: str | None = None
) -> ForwardResult:
    return ForwardResult(row.delivery_id, "http://127.0.0.1:1/hook", status, elapsed_ms, error, 0.0)
