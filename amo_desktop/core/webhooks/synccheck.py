"""The two-way check: change a test lead through the API and watch the webhooks come back.

Four legs, each timed: create the lead (API), its ``add_lead`` delivery, move it to another
stage (API), its ``status_lead`` delivery. When a leg fails the report says which one and
why, and the legs after it are marked skipped. Waiting is on futures fed by the receiver's
``on_event`` callback (:class:`EventWaiter`), never on sleeps; events that arrive before the
API call has even returned (amoCRM can be that fast) are remembered, not missed.

:class:`CheckSubscription` points the account's webhooks at the check's listener for the
run and puts them back as they were afterwards, however the run ends.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import TracebackType
from typing import Final, Protocol

from amo_desktop.core.errors import AmoError
from amo_desktop.core.models import (
    WON_STATUS_ID,
    CreatedLead,
    Pipeline,
    Status,
    WebhookSubscription,
)
from amo_desktop.core.webhooks.events import WebhookEvent
from amo_desktop.core.webhooks.subscriptions import find

SYNC_CHECK_EVENTS: Final = ("add_lead", "status_lead")
LEAD_NAME: Final = "amo-desktop sync check"


class SyncSession(Protocol):
    """What the check needs from ``ProfileSession``."""

    async def pipelines(self) -> list[Pipeline]: ...

    async def create_test_lead(
        self,
        *,
        name: str | None = None,
        price: int = 0,
        pipeline_id: int | None = None,
        status_id: int | None = None,
    ) -> CreatedLead: ...

    async def set_lead_status(
        self, lead_id: int, *, status_id: int, pipeline_id: int | None = None
    ) -> None: ...


class SubscribingSession(Protocol):
    """What :class:`CheckSubscription` needs from ``ProfileSession``."""

    async def list_webhooks(self) -> list[WebhookSubscription]: ...

    async def subscribe_webhook(
        self, destination: str, events: Sequence[str]
    ) -> WebhookSubscription: ...

    async def unsubscribe_webhook(self, destination: str) -> None: ...


class CheckSubscription:
    """``async with``: ``destination`` gets the check's events while the block runs.

    A subscription the check had to make is removed afterwards, and one it had to widen gets
    its own events back, also when the block fails or is cancelled. amoCRM can't switch a
    webhook off through the API, so one that was off stays on after the check.
    A failure to put things back does not hide the check's report: it is kept in
    :attr:`restore_error` for the caller to tell the person.
    """

    def __init__(self, session: SubscribingSession, destination: str) -> None:
        self._session = session
        self.destination = destination
        self._before: WebhookSubscription | None = None
        self._changed = False
        self.restore_error: AmoError | None = None

    async def __aenter__(self) -> CheckSubscription:
        self._before = find(await self._session.list_webhooks(), self.destination)
        kept = self._before.settings if self._before else ()
        events = tuple(dict.fromkeys((*kept, *SYNC_CHECK_EVENTS)))
        if self._before is None or set(events) != set(kept) or self._before.disabled:
            await self._session.subscribe_webhook(self.destination, events)
            self._changed = True
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if not self._changed:
            return
        try:
            if self._before is None:
                await self._session.unsubscribe_webhook(self.destination)
            elif not set(SYNC_CHECK_EVENTS) <= set(self._before.settings):
                await self._session.subscribe_webhook(self.destination, self._before.settings)
        except AmoError as failure:
            self.restore_error = failure


class EventWaiter:
    """Feed it every event (``on_event=waiter.feed``); await the one you expect."""

    def __init__(self, remember: int = 1000) -> None:
        self._seen: deque[WebhookEvent] = deque(maxlen=remember)
        self._waiting: list[tuple[str, str, asyncio.Future[WebhookEvent]]] = []

    def feed(self, event: WebhookEvent) -> None:
        self._seen.append(event)
        for entry in list(self._waiting):
            name, entity_id, future = entry
            if event.name == name and event.entity_id == entity_id and not future.done():
                future.set_result(event)
                self._waiting.remove(entry)

    async def wait_for(self, name: str, entity_id: str, seconds: float) -> WebhookEvent:
        """The event ``name`` for ``entity_id``; raises ``TimeoutError`` after ``seconds``."""
        for event in self._seen:
            if event.name == name and event.entity_id == entity_id:
                return event
        future: asyncio.Future[WebhookEvent] = asyncio.get_running_loop().create_future()
        entry = (name, entity_id, future)
        self._waiting.append(entry)
        try:
            return await asyncio.wait_for(future, seconds)
        finally:
            if entry in self._waiting:
                self._waiting.remove(entry)


class Leg(StrEnum):
    CREATE_LEAD = "create_lead"
    DELIVER_ADD = "deliver_add"
    CHANGE_STATUS = "change_status"
    DELIVER_STATUS = "deliver_status"


class LegState(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class LegResult:
    """One leg: its state, how long it took, and on failure the error or what was missing."""

    leg: Leg
    state: LegState
    elapsed_ms: float | None = None
    error: AmoError | None = None
    waited_seconds: float | None = None


@dataclass(frozen=True)
class SyncCheckReport:
    lead_id: int | None
    lead_url: str | None
    legs: tuple[LegResult, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return all(leg.state is LegState.PASSED for leg in self.legs)

    @property
    def failed_leg(self) -> LegResult | None:
        return next((leg for leg in self.legs if leg.state is LegState.FAILED), None)


def choose_statuses(pipelines: Sequence[Pipeline]) -> tuple[Pipeline, Status | None, int]:
    """The pipeline to use, the stage to create the lead in, and the stage to move it to."""
    pipeline = next((p for p in pipelines if p.is_main), pipelines[0])
    regular = sorted((s for s in pipeline.statuses if s.is_regular), key=lambda s: s.sort)
    first = regular[0] if regular else None
    target = regular[1].id if len(regular) > 1 else WON_STATUS_ID
    return pipeline, first, target


async def run_sync_check(
    session: SyncSession, waiter: EventWaiter, *, wait_seconds: float = 60.0
) -> SyncCheckReport:
    """Run the four legs in order and report each one."""
    legs: list[LegResult] = []

    def skip_rest() -> SyncCheckReport:
        done = {leg.leg for leg in legs}
        legs.extend(LegResult(leg, LegState.SKIPPED) for leg in Leg if leg not in done)
        return SyncCheckReport(lead_id, lead_url, tuple(legs))

    lead_id: int | None = None
    lead_url: str | None = None
    started, wall_started = time.perf_counter(), time.time()
    try:
        pipeline, first_status, target_status = choose_statuses(await session.pipelines())
        lead = await session.create_test_lead(
            name=f"{LEAD_NAME} {time.strftime('%Y-%m-%d %H:%M:%S')}",
            pipeline_id=pipeline.id,
            status_id=first_status.id if first_status else None,
        )
    except AmoError as error:
        legs.append(LegResult(Leg.CREATE_LEAD, LegState.FAILED, _ms(started), error=error))
        return skip_rest()
    lead_id, lead_url = lead.id, lead.url
    legs.append(LegResult(Leg.CREATE_LEAD, LegState.PASSED, _ms(started)))

    if not await _await_delivery(
        legs, waiter, Leg.DELIVER_ADD, "add_lead", lead.id, wall_started, wait_seconds
    ):
        return skip_rest()

    started, wall_started = time.perf_counter(), time.time()
    try:
        await session.set_lead_status(lead.id, status_id=target_status, pipeline_id=pipeline.id)
    except AmoError as error:
        legs.append(LegResult(Leg.CHANGE_STATUS, LegState.FAILED, _ms(started), error=error))
        return skip_rest()
    legs.append(LegResult(Leg.CHANGE_STATUS, LegState.PASSED, _ms(started)))

    await _await_delivery(
        legs, waiter, Leg.DELIVER_STATUS, "status_lead", lead.id, wall_started, wait_seconds
    )
    return skip_rest()


async def _await_delivery(
    legs: list[LegResult],
    waiter: EventWaiter,
    leg: Leg,
    name: str,
    lead_id: int,
    api_started: float,
    wait_seconds: float,
) -> bool:
    """Wait for the webhook; its latency counts from the start of the API call behind it."""
    try:
        event = await waiter.wait_for(name, str(lead_id), wait_seconds)
    except TimeoutError:
        legs.append(LegResult(leg, LegState.FAILED, waited_seconds=wait_seconds))
        return False
    latency = max(0.0, (event.received_at - api_started) * 1000)
    legs.append(LegResult(leg, LegState.PASSED, latency))
    return True


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


_LABELS: Final = {
    Leg.CREATE_LEAD: ("Create a test lead (API)", "Створення тестової угоди (API)"),
    Leg.DELIVER_ADD: ("Webhook add_lead arrives", "Надходить вебхук add_lead"),
    Leg.CHANGE_STATUS: (
        "Move the lead to another stage (API)",
        "Переміщення угоди на інший етап (API)",
    ),
    Leg.DELIVER_STATUS: ("Webhook status_lead arrives", "Надходить вебхук status_lead"),
}
_MISSING: Final = {
    Leg.DELIVER_ADD: (
        "The lead was created, but its add_lead webhook did not reach this listener within "
        "{seconds:g} s. Check that the account has a webhook with add_lead that points to an "
        "address amoCRM can reach (for a real account, a public tunnel to this listener) and "
        "that it is not switched off.",
        "Угоду створено, але її вебхук add_lead не надійшов до цього приймача за "
        "{seconds:g} с. Перевірте, що в акаунті є вебхук з подією add_lead на адресу, яку "
        "amoCRM може досягти (для справжнього акаунта — публічний тунель до цього "
        "приймача), і що його не вимкнено.",
    ),
    Leg.DELIVER_STATUS: (
        "The lead moved, but its status_lead webhook did not arrive within {seconds:g} s. "
        "Check that the webhook subscription includes status_lead.",
        "Угоду переміщено, але її вебхук status_lead не надійшов за {seconds:g} с. "
        "Перевірте, що підписка на вебхуки містить подію status_lead.",
    ),
}


def leg_label(leg: Leg, language: str = "en") -> str:
    return _LABELS[leg][1 if language == "uk" else 0]


def explain(result: LegResult, language: str = "en") -> str:
    """Why a failed leg failed, in plain words; empty for a leg that did not fail."""
    if result.state is not LegState.FAILED:
        return ""
    if result.error is not None:
        text = result.error.localized(language)
        return f"{text.message} {text.hint}".strip()
    template = _MISSING[result.leg][1 if language == "uk" else 0]
    return template.format(seconds=result.waited_seconds or 0)
