"""Handlers for the cost ladder: each step adds one part of the listener's work to the last.

They are built from the core's public pieces (the same decoder, event splitter and journal
line the listener uses), not from switches in the listener itself, so the production code has
no benchmark-only paths. The full listener is the ladder's last rung, measured as it ships.

Steps, each including the ones before it:
- ``lowlevel``: aiohttp's low-level server (the listener's HTTP layer) reading the body;
- ``record``: the listener's admission checks and the :class:`Delivery` it keeps;
- ``decode``: decoding the bracket form before the answer;
- ``split``: splitting into events after the answer;
- ``write``: the journal line written (``O_APPEND``, no sync) before the answer.

And one rung off the ladder, ``durable-only``: ``record`` plus the listener's real journal,
synced before the answer, with no decoding or splitting. It is the ceiling the listener could
reach if decoding and splitting cost nothing.
"""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from aiohttp import web

from amo_desktop.core.webhooks.events import (
    REQUEST_ID_HEADER,
    Delivery,
    masked_latin1_headers,
    new_delivery_id,
    split_tree,
)
from amo_desktop.core.webhooks.formdecode import FormDecodeError, FormTree, decode
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import DEFAULT_PATH, FORM_TYPE
from amo_desktop.core.webhooks.records import delivery_line

STEPS = ("lowlevel", "record", "decode", "split", "write")
DURABLE_ONLY = "durable-only"


async def serve(step: str, folder: Path) -> int:
    """Start the handler for ``step`` on a free loopback port; returns the port."""
    durable_only = step == DURABLE_ONLY
    depth = STEPS.index("record" if durable_only else step)
    loop = asyncio.get_running_loop()
    journal_fd = _open_journal(folder) if depth >= STEPS.index("write") else -1
    journal = WebhookJournal(folder) if durable_only else None

    def after_answer(delivery: Delivery, tree: FormTree) -> None:
        split_tree(tree, delivery)

    async def handle(request: web.BaseRequest) -> web.StreamResponse:
        if depth == 0:
            await request.read()
            return web.Response(text="OK")
        started = time.time()
        if (
            request.path.rstrip("/") != DEFAULT_PATH
            or request.method != "POST"
            or request.content_type != FORM_TYPE
        ):
            return web.Response(status=400, text="refused")
        body = await request.read()
        tree: FormTree = {}
        if depth >= STEPS.index("decode"):
            try:
                tree = decode(body)
            except FormDecodeError:
                return web.Response(status=400, text="bad_body")
        delivery = Delivery(
            delivery_id=new_delivery_id(request.headers.get(REQUEST_ID_HEADER)),
            received_at=started,
            remote=request.remote or "",
            method=request.method,
            path=request.path,
            query=(),
            headers=masked_latin1_headers(request.raw_headers),
            body=body,
        )
        if journal_fd >= 0:
            os.write(journal_fd, delivery_line(delivery))
        if journal is not None:
            await journal.record_delivery(delivery)
        if depth >= STEPS.index("split"):
            loop.call_soon(after_answer, delivery, tree)
        return web.Response(text="OK")

    server = await loop.create_server(web.Server(handle, access_log=None), "127.0.0.1", 0)
    return int(server.sockets[0].getsockname()[1])


def _open_journal(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    return os.open(folder / "journal.jsonl", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
