"""The checks of one run as a list model: every planned check, its result once it is known."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from amo_desktop.core.diagnostics import CheckResult, Outcome
from amo_desktop.gui.troubleshooting.outcome_style import outcome_icon, outcome_word

AnyIndex = QModelIndex | QPersistentModelIndex

CHECK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2  # an Outcome, or None while the check runs
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
FIX_ROLE = Qt.ItemDataRole.UserRole + 4
RESULT_ROLE = Qt.ItemDataRole.UserRole + 5


@dataclass
class CheckRow:
    id: str
    title: str
    result: CheckResult | None = None


class CheckResultsModel(QAbstractListModel):
    """Rows in reading order; a row is "running" until :meth:`set_result` fills it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CheckRow] = []

    # --- filling -----------------------------------------------------------------------------
    def plan(self, planned: list[tuple[str, str]]) -> None:
        """Start a run: one running row per ``(id, title)``."""
        self.beginResetModel()
        self._rows = [CheckRow(check_id, title) for check_id, title in planned]
        self.endResetModel()

    def clear(self) -> None:
        self.plan([])

    def set_result(self, result: CheckResult) -> None:
        """Fill the row of ``result.id`` (a check nobody planned is appended)."""
        for number, row in enumerate(self._rows):
            if row.id == result.id:
                row.title = result.title
                row.result = result
                index = self.index(number)
                self.dataChanged.emit(index, index)
                return
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(CheckRow(result.id, result.title, result))
        self.endInsertRows()

    # --- reading -----------------------------------------------------------------------------
    def finished_count(self) -> int:
        return sum(1 for row in self._rows if row.result is not None)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self._rows if row.result and row.result.outcome is outcome)

    def row_of(self, check_id: str) -> int:
        """The row of ``check_id``, or -1."""
        return next((n for n, row in enumerate(self._rows) if row.id == check_id), -1)

    def check_at(self, row: int) -> CheckRow:
        return self._rows[row]

    # --- QAbstractListModel ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        result = row.result
        outcome = result.outcome if result else None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.DecorationRole:
            return outcome_icon(outcome)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.title}: {outcome_word(outcome)}"
        if role == CHECK_ID_ROLE:
            return row.id
        if role == OUTCOME_ROLE:
            return outcome
        if role == DETAIL_ROLE:
            return result.detail if result else ""
        if role == FIX_ROLE:
            return result.fix if result else ""
        if role == RESULT_ROLE:
            return result
        return None
