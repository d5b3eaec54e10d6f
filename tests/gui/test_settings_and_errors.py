"""Settings (profiles with their keyring entries, language) and the readable crash message."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from amo_desktop.core.error_catalogue import entry_for
from amo_desktop.core.errors import ErrorCode
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.crash_handler import CrashHandler
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.wizard.page_ids import PageId
from tests.gui.conftest import run
from tests.gui.driving import (
    authorize_by_paste,
    click,
    named,
    next_page,
    open_sandbox_wizard,
    reach_authorize_page,
    type_into,
    wait_for,
)


def connected_window(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    wizard = open_sandbox_wizard(qtbot, desktop)
    reach_authorize_page(qtbot, wizard)
    authorize_by_paste(qtbot, desktop, wizard)
    next_page(qtbot, wizard, PageId.CHECK)
    next_page(qtbot, wizard, PageId.DONE)
    wizard.accept()
    window = desktop.main_window
    assert window is not None
    window.show_page(MainWindow.SETTINGS)
    return window


def test_rename_and_delete_move_and_remove_the_keyring_entries(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = connected_window(qtbot, desktop)
    credentials = desktop.core.credentials
    assert run(qtbot, credentials.get_client_secret("default")) is not None

    type_into(qtbot, window, "profileNameInput", "shop")
    click(qtbot, window, "renameProfileButton")
    wait_for(qtbot, window, lambda: desktop.settings.current_profile() == "shop")
    assert [p.name for p in desktop.core.config.list()] == ["shop"]
    assert run(qtbot, credentials.get_client_secret("default")) is None
    assert run(qtbot, credentials.get_client_secret("shop")) is not None
    assert run(qtbot, credentials.get_tokens("shop")) is not None
    assert window.windowTitle().endswith("shop")

    click(qtbot, window, "deleteProfileButton")
    confirm = named(window, QMessageBox, "deleteProfileConfirm")
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_for(qtbot, window, lambda: not desktop.core.config.list())
    wait_for(qtbot, window, lambda: not desktop.settings.is_busy("delete"))
    assert run(qtbot, credentials.get_client_secret("shop")) is None
    assert run(qtbot, credentials.get_tokens("shop")) is None


def test_language_switch_is_live_and_saved(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = connected_window(qtbot, desktop)
    picker = named(window, QComboBox, "settingsLanguagePicker")
    picker.setCurrentIndex(picker.findData("uk"))
    QApplication.processEvents()
    assert desktop.core.config.language == "uk"
    assert window.sidebar.item(MainWindow.SETTINGS).text() == "Налаштування"
    picker.setCurrentIndex(picker.findData("en"))
    QApplication.processEvents()
    assert window.sidebar.item(MainWindow.SETTINGS).text() == "Settings"
    assert desktop.core.config.language == "en"


def test_an_unexpected_exception_becomes_a_readable_message(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = connected_window(qtbot, desktop)
    handler = CrashHandler(lambda: window)
    handler.show(RuntimeError("internal detail with a traceback"))
    box = named(window, QMessageBox, "crashMessage")
    assert box.isVisible()
    text = f"{box.windowTitle()} {box.text()} {box.informativeText()}"
    assert "Traceback" not in text and "internal detail" not in text
    assert box.text() == entry_for(ErrorCode.UNEXPECTED).localized("en").message
    box.close()
