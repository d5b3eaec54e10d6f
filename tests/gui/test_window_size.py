"""The main window fits a 1024×768 screen: wide pages scroll instead of widening it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp, ExtraPages, troubleshooting_page, webhooks_page
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage
from amo_desktop.gui.webhooks.page import WebhooksPage
from tests.gui.conftest import build_desktop, close_desktop
from tests.gui.driving import connected_window, named


@pytest.fixture
def full_desktop(
    qloop: asyncio.AbstractEventLoop,
    qapp: QApplication,
    qtbot: QtBot,
    app_home: Path,
    languages: LanguageManager,
) -> Iterator[DesktopApp]:
    """The app as it starts for real: the Webhooks and Troubleshooting pages included."""
    app = build_desktop(
        qapp,
        qloop,
        app_home,
        languages,
        extra_pages=ExtraPages(webhooks_page, troubleshooting_page),
    )
    try:
        yield app
    finally:
        close_desktop(qtbot, app)


def test_the_main_window_fits_a_1024_by_768_screen(qtbot: QtBot, full_desktop: DesktopApp) -> None:
    window = connected_window(qtbot, full_desktop)
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
