"""Drive the wizard and the dashboard by their automation names (docs/ui-automation.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QLineEdit, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from amo_desktop.gui.wizard.page_ids import PageId
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from amo_desktop.sandbox.server import SandboxServer

W = TypeVar("W", bound=QObject)
WAIT_MS = 20_000


def shown_errors(root: QWidget) -> str:
    """The visible error panels' texts, to explain a failed wait."""
    texts = []
    for panel in root.findChildren(ErrorPanel):
        if panel.isVisible():
            texts.append(f"{panel.objectName()}: {panel.title.text()} / {panel.message.text()}")
    return "; ".join(texts) or "no error shown"


def wait_for(qtbot: QtBot, root: QWidget, condition: Callable[[], bool]) -> None:
    try:
        qtbot.waitUntil(condition, timeout=WAIT_MS)
    except TimeoutError as timeout:
        raise AssertionError(f"timed out; {shown_errors(root)}") from timeout


def named(root: QWidget, kind: type[W], name: str) -> W:
    found = root.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name!r}"
    return found


def click(qtbot: QtBot, root: QWidget, name: str) -> None:
    button = named(root, QAbstractButton, name)
    assert button.isVisible(), f"{name} is hidden"
    assert button.isEnabled(), f"{name} is disabled"
    # click() rather than a synthetic mouse press: a radio button only reacts to presses on
    # its indicator and text, not on the rest of its (layout-stretched) width.
    button.click()


def type_into(qtbot: QtBot, root: QWidget, name: str, text: str) -> None:
    field = named(root, QLineEdit, name)
    field.clear()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest can only synthesize key presses for ASCII characters
        field.setText(text)


def label_text(root: QWidget, name: str) -> str:
    return named(root, QLabel, name).text()


def wait_label(qtbot: QtBot, root: QWidget, name: str, needle: str = "") -> str:
    label = named(root, QLabel, name)
    wait_for(
        qtbot, root, lambda: label.isVisible() and bool(label.text()) and needle in label.text()
    )
    return label.text()


def next_page(qtbot: QtBot, wizard: SetupWizard, expected: PageId) -> None:
    wait_for(qtbot, wizard, lambda: wizard.currentPage().isComplete())
    wizard.next()
    assert wizard.currentId() == expected


def open_sandbox_wizard(qtbot: QtBot, desktop: DesktopApp) -> SetupWizard:
    """First run: the wizard opens; choose the sandbox and wait until it is filled in."""
    shown = desktop.start()
    assert isinstance(shown, SetupWizard)
    choose_sandbox(qtbot, shown)
    return shown


def choose_sandbox(qtbot: QtBot, wizard: SetupWizard) -> None:
    """On a shown wizard: choose the sandbox and wait until it has filled everything in."""
    qtbot.waitExposed(wizard)
    click(qtbot, wizard, "trySandboxChoice")
    wait_for(
        qtbot, wizard, lambda: bool(wizard.keys_page.client_id) and wizard.welcome_page.isComplete()
    )


def finish_by_paste(qtbot: QtBot, desktop: DesktopApp, wizard: SetupWizard) -> None:
    """From the filled-in welcome page to an accepted wizard, authorizing by the paste path."""
    reach_authorize_page(qtbot, wizard)
    authorize_by_paste(qtbot, desktop, wizard)
    next_page(qtbot, wizard, PageId.CHECK)
    next_page(qtbot, wizard, PageId.DONE)
    wizard.accept()


def sandbox_server(desktop: DesktopApp) -> SandboxServer:
    server = desktop.sandbox.server
    assert server is not None
    return server


def reach_authorize_page(qtbot: QtBot, wizard: SetupWizard) -> None:
    next_page(qtbot, wizard, PageId.ACCOUNT)
    next_page(qtbot, wizard, PageId.KEYS)
    next_page(qtbot, wizard, PageId.AUTHORIZE)
    # The page saves the settings first; the paths unlock when that is done.
    code_input = named(wizard, QLineEdit, "codeInput")
    wait_for(qtbot, wizard, code_input.isEnabled)


def authorize_by_paste(qtbot: QtBot, desktop: DesktopApp, wizard: SetupWizard) -> None:
    server = sandbox_server(desktop)
    integration = server.state.integration(wizard.keys_page.client_id)
    assert integration is not None
    code = server.state.issue_authorization_code(integration)
    type_into(qtbot, wizard, "codeInput", code)
    click(qtbot, wizard, "codeSubmitButton")
    wait_label(qtbot, wizard, "authorizeResult", "✓")


def visible_child(qtbot: QtBot, root: QWidget, kind: type[W], name: str) -> W:
    """The shown child of that kind and name (dialogs opened earlier may linger hidden)."""
    found: list[W] = []

    def shown() -> bool:
        found[:] = [c for c in root.findChildren(kind, name) if c.isVisible()]  # type: ignore[attr-defined]
        return bool(found)

    wait_for(qtbot, root, shown)
    return found[-1]


def choose_file(qtbot: QtBot, root: QWidget, dialog_name: str, path: str) -> None:
    """Pick ``path`` in the open (Qt, not native: offscreen has none) file dialog by name."""
    dialog = visible_child(qtbot, root, QFileDialog, dialog_name)
    dialog.selectFile(path)
    dialog.accept()


def connected_window(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    """First run through the sandbox wizard by the paste path, ending on the dashboard."""
    wizard = open_sandbox_wizard(qtbot, desktop)
    finish_by_paste(qtbot, desktop, wizard)
    window = desktop.main_window
    assert window is not None
    qtbot.waitExposed(window)
    return window
