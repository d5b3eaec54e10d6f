"""The main window fits a 1024×768 screen: wide pages scroll instead of widening it."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp, ExtraPages, troubleshooting_page, webhooks_page
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage
from amo_desktop.gui.webhooks.page import WebhooksPage
from tests.gui.conftest import run
from tests.gui.driving import WAIT_MS, click, connected_window, named


@pytest.fixture
def desktop_extra_pages() -> ExtraPages:
    """The app as it starts for real: the Webhooks and Troubleshooting pages included."""
    return ExtraPages(webhooks_page, troubleshooting_page)


def test_the_main_window_fits_a_1024_by_768_screen(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = connected_window(qtbot, desktop)
    assert isinstance(window.webhooks_page, WebhooksPage)
    assert isinstance(window.troubleshooting_page, TroubleshootingPage)
    # The webhooks page alone is wider than that; its scroll area takes up the difference.
    assert window.webhooks_page.minimumSizeHint().width() > 700

    for page in range(4):
        window.show_page(page)
        minimum = window.minimumSizeHint()
        assert minimum.width() <= 900, (page, minimum)
        assert minimum.height() <= 700, (page, minimum)

    window.show_page(MainWindow.WEBHOOKS)
    scroll = named(window, QScrollArea, "webhooksPageScroll")
    assert scroll.widget() is window.webhooks_page and scroll.widgetResizable()
    window.resize(880, 640)
    qtbot.waitUntil(lambda: scroll.viewport().width() < 700)
    assert scroll.horizontalScrollBar().maximum() > 0


async def post_lead_event(url: str) -> int:
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            url,
            content=b"account%5Bid%5D=1&leads%5Badd%5D%5B0%5D%5Bid%5D=7",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    return answer.status_code


def test_the_running_webhook_listener_fits_1024_by_768_in_ukrainian(
    qtbot: QtBot, desktop: DesktopApp, languages: LanguageManager
) -> None:
    window = connected_window(qtbot, desktop)
    window.show_page(MainWindow.WEBHOOKS)
    page = window.webhooks_page
    assert isinstance(page, WebhooksPage)
    languages.set_language("uk")
    try:
        start_stop = named(page, QPushButton, "webhookStartStop")
        qtbot.waitUntil(lambda: start_stop.text() == "Почати прослуховування", timeout=WAIT_MS)
        click(qtbot, page, "webhookStartStop")
        qtbot.waitUntil(lambda: page.listener.is_listening, timeout=WAIT_MS)
        # An event selected: its details take height, so the page scrolls down as well.
        assert run(qtbot, post_lead_event(page.listener.full_url)) == 200
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=WAIT_MS)
        named(page, QTableView, "webhookEventsTable").selectRow(0)
        window.resize(1024, 768)
        scroll = named(window, QScrollArea, "webhooksPageScroll")
        qtbot.waitUntil(lambda: window.width() == 1024, timeout=WAIT_MS)
        QApplication.processEvents()  # the layouts settle after the resize

        assert scroll.horizontalScrollBar().maximum() == 0
        viewport = scroll.viewport()
        for name in ("webhookStartStop", "webhookLocalUrlCopy", "webhookSecretNew"):
            button = named(page, QPushButton, name)
            right = button.mapTo(viewport, button.rect().topRight()).x()
            assert 0 <= right < viewport.width(), (name, right, viewport.width())
            assert button.width() >= button.sizeHint().width(), name  # its text is whole
    finally:
        languages.set_language("en")
