"""Deliveries per second through the webhook listener vs a bare aiohttp handler, same run.

Both servers run in their own process on loopback and get the same amoCRM lead-update body
from the same driver (keep-alive, 16 concurrent senders), in three alternating rounds; each
side's best round counts, since the machine is shared. Also reported: deliveries per CPU
second of the server process, which other load on the machine hardly disturbs.

The listener does everything it does in production: path/secret/type checks, decoding and a
durable (fdatasync'ed, group-committed) journal append before each answer, splitting into
events right after it. Goal: ratio >= 0.7.

Writes ``benchmarks/results/webhooks_throughput.json`` and prints one Markdown table row.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.webhooks_support.load import cpu_seconds, drive, server, write

TOTAL = 2000
ROUNDS = 3
CONCURRENCY = 16
TIME_LIMIT = 20.0
GOAL = 0.7


async def rate(kind: str, folder: Path) -> tuple[float, float]:
    """Deliveries per second (wall clock) and per CPU second of the server process."""
    async with server(kind, folder) as running:
        await drive(running.url, total=200, concurrency=CONCURRENCY, time_limit=5)  # warm-up
        started, cpu_started = time.perf_counter(), cpu_seconds(running.pid)
        answered = await drive(
            running.url, total=TOTAL, concurrency=CONCURRENCY, time_limit=TIME_LIMIT, start=200
        )
        cpu = cpu_seconds(running.pid) - cpu_started
        return len(answered) / (time.perf_counter() - started), len(answered) / max(cpu, 0.01)


async def main() -> None:
    # The machine is shared, so the two servers take turns and each keeps its best round.
    bare_rounds: list[tuple[float, float]] = []
    listener_rounds: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(ROUNDS):
            bare_rounds.append(await rate("bare", Path(folder) / f"bare-{number}"))
            listener_rounds.append(await rate("receiver", Path(folder) / f"journal-{number}"))
    bare_rates = [wall for wall, _ in bare_rounds]
    listener_rates = [wall for wall, _ in listener_rounds]
    bare, listener = max(bare_rates), max(listener_rates)
    ratio = listener / bare
    # Per CPU second of the server: far less sensitive to other load on the machine.
    bare_cpu = max(cpu for _, cpu in bare_rounds)
    listener_cpu = max(cpu for _, cpu in listener_rounds)
    cpu_ratio = listener_cpu / bare_cpu
    write(
        "webhooks_throughput",
        {
            "bare_per_s": round(bare),
            "listener_per_s": round(listener),
            "ratio": round(ratio, 2),
            "goal": GOAL,
            "bare_per_cpu_s": round(bare_cpu),
            "listener_per_cpu_s": round(listener_cpu),
            "cpu_ratio": round(cpu_ratio, 2),
            "rounds_bare": [round(r) for r in bare_rates],
            "rounds_listener": [round(r) for r in listener_rates],
            "per_round": TOTAL,
            "concurrency": CONCURRENCY,
        },
    )
    print(
        "| benchmark | listener (deliveries/s) | bare aiohttp (/s) | ratio "
        "| per server CPU second: listener / bare | CPU ratio | goal |"
    )
    print("|---|---|---|---|---|---|---|")
    print(
        f"| webhooks_throughput | {listener:.0f} | {bare:.0f} | {ratio:.2f} "
        f"| {listener_cpu:.0f} / {bare_cpu:.0f} | {cpu_ratio:.2f} | ≥ {GOAL} |"
    )


if __name__ == "__main__":
    asyncio.run(main())
