"""Account host, clock and API checks, each made to fail for its real cause."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator, Callable
from email.utils import formatdate

import pytest
from aiohttp import web

from amo_desktop.core.diagnostics import Outcome
from amo_desktop.core.error_catalogue import localize
from amo_desktop.core.errors import ErrorCode
from tests.diagnostics.conftest import Doctor


def dead_port() -> int:
    """A loopback port nobody listens on (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_nothing_listening_at_the_account_address_is_connection_refused(doctor: Doctor):
    await doctor.configure(base_url=f"http://127.0.0.1:{dead_port()}")

    results = await doctor.run()

    host = results["account_host"]
    assert host.outcome is Outcome.FAILED
    assert host.error is not None and host.error.code is ErrorCode.CONNECTION_REFUSED
    assert host.fix == localize(ErrorCode.CONNECTION_REFUSED).hint
    # The checks that need the account say why they did not run; nothing else blames itself.
    assert results["clock"].outcome is Outcome.SKIPPED
    assert results["api"].outcome is Outcome.FAILED
    assert results["api"].error is not None
    assert results["api"].error.code is ErrorCode.CONNECTION_REFUSED


@pytest.fixture
async def skewed_server() -> AsyncIterator[Callable[[float], str]]:
    """A tiny HTTP server whose Date header runs ``offset`` seconds off real time."""
    runners: list[web.AppRunner] = []

    async def start(offset: float) -> str:
        async def handle(request: web.Request) -> web.Response:
            response = web.Response(text="ok")
            response.headers["Date"] = formatdate(time.time() + offset, usegmt=True)
            return response

        app = web.Application()
        app.router.add_get("/{tail:.*}", handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}"

    yield start  # type: ignore[misc]
    for runner in runners:
        await runner.cleanup()


@pytest.mark.parametrize(
    ("server_offset", "outcome"),
    [(-120.0, Outcome.WARNING), (600.0, Outcome.FAILED), (5.0, Outcome.PASSED)],
)
async def test_clock_skew_against_the_server_date(
    doctor: Doctor, skewed_server, server_offset: float, outcome: Outcome
):
    await doctor.configure(base_url=await skewed_server(server_offset))

    clock = (await doctor.run())["clock"]

    assert clock.outcome is outcome, clock
    if outcome is not Outcome.PASSED:
        assert "automatic date and time" in clock.fix
        assert ("ahead" if server_offset < 0 else "behind") in clock.detail


async def test_a_revoked_token_makes_the_api_check_fail_with_reconnect_advice(doctor: Doctor):
    doctor.sandbox.state.revoke_tokens()

    api = (await doctor.run())["api"]

    assert api.outcome is Outcome.FAILED
    assert api.error is not None and api.error.code is ErrorCode.UNAUTHORIZED
    assert api.fix == localize(ErrorCode.UNAUTHORIZED).hint
