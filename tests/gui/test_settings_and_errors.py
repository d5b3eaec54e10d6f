"""Settings (profiles with their keyring entries, language) and the readable crash message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from amo_desktop.core.error_catalogue import entry_for
from amo_desktop.core.errors import ErrorCode
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.crash_handler import CrashHandler
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.main_window.settings_page import SettingsPage
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from tests.gui.conftest import run
from tests.gui.driving import (
    choose_sandbox,
    click,
    connected_window,
    finish_by_paste,
    named,
    type_into,
    visible_child,
    wait_for,
)


def settings_window(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    window = connected_window(qtbot, desktop)
    window.show_page(MainWindow.SETTINGS)
    return window


def test_rename_and_delete_move_and_remove_the_keyring_entries(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = settings_window(qtbot, desktop)
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


def test_add_runs_the_wizard_then_switch_and_delete_another_profile(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = settings_window(qtbot, desktop)
    credentials = desktop.core.credentials
    profiles = named(window, QListWidget, "profileList")

    type_into(qtbot, window, "profileNameInput", "bad/name")
    click(qtbot, window, "addProfileButton")
    assert named(window, QLabel, "settingsErrorTitle").text()
    assert desktop.wizard is None

    type_into(qtbot, window, "profileNameInput", "second")
    click(qtbot, window, "addProfileButton")
    wizard = desktop.wizard
    assert isinstance(wizard, SetupWizard)
    choose_sandbox(qtbot, wizard)
    finish_by_paste(qtbot, desktop, wizard)
    wait_for(qtbot, window, lambda: desktop.settings.current_profile() == "second")
    assert [p.name for p in desktop.core.config.list()] == ["default", "second"]
    assert desktop.connection.profile_name == "second"
    assert window.windowTitle().endswith("second")
    assert run(qtbot, credentials.get_tokens("second")) is not None

    window.show_page(MainWindow.SETTINGS)
    wait_for(qtbot, window, lambda: profiles.count() == 2)
    profiles.setCurrentItem(profiles.findItems("default", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, window, "switchProfileButton")
    wait_for(qtbot, window, lambda: desktop.settings.current_profile() == "default")
    assert desktop.core.config.current == "default"
    assert desktop.connection.profile_name == "default"
    assert named(window, QLabel, "currentProfileLabel").text() == "default"
    assert window.windowTitle().endswith("default")

    profiles.setCurrentItem(profiles.findItems("second", Qt.MatchFlag.MatchExactly)[0])
    click(qtbot, window, "deleteProfileButton")
    confirm = visible_child(qtbot, window, QMessageBox, "deleteProfileConfirm")
    confirm.button(QMessageBox.StandardButton.Cancel).click()
    assert len(desktop.core.config.list()) == 2
    click(qtbot, window, "deleteProfileButton")
    confirm = visible_child(qtbot, window, QMessageBox, "deleteProfileConfirm")
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_for(qtbot, window, lambda: profiles.count() == 1)
    assert [p.name for p in desktop.core.config.list()] == ["default"]
    assert desktop.settings.current_profile() == "default"
    assert run(qtbot, credentials.get_tokens("second")) is None
    assert run(qtbot, credentials.get_client_secret("second")) is None
    assert run(qtbot, credentials.get_client_secret("default")) is not None


def test_the_keyring_in_use_is_named(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = settings_window(qtbot, desktop)
    label = named(window, QLabel, "keyringBackendLabel")
    wait_for(qtbot, window, lambda: bool(label.text()))
    assert label.text() == desktop.core.credentials.backend_name


def test_a_storage_not_found_yet_reads_not_identified_in_both_languages(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = settings_window(qtbot, desktop)
    page = window.findChild(SettingsPage)
    assert page is not None
    label = named(window, QLabel, "keyringBackendLabel")
    page.show_keyring_backend("")  # what a store reports before any call has found it
    assert label.text() == "not identified"
    picker = named(window, QComboBox, "settingsLanguagePicker")
    picker.setCurrentIndex(picker.findData("uk"))
    QApplication.processEvents()
    try:
        assert label.text() == "не визначено"
    finally:
        picker.setCurrentIndex(picker.findData("en"))
        QApplication.processEvents()


def test_language_switch_is_live_and_saved(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = settings_window(qtbot, desktop)
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
    window = settings_window(qtbot, desktop)
    handler = CrashHandler(lambda: window)
    handler.show(RuntimeError("internal detail with a traceback"))
    box = named(window, QMessageBox, "crashMessage")
    assert box.isVisible()
    text = f"{box.windowTitle()} {box.text()} {box.informativeText()}"
    assert "Traceback" not in text and "internal detail" not in text
    assert box.text() == entry_for(ErrorCode.UNEXPECTED).localized("en").message
    box.close()


def test_a_backend_address_with_a_login_or_key_is_explained_and_not_saved(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = settings_window(qtbot, desktop)
    type_into(qtbot, window, "settingsBackendUrlInput", "http://pbuser:pbpass6664@127.0.0.1:3920")
    click(qtbot, window, "saveBackendUrlButton")
    title = named(window, QLabel, "settingsErrorTitle")
    wait_for(qtbot, window, lambda: bool(title.text()))
    assert title.text() == entry_for(ErrorCode.BACKEND_URL_NOT_PLAIN).texts["en"].title
    assert desktop.core.config.load(desktop.settings.current_profile()).backend_url is None
    assert b"pbpass6664" not in (desktop.core.home / "config.json").read_bytes()
