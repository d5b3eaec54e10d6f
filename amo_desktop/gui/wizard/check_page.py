"""Step 5: the connection test runs by itself and shows the account, or what to fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget, QWizardPage

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.language import fill
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.data_label import DataLabel
from amo_desktop.gui.widgets.error_panel import ErrorPanel

if TYPE_CHECKING:  # the models load after the first paint
    from amo_desktop.core.models import ConnectionTest


class CheckPage(QWizardPage):
    """Complete when the test passed.

    Signals:
        testRequested(): run the connection test (on entering and on "Try again").
        fixRequested(): go to the page that fixes the shown error.
    """

    testRequested = Signal()
    fixRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkPage")
        self._test: ConnectionTest | None = None
        self.busy = BusyIndicator("checkBusy", self)
        self.result = QLabel(self)
        self.result.setObjectName("checkResult")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #1e6b2f; font-weight: bold;")
        self.name_label = QLabel(self)
        self.account_name = DataLabel("checkAccountName", self)
        self.id_label = QLabel(self)
        self.account_id = DataLabel("checkAccountId", self)
        self.error = ErrorPanel("checkError", self)
        self.error.actionRequested.connect(self.fixRequested)
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("checkRetryButton")
        self.retry_button.clicked.connect(self._run)
        form = QFormLayout(self)
        form.addRow(self.busy)
        form.addRow(self.result)
        form.addRow(self.name_label, self.account_name)
        form.addRow(self.id_label, self.account_id)
        form.addRow(self.error)
        form.addRow(self.retry_button)
        self._show_account(False)
        self.retranslate_ui()

    @property
    def test(self) -> ConnectionTest | None:
        return self._test

    def initializePage(self) -> None:
        self._run()

    def isComplete(self) -> bool:
        return self._test is not None

    def passed(self, test: ConnectionTest) -> None:
        self._test = test
        self.busy.stop()
        self.account_name.setText(test.account.name)
        self.account_id.setText(str(test.account.id))
        self._show_account(True)
        self._render_result()
        self.completeChanged.emit()

    def failed(self, error: AmoError, fix_text: str | None) -> None:
        self.busy.stop()
        self.error.show_error(error)
        self.error.set_action(fix_text)
        self.retry_button.show()

    def _run(self) -> None:
        self._test = None
        self.result.clear()
        self.error.clear()
        self.retry_button.hide()
        self._show_account(False)
        self.busy.start(self.tr("Asking amoCRM about your account…"))
        self.completeChanged.emit()
        self.testRequested.emit()

    def _show_account(self, shown: bool) -> None:
        for widget in (self.name_label, self.account_name, self.id_label, self.account_id):
            widget.setVisible(shown)

    def _render_result(self) -> None:
        if self._test is not None:
            self.result.setText(
                fill(self.tr("✓ Connected. amoCRM answered in %1 ms."), self._test.elapsed_ms)
            )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check the connection"))
        self.setSubTitle(self.tr("The assistant asks amoCRM who you are."))
        self.name_label.setText(self.tr("Account:"))
        self.id_label.setText(self.tr("Account ID:"))
        self.retry_button.setText(self.tr("Try again"))
        if self.busy.isVisible():
            self.busy.set_text(self.tr("Asking amoCRM about your account…"))
        self._render_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
