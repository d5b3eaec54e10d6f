"""Fixtures for the Troubleshooting centre: the whole app with the real page, over a real core
and an in-process sandbox on the same qasync loop."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.platforms import Platform
from amo_desktop.core.service import ProfileSession
from amo_desktop.gui.app import DesktopApp, ExtraPages
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.troubleshooting.factory import build_troubleshooting_page
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage
from amo_desktop.sandbox import SandboxServer
from tests.gui.conftest import build_desktop, close_desktop, languages, qloop, run

__all__ = ["languages", "qloop"]  # the GUI area's fixtures, reused here


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def sandbox_server(qloop: asyncio.AbstractEventLoop, qtbot: QtBot) -> Iterator[SandboxServer]:
    """The amoCRM emulator on loopback, on the GUI's loop; its redirect port is a free one."""
    server = SandboxServer("127.0.0.1", 0)
    run(qtbot, server.start())
    server.state.demo_integration.redirect_uri = f"http://127.0.0.1:{free_port()}/callback"
    try:
        yield server
    finally:
        run(qtbot, server.stop())


@dataclass
class Centre:
    """The running app, its Troubleshooting page and the pieces tests reach into."""

    desktop: DesktopApp
    window: MainWindow
    page: TroubleshootingPage
    keyring: KeyringBackend
    sandbox: SandboxServer

    @property
    def session(self) -> ProfileSession:
        return self.desktop.core.session(self.desktop.settings.current_profile())


@pytest.fixture
def open_centre(
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    qtbot: QtBot,
    app_home: Path,
    languages: LanguageManager,
    sandbox_server: SandboxServer,
) -> Iterator[Callable[..., Centre]]:
    """``open_centre(configure=..., keyring=..., clock=...)`` → the main window on the page.

    ``configure`` (a coroutine function of the session and the sandbox) sets the profile up
    before the window opens; ``keyring`` replaces the in-memory store; ``clock`` is this
    computer's time as the checks see it.
    """
    made: list[tuple[DesktopApp, KeyringBackend]] = []

    def open_it(
        *,
        configure: Callable[[ProfileSession, SandboxServer], object] | None = None,
        keyring: KeyringBackend | None = None,
        clock: Callable[[], float] = time.time,
    ) -> Centre:
        backend = keyring if keyring is not None else MemoryKeyring()
        desktop = build_desktop(
            qapp,
            qloop,
            app_home,
            languages,
            keyring=backend,
            extra_pages=ExtraPages(
                troubleshooting=partial(build_troubleshooting_page, clock=clock)
            ),
        )
        core = desktop.core
        made.append((desktop, backend))
        if configure is not None:
            run(qtbot, configure(core.session(desktop.settings.current_profile()), sandbox_server))
        window = desktop.show_main_window()
        qtbot.waitExposed(window)
        window.show_page(MainWindow.TROUBLESHOOTING)
        page = window.findChild(TroubleshootingPage, "troubleshootingPage")
        assert page is not None
        return Centre(desktop, window, page, backend, sandbox_server)

    yield open_it
    for desktop, backend in made:
        if isinstance(backend, MemoryKeyring):
            backend.locked = False
            backend.hang = False  # never leave a worker thread blocked
        close_desktop(qtbot, desktop)


async def connect_to_sandbox(
    session: ProfileSession,
    sandbox: SandboxServer,
    *,
    redirect_uri: str | None = None,
    domain: str | None = None,
    sign_in: bool = True,
) -> None:
    """Configure the profile for the sandbox's demo integration (and sign in with a code)."""
    integration = sandbox.state.demo_integration
    await session.configure(
        domain=domain or sandbox.base_url,
        client_id=integration.client_id,
        redirect_uri=redirect_uri or integration.redirect_uri,
        client_secret=integration.client_secret,
        platform=Platform.CUSTOM,
    )
    if sign_in:
        await session.login_with_code(sandbox.state.issue_authorization_code())
