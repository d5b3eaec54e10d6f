"""Labels that show data (names, ids, addresses) rather than interface text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# Widgets with this dynamic property show values from the user's account or configuration.
# They are never translated, so the translation test skips them.
DATA_PROPERTY = "amoData"


def mark_as_data(widget: QWidget) -> QWidget:
    """Tag ``widget`` as showing data, not interface text."""
    widget.setProperty(DATA_PROPERTY, True)
    return widget


class DataLabel(QLabel):
    """A selectable label for a value from the account or the configuration."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)
        mark_as_data(self)
