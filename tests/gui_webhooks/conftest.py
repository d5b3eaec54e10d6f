"""Fixtures for the Webhooks view: the whole app with the real Webhooks page, a capture server."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp, ExtraPages
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.webhooks.factory import build_webhooks_page
from tests.gui.conftest import build_desktop, close_desktop, languages, qloop, run

__all__ = ["languages", "qloop"]  # the GUI area's fixtures, reused here


@pytest.fixture
def webhooks_desktop(
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    qtbot: QtBot,
    app_home: Path,
    languages: LanguageManager,
) -> Iterator[DesktopApp]:
    """The whole GUI over a real core, with the real Webhooks page in the main window."""
    app = build_desktop(
        qapp, qloop, app_home, languages, extra_pages=ExtraPages(webhooks=build_webhooks_page)
    )
    try:
        yield app
    finally:
        close_desktop(qtbot, app)


@dataclass
class Captured:
    path: str
    body: bytes
    headers: dict[str, str]


@dataclass
class CaptureServer:
    """A loopback aiohttp server that keeps every request it gets and answers 200."""

    url: str = ""
    requests: list[Captured] = field(default_factory=list)


@pytest.fixture
def capture_server(qloop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Iterator[CaptureServer]:
    captured = CaptureServer()

    async def keep(request: web.Request) -> web.Response:
        body = await request.read()
        captured.requests.append(Captured(request.path, body, dict(request.headers)))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/{tail:.*}", keep)
    runner = web.AppRunner(app, access_log=None)

    async def start() -> None:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        captured.url = f"http://127.0.0.1:{port}"

    run(qtbot, start())
    try:
        yield captured
    finally:
        run(qtbot, runner.cleanup())
