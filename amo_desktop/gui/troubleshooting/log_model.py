"""The activity log as a bounded table model fed in batches.

Entries arrive already masked from the core's :class:`~amo_desktop.core.logbook.Logbook`;
this model only shows them and never has anything to unmask.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from amo_desktop.core.logbook import LogEntry
from amo_desktop.gui.language import fill
from amo_desktop.gui.models.row_table import AnyIndex, BoundedRowTableModel

CONTEXT = "ActivityLogModel"
MAX_ROWS = 5000
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_COLOUR = QColor("#b3261e")


class LogColumn(IntEnum):
    TIME = 0
    KIND = 1
    EVENT = 2
    STATUS = 3
    DURATION = 4


HEADERS = {
    LogColumn.TIME: QT_TRANSLATE_NOOP("ActivityLogModel", "Time"),
    LogColumn.KIND: QT_TRANSLATE_NOOP("ActivityLogModel", "Kind"),
    LogColumn.EVENT: QT_TRANSLATE_NOOP("ActivityLogModel", "What happened"),
    LogColumn.STATUS: QT_TRANSLATE_NOOP("ActivityLogModel", "Status"),
    LogColumn.DURATION: QT_TRANSLATE_NOOP("ActivityLogModel", "Time taken"),
}
KINDS = {
    "http": QT_TRANSLATE_NOOP("ActivityLogModel", "request"),
    "token": QT_TRANSLATE_NOOP("ActivityLogModel", "tokens"),
    "listener": QT_TRANSLATE_NOOP("ActivityLogModel", "listener"),
    "info": QT_TRANSLATE_NOOP("ActivityLogModel", "note"),
    "error": QT_TRANSLATE_NOOP("ActivityLogModel", "error"),
}


MILLISECONDS = QT_TRANSLATE_NOOP("ActivityLogModel", "%1 ms")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_label(kind: str) -> str:
    source = KINDS.get(kind)
    return _tr(str(source)) if source else kind


def _is_failure(entry: LogEntry) -> bool:
    if entry.kind == "error":
        return True
    status = entry.fields.get("status", "")
    return entry.kind == "http" and status.isdigit() and int(status) >= 400


class ActivityLogModel(BoundedRowTableModel[LogEntry]):
    """The newest ``max_rows`` log entries, oldest first."""

    columns = LogColumn
    headers = HEADERS
    translation_context = CONTEXT

    def __init__(self, parent: QObject | None = None, *, max_rows: int = MAX_ROWS) -> None:
        super().__init__(parent, max_rows=max_rows)

    def append_entries(self, entries: Sequence[LogEntry]) -> None:
        """Add a batch with one insert (and drop the oldest rows beyond the limit)."""
        self.append_rows(entries)

    def entry_at(self, row: int) -> LogEntry:
        return self._rows[row]

    def retranslate(self) -> None:
        """Re-read the words (kinds, headers) after a language switch."""
        self.retranslate_headers()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(LogColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.row_at(index)
        if entry is None:
            return None
        column = LogColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.format_line()
        if role == Qt.ItemDataRole.ForegroundRole and _is_failure(entry):
            return ERROR_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LogColumn.STATUS,
            LogColumn.DURATION,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTRY_ROLE:
            return entry
        return None

    def _display(self, entry: LogEntry, column: LogColumn) -> str:
        fields = entry.fields
        is_request = entry.kind == "http" and "method" in fields
        if column is LogColumn.TIME:
            return time.strftime("%H:%M:%S", time.localtime(entry.time))
        if column is LogColumn.KIND:
            return kind_label(entry.kind)
        if column is LogColumn.EVENT:
            if is_request:
                host = fields.get("host", "")
                return f"{fields['method']} {host}{fields.get('path', '')}"
            return entry.message
        if column is LogColumn.STATUS:
            return fields.get("status", "") if is_request else ""
        ms = fields.get("ms", "")
        return fill(_tr(str(MILLISECONDS)), ms) if is_request and ms else ""
