"""Start a benchmark server in a child process, drive it with bounded load, write results."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results"
PATH = "/api/v1/integrations/amo-crm/webhook"
BODY = (ROOT / "tests" / "webhooks" / "payloads" / "lead_update.form").read_bytes().strip()
CPU_VARIABLE = "WEBHOOKS_BENCH_CPU"
HEADERS = {
    "Content-Type": "application/x-www-form-urlencoded",
    "User-Agent": "amoCRM-Webhooks/3.0",
}


@dataclass
class Server:
    url: str
    pid: int


@asynccontextmanager
async def server(
    kind: str, folder: Path, forward_to: str | None = None, *, cpu: int | None = None
) -> AsyncIterator[Server]:
    """A benchmark server in a child process; ``cpu`` pins it (all its threads) to one core."""
    argv = [sys.executable, "-m", "benchmarks.webhooks_support.server", kind, str(folder)]
    if forward_to:
        argv.append(forward_to)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if cpu is not None:
        env[CPU_VARIABLE] = str(cpu)
    process = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, cwd=ROOT, env=env
    )
    try:
        assert process.stdout is not None
        port = int((await asyncio.wait_for(process.stdout.readline(), 30)).decode())
        yield Server(f"http://127.0.0.1:{port}{PATH}", process.pid)
    finally:
        process.send_signal(signal.SIGKILL)
        await process.wait()


async def drive(
    url: str, *, total: int, concurrency: int, time_limit: float, start: int = 0
) -> list[float]:
    """POST up to ``total`` deliveries with ``concurrency`` workers; answer latencies (s)."""
    latencies: list[float] = []
    counter = iter(range(start, start + total))
    deadline = time.monotonic() + time_limit
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            for number in counter:
                if time.monotonic() > deadline:
                    return
                headers = {**HEADERS, "X-Amocrm-Requestid": f"bench-{number}"}
                started = time.perf_counter()
                async with session.post(url, data=BODY, headers=headers) as response:
                    await response.read()
                    if response.status != 200:
                        raise RuntimeError(f"answer {response.status}")
                latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def write(name: str, data: dict[str, object]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
