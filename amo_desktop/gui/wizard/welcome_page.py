"""Step 1: what the assistant does, what the user needs, and how to start."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from amo_desktop.gui.wizard.page_ids import PageId

LANGUAGE_NAMES = {"en": "English", "uk": "Українська"}


class WelcomePage(QWizardPage):
    """Explains the assistant and offers "connect my account" or "try the sandbox".

    Signals:
        languageRequested(str): the user picked another interface language.
        sandboxRequested(): the user chose the sandbox; the wizard starts it.
    """

    languageRequested = Signal(str)
    sandboxRequested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self._sandbox_ready = False
        self._steps_ready = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.needs = QLabel(self)
        self.needs.setWordWrap(True)
        self.language_label = QLabel(self)
        self.language_picker = QComboBox(self)
        self.language_picker.setObjectName("languagePicker")
        for code, name in LANGUAGE_NAMES.items():
            self.language_picker.addItem(name, code)
        self.language_picker.setCurrentIndex(self.language_picker.findData(language))
        self.language_picker.currentIndexChanged.connect(self._language_picked)
        self.connect_choice = QRadioButton(self)
        self.connect_choice.setObjectName("connectAccountChoice")
        self.connect_choice.setChecked(True)
        self.sandbox_choice = QRadioButton(self)
        self.sandbox_choice.setObjectName("trySandboxChoice")
        self.sandbox_note = QLabel(self)
        self.sandbox_note.setWordWrap(True)
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.connect_choice)
        self.choices.addButton(self.sandbox_choice)
        self.choices.buttonToggled.connect(self._choice_toggled)
        self.busy = BusyIndicator("sandboxBusy", self)
        self.error = ErrorPanel("welcomeError", self)

        language_row = QFormLayout()
        language_row.addRow(self.language_label, self.language_picker)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.needs)
        layout.addLayout(language_row)
        layout.addWidget(self.connect_choice)
        layout.addWidget(self.sandbox_choice)
        layout.addWidget(self.sandbox_note)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate_ui()

    @property
    def uses_sandbox(self) -> bool:
        return self.sandbox_choice.isChecked()

    def isComplete(self) -> bool:
        chosen = self.connect_choice.isChecked() or self._sandbox_ready
        return self._steps_ready and chosen

    def nextId(self) -> int:
        # Named, not looked up: while the wizard has no other pages yet, the default (-1)
        # would make this the last page, with a Finish button instead of Next and Cancel.
        return int(PageId.ACCOUNT)

    def steps_added(self) -> None:
        """The wizard calls this once the pages after this one exist: Next may enable."""
        self._steps_ready = True
        self.completeChanged.emit()

    def sandbox_started(self) -> None:
        """The wizard calls this when the sandbox runs and the fields are filled."""
        self.busy.stop()
        self._sandbox_ready = True
        self.completeChanged.emit()

    def sandbox_failed(self, error: AmoError) -> None:
        self.busy.stop()
        self.error.show_error(error)

    def _choice_toggled(self, button: QAbstractButton, checked: bool) -> None:
        # One click toggles two buttons (one off, one on); only the one turned on counts.
        if not checked:
            return
        self.error.clear()
        if button is self.sandbox_choice and not self._sandbox_ready:
            self.busy.start(self.tr("Starting the sandbox…"))
            self.sandboxRequested.emit()
        self.completeChanged.emit()

    def _language_picked(self) -> None:
        self.languageRequested.emit(self.language_picker.currentData())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Connect your system to amoCRM"))
        self.intro.setText(
            self.tr(
                "This assistant connects your company's system (the backend) to amoCRM or "
                "Kommo: it stores the integration keys safely, signs in, checks the "
                "connection and can hand the access over to your backend."
            )
        )
        self.needs.setText(
            self.tr(
                "You need the integration's keys: in amoCRM open Settings → Integrations, "
                "open your integration and find the Keys and access tab (integration ID and "
                "secret key)."
            )
        )
        self.language_label.setText(self.tr("Language:"))
        self.connect_choice.setText(self.tr("Connect my account"))
        self.connect_choice.setAccessibleName(self.tr("Connect my account"))
        self.sandbox_choice.setText(self.tr("Try the sandbox"))
        self.sandbox_choice.setAccessibleName(self.tr("Try the sandbox"))
        self.sandbox_note.setText(
            self.tr(
                "The sandbox is a practice amoCRM inside this app. Everything is filled in for "
                "you, so you can see every step without an account."
            )
        )
        if self.busy.isVisible():
            self.busy.set_text(self.tr("Starting the sandbox…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
