"""Send recorded deliveries again, byte for byte, to the forward target or any other URL."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from amo_desktop.core.webhooks.events import Delivery, split_delivery
from amo_desktop.core.webhooks.formdecode import FormDecodeError
from amo_desktop.core.webhooks.forwarder import DEFAULT_TIMEOUT, send_delivery
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.records import ForwardResult

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryFilter:
    """Which recorded deliveries to pick: a time window and/or event names (``add_lead``)."""

    since: float | None = None
    until: float | None = None
    event_names: frozenset[str] | None = None

    def matches(self, delivery: Delivery) -> bool:
        if self.since is not None and delivery.received_at < self.since:
            return False
        if self.until is not None and delivery.received_at > self.until:
            return False
        if self.event_names is None:
            return True
        try:
            names = {event.name for event in split_delivery(delivery)}
        except FormDecodeError:
            return False
        return bool(names & self.event_names)


async def select(
    journal: WebhookJournal, selection: DeliveryFilter, *, limit: int | None = None
) -> list[Delivery]:
    """Matching deliveries, oldest first (the order they happened, for replays)."""
    newest_first = await journal.deliveries(limit=limit, where=selection.matches)
    return list(reversed(newest_first))


async def replay(
    journal: WebhookJournal,
    deliveries: Sequence[Delivery],
    url: str,
    *,
    client: httpx.AsyncClient | None = None,
    time_limit: float = DEFAULT_TIMEOUT,
) -> list[ForwardResult]:
    """Resend each delivery in order, record every result as a replay, and return them."""
    own_client = client is None
    http = client or httpx.AsyncClient(follow_redirects=False)
    results: list[ForwardResult] = []
    try:
        for delivery in deliveries:
            result = await send_delivery(http, delivery, url, time_limit=time_limit, replay=True)
            try:
                await journal.record_forward(result)
            except OSError as error:
                # The delivery went out all the same: its result is still reported.
                logger.warning("replay result not journaled: %s", error)
            results.append(result)
    finally:
        if own_client:
            await http.aclose()
    return results
