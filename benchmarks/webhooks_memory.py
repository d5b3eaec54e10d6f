"""The listener's memory after 100,000 deliveries stays bounded.

The listener runs in its own process with the production journal limits (5 MiB x 4 files);
its resident set size is read from /proc at checkpoints. Bounded means: after the warm-up,
RSS grows by less than 20 MiB however many deliveries follow (nothing is kept per delivery
in memory; the journal rotates on disk). Bounded in time too: stops after 240 s.

Writes ``benchmarks/results/webhooks_memory.json`` and prints one Markdown table row.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.webhooks_support.load import drive, rss_kib, server, write

CHECKPOINTS = (1_000, 10_000, 50_000, 100_000)
CONCURRENCY = 16
TIME_LIMIT = 240.0
GROWTH_LIMIT_MIB = 20.0


def journal_size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 2**20


async def main() -> None:
    rss: dict[int, float] = {}
    sent = 0
    with tempfile.TemporaryDirectory() as folder:
        async with server("receiver", Path(folder)) as running:
            remaining = TIME_LIMIT
            for checkpoint in CHECKPOINTS:
                loop = asyncio.get_running_loop()
                started = loop.time()
                answered = await drive(
                    running.url,
                    total=checkpoint - sent,
                    concurrency=CONCURRENCY,
                    time_limit=remaining,
                    start=sent,
                )
                sent += len(answered)
                remaining -= loop.time() - started
                rss[sent] = rss_kib(running.pid) / 1024
                if remaining <= 0:
                    break
            journal_mib = journal_size_mib(Path(folder))
    first = rss[min(rss)]
    growth = max(rss.values()) - first
    write(
        "webhooks_memory",
        {
            "rss_mib_by_deliveries": rss,
            "growth_mib": round(growth, 1),
            "journal_mib": round(journal_mib, 1),
            "deliveries": sent,
        },
    )
    verdict = "bounded" if growth < GROWTH_LIMIT_MIB else "GROWING"
    points = ", ".join(f"{count:,}: {value:.1f}" for count, value in rss.items())
    print("| benchmark | deliveries | RSS MiB at checkpoints | growth | journal on disk |")
    print("|---|---|---|---|---|")
    growth_text = f"{growth:.1f} MiB ({verdict})"
    print(f"| webhooks_memory | {sent:,} | {points} | {growth_text} | {journal_mib:.1f} MiB |")


if __name__ == "__main__":
    asyncio.run(main())
