"""The listener panel's texts as a user sees them: not cut off, never stale."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.language import LanguageManager
from tests.gui.driving import WAIT_MS, named
from tests.gui_webhooks.test_webhooks_view import connected_webhooks_page


def test_the_port_box_shows_any_free_whole_in_ukrainian(
    qtbot: QtBot, webhooks_desktop: DesktopApp, languages: LanguageManager
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    port = named(page, QSpinBox, "webhookPort")
    languages.set_language("uk")
    qtbot.waitUntil(lambda: port.specialValueText() == "будь-який вільний", timeout=WAIT_MS)
    window = page.window()
    window.resize(window.sizeHint())  # the window as it first opens, squeezed to its minimum
    text_width = port.fontMetrics().horizontalAdvance(port.specialValueText())
    qtbot.waitUntil(lambda: port.lineEdit().width() >= text_width, timeout=WAIT_MS)
