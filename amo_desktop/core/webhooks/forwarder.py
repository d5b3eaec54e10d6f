"""Re-send deliveries to the company's backend, byte for byte, without ever holding up amoCRM.

The receiver hands each recorded delivery to :meth:`Forwarder.submit`, which only enqueues it;
a few worker tasks send it on with a time-out and record what the target answered. A dead or
slow target costs nothing but a recorded failure: the delivery itself is already journaled.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Final

import httpx

from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.records import ForwardResult

DEFAULT_TIMEOUT: Final = 10.0
# amoCRM's own headers travel on unchanged; hop-by-hop and size headers are httpx's business.
_CARRIED_HEADERS: Final = frozenset({"content-type", "user-agent", "accept"})
_CARRIED_PREFIX: Final = "x-amocrm-"

logger = logging.getLogger(__name__)


def forward_headers(delivery: Delivery) -> list[tuple[str, str]]:
    """The delivery's headers that the backend must see exactly as amoCRM sent them."""
    carried = [
        (name, value)
        for name, value in delivery.headers
        if name.lower() in _CARRIED_HEADERS or name.lower().startswith(_CARRIED_PREFIX)
    ]
    if not any(name.lower() == "content-type" for name, _ in carried):
        carried.append(("Content-Type", delivery.content_type))
    return carried


async def send_delivery(
    client: httpx.AsyncClient,
    delivery: Delivery,
    url: str,
    *,
    time_limit: float = DEFAULT_TIMEOUT,
    replay: bool = False,
) -> ForwardResult:
    """POST the delivery's exact body and headers to ``url``; never raises (but for cancelling).

    Whatever goes wrong, network trouble or a value httpx cannot send, becomes the result's
    error: one odd delivery must cost one recorded failure, not the worker that sends the rest.
    """
    started = time.perf_counter()
    status: int | None = None
    error: str | None = None
    try:
        response = await client.post(
            url, content=delivery.body, headers=_header_bytes(delivery), timeout=time_limit
        )
        status = response.status_code
    except httpx.TimeoutException:
        error = f"no answer within {time_limit:g} s"
    except httpx.ConnectError as failure:
        error = f"cannot connect: {failure}"
    except httpx.HTTPError as failure:
        error = f"{type(failure).__name__}: {failure}"
    except Exception as failure:
        logger.warning("forwarding %s failed", delivery.delivery_id, exc_info=True)
        error = f"could not send it: {type(failure).__name__}: {failure}"
    return ForwardResult(
        delivery_id=delivery.delivery_id,
        target=url,
        status=status,
        elapsed_ms=(time.perf_counter() - started) * 1000,
        error=error,
        at=time.time(),
        replay=replay,
    )


def _header_bytes(delivery: Delivery) -> list[tuple[bytes, bytes]]:
    # The journal keeps header bytes as latin-1 text (one code point per byte), so encoding
    # back gives exactly what amoCRM sent, 0x80-0xFF included; httpx would encode str values
    # as ASCII and refuse those bytes.
    return [
        (name.encode("latin-1"), value.encode("latin-1"))
        for name, value in forward_headers(delivery)
    ]


class Forwarder:
    """A bounded queue plus worker tasks that forward deliveries to one target URL."""

    def __init__(
        self,
        target: str,
        journal: WebhookJournal,
        *,
        client: httpx.AsyncClient | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        workers: int = 4,
        queue_size: int = 1000,
        on_result: Callable[[ForwardResult], None] | None = None,
    ) -> None:
        self.target = target
        self._journal = journal
        self._own_client = client is None
        self._client = client or httpx.AsyncClient(follow_redirects=False)
        self._timeout = timeout
        self._worker_count = workers
        self._queue: asyncio.Queue[Delivery] = asyncio.Queue(maxsize=queue_size)
        self._on_result = on_result
        self._workers: list[asyncio.Task[None]] = []
        self._side_tasks: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        if not self._workers:
            self._workers = [asyncio.create_task(self._work()) for _ in range(self._worker_count)]

    def submit(self, delivery: Delivery) -> None:
        """Queue a delivery for forwarding. Never blocks; a full queue is a recorded failure."""
        try:
            self._queue.put_nowait(delivery)
        except asyncio.QueueFull:
            result = ForwardResult(
                delivery_id=delivery.delivery_id,
                target=self.target,
                status=None,
                elapsed_ms=0.0,
                error="forward queue full: the target is too slow",
                at=time.time(),
            )
            task = asyncio.create_task(self._finish(result))
            self._side_tasks.add(task)
            task.add_done_callback(self._side_tasks.discard)

    @property
    def pending(self) -> int:
        return self._queue.qsize()

    async def join(self) -> None:
        """Wait until everything queued so far has been forwarded and recorded."""
        await self._queue.join()

    async def aclose(self) -> None:
        for worker in self._workers:
            worker.cancel()
        await asyncio.gather(*self._workers, *self._side_tasks, return_exceptions=True)
        self._workers = []
        if self._own_client:
            await self._client.aclose()

    async def _work(self) -> None:
        while True:
            delivery = await self._queue.get()
            try:
                result = await send_delivery(
                    self._client, delivery, self.target, time_limit=self._timeout
                )
                await self._finish(result)
            except Exception:
                # Neither of the above should raise; should they anyway, this worker carries on:
                # a dead worker forwards nothing more, and nobody would be told.
                logger.exception("forwarding %s failed", delivery.delivery_id)
            finally:
                self._queue.task_done()

    async def _finish(self, result: ForwardResult) -> None:
        try:
            await self._journal.record_forward(result)
        except Exception:
            # The result is still reported; the delivery itself is already on disk.
            logger.warning("recording the forward of %s failed", result.delivery_id, exc_info=True)
        if self._on_result is not None:
            # A consumer's bug must not end a worker: with all of them gone, forwarding would
            # stop without a word while deliveries kept piling up in the queue.
            try:
                self._on_result(result)
            except Exception:
                logger.exception("forward result callback failed")
