"""Step 6: a summary, and optional hand-over to the backend (.env export, token push)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.gui.language import fill
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.data_label import DataLabel
from amo_desktop.gui.widgets.error_panel import ErrorPanel

if TYPE_CHECKING:  # the models load after the first paint
    from amo_desktop.core.models import ConnectionStatus, PushResult


class DonePage(QWizardPage):
    """Shows what was set up; Finish opens the dashboard.

    Signals:
        entered(): the wizard loads the profile's status for the summary.
        exportRequested(str, bool): merge the backend ``.env`` at this path; ``True``
            replaces AMO_* values that differ (the person agreed to it).
        pushRequested(str): push the tokens to this backend URL.
    """

    entered = Signal()
    exportRequested = Signal(str, bool)
    pushRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("donePage")
        self._status: ConnectionStatus | None = None
        self._account_name = ""
        self._dialog: QFileDialog | None = None
        self._confirm: QMessageBox | None = None
        self._exported_path = ""
        self._kept_path = ""
        self._pushed: PushResult | None = None
        self._address_missing = False

        self.summary_box = QGroupBox(self)
        self.profile_label, self.profile_value = QLabel(self), DataLabel("doneProfile", self)
        self.account_label, self.account_value = QLabel(self), DataLabel("doneAccount", self)
        self.token_label, self.token_value = QLabel(self), QLabel(self)
        self.token_value.setObjectName("doneToken")
        summary = QFormLayout(self.summary_box)
        summary.addRow(self.profile_label, self.profile_value)
        summary.addRow(self.account_label, self.account_value)
        summary.addRow(self.token_label, self.token_value)

        self.backend_box = QGroupBox(self)
        self.export_note = QLabel(self.backend_box)
        self.export_note.setWordWrap(True)
        self.export_button = QPushButton(self.backend_box)
        self.export_button.setObjectName("exportEnvButton")
        self.export_button.clicked.connect(self._choose_export_path)
        self.export_result = QLabel(self.backend_box)
        self.export_result.setObjectName("exportEnvResult")
        self.export_result.setWordWrap(True)
        self.push_note = QLabel(self.backend_box)
        self.push_note.setWordWrap(True)
        self.backend_url = QLineEdit(self.backend_box)
        self.backend_url.setObjectName("backendUrlInput")
        # Enter here means "push": the line edit passes Enter on, and the wizard would take it
        # as Finish and close with the typed address thrown away and nothing pushed.
        self.backend_url.installEventFilter(self)
        self.push_button = QPushButton(self.backend_box)
        self.push_button.setObjectName("pushTokensButton")
        self.push_button.clicked.connect(self._push_clicked)
        # Without an address a push can only fail: the button waits for the field beside it.
        self.push_button.setEnabled(False)
        self.backend_url.textChanged.connect(self._update_push_button)
        push_row = QHBoxLayout()
        push_row.addWidget(self.backend_url, 1)
        push_row.addWidget(self.push_button)
        self.push_result = QLabel(self.backend_box)
        self.push_result.setObjectName("pushTokensResult")
        self.push_result.setWordWrap(True)
        backend = QVBoxLayout(self.backend_box)
        backend.addWidget(self.export_note)
        backend.addWidget(self.export_button)
        backend.addWidget(self.export_result)
        backend.addWidget(self.push_note)
        backend.addLayout(push_row)
        backend.addWidget(self.push_result)

        self.busy = BusyIndicator("doneBusy", self)
        self.error = ErrorPanel("doneError", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_box)
        layout.addWidget(self.backend_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.setFinalPage(True)
        self.retranslate_ui()

    def initializePage(self) -> None:
        self.entered.emit()

    def show_summary(self, status: ConnectionStatus, account_name: str) -> None:
        self._status = status
        self._account_name = account_name
        self.profile_value.setText(status.profile)
        self.account_value.setText(f"{account_name} — {status.account_host or ''}")
        if status.backend_url and not self.backend_url.text():
            self.backend_url.setText(status.backend_url)
        self._render_token()

    def set_busy(self, text: str | None) -> None:
        if text:
            self.error.clear()
            self.busy.start(text)
        else:
            self.busy.stop()

    def exported(self, path: str) -> None:
        self._exported_path, self._kept_path = path, ""
        self._render_results()

    def ask_to_replace(self, path: str) -> None:
        """The file holds other AMO_* values: replace them only if the person says so."""
        self.busy.stop()
        # open(), not exec(): a nested modal loop would stall the event loop's tasks.
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Replace the values?"),
            fill(
                self.tr(
                    "%1 already has AMO_* settings with other values. Replace them with this "
                    "connection's? The file's other lines stay as they are."
                ),
                path,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("exportEnvReplaceConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep the file as it is"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.exportRequested.emit(path, True))
        box.rejected.connect(lambda: self._keep(path))
        self._confirm = box
        box.open()

    def _keep(self, path: str) -> None:
        self._exported_path, self._kept_path = "", path
        self._render_results()

    def pushed(self, result: PushResult) -> None:
        self._pushed = result
        self._address_missing = False
        self._render_results()

    def show_error(self, error: AmoError) -> None:
        self.busy.stop()
        if error.code == ErrorCode.BACKEND_NOT_CONFIGURED:
            # The catalogue's hint (shared with the CLI) points to Settings; here the address
            # goes into the field beside the button.
            self._address_missing = True
            self._render_results()
            self.backend_url.setFocus()
            return
        self.error.show_error(error)

    def _choose_export_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the backend's .env file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(".env")
        dialog.setObjectName("exportEnvDialog")
        # The export merges into an existing file and asks itself before changing values.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.fileSelected.connect(lambda path: self.exportRequested.emit(path, False))
        self._dialog = dialog
        dialog.open()

    def _push_clicked(self) -> None:
        address = self.backend_url.text().strip()
        if address:
            self._address_missing = False
            self.pushRequested.emit(address)

    def _update_push_button(self) -> None:
        filled = bool(self.backend_url.text().strip())
        self.push_button.setEnabled(filled)
        self.push_button.setToolTip("" if filled else self.tr("Enter the backend address first."))

    def _render_token(self) -> None:
        token = self._status.token if self._status else None
        if token is None:
            self.token_value.setText(self.tr("not authorized"))
            return
        kind = self.tr("long-lived token") if token.kind == "long_lived" else self.tr("OAuth")
        hours = max(0, int((token.expires_at - time.time()) // 3600))
        self.token_value.setText(fill(self.tr("%1, valid for about %2 h"), kind, hours))

    def _render_results(self) -> None:
        if self._exported_path:
            self.export_result.setText(fill(self.tr("✓ Written to %1"), self._exported_path))
        elif self._kept_path:
            self.export_result.setText(
                fill(self.tr("Nothing written: %1 keeps its values."), self._kept_path)
            )
        if self._address_missing:
            self.push_result.setText(
                self.tr(
                    "Enter your backend's address in the field beside the button, for example "
                    "http://127.0.0.1:8000."
                )
            )
        elif self._pushed is not None:
            self.push_result.setText(
                fill(
                    self.tr("✓ The backend accepted the tokens (HTTP %1). It owns them now."),
                    self._pushed.status_code,
                )
            )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("All set"))
        self.setSubTitle(self.tr("The connection works. You can hand it to your backend."))
        self.summary_box.setTitle(self.tr("Summary"))
        self.profile_label.setText(self.tr("Profile:"))
        self.account_label.setText(self.tr("Account:"))
        self.token_label.setText(self.tr("Token:"))
        self.backend_box.setTitle(self.tr("Hand over to your backend (optional)"))
        self.export_note.setText(
            self.tr("Write the AMO_* settings your backend reads into its .env file.")
        )
        self.export_button.setText(self.tr("Export backend .env…"))
        self.push_note.setText(
            self.tr(
                "Push the tokens to the backend: from then on the backend owns and refreshes "
                "them, and this app stops refreshing them so that they are not used up twice."
            )
        )
        self.backend_url.setPlaceholderText(self.tr("Backend address, e.g. http://localhost:3000"))
        self.backend_url.setAccessibleName(self.tr("Backend address"))
        self.push_button.setText(self.tr("Push tokens"))
        self._update_push_button()
        self._render_token()
        self._render_results()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.backend_url
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._push_clicked()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
