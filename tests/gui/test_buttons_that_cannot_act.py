"""Buttons that would do nothing are off, and their tooltip says what they wait for."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from amo_desktop.gui.main_window.settings_page import SettingsPage
from amo_desktop.gui.wizard.authorize_page import AuthorizePage
from tests.gui.driving import click, named, type_into


def test_use_this_code_waits_for_a_pasted_code(qtbot: QtBot) -> None:
    page = AuthorizePage()
    qtbot.addWidget(page)
    page.show()
    page.settings_saved(None)
    button = named(page, QPushButton, "codeSubmitButton")
    token_button = named(page, QPushButton, "longLivedTokenSubmitButton")

    assert not button.isEnabled()
    assert button.toolTip() == "Paste the code or the address first."
    assert not token_button.isEnabled()
    assert token_button.toolTip() == "Paste the token first."

    type_into(qtbot, page, "codeInput", "   ")
    assert not button.isEnabled()

    type_into(qtbot, page, "codeInput", "abc123")
    assert button.toolTip() == ""
    with qtbot.waitSignal(page.codeSubmitted) as submitted:
        click(qtbot, page, "codeSubmitButton")
    assert submitted.args == ["abc123"]


def test_busy_page_keeps_a_filled_code_button_off(qtbot: QtBot) -> None:
    page = AuthorizePage()
    qtbot.addWidget(page)
    page.settings_saved(None)
    type_into(qtbot, page, "codeInput", "abc123")
    page.set_waiting("code")
    assert not page.code_button.isEnabled()
    page.stop_waiting()
    assert page.code_button.isEnabled()


def test_switch_rename_delete_wait_for_a_selection_and_a_name(qtbot: QtBot) -> None:
    page = SettingsPage("en")
    qtbot.addWidget(page)
    page.show()
    switch = named(page, QPushButton, "switchProfileButton")
    rename = named(page, QPushButton, "renameProfileButton")
    delete = named(page, QPushButton, "deleteProfileButton")

    for button in (switch, rename, delete):
        assert not button.isEnabled()
        assert button.toolTip() == "Select a profile in the list first."

    page.show_profiles(["default", "shop"], "default")
    assert switch.isEnabled() and delete.isEnabled()
    assert not rename.isEnabled()
    assert rename.toolTip() == "Type the new name below first."

    type_into(qtbot, page, "profileNameInput", "store")
    assert rename.isEnabled() and rename.toolTip() == ""
    with qtbot.waitSignal(page.renameProfileRequested) as renamed:
        click(qtbot, page, "renameProfileButton")
    assert renamed.args == ["default", "store"]

    page.profile_list.setCurrentRow(-1)
    assert not switch.isEnabled() and not rename.isEnabled() and not delete.isEnabled()
