"""The receiver over real loopback HTTP: good deliveries, every kind of bad input, forwarding."""

from __future__ import annotations

import asyncio
import gzip
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.webhooks.events import Delivery, WebhookEvent
from amo_desktop.core.webhooks.forwarder import Forwarder
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import WebhookReceiver
from amo_desktop.core.webhooks.records import ForwardResult, Rejection
from tests.webhooks.conftest import AMO_HEADERS, FORM, Backend, payload

SECRET = "s3cr3t-Value_9"


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10) as client:
        yield client


async def test_a_delivery_is_journaled_byte_exact_and_announced(
    journal: WebhookJournal, http: httpx.AsyncClient
) -> None:
    arrived: asyncio.Future[tuple[Delivery, list[WebhookEvent]]] = (
        asyncio.get_running_loop().create_future()
    )
    receiver = WebhookReceiver(
        journal, secret=SECRET, on_delivery=lambda d, e: arrived.set_result((d, e))
    )
    async with receiver:
        assert receiver.url.endswith(f"/api/v1/integrations/amo-crm/webhook?secret={SECRET}")
        assert SECRET not in receiver.public_url
        body = payload("lead_update")
        headers = {**AMO_HEADERS, "Authorization": "Bearer not-for-the-journal"}
        response = await http.post(receiver.url + "&x=1", content=body, headers=headers)
        assert (response.status_code, response.text) == (200, "OK")
        delivery, events = await asyncio.wait_for(arrived, 5)

    assert delivery.body == body
    assert delivery.delivery_id == AMO_HEADERS["X-Amocrm-Requestid"]
    assert delivery.query == (("x", "1"),)
    assert delivery.header("authorization") == "***"
    assert delivery.header("user-agent") == "amoCRM-Webhooks/3.0"
    assert [e.name for e in events] == ["update_lead"]
    assert receiver.stats.deliveries == 1 and receiver.stats.events == 1

    stored = await journal.find(delivery.delivery_id)
    assert stored == delivery
    on_disk = b"".join(p.read_bytes() for p in journal.folder.iterdir())
    assert SECRET.encode() not in on_disk
    assert b"not-for-the-journal" not in on_disk


BAD_REQUESTS = [
    pytest.param("POST", "/elsewhere", FORM, b"a=1", True, 404, "not_found", id="wrong-path"),
    pytest.param("POST", "", FORM, b"a=1", False, 403, "bad_secret", id="no-secret"),
    pytest.param("GET", "", FORM, b"", True, 405, "method_not_allowed", id="get"),
    pytest.param("POST", "", "application/json", b"{}", True, 415, "unsupported_media_type",
                 id="json"),
    pytest.param("POST", "", FORM, b"", True, 400, "empty_body", id="empty"),
    pytest.param("POST", "", FORM, b"leads%zz=1", True, 400, "bad_body", id="broken-escape"),
    pytest.param("POST", "", FORM, b"leads=%FF", True, 400, "bad_body", id="invalid-utf8"),
    pytest.param("POST", "", FORM, b"leads[add=1", True, 400, "bad_body", id="malformed-key"),
    pytest.param("POST", "", FORM, b"a=" + b"x" * 2000, True, 413, "too_large", id="too-large"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "ctype", "body", "with_secret", "status", "reason"),
                         BAD_REQUESTS)  # fmt: skip
async def test_bad_input_is_refused_counted_recorded_and_harmless(
    journal: WebhookJournal,
    http: httpx.AsyncClient,
    method: str,
    path: str,
    ctype: str,
    body: bytes,
    with_secret: bool,
    status: int,
    reason: str,
) -> None:
    rejected: list[Rejection] = []
    async with WebhookReceiver(
        journal, secret=SECRET, max_body=1024, on_rejected=rejected.append
    ) as receiver:
        base = receiver.public_url.replace(receiver.path, path) if path else receiver.public_url
        url = f"{base}?secret={SECRET}" if with_secret else base
        response = await http.request(method, url, content=body, headers={"Content-Type": ctype})
        assert response.status_code == status
        assert receiver.stats.rejected == {reason: 1}
        assert [r.reason for r in rejected] == [reason]
        assert receiver.recent_rejections[0].status == status

        good = await http.post(receiver.url, content=payload("lead_add"), headers=AMO_HEADERS)
        assert good.status_code == 200
    assert [r.reason for r in await journal.rejections()] == [reason]
    assert len(await journal.deliveries()) == 1
    on_disk = b"".join(p.read_bytes() for p in journal.folder.iterdir() if p.is_file())
    assert SECRET.encode() not in on_disk  # refused requests carried it too


async def test_wrong_secret_is_refused_and_never_recorded_as_an_event(
    journal: WebhookJournal, http: httpx.AsyncClient
) -> None:
    async with WebhookReceiver(journal, secret=SECRET) as receiver:
        response = await http.post(
            receiver.public_url + "?secret=guess", content=payload("lead_add"), headers=AMO_HEADERS
        )
    assert response.status_code == 403
    assert await journal.deliveries() == []
    assert b"guess" not in b"".join(p.read_bytes() for p in journal.folder.iterdir())


async def test_a_slow_sender_gets_408_and_the_listener_keeps_serving(
    journal: WebhookJournal, http: httpx.AsyncClient
) -> None:
    async with WebhookReceiver(journal, body_timeout=0.3) as receiver:
        reader, writer = await asyncio.open_connection("127.0.0.1", receiver.port)
        writer.write(
            f"POST {receiver.path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n"
            "Content-Length: 100\r\n\r\nleads[add]".encode()
        )
        await writer.drain()
        status_line = await asyncio.wait_for(reader.readline(), 5)
        writer.close()
        assert status_line.startswith(b"HTTP/1.1 408")
        good = await http.post(receiver.url, content=payload("lead_add"), headers=AMO_HEADERS)
        assert good.status_code == 200
        assert receiver.stats.rejected == {"timeout": 1}


async def test_a_sender_that_hangs_up_mid_body_is_a_counted_refusal(
    journal: WebhookJournal, http: httpx.AsyncClient
) -> None:
    rejected: asyncio.Queue[Rejection] = asyncio.Queue()
    async with WebhookReceiver(journal, on_rejected=rejected.put_nowait) as receiver:
        _, writer = await asyncio.open_connection("127.0.0.1", receiver.port)
        writer.write(
            f"POST {receiver.path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM}\r\n"
            "Content-Length: 100\r\n\r\nleads[add]".encode()
        )
        await writer.drain()
        writer.close()
        refusal = await asyncio.wait_for(rejected.get(), 5)
        good = await http.post(receiver.url, content=payload("lead_add"), headers=AMO_HEADERS)
        assert good.status_code == 200
    assert refusal.reason == "incomplete_body" and refusal.status == 400
    assert [r.reason for r in await journal.rejections()] == ["incomplete_body"]


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"not gzip at all", 400, "bad_body"),
        (gzip.compress(b"leads%5Badd%5D%5B0%5D%5Bid%5D=" + b"1" * 5000), 413, "too_large"),
    ],
    ids=["broken gzip", "over the limit once unzipped"],
)
async def test_a_compressed_body_that_cannot_be_taken_is_a_counted_refusal(
    journal: WebhookJournal,
    http: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
    body: bytes,
    status: int,
    reason: str,
) -> None:
    headers = {"Content-Type": FORM, "Content-Encoding": "gzip"}
    async with WebhookReceiver(journal, max_body=1024) as receiver:
        response = await http.post(receiver.url, content=body, headers=headers)
        good = await http.post(receiver.url, content=payload("lead_add"), headers=AMO_HEADERS)
        assert good.status_code == 200
        assert response.status_code == status
        assert response.text == reason  # our answer, not aiohttp's own
        assert receiver.stats.rejected == {reason: 1}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]  # nothing "unhandled"


async def test_expect_100_continue_is_answered_once_the_request_is_admitted(
    journal: WebhookJournal,
) -> None:
    # curl and PHP clients send "Expect: 100-continue" before a body over 1 KiB and wait for
    # the go-ahead (a second, then they send anyway); the listener must give it itself.
    body = payload("lead_add")
    async with WebhookReceiver(journal, secret=SECRET) as receiver:
        reader, writer = await asyncio.open_connection("127.0.0.1", receiver.port)
        head = (
            f"POST {receiver.path}?secret={SECRET} HTTP/1.1\r\nHost: x\r\n"
            f"Content-Type: {FORM}\r\nContent-Length: {len(body)}\r\n"
            "X-Amocrm-Requestid: expect-1\r\nExpect: 100-continue\r\n\r\n"
        )
        writer.write(head.encode())
        await writer.drain()
        assert await asyncio.wait_for(reader.readline(), 5) == b"HTTP/1.1 100 Continue\r\n"
        assert await asyncio.wait_for(reader.readline(), 5) == b"\r\n"
        writer.write(body)
        await writer.drain()
        assert (await asyncio.wait_for(reader.readline(), 5)).startswith(b"HTTP/1.1 200")

        # Refused before the body: no go-ahead, just the answer.
        writer.write(head.replace("secret=", "secret=wrong").encode())
        await writer.drain()
        await asyncio.wait_for(reader.readuntil(b"\r\n\r\nOK"), 5)  # the 200's head and body
        assert (await asyncio.wait_for(reader.readline(), 5)).startswith(b"HTTP/1.1 403")
        writer.close()
    assert [d.delivery_id for d in await journal.deliveries()] == ["expect-1"]


async def test_port_in_use_is_a_typed_error(journal: WebhookJournal) -> None:
    async with WebhookReceiver(journal) as first:
        with pytest.raises(AmoError) as caught:
            await WebhookReceiver(journal, port=first.port).start()
    assert caught.value.code is ErrorCode.LISTENER_PORT_IN_USE


async def test_forwarding_is_byte_exact_with_amocrm_headers(
    journal: WebhookJournal,
    http: httpx.AsyncClient,
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    backend = await backend_factory()
    results: asyncio.Queue[ForwardResult] = asyncio.Queue()
    forwarder = Forwarder(backend.url, journal, on_result=results.put_nowait)
    body = payload("contact_update")
    async with WebhookReceiver(journal, forwarder=forwarder) as receiver:
        response = await http.post(receiver.url, content=body, headers=AMO_HEADERS)
        assert response.status_code == 200
        captured = await asyncio.wait_for(backend.received.get(), 5)
        result = await asyncio.wait_for(results.get(), 5)

    assert captured.body == body
    for name, value in AMO_HEADERS.items():
        assert captured.headers[name] == value
    assert result.status == 200 and result.ok and result.error is None
    recorded = await journal.forwards(AMO_HEADERS["X-Amocrm-Requestid"])
    assert [(r.status, r.target) for r in recorded] == [(200, backend.url)]


async def test_a_failing_result_consumer_does_not_stop_forwarding(
    journal: WebhookJournal,
    http: httpx.AsyncClient,
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    backend = await backend_factory()
    seen: list[str] = []

    def broken_consumer(result: ForwardResult) -> None:
        seen.append(result.delivery_id)
        raise RuntimeError("a bug in whoever shows the results")

    forwarder = Forwarder(backend.url, journal, workers=1, on_result=broken_consumer)
    async with WebhookReceiver(journal, forwarder=forwarder) as receiver:
        for number in range(3):
            headers = {**AMO_HEADERS, "X-Amocrm-Requestid": f"after-bug-{number}"}
            response = await http.post(receiver.url, content=payload("lead_add"), headers=headers)
            assert response.status_code == 200
        await asyncio.wait_for(forwarder.join(), 5)

    assert seen == ["after-bug-0", "after-bug-1", "after-bug-2"]
    assert backend.received.qsize() == 3


async def test_a_hanging_target_never_delays_the_answer_nor_loses_the_event(
    journal: WebhookJournal,
    http: httpx.AsyncClient,
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    backend = await backend_factory(hang=True)
    results: asyncio.Queue[ForwardResult] = asyncio.Queue()
    forwarder = Forwarder(
        backend.url, journal, timeout=1.5, workers=1, on_result=results.put_nowait
    )
    async with WebhookReceiver(journal, forwarder=forwarder) as receiver:
        answer_times = []
        for number in range(3):
            headers = {**AMO_HEADERS, "X-Amocrm-Requestid": f"hang-{number}"}
            started = time.perf_counter()
            response = await http.post(receiver.url, content=payload("lead_add"), headers=headers)
            answer_times.append(time.perf_counter() - started)
            assert response.status_code == 200
        await asyncio.wait_for(backend.received.get(), 5)  # the target really is hanging
        first = await asyncio.wait_for(results.get(), 5)

    assert max(answer_times) < 1.0
    assert first.status is None and first.error is not None and "1.5" in first.error
    assert {d.delivery_id for d in await journal.deliveries()} == {"hang-0", "hang-1", "hang-2"}
    assert any(r.error for r in await journal.forwards("hang-0"))
