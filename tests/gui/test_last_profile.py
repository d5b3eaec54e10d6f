"""Deleting the only profile starts the setup again instead of leaving a dead dashboard."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from tests.gui.driving import (
    choose_sandbox,
    click,
    connected_window,
    finish_by_paste,
    named,
    type_into,
    visible_child,
    wait_for,
    wait_label,
)


def test_deleting_the_only_profile_opens_the_setup_for_a_new_one(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = connected_window(qtbot, desktop)
    window.show_page(MainWindow.SETTINGS)
    type_into(qtbot, window, "profileNameInput", "bad/name")
    click(qtbot, window, "renameProfileButton")
    error = named(window, ErrorPanel, "settingsError")
    wait_for(qtbot, window, error.isVisible)
    click(qtbot, window, "deleteProfileButton")
    confirm = visible_child(qtbot, window, QMessageBox, "deleteProfileConfirm")
    with qtbot.waitSignal(desktop.settings.newProfileAccepted, timeout=20_000) as asked:
        confirm.button(QMessageBox.StandardButton.Yes).click()
    assert asked.args == ["default"]
    assert not error.isVisible()  # the rename failure was not about the deletion
    assert desktop.core.config.list() == []
    wizard = desktop.wizard
    assert isinstance(wizard, SetupWizard)

    # The sandbox path sets the profile up again and the dashboard works with it.
    choose_sandbox(qtbot, wizard)
    finish_by_paste(qtbot, desktop, wizard)
    assert [p.name for p in desktop.core.config.list()] == ["default"]
    # The Connection page tests the set-up-again profile by itself as it comes back.
    window.show_page(MainWindow.CONNECTION)
    wait_label(qtbot, window, "testConnectionResult", "✓")
