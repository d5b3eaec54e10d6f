"""The account card: name, id, domain, platform and a link that opens the account."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from amo_desktop.core.models import AccountInfo, ConnectionStatus
from amo_desktop.gui.widgets.data_label import DataLabel


class AccountCard(QGroupBox):
    """Signals: openRequested(str) — open this URL in the browser."""

    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountCard")
        self._url = ""
        self._platform: str | None = None
        self.name_label, self.name = QLabel(self), DataLabel("accountName", self)
        self.id_label, self.account_id = QLabel(self), DataLabel("accountId", self)
        self.domain_label, self.domain = QLabel(self), DataLabel("accountDomain", self)
        self.platform_label, self.platform = QLabel(self), DataLabel("accountPlatform", self)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openAccountButton")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.openRequested.emit(self._url))
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name)
        form.addRow(self.id_label, self.account_id)
        form.addRow(self.domain_label, self.domain)
        form.addRow(self.platform_label, self.platform)
        form.addRow(self.open_button)
        self.retranslate_ui()

    def show_status(self, status: ConnectionStatus) -> None:
        self.domain.setText(status.account_host or "—")
        self._platform = status.platform
        self._render_platform()

    def show_account(self, account: AccountInfo) -> None:
        self.name.setText(account.name)
        self.account_id.setText(str(account.id))
        self.domain.setText(account.host)
        self._url = account.url
        self.open_button.setEnabled(bool(account.url))

    def clear(self) -> None:
        """Forget the account shown (the profile switched)."""
        for value in (self.name, self.account_id, self.domain):
            value.setText("")
        self._url = ""
        self.open_button.setEnabled(False)
        self._platform = None
        self._render_platform()

    def _render_platform(self) -> None:
        names = {
            "amocrm.ru": self.tr("amoCRM (amocrm.ru)"),
            "kommo.com": self.tr("Kommo (kommo.com)"),
            "amocrm.com": self.tr("amoCRM (amocrm.com)"),
            "custom": self.tr("Other server (sandbox or test)"),
        }
        self.platform.setText(names.get(self._platform or "", self._platform or "—"))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Account"))
        self.name_label.setText(self.tr("Name:"))
        self.id_label.setText(self.tr("ID:"))
        self.domain_label.setText(self.tr("Address:"))
        self.platform_label.setText(self.tr("Platform:"))
        self.open_button.setText(self.tr("Open in the browser"))
        self._render_platform()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
