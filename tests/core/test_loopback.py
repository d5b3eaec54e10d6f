"""The loopback listener over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.loopback import CallbackAddress, CallbackPages, LoopbackCallbackListener
from amo_desktop.core.ports import port_is_free, who_listens

STATE = "expected-state-value"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def port() -> int:
    return free_port()


def listener_for(port: int, language: str = "en") -> LoopbackCallbackListener:
    return LoopbackCallbackListener(
        f"http://127.0.0.1:{port}/callback", STATE, CallbackPages.load(language)
    )


async def get(url: str) -> httpx.Response:
    async with httpx.AsyncClient(trust_env=False) as client:
        return await client.get(url)


async def test_code_with_the_right_state_resolves_and_closes_the_port(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    answer = await get(
        f"http://127.0.0.1:{port}/callback?code=def502abcdef&state={STATE}"
        "&referer=demo.amocrm.ru&platform=1"
    )
    assert answer.status_code == 200
    assert 'id="success"' in answer.text
    received = await waiting
    assert (received.code, received.referer, received.platform) == (
        "def502abcdef",
        "demo.amocrm.ru",
        "1",
    )
    assert port_is_free("127.0.0.1", port)


async def test_denial_fails_with_access_denied(port: int) -> None:
    listener = listener_for(port, "uk")
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    answer = await get(f"http://127.0.0.1:{port}/callback?error=access_denied&state={STATE}")
    assert 'id="denied"' in answer.text
    assert 'lang="uk"' in answer.text
    with pytest.raises(AmoError) as caught:
        await waiting
    assert caught.value.code is ErrorCode.ACCESS_DENIED


async def test_forged_state_is_refused_and_the_real_redirect_still_wins(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    forged = await get(f"http://127.0.0.1:{port}/callback?code=attacker-code&state=wrong")
    missing = await get(f"http://127.0.0.1:{port}/callback?code=attacker-code")
    denied_forged = await get(f"http://127.0.0.1:{port}/callback?error=access_denied")
    for answer in (forged, missing, denied_forged):
        assert answer.status_code == 400
        assert 'id="state-mismatch"' in answer.text
    assert not waiting.done()
    assert listener.forged_requests == 3
    await get(f"http://127.0.0.1:{port}/callback?code=real-code&state={STATE}")
    assert (await waiting).code == "real-code"


async def test_stray_paths_are_404_and_ignored(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    assert (await get(f"http://127.0.0.1:{port}/favicon.ico")).status_code == 404
    stray = await get(f"http://127.0.0.1:{port}/other?code=x&state={STATE}")
    assert stray.status_code == 404
    assert not waiting.done()
    await get(f"http://127.0.0.1:{port}/callback?code=real-code&state={STATE}")
    assert (await waiting).code == "real-code"


async def test_time_out(port: int) -> None:
    listener = listener_for(port)
    with pytest.raises(AmoError) as caught:
        await listener.wait(timeout=0.2)
    assert caught.value.code is ErrorCode.AUTH_TIMEOUT
    assert port_is_free("127.0.0.1", port)


async def test_time_out_after_a_forged_request_reports_state_mismatch(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=1.0))
    await get(f"http://127.0.0.1:{port}/callback?code=x&state=forged")
    with pytest.raises(AmoError) as caught:
        await waiting
    assert caught.value.code is ErrorCode.STATE_MISMATCH


async def test_cancel(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    listener.cancel()
    with pytest.raises(AmoError) as caught:
        await waiting
    assert caught.value.code is ErrorCode.AUTH_CANCELLED
    assert port_is_free("127.0.0.1", port)


async def test_port_in_use_names_the_port(port: int) -> None:
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", port))
        blocker.listen()
        assert not port_is_free("127.0.0.1", port)
        owner = who_listens(port)
        assert owner is not None and owner.pid > 0
        listener = listener_for(port)
        with pytest.raises(AmoError) as caught:
            listener.bind()
    assert caught.value.code is ErrorCode.PORT_IN_USE
    assert caught.value.details == {"port": str(port)}
    assert str(port) in caught.value.localized("en").message


async def test_localhost_listens_on_ipv4_and_never_on_all_interfaces(port: int) -> None:
    listener = LoopbackCallbackListener(
        f"http://localhost:{port}/cb", STATE, CallbackPages.load("en")
    )
    await listener.start()
    try:
        assert not port_is_free("127.0.0.1", port)
        hosts = {host for host, _ in listener.bound_addresses}
        assert "127.0.0.1" in hosts
        assert hosts <= {"127.0.0.1", "::1"}
    finally:
        await listener.close()


@pytest.mark.parametrize(
    "uri",
    [
        "https://127.0.0.1:8000/cb",
        "http://example.com/cb",
        "http://0.0.0.0:8000/cb",
        "http://10.0.0.1/",
    ],
)
def test_only_plain_http_loopback_redirects_are_served(uri: str) -> None:
    with pytest.raises(AmoError) as caught:
        CallbackAddress.from_redirect_uri(uri)
    assert caught.value.code is ErrorCode.REDIRECT_NOT_LOOPBACK


def test_pages_exist_in_both_languages() -> None:
    english, ukrainian = CallbackPages.load("en"), CallbackPages.load("uk_UA.UTF-8")
    assert "Authorization received" in english.success
    assert "Дозвіл отримано" in ukrainian.success
    assert english.state_mismatch != ukrainian.state_mismatch
