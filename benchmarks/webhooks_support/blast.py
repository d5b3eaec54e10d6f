"""A lean keep-alive HTTP/1.1 load generator for throughput runs.

An aiohttp client spends more CPU per request than the servers under test, so on a small
machine it, not the server, would set the pace. This one sends prebuilt request bytes over
``concurrency`` persistent connections, one request in flight per connection, and reads each
answer's status line and ``Content-Length`` only. It stops after ``total`` answers or
``time_limit`` seconds, whichever comes first, and fails on any answer other than 200.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

_HEAD_END = b"\r\n\r\n"
_LENGTH = b"\r\ncontent-length:"


@dataclass
class Outcome:
    answered: int
    seconds: float


class _Connection(asyncio.Protocol):
    def __init__(self, shared: _Shared) -> None:
        self._shared = shared
        self._transport: asyncio.Transport | None = None
        self._buffer = b""
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._send()

    def _send(self) -> None:
        assert self._transport is not None
        request = self._shared.next_request()
        if request is None:
            self._transport.close()
        else:
            self._transport.write(request)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        head_end = self._buffer.find(_HEAD_END)
        if head_end < 0:
            return
        head = self._buffer[:head_end]
        if not head.startswith(b"HTTP/1.1 200 "):
            self._shared.fail(head.split(b"\r\n", 1)[0].decode("latin-1"))
            assert self._transport is not None
            self._transport.close()
            return
        at = head.lower().find(_LENGTH)
        length = int(head[at + len(_LENGTH) :].split(b"\r\n", 1)[0]) if at >= 0 else 0
        end = head_end + len(_HEAD_END) + length
        if len(self._buffer) < end:
            return
        self._buffer = self._buffer[end:]
        self._shared.answered += 1
        self._send()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.closed.done():
            self.closed.set_result(None)


class _Shared:
    def __init__(self, prefix: bytes, body: bytes, total: int, start: int, deadline: float):
        self._prefix = prefix
        self._body = body
        self._next = start
        self._end = start + total
        self._deadline = deadline
        self.answered = 0
        self.error: str | None = None

    def next_request(self) -> bytes | None:
        if self.error or self._next >= self._end or time.monotonic() > self._deadline:
            return None
        number = self._next
        self._next += 1
        return b"%sX-Amocrm-Requestid: bench-%d\r\n\r\n%s" % (self._prefix, number, self._body)

    def fail(self, status_line: str) -> None:
        self.error = self.error or status_line


async def blast(
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    total: int,
    concurrency: int,
    time_limit: float,
    start: int = 0,
) -> Outcome:
    """POST up to ``total`` copies of ``body`` (each with its own request id) to ``url``."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    lines = [f"POST {parts.path} HTTP/1.1", f"Host: {host}:{port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    prefix = ("\r\n".join(lines) + "\r\n").encode("latin-1")
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    shared = _Shared(prefix, body, total, start, time.monotonic() + time_limit)
    connections: list[_Connection] = []
    for _ in range(concurrency):
        _, connection = await loop.create_connection(lambda: _Connection(shared), host, port)
        connections.append(connection)
    await asyncio.gather(*(connection.closed for connection in connections))
    seconds = time.perf_counter() - started
    if shared.error:
        raise RuntimeError(f"answer {shared.error}")
    return Outcome(shared.answered, seconds)
