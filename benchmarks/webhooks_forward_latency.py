"""Answer latency to amoCRM while every delivery is forwarded to a backend that takes 5 s.

The listener (own process) forwards to a target in this process that waits 5 s before its
200. 600 deliveries at 8 concurrent senders, then the same load without forwarding as the
baseline. amoCRM gives up after 2 s, so the p99 must stay far below that.

Writes ``benchmarks/results/webhooks_forward_latency.json`` and prints one Markdown table row.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.webhooks_support.load import PATH, drive, percentile, server, write

TOTAL = 600
CONCURRENCY = 8
TARGET_DELAY = 5.0
TIME_LIMIT = 60.0


async def slow_target() -> tuple[web.AppRunner, str]:
    async def handle(request: web.Request) -> web.Response:
        await request.read()
        await asyncio.sleep(TARGET_DELAY)
        return web.Response(text="backend")

    app = web.Application()
    app.router.add_post(PATH, handle)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}{PATH}"


async def latencies(folder: Path, forward_to: str | None) -> list[float]:
    async with server("receiver", folder, forward_to) as running:
        await drive(running.url, total=50, concurrency=CONCURRENCY, time_limit=5)
        return await drive(
            running.url, total=TOTAL, concurrency=CONCURRENCY, time_limit=TIME_LIMIT, start=50
        )


async def main() -> None:
    runner, target = await slow_target()
    try:
        with tempfile.TemporaryDirectory() as folder:
            forwarding = await latencies(Path(folder) / "forwarding", target)
            plain = await latencies(Path(folder) / "plain", None)
    finally:
        await runner.cleanup()
    ms = {
        "forwarding_p50_ms": percentile(forwarding, 0.5) * 1000,
        "forwarding_p99_ms": percentile(forwarding, 0.99) * 1000,
        "forwarding_max_ms": max(forwarding) * 1000,
        "plain_p99_ms": percentile(plain, 0.99) * 1000,
    }
    write(
        "webhooks_forward_latency",
        {k: round(v, 1) for k, v in ms.items()}
        | {"deliveries": len(forwarding), "target_delay_s": TARGET_DELAY},
    )
    print("| benchmark | answer p50 | answer p99 | max | p99 without forwarding | target |")
    print("|---|---|---|---|---|---|")
    print(
        f"| webhooks_forward_latency | {ms['forwarding_p50_ms']:.1f} ms | "
        f"{ms['forwarding_p99_ms']:.1f} ms | {ms['forwarding_max_ms']:.1f} ms | "
        f"{ms['plain_p99_ms']:.1f} ms | {TARGET_DELAY:g} s per request |"
    )


if __name__ == "__main__":
    asyncio.run(main())
