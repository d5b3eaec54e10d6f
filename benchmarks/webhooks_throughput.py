"""Deliveries per second through the webhook listener vs a bare aiohttp handler, same run.

Method, so that a reader can trust the ratio on a small shared machine:
- Each server runs in its own process pinned to one core (all its threads: the listener's
  journal writer shares that core); the load generator runs in this process, pinned to another
  core. Loopback only.
- The load generator is a lean keep-alive HTTP/1.1 client (``blast``), so its own CPU cost does
  not set the pace; its CPU use per round is reported to show it is not the bottleneck.
- Both servers stay up for the whole run and take turns, round by round, in ABBA order, at
  each concurrency; every round is bounded by a count and a time. Medians are reported with
  the minimum and maximum, and so is the ratio of each adjacent listener/bare pair.
- Concurrency 16 is the agreed setup (the goal applies to it); 1 and 64 show how group commit
  behaves with nothing to batch and with a lot.
- Also per delivery: the server process's CPU time (user + system, all threads), which other
  load on the machine hardly disturbs.

What is compared: the listener doing everything it does in production (path/secret/type/size
checks, decoding, a durable fdatasync'ed group-committed journal append before each answer,
splitting into events after it) vs an aiohttp ``web.Application`` handler that reads the body
and answers 200. Goal: ratio >= 0.7 at concurrency 16.

Writes ``benchmarks/results/webhooks_throughput.json`` and prints Markdown table rows.
"""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.webhooks_support.blast import blast
from benchmarks.webhooks_support.load import BODY, HEADERS, Server, cpu_seconds, server, write

CONCURRENCIES = (16, 1, 64)  # the first is the agreed setup
ROUNDS = 5
ROUND_TOTAL = 6000
ROUND_SECONDS = 2.0
WARM_UP = 500
GOAL = 0.7
KINDS = ("bare", "receiver")


@dataclass
class Round:
    per_s: float
    server_cpu_us: float  # per delivery
    driver_cpu_share: float  # of one core, during the round


def cores() -> tuple[int | None, int | None]:
    """One core for the servers, another for the load generator (None: not enough cores)."""
    available = sorted(os.sched_getaffinity(0))
    return (available[0], available[1]) if len(available) >= 2 else (None, None)


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def measure(running: Server, concurrency: int, start: int) -> Round:
    server_cpu, driver_cpu = cpu_seconds(running.pid), own_cpu()
    outcome = await blast(
        running.url,
        BODY,
        HEADERS,
        total=ROUND_TOTAL,
        concurrency=concurrency,
        time_limit=ROUND_SECONDS,
        start=start,
    )
    server_cpu = cpu_seconds(running.pid) - server_cpu
    driver_cpu = own_cpu() - driver_cpu
    answered = max(outcome.answered, 1)
    return Round(
        per_s=outcome.answered / outcome.seconds,
        server_cpu_us=server_cpu / answered * 1e6,
        driver_cpu_share=driver_cpu / outcome.seconds,
    )


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summary(rounds: dict[str, list[Round]]) -> dict[str, object]:
    bare, listener = rounds["bare"], rounds["receiver"]
    pairs = [mine.per_s / theirs.per_s for mine, theirs in zip(listener, bare, strict=True)]
    bare_rate = spread([r.per_s for r in bare])
    listener_rate = spread([r.per_s for r in listener])
    return {
        "bare_per_s": bare_rate,
        "listener_per_s": listener_rate,
        "ratio_of_medians": listener_rate["median"] / bare_rate["median"],
        "paired_ratio": spread(pairs),
        "bare_cpu_us": spread([r.server_cpu_us for r in bare]),
        "listener_cpu_us": spread([r.server_cpu_us for r in listener]),
        "driver_cpu_share_max": max(r.driver_cpu_share for r in bare + listener),
        "rounds_bare": [round(r.per_s) for r in bare],
        "rounds_listener": [round(r.per_s) for r in listener],
    }


async def main() -> None:
    server_core, driver_core = cores()
    if driver_core is not None:
        os.sched_setaffinity(0, {driver_core})
    results: dict[int, dict[str, object]] = {}
    sent = 0
    with tempfile.TemporaryDirectory() as folder:
        async with (
            server("bare", Path(folder) / "bare", cpu=server_core) as bare,
            server("receiver", Path(folder) / "journal", cpu=server_core) as listener,
        ):
            servers = {"bare": bare, "receiver": listener}
            for running in servers.values():
                await blast(running.url, BODY, HEADERS, total=WARM_UP, concurrency=16,
                            time_limit=5.0, start=sent)  # fmt: skip
                sent += WARM_UP
            for concurrency in CONCURRENCIES:
                rounds: dict[str, list[Round]] = {kind: [] for kind in KINDS}
                for number in range(ROUNDS):
                    order = KINDS if number % 2 == 0 else tuple(reversed(KINDS))
                    for kind in order:
                        rounds[kind].append(await measure(servers[kind], concurrency, sent))
                        sent += ROUND_TOTAL
                results[concurrency] = summary(rounds)
    write(
        "webhooks_throughput",
        {
            "goal": GOAL,
            "agreed_concurrency": CONCURRENCIES[0],
            "rounds": ROUNDS,
            "round_limits": {"deliveries": ROUND_TOTAL, "seconds": ROUND_SECONDS},
            "cores": {"servers": server_core, "load_generator": driver_core},
            "by_concurrency": {str(c): result for c, result in results.items()},
        },
    )
    print(
        "| concurrency | listener /s median (min–max) | bare aiohttp /s median (min–max) "
        "| ratio of medians | paired ratios median (min–max) "
        "| server CPU µs/delivery listener / bare | goal |"
    )
    print("|---|---|---|---|---|---|---|")
    for concurrency, result in results.items():
        print(row(concurrency, result))
    busiest = max(float(str(result["driver_cpu_share_max"])) for result in results.values())
    print(
        f"\nservers on core {server_core}, load generator on core {driver_core}; "
        f"the load generator used at most {busiest:.0%} of its core in any round"
    )


def row(concurrency: int, result: dict[str, object]) -> str:
    def rate(key: str) -> str:
        value = result[key]
        assert isinstance(value, dict)
        return f"{value['median']:.0f} ({value['min']:.0f}–{value['max']:.0f})"

    paired = result["paired_ratio"]
    listener_cpu, bare_cpu = result["listener_cpu_us"], result["bare_cpu_us"]
    assert isinstance(paired, dict) and isinstance(listener_cpu, dict)
    assert isinstance(bare_cpu, dict)
    goal = f"≥ {GOAL}" if concurrency == CONCURRENCIES[0] else "(extra row)"
    return (
        f"| {concurrency} | {rate('listener_per_s')} | {rate('bare_per_s')} "
        f"| {result['ratio_of_medians']:.2f} "
        f"| {paired['median']:.2f} ({paired['min']:.2f}–{paired['max']:.2f}) "
        f"| {listener_cpu['median']:.0f} / {bare_cpu['median']:.0f} | {goal} |"
    )


if __name__ == "__main__":
    asyncio.run(main())
