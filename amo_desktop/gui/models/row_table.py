"""Read-only table models with one Python object a row and one ``IntEnum`` member a column.

The live tables (webhook events, refused requests, the activity log) only ever add rows at
the end and keep the newest ``max_rows``; :class:`BoundedRowTableModel` does that with one
remove and one insert per batch, so a burst costs the views two updates, not one per row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

AnyIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat list of rows shown in the columns of ``columns``.

    A subclass names ``columns``, the header texts (``headers``, marked with
    ``QT_TRANSLATE_NOOP`` under ``translation_context``) and answers :meth:`data`.
    """

    columns: ClassVar[type[IntEnum]]
    # Keyed by the members of ``columns``; QT_TRANSLATE_NOOP is typed as returning object.
    headers: ClassVar[Mapping[Any, object]]
    translation_context: ClassVar[str]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def row_at(self, index: AnyIndex) -> RowT | None:
        """The row object behind ``index``, or None for an index outside the table."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def retranslate_headers(self) -> None:
        """Let the views re-read the header texts after a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.columns):
                source = str(self.headers[self.columns(section)])
                return QCoreApplication.translate(self.translation_context, source)
            return None
        return super().headerData(section, orientation, role)


class BoundedRowTableModel(RowTableModel[RowT]):
    """Rows appended at the end; only the newest ``max_rows`` stay, oldest first."""

    def __init__(self, parent: QObject | None = None, *, max_rows: int) -> None:
        super().__init__(parent)
        self._max_rows = max_rows

    def append_rows(self, rows: Sequence[RowT]) -> int:
        """Add a batch with one insert, first dropping the oldest rows beyond the bound.

        Returns how many rows were dropped from the table.
        """
        batch = list(rows)[-self._max_rows :]
        if not batch:
            return 0
        overflow = max(0, len(self._rows) + len(batch) - self._max_rows)
        if overflow:
            self.beginRemoveRows(QModelIndex(), 0, overflow - 1)
            dropped = self._rows[:overflow]
            del self._rows[:overflow]
            self._forget(dropped)
            self.endRemoveRows()
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()
        return overflow

    def _forget(self, dropped: list[RowT]) -> None:
        """Drop whatever a subclass keeps about rows leaving the table (default: nothing)."""
