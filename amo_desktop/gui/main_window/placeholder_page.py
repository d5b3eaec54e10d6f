"""Stands in for a page whose area is not built yet (Webhooks, Troubleshooting)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A short, translated note that this part comes in a later version."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.note = QLabel(self)
        self.note.setObjectName(f"{object_name}Note")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.note.setText(self.tr("This part of the assistant is coming in a later version."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
