"""A read-only value with a Copy button, for values the user pastes somewhere else."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from amo_desktop.gui.widgets.data_label import mark_as_data


class CopyableField(QWidget):
    """A read-only line with a Copy button.

    The line is named ``<object_name>`` and the button ``<object_name>Copy``.

    Signals:
        copied(str): the value was put on the clipboard.
    """

    copied = Signal(str)

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setReadOnly(True)
        self.line.setObjectName(object_name)
        mark_as_data(self.line)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName(f"{object_name}Copy")
        self.copy_button.clicked.connect(self.copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.copy_button)
        self.retranslate_ui()

    def set_text(self, text: str) -> None:
        self.line.setText(text)
        self.line.setCursorPosition(0)

    def text(self) -> str:
        return self.line.text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.line.text())
        self.copy_button.setText(self.tr("Copied"))
        self.copied.emit(self.line.text())

    def retranslate_ui(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
