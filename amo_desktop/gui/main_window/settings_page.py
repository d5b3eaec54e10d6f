"""Settings: profiles (add, switch, rename, delete), language, backend URL, keyring backend."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.language import fill
from amo_desktop.gui.widgets.data_label import DataLabel, mark_as_data
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from amo_desktop.gui.wizard.welcome_page import LANGUAGE_NAMES


class SettingsPage(QWidget):
    """Emits intents; the composition root connects them to the settings controller.

    Signals:
        addProfileRequested(str), switchProfileRequested(str),
        renameProfileRequested(str, str), deleteProfileRequested(str),
        languageRequested(str), backendUrlSaveRequested(str)
    """

    addProfileRequested = Signal(str)
    switchProfileRequested = Signal(str)
    renameProfileRequested = Signal(str, str)
    deleteProfileRequested = Signal(str)
    languageRequested = Signal(str)
    backendUrlSaveRequested = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._current = ""
        self._confirm: QMessageBox | None = None
        self._backend_saved = False

        self.profiles_box = QGroupBox(self)
        self.profile_list = QListWidget(self.profiles_box)
        self.profile_list.setObjectName("profileList")
        mark_as_data(self.profile_list)
        self.current_label = QLabel(self.profiles_box)
        self.current_value = DataLabel("currentProfileLabel", self.profiles_box)
        current_row = QHBoxLayout()
        current_row.addWidget(self.current_label)
        current_row.addWidget(self.current_value, 1)
        self.name_input = QLineEdit(self.profiles_box)
        self.name_input.setObjectName("profileNameInput")
        self.add_button = QPushButton(self.profiles_box)
        self.add_button.setObjectName("addProfileButton")
        self.switch_button = QPushButton(self.profiles_box)
        self.switch_button.setObjectName("switchProfileButton")
        self.rename_button = QPushButton(self.profiles_box)
        self.rename_button.setObjectName("renameProfileButton")
        self.delete_button = QPushButton(self.profiles_box)
        self.delete_button.setObjectName("deleteProfileButton")
        buttons = QHBoxLayout()
        for button in (self.switch_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_input, 1)
        name_row.addWidget(self.add_button)
        profiles = QVBoxLayout(self.profiles_box)
        profiles.addLayout(current_row)
        profiles.addWidget(self.profile_list)
        profiles.addLayout(buttons)
        profiles.addLayout(name_row)

        self.general_box = QGroupBox(self)
        self.language_label = QLabel(self.general_box)
        self.language_picker = QComboBox(self.general_box)
        self.language_picker.setObjectName("settingsLanguagePicker")
        for code, name in LANGUAGE_NAMES.items():
            self.language_picker.addItem(name, code)
        self.language_picker.setCurrentIndex(self.language_picker.findData(language))
        self.backend_label = QLabel(self.general_box)
        self.backend_input = QLineEdit(self.general_box)
        self.backend_input.setObjectName("settingsBackendUrlInput")
        self.backend_save = QPushButton(self.general_box)
        self.backend_save.setObjectName("saveBackendUrlButton")
        backend_row = QHBoxLayout()
        backend_row.addWidget(self.backend_input, 1)
        backend_row.addWidget(self.backend_save)
        self.backend_result = QLabel(self.general_box)
        self.backend_result.setObjectName("backendUrlResult")
        self.keyring_label = QLabel(self.general_box)
        self.keyring_value = DataLabel("keyringBackendLabel", self.general_box)
        self._keyring_name: str | None = None  # None: not asked yet
        general = QFormLayout(self.general_box)
        general.addRow(self.language_label, self.language_picker)
        general.addRow(self.backend_label, backend_row)
        general.addRow("", self.backend_result)
        general.addRow(self.keyring_label, self.keyring_value)

        self.error = ErrorPanel("settingsError", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profiles_box, 1)
        layout.addWidget(self.general_box)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self._add_clicked)
        self.switch_button.clicked.connect(self._switch_clicked)
        self.rename_button.clicked.connect(self._rename_clicked)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.profile_list.currentItemChanged.connect(self._update_profile_buttons)
        self.name_input.textChanged.connect(self._update_profile_buttons)
        self.language_picker.currentIndexChanged.connect(
            lambda: self.languageRequested.emit(self.language_picker.currentData())
        )
        self.backend_save.clicked.connect(
            lambda: self.backendUrlSaveRequested.emit(self.backend_input.text().strip())
        )
        self.retranslate_ui()

    # What the controller reports.
    def show_profiles(self, names: list[str], current: str) -> None:
        self._current = current
        self.profile_list.clear()
        self.profile_list.addItems(names)
        matches = self.profile_list.findItems(current, Qt.MatchFlag.MatchExactly)
        if matches:
            self.profile_list.setCurrentItem(matches[0])
        self._render_current()

    def show_backend_url(self, url: str) -> None:
        self.backend_input.setText(url)

    def backend_url_saved(self) -> None:
        self._backend_saved = True
        self._render_backend_result()

    def show_keyring_backend(self, name: str) -> None:
        """``name`` is empty while no keyring call has found the storage (it may hang)."""
        self._keyring_name = name
        self._render_keyring_name()

    def _render_keyring_name(self) -> None:
        if self._keyring_name is not None:
            self.keyring_value.setText(self._keyring_name or self.tr("not identified"))

    def show_error(self, error: AmoError) -> None:
        self.error.show_error(error)

    def set_language(self, language: str) -> None:
        self.language_picker.blockSignals(True)
        self.language_picker.setCurrentIndex(self.language_picker.findData(language))
        self.language_picker.blockSignals(False)

    # Intents.
    def _selected(self) -> str:
        item = self.profile_list.currentItem()
        return item.text() if item is not None else ""

    def _add_clicked(self) -> None:
        self.error.clear()
        self.addProfileRequested.emit(self.name_input.text().strip())

    def _switch_clicked(self) -> None:
        if self._selected():
            self.error.clear()
            self.switchProfileRequested.emit(self._selected())

    def _rename_clicked(self) -> None:
        if self._selected() and self.name_input.text().strip():
            self.error.clear()
            self.renameProfileRequested.emit(self._selected(), self.name_input.text().strip())

    def _delete_clicked(self) -> None:
        name = self._selected()
        if not name:
            return
        # open(), not exec(): a nested modal loop would stall the event loop's tasks.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete profile"),
            fill(
                self.tr(
                    "Delete the profile “%1”? Its secret key and tokens are removed from the "
                    "keyring too. This cannot be undone."
                ),
                name,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("deleteProfileConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(lambda: self._confirmed_delete(name))
        self._confirm = box
        box.open()

    def _confirmed_delete(self, name: str) -> None:
        self.error.clear()  # an earlier failure is not about this deletion
        self.deleteProfileRequested.emit(name)

    def _render_current(self) -> None:
        self.current_value.setText(self._current)

    def _update_profile_buttons(self) -> None:
        # A button that cannot act stays off and its tooltip says what it is waiting for.
        selected = bool(self._selected())
        named = bool(self.name_input.text().strip())
        pick_first = self.tr("Select a profile in the list first.")
        self.switch_button.setEnabled(selected)
        self.switch_button.setToolTip("" if selected else pick_first)
        self.delete_button.setEnabled(selected)
        self.delete_button.setToolTip("" if selected else pick_first)
        self.rename_button.setEnabled(selected and named)
        if not selected:
            self.rename_button.setToolTip(pick_first)
        elif not named:
            self.rename_button.setToolTip(self.tr("Type the new name below first."))
        else:
            self.rename_button.setToolTip("")

    def _render_backend_result(self) -> None:
        self.backend_result.setText(self.tr("✓ Saved") if self._backend_saved else "")

    def retranslate_ui(self) -> None:
        self.profiles_box.setTitle(self.tr("Profiles"))
        self.current_label.setText(self.tr("Current profile:"))
        self.name_input.setPlaceholderText(self.tr("Name for a new or renamed profile"))
        self.name_input.setAccessibleName(self.tr("Profile name"))
        self.add_button.setText(self.tr("Add…"))
        self.switch_button.setText(self.tr("Switch to"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete…"))
        self.general_box.setTitle(self.tr("General"))
        self.language_label.setText(self.tr("Language:"))
        self.backend_label.setText(self.tr("Backend address:"))
        self.backend_input.setPlaceholderText(self.tr("e.g. http://localhost:3000"))
        self.backend_save.setText(self.tr("Save"))
        self.keyring_label.setText(self.tr("Keyring in use:"))
        self._update_profile_buttons()
        self._render_current()
        self._render_backend_result()
        self._render_keyring_name()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
