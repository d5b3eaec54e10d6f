"""One server per process, so the load driver does not share its event loop.

``python -m benchmarks.webhooks_support.server KIND FOLDER [FORWARD_URL]`` prints the port,
then serves until killed. KIND is ``bare`` (an aiohttp handler that reads the body and
answers 200: the baseline), ``receiver`` (the full WebhookReceiver: checks, decoding,
splitting, durable journal, optional forwarding), ``receiver-no-fsync`` (the same without
waiting for the disk, to tell CPU cost from disk latency) or ``ladder-STEP`` (one rung of the
cost ladder, see ``ladder.py``). With ``WEBHOOKS_BENCH_CPU=N`` in
the environment the process pins itself to core N before it starts any thread.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from aiohttp import web

from amo_desktop.core.webhooks.forwarder import Forwarder
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import DEFAULT_PATH, WebhookReceiver
from benchmarks.webhooks_support import ladder


async def bare() -> int:
    async def handle(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text="OK")

    app = web.Application()
    app.router.add_post(DEFAULT_PATH, handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return int(runner.addresses[0][1])


async def receiver(folder: Path, forward_to: str | None, *, durable: bool = True) -> int:
    journal = WebhookJournal(folder, durable=durable)
    forwarder = Forwarder(forward_to, journal, timeout=10.0) if forward_to else None
    listener = WebhookReceiver(journal, forwarder=forwarder)
    await listener.start()
    return listener.port


async def main(kind: str, folder: Path, forward_to: str | None) -> None:
    if kind == "bare":
        port = await bare()
    elif kind.startswith("ladder-"):
        port = await ladder.serve(kind.removeprefix("ladder-"), folder)
    else:
        port = await receiver(folder, forward_to, durable=kind != "receiver-no-fsync")
    print(port, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    if cpu := os.environ.get("WEBHOOKS_BENCH_CPU"):
        os.sched_setaffinity(0, {int(cpu)})  # threads started later inherit it
    asyncio.run(main(sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None))
