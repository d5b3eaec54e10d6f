"""Regressions found by using the app as a non-developer: keyboard paths and confusing text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from tests.gui.driving import (
    named,
    open_sandbox_wizard,
    reach_authorize_page,
    sandbox_server,
    wait_label,
)


def test_enter_in_the_code_field_submits_the_code(qtbot: QtBot, desktop: DesktopApp) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    reach_authorize_page(qtbot, wizard)
    server = sandbox_server(desktop)
    integration = server.state.integration(wizard.keys_page.client_id)
    assert integration is not None
    code_input = named(wizard, QLineEdit, "codeInput")
    code_input.setText(server.state.issue_authorization_code(integration))
    qtbot.keyClick(code_input, Qt.Key.Key_Return)
    wait_label(qtbot, wizard, "authorizeResult", "✓")
