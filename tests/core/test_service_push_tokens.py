"""Handing the tokens to the backend: only a live pair, only to the backend's API, and an
answer that never came is not taken for a refusal or a success."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.service import AppCore, ProfileSession
from tests.core.service_helpers import Serve, make_core
from tests.support.routing_transport import SandboxRoutingTransport


@pytest.fixture
async def core(
    app_home: Path, credential_store: CredentialStore, sandbox_transport: SandboxRoutingTransport
) -> AsyncIterator[AppCore]:
    # A backend that never answers is given up on quickly.
    core = make_core(app_home, credential_store, sandbox_transport, http_timeout=1.0)
    yield core
    await core.aclose()


def owner(session: ProfileSession) -> str:
    profile = session.profile()
    assert profile is not None
    return profile.token_owner


async def test_a_second_push_is_refused_instead_of_sending_a_pair_the_backend_spent(
    logged_in: ProfileSession, local_server: Serve
) -> None:
    received: list[object] = []

    async def store(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.json_response({"ok": True})

    url = await local_server(store)
    await logged_in.push_tokens(url)
    with pytest.raises(AmoError) as caught:
        await logged_in.push_tokens(url)
    assert caught.value.code is ErrorCode.TOKENS_ALREADY_HANDED_OVER
    assert len(received) == 1  # nothing went out the second time


async def test_a_web_page_answering_200_does_not_take_the_tokens(
    logged_in: ProfileSession, local_server: Serve
) -> None:
    async def website(_request: web.Request) -> web.Response:
        return web.Response(text="<html>login</html>", content_type="text/html")

    with pytest.raises(AmoError) as caught:
        await logged_in.push_tokens(await local_server(website))
    assert caught.value.code is ErrorCode.BACKEND_NOT_API
    assert owner(logged_in) == "desktop"  # this app goes on refreshing


async def test_a_backend_that_never_answers_is_not_called_unreachable(
    logged_in: ProfileSession, local_server: Serve
) -> None:
    arrived = asyncio.Event()

    async def silent(request: web.Request) -> web.Response:
        await request.read()
        arrived.set()
        await asyncio.Event().wait()  # never answers
        raise AssertionError("unreachable")

    with pytest.raises(AmoError) as caught:
        await logged_in.push_tokens(await local_server(silent))
    assert arrived.is_set()  # the tokens did reach it
    assert caught.value.code is ErrorCode.BACKEND_NO_ANSWER
    assert "not known whether it kept the tokens" in caught.value.localized("en").message
    assert owner(logged_in) == "desktop"
