"""Step 3: the integration's keys — client id, secret, redirect URI — or a backend ``.env``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizardPage,
)

from amo_desktop.core.errors import AmoError
from amo_desktop.core.platforms import validate_client_id, validate_redirect_uri
from amo_desktop.gui.language import current_language
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.error_panel import ErrorPanel

SEED_REDIRECT_URI = "http://localhost:3000/api/v1/integrations/amo-crm/callback"


class KeysPage(QWizardPage):
    """Client id (a UUID), the secret (hidden unless shown) and the redirect URI.

    Signals:
        importRequested(str): the user chose a backend ``.env`` file to import.
    """

    importRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysPage")
        self._secret_in_keyring = False
        self._file_dialog: QFileDialog | None = None

        self.client_id_label = QLabel(self)
        self.client_id_input = QLineEdit(self)
        self.client_id_input.setObjectName("clientIdInput")
        self.client_id_status = QLabel(self)
        self.client_id_status.setObjectName("clientIdStatus")
        self.client_id_status.setWordWrap(True)

        self.secret_label = QLabel(self)
        self.secret_input = QLineEdit(self)
        self.secret_input.setObjectName("clientSecretInput")
        self.secret_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_secret = QCheckBox(self)
        self.show_secret.setObjectName("showSecretToggle")
        self.show_secret.toggled.connect(self._toggle_secret)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret_input, 1)
        secret_row.addWidget(self.show_secret)

        self.redirect_label = QLabel(self)
        self.redirect_input = QLineEdit(SEED_REDIRECT_URI, self)
        self.redirect_input.setObjectName("redirectUriInput")
        self.redirect_copy = QPushButton(self)
        self.redirect_copy.setObjectName("redirectUriCopy")
        self.redirect_copy.clicked.connect(self._copy_redirect_uri)
        redirect_row = QHBoxLayout()
        redirect_row.addWidget(self.redirect_input, 1)
        redirect_row.addWidget(self.redirect_copy)
        self.redirect_warning = QLabel(self)
        self.redirect_warning.setObjectName("redirectUriWarning")
        self.redirect_warning.setWordWrap(True)
        self.redirect_warning.setStyleSheet("color: #7a5200;")

        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importEnvButton")
        self.import_button.clicked.connect(self._choose_env_file)
        self.import_note = QLabel(self)
        self.import_note.setWordWrap(True)
        self.busy = BusyIndicator("keysBusy", self)
        self.error = ErrorPanel("keysError", self)

        form = QFormLayout(self)
        form.addRow(self.client_id_label, self.client_id_input)
        form.addRow("", self.client_id_status)
        form.addRow(self.secret_label, secret_row)
        form.addRow(self.redirect_label, redirect_row)
        form.addRow("", self.redirect_warning)
        form.addRow(self.import_button, self.import_note)
        form.addRow(self.busy)
        form.addRow(self.error)

        for field in (self.client_id_input, self.secret_input, self.redirect_input):
            field.textChanged.connect(self._revalidate)
        self.retranslate_ui()

    # What the wizard reads.
    @property
    def client_id(self) -> str:
        return self.client_id_input.text().strip()

    @property
    def client_secret(self) -> str:
        return self.secret_input.text().strip()

    @property
    def redirect_uri(self) -> str:
        return self.redirect_input.text().strip()

    def prefill(
        self, client_id: str, redirect_uri: str, client_secret: str = "", *, in_keyring: bool
    ) -> None:
        """Fill the page; ``in_keyring`` means an empty secret field keeps the stored one."""
        self._secret_in_keyring = in_keyring
        self.client_id_input.setText(client_id)
        self.redirect_input.setText(redirect_uri)
        self.secret_input.setText(client_secret)
        self.retranslate_ui()
        self._revalidate()

    def import_started(self) -> None:
        self.error.clear()
        self.busy.start(self.tr("Reading the .env file…"))

    def import_failed(self, error: AmoError) -> None:
        self.busy.stop()
        self.error.show_error(error)

    def import_finished(self) -> None:
        self.busy.stop()

    def _problems(self) -> list[AmoError]:
        problems: list[AmoError] = []
        for check, value in (
            (validate_client_id, self.client_id),
            (validate_redirect_uri, self.redirect_uri),
        ):
            try:
                check(value)
            except AmoError as error:
                problems.append(error)
        return problems

    def isComplete(self) -> bool:
        has_secret = bool(self.client_secret) or self._secret_in_keyring
        return has_secret and not self._problems()

    def _revalidate(self) -> None:
        self._render_client_id_status()
        self.completeChanged.emit()

    def _render_client_id_status(self) -> None:
        if not self.client_id:
            self.client_id_status.setText("")
            return
        try:
            validate_client_id(self.client_id)
        except AmoError as error:
            self.client_id_status.setStyleSheet("color: #8a1f11;")
            self.client_id_status.setText(error.localized(current_language()).message)
        else:
            self.client_id_status.setStyleSheet("color: #1e6b2f;")
            self.client_id_status.setText(self.tr("✓ Looks like an integration ID"))

    def _toggle_secret(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret_input.setEchoMode(mode)

    def _copy_redirect_uri(self) -> None:
        QGuiApplication.clipboard().setText(self.redirect_uri)
        self.redirect_copy.setText(self.tr("Copied"))

    def _choose_env_file(self) -> None:
        # open() instead of exec(): a nested modal loop would stall the asyncio tasks.
        dialog = QFileDialog(self, self.tr("Choose the backend's .env file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setObjectName("importEnvDialog")
        dialog.fileSelected.connect(self.importRequested)
        self._file_dialog = dialog
        dialog.open()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Integration keys"))
        self.setSubTitle(
            self.tr("Copy them from amoCRM: Settings → Integrations → your integration → Keys.")
        )
        self.client_id_label.setText(self.tr("Integration ID:"))
        self.client_id_input.setAccessibleName(self.tr("Integration ID"))
        self.client_id_input.setPlaceholderText("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        self.secret_label.setText(self.tr("Secret key:"))
        self.secret_input.setAccessibleName(self.tr("Secret key"))
        self.secret_input.setPlaceholderText(
            self.tr("Saved in the keyring — leave empty to keep it")
            if self._secret_in_keyring
            else ""
        )
        self.show_secret.setText(self.tr("Show"))
        self.redirect_label.setText(self.tr("Redirect URI:"))
        self.redirect_input.setAccessibleName(self.tr("Redirect URI"))
        self.redirect_copy.setText(self.tr("Copy"))
        self.redirect_warning.setText(
            self.tr(
                "It must match the integration's redirect URI in amoCRM exactly, character for "
                "character — a trailing slash included."
            )
        )
        self.import_button.setText(self.tr("Import from backend .env…"))
        self.import_note.setText(
            self.tr("Fills this page from the AMO_* lines of your backend's .env file.")
        )
        self._render_client_id_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
