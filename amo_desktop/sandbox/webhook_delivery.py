"""Sends webhooks to subscribers in the background, with amoCRM's retry and disable rules.

Fact sheet 5.3: 2 s to answer; 100-299 counts as success; otherwise retry after 5 and 15
minutes, and for 499/5xx also after another 15 minutes and 1 hour; a hook with more than 100
invalid answers in 2 hours whose last answer was invalid gets disabled. Delays are multiplied
by ``time_scale`` so tests run the whole schedule in a fraction of a second.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import aiohttp

from amo_desktop.sandbox.models import DeliveryAttempt, Webhook
from amo_desktop.sandbox.state import SandboxState
from amo_desktop.sandbox.webhook_format import encode_form
from amo_desktop.sandbox.webhook_payloads import webhook_body

USER_AGENT = "amoCRM-Webhooks/3.0"
FIRST_RETRIES = (5 * 60, 15 * 60)
SERVER_ERROR_RETRIES = (15 * 60, 60 * 60)


def is_success(status: int | None) -> bool:
    return status is not None and 100 <= status <= 299


def retry_delay(attempts_made: int, status: int | None) -> float | None:
    """Seconds (unscaled) before the next attempt, or None when amo gives up."""
    if attempts_made <= len(FIRST_RETRIES):
        return FIRST_RETRIES[attempts_made - 1]
    server_error = status is not None and (status == 499 or 500 <= status <= 599)
    extra = attempts_made - len(FIRST_RETRIES)
    if server_error and extra <= len(SERVER_ERROR_RETRIES):
        return SERVER_ERROR_RETRIES[extra - 1]
    return None


class WebhookDelivery:
    """Background delivery of webhook bodies; the API answer never waits for it."""

    def __init__(self, state: SandboxState, time_scale: float = 1.0) -> None:
        self._state = state
        self._time_scale = time_scale
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(trust_env=False)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._session is not None:
            await self._session.close()
            self._session = None

    def publish(self, event: str, entries: list[dict[str, Any]]) -> int:
        """Queue ``event`` (e.g. "add_lead") for every live subscriber; returns how many."""
        if not entries:
            return 0
        body = encode_form(webhook_body(self._state.account, event, entries))
        subscribers = [w for w in self._state.webhooks if event in w.settings and not w.disabled]
        for webhook in subscribers:
            task = asyncio.get_running_loop().create_task(self._deliver(webhook, event, body))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(subscribers)

    @property
    def pending(self) -> int:
        return len(self._tasks)

    async def wait_idle(self) -> None:
        """Return once every queued delivery, retries included, has finished
        (wrap it in ``asyncio.timeout``)."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def _deliver(self, webhook: Webhook, event: str, body: str) -> None:
        # One id for the event, repeated on retries, so a receiver can drop duplicates.
        request_id = str(uuid.uuid4())
        attempt_number = 1
        while True:
            if webhook.disabled or webhook not in self._state.webhooks:
                return
            attempt = await self._attempt(webhook, event, body, request_id, attempt_number)
            if attempt.ok:
                return
            self._count_invalid(webhook)
            delay = retry_delay(attempt_number, attempt.status)
            if delay is None or webhook.disabled:
                return
            await asyncio.sleep(delay * self._time_scale)
            attempt_number += 1

    async def _attempt(
        self, webhook: Webhook, event: str, body: str, request_id: str, number: int
    ) -> DeliveryAttempt:
        assert self._session is not None, "start() first"
        attempt = DeliveryAttempt(
            webhook.id,
            webhook.destination,
            event,
            number,
            request_id,
            body,
            self._state.clock.now(),
        )
        self._state.deliveries.append(attempt)
        headers = {
            "User-Agent": USER_AGENT,
            "X-Amocrm-Requestid": request_id,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        timeout = aiohttp.ClientTimeout(total=self._state.webhook_timeout)
        try:
            async with self._session.post(
                webhook.destination,
                data=body.encode("ascii"),
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
            ) as response:
                attempt.status = response.status
        except TimeoutError:
            attempt.error = "timeout"
        except aiohttp.ClientError as error:
            attempt.error = f"{type(error).__name__}: {error}"
        attempt.ok = is_success(attempt.status)
        return attempt

    def _count_invalid(self, webhook: Webhook) -> None:
        now = self._state.clock.now()
        window_start = now - self._state.webhook_disable_window
        times = [t for t in webhook.invalid_response_times if t > window_start]
        times.append(now)
        webhook.invalid_response_times = times
        if len(times) > self._state.webhook_disable_threshold:
            webhook.disabled = True
            webhook.disabled_reason = (
                f"{len(times)} invalid responses within "
                f"{int(self._state.webhook_disable_window)} s, the last one too"
            )
