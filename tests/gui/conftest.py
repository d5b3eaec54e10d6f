"""GUI test fixtures: one qasync loop over pytest-qt's QApplication per test, the app.

pytest-qt spins the Qt event loop inside ``qtbot.waitSignal``/``waitUntil``; with a qasync
loop marked as running, that same spinning runs the asyncio tasks, so the tests drive the
real app (controllers, core, in-process sandbox, loopback listeners) without threads.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
import shiboken6
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amo_desktop.core.browser import Browser, SystemBrowser
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.redact import Redactor
from amo_desktop.core.service import AppCore
from amo_desktop.gui.app import DesktopApp, ExtraPages
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.resources import TRANSLATIONS_DIR

T = TypeVar("T")


@pytest.fixture
def qloop(qapp: QApplication, qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    # already_running: pytest-qt owns the Qt loop; qasync only has to look running.
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="gui-test")
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            qtbot.waitUntil(lambda: all(task.done() for task in pending), timeout=10_000)
        executor.shutdown(wait=False, cancel_futures=True)
        # Never loop.stop(): it calls QApplication.exit(), after which every nested Qt event
        # loop (and so every later qtbot wait) returns at once.
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)


def run(qtbot: QtBot, coroutine: Coroutine[Any, Any, T], timeout: int = 20_000) -> T:
    """Run a coroutine on the qasync loop while Qt spins; return its result."""
    task = asyncio.get_event_loop().create_task(coroutine)
    qtbot.waitUntil(task.done, timeout=timeout)
    return task.result()


@pytest.fixture
def languages(qapp: QApplication) -> Iterator[LanguageManager]:
    manager = LanguageManager(qapp, TRANSLATIONS_DIR)
    manager.set_language("en")
    yield manager
    manager.set_language("en")


@pytest.fixture
def desktop_browser() -> Browser:
    """The browser the app opens links with; a test module may override this fixture."""
    return SystemBrowser()


@pytest.fixture
def desktop_extra_pages() -> ExtraPages | None:
    """The pages added to the main window (none); a test module or test may override it."""
    return None


@pytest.fixture
def desktop(
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    qtbot: QtBot,
    app_home: Path,
    languages: LanguageManager,
    desktop_browser: Browser,
    desktop_extra_pages: ExtraPages | None,
) -> Iterator[DesktopApp]:
    """The whole GUI over a real core (in-memory keyring), by default with the system browser."""
    app = build_desktop(
        qapp, qloop, app_home, languages, browser=desktop_browser, extra_pages=desktop_extra_pages
    )
    try:
        yield app
    finally:
        close_desktop(qtbot, app)


def build_desktop(
    qapp: QApplication,
    qloop: asyncio.AbstractEventLoop,
    home: Path,
    languages: LanguageManager,
    *,
    browser: Browser | None = None,
    keyring: KeyringBackend | None = None,
    extra_pages: ExtraPages | None = None,
) -> DesktopApp:
    """The whole GUI over a real core; an in-memory keyring unless ``keyring`` is given."""
    browser = browser if browser is not None else SystemBrowser()
    core = AppCore(
        home=home,
        credentials=CredentialStore(
            keyring if keyring is not None else MemoryKeyring(), timeout=5.0
        ),
        logbook=Logbook.under(home, redactor=Redactor()),
        browser=browser,
        http_timeout=10.0,
    )
    return DesktopApp(
        app=qapp,
        loop=qloop,
        core=core,
        browser=browser,
        languages=languages,
        extra_pages=extra_pages,
    )


def close_desktop(qtbot: QtBot, app: DesktopApp) -> None:
    """Close the app's windows and shut its core down, as quitting does."""
    for window in (app.wizard, app.main_window):
        if window is not None and shiboken6.isValid(window):
            window.close()
    run(qtbot, app.aclose())
