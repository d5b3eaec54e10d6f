"""Starting a sandbox that already runs (or is starting) keeps the one listener it has."""

from __future__ import annotations

import asyncio

from amo_desktop.core.ports import port_is_free
from amo_desktop.sandbox.server import SandboxServer


async def test_a_second_start_keeps_the_running_listener() -> None:
    server = SandboxServer()
    await server.start()
    port = server.port
    try:
        await server.start()
        assert server.port == port
    finally:
        await server.stop()
    assert port_is_free("127.0.0.1", port)


async def test_two_starts_at_once_bind_one_port() -> None:
    server = SandboxServer()

    async def start_and_tell_port() -> int:
        await server.start()
        return server.port

    try:
        ports = await asyncio.gather(start_and_tell_port(), start_and_tell_port())
    finally:
        await server.stop()
    assert ports[0] == ports[1]
    assert port_is_free("127.0.0.1", ports[0])


async def test_a_stopped_sandbox_starts_again() -> None:
    server = SandboxServer()
    await server.start()
    await server.stop()
    await server.start()
    try:
        assert not port_is_free("127.0.0.1", server.port)
    finally:
        await server.stop()
