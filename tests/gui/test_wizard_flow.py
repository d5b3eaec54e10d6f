"""The wizard end to end against the in-process sandbox, and the dashboard after it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from amo_desktop.core.error_catalogue import entry_for
from amo_desktop.core.errors import ErrorCode
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.wizard.page_ids import PageId
from tests.fixtures.browser import BrowserAgent
from tests.gui.driving import (
    WAIT_MS,
    authorize_by_paste,
    click,
    label_text,
    named,
    next_page,
    open_sandbox_wizard,
    reach_authorize_page,
    sandbox_server,
    type_into,
    wait_label,
)


def finish_wizard(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    wizard = desktop.wizard
    assert wizard is not None
    next_page(qtbot, wizard, PageId.CHECK)
    name = wait_label(qtbot, wizard, "checkAccountName")
    assert name == sandbox_server(desktop).state.account.name
    assert label_text(wizard, "checkAccountId") == str(sandbox_server(desktop).state.account.id)
    next_page(qtbot, wizard, PageId.DONE)
    qtbot.waitUntil(lambda: "—" in label_text(wizard, "doneAccount"), timeout=WAIT_MS)
    wizard.accept()
    window = desktop.main_window
    assert window is not None
    qtbot.waitExposed(window)
    return window


def test_sandbox_paste_path_reaches_dashboard_and_creates_a_lead(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    reach_authorize_page(qtbot, wizard)
    authorize_by_paste(qtbot, desktop, wizard)
    window = finish_wizard(qtbot, desktop)

    wait_label(qtbot, window, "testConnectionResult", "✓")
    pipelines = named(window, QComboBox, "pipelinePicker")
    qtbot.waitUntil(lambda: pipelines.count() > 0, timeout=WAIT_MS)
    statuses = named(window, QComboBox, "statusPicker")
    assert statuses.count() > 0
    type_into(qtbot, window, "leadNameInput", "Замовлення з сайту")
    click(qtbot, window, "createLeadButton")
    created = wait_label(qtbot, window, "createdLeadId", "✓")
    lead_ids = [lead.id for lead in sandbox_server(desktop).state.leads.all()]
    assert any(str(lead_id) in created for lead_id in lead_ids)

    # The other direction of the sync: move the lead to another status.
    moves = named(window, QComboBox, "leadStatusPicker")
    assert moves.count() > 0
    moves.setCurrentIndex(0)
    click(qtbot, window, "changeLeadStatusButton")
    wait_label(qtbot, window, "leadStatusResult", moves.currentText())


@pytest.mark.browser
@pytest.mark.slow
def test_sandbox_browser_path_with_a_real_chromium(
    qtbot: QtBot, desktop: DesktopApp, browser_agent: Callable[[str], BrowserAgent]
) -> None:
    agent = browser_agent("allow")
    wizard = open_sandbox_wizard(qtbot, desktop)
    reach_authorize_page(qtbot, wizard)
    click(qtbot, wizard, "browserLoginButton")
    wait_label(qtbot, wizard, "browserTimeLeft")
    wait_label(qtbot, wizard, "authorizeResult", "✓")
    report = agent.result()
    assert "error" not in report, report
    finish_wizard(qtbot, desktop)


@pytest.mark.parametrize(
    ("style", "shown"),
    [("newer", ErrorCode.INVALID_CLIENT_SECRET), ("older", ErrorCode.CLIENT_REJECTED)],
)
def test_wrong_secret_shows_the_catalogue_text_and_leads_back_to_the_keys(
    qtbot: QtBot, desktop: DesktopApp, style: str, shown: ErrorCode
) -> None:
    """Newer amo names the secret; older amo's answer may also mean the redirect URI, which
    is on the same page."""
    wizard = open_sandbox_wizard(qtbot, desktop)
    sandbox_server(desktop).state.client_error_style = style  # type: ignore[assignment]
    next_page(qtbot, wizard, PageId.ACCOUNT)
    next_page(qtbot, wizard, PageId.KEYS)
    type_into(qtbot, wizard, "clientSecretInput", "not-the-right-secret")
    next_page(qtbot, wizard, PageId.AUTHORIZE)
    qtbot.waitUntil(wizard.authorize_page.code_input.isEnabled, timeout=WAIT_MS)
    server = sandbox_server(desktop)
    integration = server.state.integration(wizard.keys_page.client_id)
    assert integration is not None
    type_into(qtbot, wizard, "codeInput", server.state.issue_authorization_code(integration))
    click(qtbot, wizard, "codeSubmitButton")
    title = wait_label(qtbot, wizard, "authorizeErrorTitle")
    assert title == entry_for(shown).localized("en").title
    click(qtbot, wizard, "authorizeErrorAction")
    assert wizard.currentId() == PageId.KEYS


@pytest.mark.parametrize("refused", ["expired", "garbled"])
def test_a_refused_code_offers_no_way_back_to_the_page_it_is_on(
    qtbot: QtBot, desktop: DesktopApp, refused: str
) -> None:
    """The fix for a bad code is on the authorize page itself: no button that would do
    nothing; the code field is ready for the next paste instead."""
    wizard = open_sandbox_wizard(qtbot, desktop)
    reach_authorize_page(qtbot, wizard)
    server = sandbox_server(desktop)
    if refused == "expired":
        integration = server.state.integration(wizard.keys_page.client_id)
        assert integration is not None
        code = server.state.issue_authorization_code(integration)
        server.state.clock.advance(21 * 60)
    else:
        code = "def50200garbled"
    type_into(qtbot, wizard, "codeInput", code)
    click(qtbot, wizard, "codeSubmitButton")
    wait_label(qtbot, wizard, "authorizeErrorTitle")
    assert not named(wizard, QPushButton, "authorizeErrorAction").isVisible()
    field = named(wizard, QLineEdit, "codeInput")
    assert field.hasFocus()
    assert field.selectedText() == code
    # A language switch re-labels the panel's button without bringing it back.
    wizard.retranslate_ui()
    assert not named(wizard, QPushButton, "authorizeErrorAction").isVisible()
    assert wizard.currentId() == PageId.AUTHORIZE


def test_wrong_domain_is_explained_live_and_blocks_next(qtbot: QtBot, desktop: DesktopApp) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    next_page(qtbot, wizard, PageId.ACCOUNT)
    picker = named(wizard, QComboBox, "platformPicker")
    picker.setCurrentIndex(0)  # detect from the address
    type_into(qtbot, wizard, "accountAddressInput", "www.amocrm.ru")
    status = label_text(wizard, "accountAddressStatus")
    assert status and "✓" not in status
    assert not wizard.account_page.isComplete()
    type_into(qtbot, wizard, "accountAddressInput", "https://my company.kommo.com")
    assert not wizard.account_page.isComplete()
    type_into(qtbot, wizard, "accountAddressInput", "mycompany.kommo.com")
    assert wizard.account_page.isComplete()
    assert "https://mycompany.kommo.com" in label_text(wizard, "accountAddressStatus")


def test_unreachable_account_leads_back_to_the_account_page(
    qtbot: QtBot, desktop: DesktopApp, unused_tcp_port: int
) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    next_page(qtbot, wizard, PageId.ACCOUNT)
    type_into(qtbot, wizard, "accountAddressInput", f"http://127.0.0.1:{unused_tcp_port}")
    next_page(qtbot, wizard, PageId.KEYS)
    next_page(qtbot, wizard, PageId.AUTHORIZE)
    qtbot.waitUntil(wizard.authorize_page.code_input.isEnabled, timeout=WAIT_MS)
    type_into(qtbot, wizard, "codeInput", "any-code")
    click(qtbot, wizard, "codeSubmitButton")
    wait_label(qtbot, wizard, "authorizeErrorTitle")
    click(qtbot, wizard, "authorizeErrorAction")
    assert wizard.currentId() == PageId.ACCOUNT


def test_port_taken_disables_the_browser_path_with_the_reason(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    from urllib.parse import urlsplit

    from amo_desktop.core.ports import bind_listening_socket

    wizard = open_sandbox_wizard(qtbot, desktop)
    port = urlsplit(wizard.keys_page.redirect_uri).port
    assert port is not None
    holder = bind_listening_socket("127.0.0.1", port)  # what a running backend would do
    try:
        reach_authorize_page(qtbot, wizard)
        button = wizard.authorize_page.browser_button
        assert not button.isEnabled()
        reason = wait_label(qtbot, wizard, "browserLoginUnavailable")
        assert str(port) in reason
        # The other paths still work.
        authorize_by_paste(qtbot, desktop, wizard)
    finally:
        holder.close()
