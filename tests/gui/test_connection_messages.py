"""The Connection page's messages against the sandbox: refused tokens offer signing in again,
and nothing shown contradicts what the account says now."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel
from pytestqt.qtbot import QtBot

from amo_desktop.core.errors import ErrorCode
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from tests.gui.driving import (
    click,
    connected_window,
    named,
    sandbox_server,
    wait_for,
    wait_label,
)


def dashboard(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    window = connected_window(qtbot, desktop)
    wait_label(qtbot, window, "testConnectionResult", "✓")
    pipelines = named(window, QComboBox, "pipelinePicker")
    wait_for(qtbot, window, lambda: pipelines.count() > 0)
    return window


def failed_test(qtbot: QtBot, window: MainWindow) -> ErrorPanel:
    """Press "Test connection" and wait for the error it ends in."""
    panel = named(window, ErrorPanel, "connectionError")
    click(qtbot, window, "testConnectionButton")
    wait_for(qtbot, window, panel.isVisible)
    return panel


def test_refused_tokens_offer_signing_in_again_in_the_wizard(
    qtbot: QtBot, desktop: DesktopApp, languages: LanguageManager
) -> None:
    window = dashboard(qtbot, desktop)
    assert desktop.wizard is None
    sandbox_server(desktop).state.revoke_tokens()

    panel = failed_test(qtbot, window)
    assert panel.error is not None and panel.error.code.value.startswith("auth.")
    fix = named(window, QAbstractButton, "connectionErrorAction")
    assert fix.isVisible() and fix.text() == "Sign in again"
    languages.set_language("uk")  # widgets hear of it through a posted LanguageChange
    wait_for(qtbot, window, lambda: fix.text() == "Увійти знову")
    languages.set_language("en")

    with qtbot.waitSignal(window.connection_page.signInRequested) as asked:
        click(qtbot, window, "connectionErrorAction")
    assert asked.args == [desktop.connection.profile_name]
    wizard = desktop.wizard
    assert isinstance(wizard, SetupWizard)
    qtbot.waitExposed(wizard)


def test_an_error_that_signing_in_cannot_fix_offers_no_button(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    sandbox_server(desktop).state.inject("/api/v4/account", 503)
    panel = failed_test(qtbot, window)
    assert panel.error is not None and panel.error.code is ErrorCode.SERVER_ERROR
    assert not named(window, QAbstractButton, "connectionErrorAction").isVisible()


def test_a_lead_created_after_a_failed_test_clears_its_error(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    sandbox_server(desktop).state.inject("/api/v4/account", 503)
    panel = failed_test(qtbot, window)

    click(qtbot, window, "createLeadButton")
    wait_label(qtbot, window, "createdLeadId", "✓")
    assert not panel.isVisible(), "the account answered: the 503 is over"


def test_a_failed_lead_leaves_no_error_once_the_test_succeeds(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    sandbox_server(desktop).state.inject("/api/v4/leads", 503, method="POST")
    panel = named(window, ErrorPanel, "connectionError")
    click(qtbot, window, "createLeadButton")
    wait_for(qtbot, window, panel.isVisible)

    click(qtbot, window, "testConnectionButton")
    wait_label(qtbot, window, "testConnectionResult", "✓")
    assert not panel.isVisible()


def test_a_new_test_clears_the_last_result_and_error_while_it_runs(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    result = named(window, QLabel, "testConnectionResult")

    # Pressing the button starts the test at once; it cannot have an answer yet.
    click(qtbot, window, "testConnectionButton")
    assert desktop.connection.is_busy("test")
    assert result.text() == "", "an earlier “✓ Connected” stays beside the busy indicator"
    wait_label(qtbot, window, "testConnectionResult", "✓")

    sandbox_server(desktop).state.inject("/api/v4/account", 503)
    panel = failed_test(qtbot, window)
    click(qtbot, window, "testConnectionButton")
    assert desktop.connection.is_busy("test")
    assert not panel.isVisible(), "the retried test's old error stays while it runs"
    wait_label(qtbot, window, "testConnectionResult", "✓")


def test_reading_the_status_keeps_the_refusal_and_its_fix(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    # The status comes from the keyring and config alone: it answering proves nothing about
    # amoCRM refusing the tokens.
    window = dashboard(qtbot, desktop)
    sandbox_server(desktop).state.revoke_tokens()
    panel = failed_test(qtbot, window)
    with qtbot.waitSignal(desktop.connection.statusReady):
        desktop.connection.load_status()
    assert panel.isVisible()
    assert named(window, QAbstractButton, "connectionErrorAction").isVisible()
