"""What `listen` leaves on the terminal when a sender breaks HTTP itself: no traceback.

aiohttp answers a request it cannot parse (here a Content-Length that is not a number) with
400 and logs the error with its traceback;
without a handler Python prints that on stderr, in the middle of the listener's output. The
command line sends library errors to the activity log instead.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import httpx

from tests.webhooks.conftest import AMO_HEADERS, payload

ROOT = Path(__file__).resolve().parents[2]


async def test_a_request_aiohttp_cannot_parse_leaves_no_traceback_on_the_terminal() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "amo_desktop", "listen", "--json", "--port", "0", "--no-secret",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    try:
        listening = json.loads(await asyncio.wait_for(process.stdout.readline(), 60))
        url = listening["url"]
        port = int(url.split(":")[2].split("/")[0])
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
        await writer.drain()
        assert (await asyncio.wait_for(reader.readline(), 10)).startswith(b"HTTP/1.0 400")
        writer.close()
        async with httpx.AsyncClient(timeout=10) as http:
            answer = await http.post(url, content=payload("lead_add"), headers=AMO_HEADERS)
        assert answer.status_code == 200
        event = json.loads(await asyncio.wait_for(process.stdout.readline(), 60))
        assert event["type"] == "event"  # still serving
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.wait(), 30)
    errors = (await process.stderr.read()).decode()
    assert "Traceback" not in errors and "Error handling request" not in errors
    activity = (Path(os.environ["AMO_DESKTOP_HOME"]) / "logs" / "activity.log").read_text()
    assert "Error handling request" in activity  # kept for support, with its traceback
