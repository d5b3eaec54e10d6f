"""Step 2: the platform and the account address, validated as the user types."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget, QWizardPage

from amo_desktop.core.errors import AmoError
from amo_desktop.core.platforms import AccountAddress, Platform, parse_account_address
from amo_desktop.gui.language import current_language, fill

# The picker's entries: None lets the address decide the platform.
PLATFORM_CHOICES: tuple[Platform | None, ...] = (
    None,
    Platform.AMOCRM_RU,
    Platform.KOMMO,
    Platform.AMOCRM_COM,
    Platform.CUSTOM,
)


class AccountPage(QWizardPage):
    """Platform picker and address field; the page is complete when the address parses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountPage")
        self._address: AccountAddress | None = None
        self._problem: AmoError | None = None
        self.platform_label = QLabel(self)
        self.platform_picker = QComboBox(self)
        self.platform_picker.setObjectName("platformPicker")
        for platform in PLATFORM_CHOICES:
            self.platform_picker.addItem("", platform)
        self.address_label = QLabel(self)
        self.address_input = QLineEdit(self)
        self.address_input.setObjectName("accountAddressInput")
        self.address_status = QLabel(self)
        self.address_status.setObjectName("accountAddressStatus")
        self.address_status.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.explanation)
        form.addRow(self.platform_label, self.platform_picker)
        form.addRow(self.address_label, self.address_input)
        form.addRow("", self.address_status)
        self.platform_picker.currentIndexChanged.connect(self._revalidate)
        self.address_input.textChanged.connect(self._revalidate)
        self.retranslate_ui()

    def prefill(self, platform: Platform | None, address: str) -> None:
        """Pre-fill the page (sandbox, imported ``.env``)."""
        self.platform_picker.setCurrentIndex(max(0, self.platform_picker.findData(platform)))
        self.address_input.setText(address)

    @property
    def platform(self) -> Platform | None:
        # Qt keeps a StrEnum item's data as its plain string value: turn it back.
        value = self.platform_picker.currentData()
        return Platform(value) if value else None

    @property
    def address(self) -> AccountAddress | None:
        return self._address

    def isComplete(self) -> bool:
        return self._address is not None

    def _revalidate(self) -> None:
        text = self.address_input.text()
        self._address, self._problem = None, None
        if text.strip():
            try:
                self._address = parse_account_address(text, self.platform)
            except AmoError as error:
                self._problem = error
        self._render_status()
        self.completeChanged.emit()

    def _render_status(self) -> None:
        if self._address is not None:
            self.address_status.setStyleSheet("color: #1e6b2f;")
            self.address_status.setText(
                fill(self.tr("✓ Account address: %1"), self._address.base_url)
            )
        elif self._problem is not None:
            text = self._problem.localized(current_language())
            self.address_status.setStyleSheet("color: #8a1f11;")
            self.address_status.setText(f"{text.message} {text.hint}".strip())
        else:
            self.address_status.setText("")

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your account"))
        self.setSubTitle(self.tr("Where does your amoCRM account live?"))
        self.explanation.setText(
            self.tr(
                "Paste the address of your account as your browser shows it — for example "
                "mycompany.amocrm.ru, a full link, or just mycompany."
            )
        )
        self.platform_label.setText(self.tr("Platform:"))
        names = (
            self.tr("Detect from the address"),
            self.tr("amoCRM (amocrm.ru)"),
            self.tr("Kommo (kommo.com)"),
            self.tr("amoCRM (amocrm.com)"),
            self.tr("Other server (sandbox or test)"),
        )
        for index, name in enumerate(names):
            self.platform_picker.setItemText(index, name)
        self.platform_picker.setAccessibleName(self.tr("Platform"))
        self.address_label.setText(self.tr("Account address:"))
        self.address_input.setPlaceholderText(self.tr("mycompany.amocrm.ru"))
        self.address_input.setAccessibleName(self.tr("Account address"))
        self._render_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
