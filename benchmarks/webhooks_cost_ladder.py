"""Where the webhook listener's CPU goes: a ladder from a bare handler to the full listener.

The throughput goal (``webhooks_throughput.py``) compares the listener with a bare aiohttp
handler. This script shows what each part of the listener's work costs on this machine, so a
reader can see which parts a ratio budget can afford. Rungs, each adding to the one before:

- ``bare``: an aiohttp ``web.Application`` handler that reads the body (the goal's baseline);
- ``lowlevel``: aiohttp's low-level server, which the listener uses;
- ``record``: admission checks and the kept ``Delivery`` (masked headers);
- ``decode``: decoding the bracket form before the answer;
- ``split``: splitting into events after the answer;
- ``write``: the journal line appended to the file before the answer, not synced;
- ``receiver-no-fsync``: the real listener with its journal writer thread, not syncing;
- ``receiver``: the real listener as it ships, ``fdatasync`` before each answer (grouped).

One more row stands off the ladder: ``durable-only`` is ``record`` plus the real journal, synced
before the answer, with no decoding or splitting. It is what the listener could reach if
decoding and splitting cost nothing, so it shows how much of the ratio the disk sync alone
takes on this machine.

Same method as the throughput script: every server in its own process pinned to one core, the
load generator on another, 16 keep-alive connections, rounds in rotating order, medians.
Writes ``benchmarks/results/webhooks_cost_ladder.json`` and prints Markdown table rows.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
from contextlib import AsyncExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.webhooks_support.blast import blast
from benchmarks.webhooks_support.ladder import DURABLE_ONLY, STEPS
from benchmarks.webhooks_support.load import BODY, HEADERS, cpu_seconds, server, write

KINDS = (
    "bare",
    *(f"ladder-{step}" for step in STEPS),
    "receiver-no-fsync",
    "receiver",
    f"ladder-{DURABLE_ONLY}",
)
# What each row adds to; a row not named here adds to the row above it.
ADDS_TO = {f"ladder-{DURABLE_ONLY}": "ladder-record"}
CONCURRENCY = 16
ROUNDS = 5
ROUND_TOTAL = 6000
ROUND_SECONDS = 2.0


async def main() -> None:
    available = sorted(os.sched_getaffinity(0))
    server_core = available[0] if len(available) >= 2 else None
    if server_core is not None:
        os.sched_setaffinity(0, {available[1]})
    rates: dict[str, list[float]] = {kind: [] for kind in KINDS}
    cpu_us: dict[str, list[float]] = {kind: [] for kind in KINDS}
    sent = 0
    with tempfile.TemporaryDirectory() as folder:
        async with AsyncExitStack() as stack:
            servers = {
                kind: await stack.enter_async_context(
                    server(kind, Path(folder) / kind, cpu=server_core)
                )
                for kind in KINDS
            }
            for running in servers.values():  # warm up
                await blast(running.url, BODY, HEADERS, total=500, concurrency=CONCURRENCY,
                            time_limit=5.0, start=sent)  # fmt: skip
                sent += 500
            for number in range(ROUNDS):
                shift = number % len(KINDS)
                order = KINDS[shift:] + KINDS[:shift]
                for kind in order if number % 2 == 0 else tuple(reversed(order)):
                    running = servers[kind]
                    before = cpu_seconds(running.pid)
                    outcome = await blast(running.url, BODY, HEADERS, total=ROUND_TOTAL,
                                          concurrency=CONCURRENCY, time_limit=ROUND_SECONDS,
                                          start=sent)  # fmt: skip
                    sent += ROUND_TOTAL
                    answered = max(outcome.answered, 1)
                    rates[kind].append(outcome.answered / outcome.seconds)
                    cpu_us[kind].append((cpu_seconds(running.pid) - before) / answered * 1e6)
    medians = {kind: statistics.median(rates[kind]) for kind in KINDS}
    cpu = {kind: statistics.median(cpu_us[kind]) for kind in KINDS}
    write(
        "webhooks_cost_ladder",
        {
            "concurrency": CONCURRENCY,
            "rounds": ROUNDS,
            "per_s": rates,
            "server_cpu_us": cpu_us,
            "ratio_to_bare": {kind: medians[kind] / medians["bare"] for kind in KINDS},
        },
    )
    print("| rung | deliveries/s (median) | ratio to bare | server CPU µs/delivery | added |")
    print("|---|---|---|---|---|")
    previous = None
    for kind in KINDS:
        base = ADDS_TO.get(kind, previous)
        added = "" if base is None else f"{cpu[kind] - cpu[base]:+.0f} µs over {base}"
        print(
            f"| {kind} | {medians[kind]:.0f} | {medians[kind] / medians['bare']:.2f} "
            f"| {cpu[kind]:.0f} | {added} |"
        )
        previous = kind


if __name__ == "__main__":
    asyncio.run(main())
