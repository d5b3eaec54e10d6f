"""The loopback listener over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

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


async def test_another_error_from_amo_is_shown_in_its_own_words(port: int) -> None:
    listener = listener_for(port, "uk")
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    query = f"error=server_error&error_description=temporarily_unavailable&state={STATE}"
    answer = await get(f"http://127.0.0.1:{port}/callback?{query}")
    assert answer.status_code == 400
    with pytest.raises(AmoError) as caught:
        await waiting
    assert caught.value.code is ErrorCode.AUTHORIZATION_ERROR
    message = caught.value.localized("uk").message
    assert "«server_error»" in message and "temporarily_unavailable" in message
    assert "HTTP" not in message


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


async def test_a_request_for_another_host_name_is_refused_even_with_the_state(port: int) -> None:
    # DNS rebinding: a web page whose own name now resolves to 127.0.0.1 talks to the
    # listener with its Host header. Only the loopback names of the redirect URI are served.
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    async with httpx.AsyncClient(trust_env=False) as client:
        for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "[::1"):
            answer = await client.get(
                f"http://127.0.0.1:{port}/callback?code=rebound&state={STATE}",
                headers={"Host": host},
            )
            assert answer.status_code == 421, host
            assert "rebound" not in answer.text
    assert not waiting.done()
    assert listener.forged_requests == 0
    await get(f"http://localhost:{port}/callback?code=real-code&state={STATE}")
    assert (await waiting).code == "real-code"


@pytest.mark.parametrize("method", ["HEAD", "POST", "PUT", "OPTIONS"])
async def test_only_get_ends_the_flow(port: int, method: str) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    async with httpx.AsyncClient(trust_env=False) as client:
        answer = await client.request(
            method, f"http://127.0.0.1:{port}/callback?code=early&state={STATE}"
        )
    assert answer.status_code == 405
    assert not waiting.done()
    await get(f"http://127.0.0.1:{port}/callback?code=real-code&state={STATE}")
    assert (await waiting).code == "real-code"


async def test_a_huge_query_is_refused_and_the_listener_keeps_serving(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    huge = await get(f"http://127.0.0.1:{port}/callback?code={'x' * 60_000}&state={STATE}")
    assert huge.status_code >= 400
    assert not waiting.done()
    await get(f"http://127.0.0.1:{port}/callback?code=real-code&state={STATE}")
    assert (await waiting).code == "real-code"


async def test_two_redirects_at_once_end_the_flow_once(port: int) -> None:
    listener = listener_for(port)
    await listener.start()
    waiting = asyncio.create_task(listener.wait(timeout=10))
    first, second = await asyncio.gather(
        get(f"http://127.0.0.1:{port}/callback?code=first&state={STATE}"),
        get(f"http://127.0.0.1:{port}/callback?code=second&state={STATE}"),
        return_exceptions=True,
    )
    answered = [r for r in (first, second) if isinstance(r, httpx.Response)]
    assert answered and all(r.status_code == 200 for r in answered)
    assert (await waiting).code in {"first", "second"}
    assert port_is_free("127.0.0.1", port)


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


def test_a_descriptor_that_vanishes_while_looking_does_not_hide_the_port_owner(
    tmp_path: Path,
) -> None:
    from amo_desktop.core.ports import _holds_any

    descriptors = tmp_path / "4242" / "fd"
    descriptors.mkdir(parents=True)
    for number in range(20):  # gone by the time they are read: readlink fails on them
        (descriptors / str(number)).write_text("", encoding="utf-8")
    (descriptors / "99").symlink_to("socket:[123456]")
    assert _holds_any(tmp_path / "4242", {"socket:[123456]"})
    assert not _holds_any(tmp_path / "4242", {"socket:[654321]"})
    assert not _holds_any(tmp_path / "missing", {"socket:[123456]"})
