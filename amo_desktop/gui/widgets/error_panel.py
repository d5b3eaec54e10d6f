"""A readable error: the catalogue's title, message and hint, with an optional way to fix it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.language import current_language


class ErrorPanel(QFrame):
    """Shows one :class:`AmoError` in the current language and re-localizes on a switch.

    Children are named ``<object_name>Title``, ``...Message``, ``...Hint``, ``...Action``.

    Signals:
        actionRequested(): the user pressed the fix button (see :meth:`set_action`).
    """

    actionRequested = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#{object_name} {{ background: #fdecea; border: 1px solid #e0b4b4;"
            " border-radius: 6px; }"
        )
        self._error: AmoError | None = None
        self.title = QLabel(self)
        self.title.setObjectName(f"{object_name}Title")
        self.title.setStyleSheet("font-weight: bold; color: #8a1f11;")
        self.title.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName(f"{object_name}Message")
        self.message.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setObjectName(f"{object_name}Hint")
        self.hint.setWordWrap(True)
        self.action = QPushButton(self)
        self.action.setObjectName(f"{object_name}Action")
        self.action.clicked.connect(self.actionRequested)
        self.action.hide()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.message, self.hint):
            layout.addWidget(widget)
        layout.addWidget(self.action)
        self.hide()

    @property
    def error(self) -> AmoError | None:
        return self._error

    def show_error(self, error: AmoError) -> None:
        self._error = error
        self._render()
        self.show()

    def set_action(self, text: str | None) -> None:
        """Offer a fix button with ``text`` (already translated), or none."""
        self.action.setVisible(bool(text))
        self.action.setText(text or "")

    def clear(self) -> None:
        self._error = None
        self.set_action(None)
        self.hide()

    def _render(self) -> None:
        if self._error is None:
            return
        text = self._error.localized(current_language())
        self.title.setText(text.title)
        self.message.setText(text.message)
        self.hint.setText(text.hint)
        self.hint.setVisible(bool(text.hint))
        self.setAccessibleDescription(f"{text.title}. {text.message} {text.hint}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
