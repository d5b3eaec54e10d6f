"""A profile switch leaves nothing of the previous account on the Connection page."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from amo_desktop.core.platforms import Platform
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from tests.gui.conftest import run
from tests.gui.driving import click, connected_window, label_text, named, wait_for, wait_label

OTHER = "other"


def dashboard(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    """The sandbox profile, connected, its pipelines loaded; a second profile configured
    for some other account but never authorized."""
    window = connected_window(qtbot, desktop)
    wait_label(qtbot, window, "testConnectionResult", "✓")
    wait_for(qtbot, window, lambda: named(window, QComboBox, "pipelinePicker").count() > 0)
    run(
        qtbot,
        desktop.core.session(OTHER).configure(
            domain="http://127.0.0.1:9",
            client_id="00000000-0000-0000-0000-000000000000",
            redirect_uri="http://127.0.0.1:8765/cb",
            client_secret="x" * 64,
            platform=Platform.CUSTOM,
        ),
    )
    return window


def settled(qtbot: QtBot, desktop: DesktopApp, window: MainWindow) -> None:
    """Every task the app started has ended (answers for either profile are in)."""
    wait_for(qtbot, window, lambda: desktop.runner.pending == 0)


def assert_nothing_of_the_old_account(window: MainWindow, old_account: str) -> None:
    assert label_text(window, "accountName") == ""
    assert label_text(window, "accountId") == ""
    assert not named(window, QAbstractButton, "openAccountButton").isEnabled()
    assert old_account not in label_text(window, "testConnectionResult")
    assert named(window, QComboBox, "pipelinePicker").count() == 0
    assert named(window, QComboBox, "statusPicker").count() == 0
    assert not named(window, QAbstractButton, "createLeadButton").isEnabled()
    assert not named(window, QLabel, "createdLeadId").isVisible()


def test_switching_clears_the_page_and_loads_the_new_profile(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    first = desktop.connection.profile_name
    old_account = label_text(window, "accountName")
    assert old_account

    desktop.settings.switch_profile(OTHER)
    # At once, before any answer for the new profile: nothing of the old account is left.
    assert_nothing_of_the_old_account(window, old_account)

    settled(qtbot, desktop, window)
    assert_nothing_of_the_old_account(window, old_account)
    assert label_text(window, "tokenKind") == "no token — authorize first"
    # The page asked about the new profile (it has no token, so amoCRM was not reached).
    assert named(window, ErrorPanel, "connectionError").isVisible()

    # Switching back, the visible page loads the first account again.
    desktop.settings.switch_profile(first)
    wait_label(qtbot, window, "testConnectionResult", old_account)
    wait_for(qtbot, window, named(window, QAbstractButton, "createLeadButton").isEnabled)
    assert label_text(window, "accountName") == old_account
    assert not named(window, ErrorPanel, "connectionError").isVisible()


def test_answers_for_the_old_profile_are_ignored(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = dashboard(qtbot, desktop)
    old_account = label_text(window, "accountName")
    # Ask the old account for everything, then switch before any answer can arrive
    # (nothing runs until Qt's loop spins again).
    click(qtbot, window, "createLeadButton")
    click(qtbot, window, "testConnectionButton")
    click(qtbot, window, "refreshTokenButton")
    # "Reload" waits while the lead is being created; ask the controller as it would.
    desktop.connection.load_pipelines()
    desktop.settings.switch_profile(OTHER)

    settled(qtbot, desktop, window)
    assert_nothing_of_the_old_account(window, old_account)
    assert label_text(window, "tokenKind") == "no token — authorize first"


def test_a_hidden_page_reloads_for_the_new_profile_when_shown(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    first = desktop.connection.profile_name
    old_account = label_text(window, "accountName")
    window.show_page(window.SETTINGS)

    desktop.settings.switch_profile(OTHER)
    settled(qtbot, desktop, window)
    window.show_page(window.CONNECTION)
    settled(qtbot, desktop, window)
    assert_nothing_of_the_old_account(window, old_account)
    assert label_text(window, "tokenKind") == "no token — authorize first"

    window.show_page(window.SETTINGS)
    desktop.settings.switch_profile(first)
    settled(qtbot, desktop, window)
    window.show_page(window.CONNECTION)
    wait_label(qtbot, window, "testConnectionResult", old_account)
    wait_for(qtbot, window, lambda: named(window, QComboBox, "pipelinePicker").count() > 0)
    assert label_text(window, "accountName") == old_account
