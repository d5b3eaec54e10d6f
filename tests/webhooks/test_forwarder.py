"""Forwarding never dies: odd header bytes go through as sent, any failure is a recorded result."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx
import pytest

from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.forwarder import Forwarder, send_delivery
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import WebhookReceiver
from amo_desktop.core.webhooks.records import ForwardResult
from tests.webhooks.conftest import FORM, Backend

ODD_AGENT = b"caf\xe9 amoCRM"  # aiohttp takes a 0xE9 byte; the journal keeps it as latin-1 "é"


def delivery(number: int, headers: tuple[tuple[str, str], ...] = ()) -> Delivery:
    return Delivery(
        f"d-{number}", 0.0, "127.0.0.1", "POST", "/hook", (),
        (("Content-Type", FORM), *headers), b"leads[add][0][id]=%d" % number,
    )  # fmt: skip


async def post_raw(url: str, user_agent: bytes, body: bytes) -> bytes:
    """POST with header bytes no HTTP client library would send as they are."""
    parts = httpx.URL(url)
    reader, writer = await asyncio.open_connection(parts.host, parts.port)
    writer.write(
        b"POST %s HTTP/1.1\r\nHost: x\r\nUser-Agent: %s\r\nContent-Type: %s\r\n"
        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s"
        % (parts.raw_path, user_agent, FORM.encode(), len(body), body)
    )
    status = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    return status


async def results_of(queue: asyncio.Queue[ForwardResult], count: int) -> list[ForwardResult]:
    return [await asyncio.wait_for(queue.get(), 10) for _ in range(count)]


async def test_header_bytes_amocrm_sent_reach_the_backend_unchanged_and_no_worker_dies(
    journal: WebhookJournal, backend_factory: Callable[..., Awaitable[Backend]]
) -> None:
    backend = await backend_factory()
    results: asyncio.Queue[ForwardResult] = asyncio.Queue()
    forwarder = Forwarder(backend.url, journal, workers=2, on_result=results.put_nowait)
    async with WebhookReceiver(journal, port=0, forwarder=forwarder) as receiver:
        for number in range(4):  # more odd deliveries than there are workers
            answer = await post_raw(receiver.url, ODD_AGENT, b"leads[add][0][id]=%d" % number)
            assert answer.startswith(b"HTTP/1.1 200")
        await post_raw(receiver.url, b"amoCRM-Webhooks/3.0", b"leads[add][0][id]=99")
        forwarded = await results_of(results, 5)
    await forwarder.aclose()

    assert [(r.status, r.error) for r in forwarded] == [(200, None)] * 5
    agents = [(await backend.received.get()).headers["User-Agent"] for _ in range(5)]
    # aiohttp hands undecodable header bytes over as surrogate escapes: undo that to compare.
    sent = [agent.encode("utf-8", "surrogateescape") for agent in agents]
    assert sorted(sent) == sorted([ODD_AGENT] * 4 + [b"amoCRM-Webhooks/3.0"])


@pytest.mark.parametrize(
    "target",
    ["http://127.0.0.1:99999/hook", "http://127.0.0.1:abc/hook"],
    ids=["port-out-of-range", "port-not-a-number"],
)
async def test_a_target_that_cannot_be_sent_to_is_a_recorded_failure_for_every_delivery(
    journal: WebhookJournal, target: str
) -> None:
    # The window passes its forward target on unchecked: nothing here may take a worker down.
    results: asyncio.Queue[ForwardResult] = asyncio.Queue()
    forwarder = Forwarder(target, journal, workers=1, on_result=results.put_nowait)
    forwarder.start()
    for number in range(3):
        forwarder.submit(delivery(number))
    failed = await results_of(results, 3)
    await forwarder.aclose()

    assert [r.delivery_id for r in failed] == ["d-0", "d-1", "d-2"]
    assert all(r.status is None and r.error for r in failed)
    assert all(r.error and r.error.startswith("could not send it: ") for r in failed)
    recorded = await journal.forwards("d-2")
    assert [(r.status, r.target) for r in recorded] == [(None, target.split("/hook")[0] + "/hook")]


async def test_a_header_no_byte_can_carry_is_a_failed_result_not_an_exception(
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    backend = await backend_factory()
    odd = delivery(1, (("User-Agent", "price in \u20ac"),))  # only a hand-edited journal has this
    async with httpx.AsyncClient() as client:
        result = await send_delivery(client, odd, backend.url)
    assert result.status is None and result.error is not None
    assert "UnicodeEncodeError" in result.error
    assert backend.received.empty()
