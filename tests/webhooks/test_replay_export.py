"""Replays and exports resend exactly the recorded bytes (checked by a capturing backend)."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import replace

import pytest

from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.export import curl_command, to_jsonl
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.replay import DeliveryFilter, replay, select
from tests.webhooks.conftest import AMO_HEADERS, FORM, Backend, payload
from tests.webhooks.test_journal import make_delivery


def with_amo_headers(number: int, body: bytes) -> Delivery:
    return replace(make_delivery(number, body), headers=tuple(AMO_HEADERS.items()))


async def test_replay_of_a_filtered_set_is_byte_exact_and_recorded(
    journal: WebhookJournal, backend_factory: Callable[..., Awaitable[Backend]]
) -> None:
    backend = await backend_factory(status=202)
    await journal.record_delivery(with_amo_headers(1, payload("lead_add")))
    await journal.record_delivery(with_amo_headers(2, payload("contact_add")))
    await journal.record_delivery(with_amo_headers(3, payload("lead_update")))

    chosen = await select(
        journal, DeliveryFilter(event_names=frozenset({"add_lead", "update_lead"}))
    )
    assert [d.delivery_id for d in chosen] == ["d-1", "d-3"]
    results = await replay(journal, chosen, backend.url)

    first, second = backend.received.get_nowait(), backend.received.get_nowait()
    assert (first.body, second.body) == (payload("lead_add"), payload("lead_update"))
    assert first.headers["X-Amocrm-Requestid"] == AMO_HEADERS["X-Amocrm-Requestid"]
    assert [r.status for r in results] == [202, 202]
    recorded = await journal.forwards("d-3")
    assert [(r.status, r.replay) for r in recorded] == [(202, True)]


async def test_a_replay_is_reported_even_when_its_result_cannot_be_journaled(
    journal: WebhookJournal,
    backend_factory: Callable[..., Awaitable[Backend]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backend = await backend_factory(status=202)
    delivery = with_amo_headers(1, payload("lead_add"))

    async def disk_full(_result: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal, "record_forward", disk_full)
    results = await replay(journal, [delivery, delivery], backend.url)

    assert [r.status for r in results] == [202, 202]  # both went out, both are reported
    assert backend.received.qsize() == 2


def test_jsonl_export_keeps_the_exact_bytes() -> None:
    body = bytes(range(256))
    (line,) = to_jsonl([make_delivery(7, body)])
    document = json.loads(line)
    assert document["id"] == "d-7" and document["body"] is None
    assert base64.b64decode(document["body_base64"]) == body


@pytest.mark.parametrize(
    "body",
    [payload("contact_update"), b"a='quoted' & \"double\" $HOME `x` \\n", b"\x00\xff\n\r%%'\\"],
    ids=["amo-form", "shell-specials", "binary"],
)
async def test_the_curl_command_sends_exactly_the_recorded_bytes(
    backend_factory: Callable[..., Awaitable[Backend]], body: bytes
) -> None:
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip("SKIPPED LOUDLY: curl and bash are needed to run the exported command")
    backend = await backend_factory()
    delivery = with_amo_headers(1, body)
    command = curl_command(delivery, backend.url)
    process = await asyncio.create_subprocess_exec("bash", "-c", command)
    assert await asyncio.wait_for(process.wait(), 30) == 0
    captured = backend.received.get_nowait()
    assert captured.body == body
    assert captured.headers["User-Agent"] == AMO_HEADERS["User-Agent"]


def test_without_a_url_the_command_reads_it_from_the_shell() -> None:
    command = curl_command(make_delivery(1, b"a=1"))
    assert '"$WEBHOOK_URL"' in command and "--data-raw a=1" in command


async def test_the_curl_command_sends_header_bytes_beyond_ascii_unchanged(
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip("SKIPPED LOUDLY: curl and bash are needed to run the exported command")
    backend = await backend_factory()
    # The journal keeps header bytes as latin-1 text: "\xe9" is the single byte 0xE9.
    delivery = replace(
        make_delivery(1, b"a=1"), headers=(("Content-Type", FORM), ("User-Agent", "caf\xe9"))
    )
    command = curl_command(delivery, backend.url)
    process = await asyncio.create_subprocess_exec("bash", "-c", command)
    assert await asyncio.wait_for(process.wait(), 30) == 0
    agent = backend.received.get_nowait().headers["User-Agent"]
    # aiohttp hands undecodable header bytes over as surrogate escapes: undo that to compare.
    assert agent.encode("utf-8", "surrogateescape") == b"caf\xe9"
