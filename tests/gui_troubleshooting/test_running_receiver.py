"""The troubleshooting checks look at the receiver the Webhooks page runs, on its real port."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from amo_desktop.core.config import WebhookSettings
from amo_desktop.core.diagnostics import Outcome
from amo_desktop.gui.app import default_extra_pages
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage
from amo_desktop.gui.webhooks.page import WebhooksPage
from amo_desktop.sandbox import SandboxServer
from tests.gui.conftest import build_desktop, close_desktop, run
from tests.gui.driving import WAIT_MS, click
from tests.gui_troubleshooting.conftest import Centre, connect_to_sandbox
from tests.gui_troubleshooting.driving import run_all_checks


def test_the_listener_check_finds_the_receiver_started_on_a_free_port(
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    qtbot: QtBot,
    app_home: Path,
    languages: LanguageManager,
    sandbox_server: SandboxServer,
) -> None:
    desktop = build_desktop(qapp, qloop, app_home, languages, extra_pages=default_extra_pages())
    try:
        session = desktop.core.session(desktop.settings.current_profile())
        run(qtbot, connect_to_sandbox(session, sandbox_server))
        window = desktop.show_main_window()
        qtbot.waitExposed(window)
        window.show_page(MainWindow.WEBHOOKS)
        webhooks = window.findChild(WebhooksPage, "webhooksPage")
        assert webhooks is not None
        click(qtbot, webhooks, "webhookStartStop")  # the port box says "any free"
        qtbot.waitUntil(lambda: webhooks.listener.is_listening, timeout=WAIT_MS)
        port = webhooks.listener.port.value()
        saved_port = WebhookSettings().port  # what the profile promises
        assert port not in (0, saved_port)

        window.show_page(MainWindow.TROUBLESHOOTING)
        page = window.findChild(TroubleshootingPage, "troubleshootingPage")
        assert page is not None
        centre = Centre(desktop, window, page, desktop.core.credentials, sandbox_server)  # type: ignore[arg-type]
        results = {result.id: result for result in run_all_checks(qtbot, centre)}

        listener = results["webhook_listener"]
        assert listener.outcome is Outcome.PASSED, listener
        assert f":{port}/" in listener.detail
        assert str(saved_port) not in listener.detail
    finally:
        close_desktop(qtbot, desktop)
