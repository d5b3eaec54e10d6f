"""Refused requests (wrong secret, not a webhook body, too large …), newest last, bounded."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal

from amo_desktop.core.webhooks.records import Rejection
from amo_desktop.gui.models.row_table import AnyIndex, BoundedRowTableModel
from amo_desktop.gui.webhooks.vocabulary import rejection_label


class RejectedColumn(IntEnum):
    TIME = 0
    STATUS = 1
    REASON = 2
    REQUEST = 3


HEADERS = {
    RejectedColumn.TIME: QT_TRANSLATE_NOOP("RejectedRequestModel", "Time"),
    RejectedColumn.STATUS: QT_TRANSLATE_NOOP("RejectedRequestModel", "Answer"),
    RejectedColumn.REASON: QT_TRANSLATE_NOOP("RejectedRequestModel", "Reason"),
    RejectedColumn.REQUEST: QT_TRANSLATE_NOOP("RejectedRequestModel", "Request"),
}


class RejectedRequestModel(BoundedRowTableModel[Rejection]):
    """Keeps the newest ``max_rows`` rejections and counts all of them."""

    count_changed = Signal(int)
    columns = RejectedColumn
    headers = HEADERS
    translation_context = "RejectedRequestModel"

    def __init__(self, parent: QObject | None = None, *, max_rows: int = 1000) -> None:
        super().__init__(parent, max_rows=max_rows)
        self._total = 0

    @property
    def total(self) -> int:
        """Every rejection seen since the listener started, including those no longer kept."""
        return self._total

    def add(self, row: Rejection) -> None:
        self.append_rows([row])
        self._total += 1
        self.count_changed.emit(self._total)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._total = 0
        self.endResetModel()
        self.count_changed.emit(0)

    def rejection_at(self, row: int) -> Rejection:
        return self._rows[row]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = RejectedColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == RejectedColumn.TIME:
                return datetime.fromtimestamp(row.at).strftime("%H:%M:%S")
            if column == RejectedColumn.STATUS:
                return str(row.status)
            if column == RejectedColumn.REASON:
                return rejection_label(row.reason)
            return f"{row.method} {row.path}"
        if role == Qt.ItemDataRole.ToolTipRole and column == RejectedColumn.REASON:
            return row.detail or row.reason
        return None
