"""The live table of webhook events: a bounded, batch-fed ``QAbstractTableModel``.

Events are queued and inserted by a timer in batches (one ``beginInsertRows`` per batch), so a
burst of thousands of deliveries costs the event loop a few short steps instead of one long
freeze. Only the newest ``max_rows`` events stay in memory; older ones remain in the journal.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from amo_desktop.core.webhooks.records import ForwardResult
from amo_desktop.gui.models.row_table import AnyIndex, BoundedRowTableModel
from amo_desktop.gui.webhooks.forward_problems import forward_problem
from amo_desktop.gui.webhooks.rows import EventRow, ForwardState
from amo_desktop.gui.webhooks.vocabulary import action_label, entity_label

EVENT_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
FORWARD_STATE_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3

FAILED_COLOUR = QColor("#b3261e")
FOREIGN_COLOUR = QColor("#8a5a00")


class EventColumn(IntEnum):
    TIME = 0
    ACCOUNT = 1
    ENTITY = 2
    ACTION = 3
    ENTITY_ID = 4
    SUMMARY = 5
    FORWARD = 6
    LATENCY = 7


CONTEXT = "WebhookEventModel"

HEADERS = {
    EventColumn.TIME: QT_TRANSLATE_NOOP("WebhookEventModel", "Time"),
    EventColumn.ACCOUNT: QT_TRANSLATE_NOOP("WebhookEventModel", "Account"),
    EventColumn.ENTITY: QT_TRANSLATE_NOOP("WebhookEventModel", "Entity"),
    EventColumn.ACTION: QT_TRANSLATE_NOOP("WebhookEventModel", "Action"),
    EventColumn.ENTITY_ID: QT_TRANSLATE_NOOP("WebhookEventModel", "ID"),
    EventColumn.SUMMARY: QT_TRANSLATE_NOOP("WebhookEventModel", "Summary"),
    EventColumn.FORWARD: QT_TRANSLATE_NOOP("WebhookEventModel", "Forward"),
    EventColumn.LATENCY: QT_TRANSLATE_NOOP("WebhookEventModel", "Latency"),
}

FORWARD_STATE_LABELS = {
    ForwardState.OFF: QT_TRANSLATE_NOOP("WebhookEventModel", "not forwarded"),
    ForwardState.PENDING: QT_TRANSLATE_NOOP("WebhookEventModel", "sending…"),
    ForwardState.OK: QT_TRANSLATE_NOOP("WebhookEventModel", "delivered"),
    ForwardState.FAILED: QT_TRANSLATE_NOOP("WebhookEventModel", "failed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def forward_state_label(state: ForwardState) -> str:
    """The words the table and the filter use for a forward state."""
    return _tr(str(FORWARD_STATE_LABELS[state]))


class WebhookEventModel(BoundedRowTableModel[EventRow]):
    """Decoded events, oldest first, at most ``max_rows`` of them.

    Feed it with :meth:`enqueue` from any number of callbacks; rows appear on the next flush
    (every ``flush_interval_ms``, at most ``batch_size`` rows per flush). Forward results may
    arrive before or after their rows; :meth:`set_forward_result` handles both.
    """

    rows_flushed = Signal(int)  # how many rows the last flush inserted
    trimmed = Signal(int)  # how many old rows were dropped from memory
    columns = EventColumn
    headers = HEADERS
    translation_context = CONTEXT

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_rows: int = 5000,
        flush_interval_ms: int = 50,
        batch_size: int = 500,
    ) -> None:
        super().__init__(parent, max_rows=max_rows)
        # A batch never outgrows the table, so every queued row is shown at least once.
        self._batch_size = min(batch_size, max_rows)
        self._pending: deque[EventRow] = deque()
        self._outcomes: dict[str, ForwardResult] = {}
        # Rows are only ever removed from the front, so a running sequence number gives each
        # row's position in O(1): position = seq - first_seq.
        self._first_seq = 0
        self._seqs_by_delivery: dict[str, list[int]] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(flush_interval_ms)
        self._flush_timer.timeout.connect(self.flush)

    # --- feeding -------------------------------------------------------------------------
    def enqueue(self, rows: Iterable[EventRow]) -> None:
        """Queue rows for the next batch insert."""
        self._pending.extend(rows)
        if self._pending and not self._flush_timer.isActive():
            self._flush_timer.start()

    def pending_count(self) -> int:
        return len(self._pending)

    def flush(self) -> None:
        """Insert up to one batch of queued rows, dropping the oldest beyond the bound."""
        if not self._pending:
            self._flush_timer.stop()
            return
        count = min(len(self._pending), self._batch_size)
        batch = [self._pending.popleft() for _ in range(count)]
        # Number the new rows before the oldest go, so that a delivery split across batches
        # keeps its forward outcome while any of its rows is still shown.
        next_seq = self._first_seq + len(self._rows)
        for offset, row in enumerate(batch):
            self._seqs_by_delivery.setdefault(row.delivery_id, []).append(next_seq + offset)
        dropped = self.append_rows(batch)
        if dropped:
            self.trimmed.emit(dropped)
        self.rows_flushed.emit(count)
        if not self._pending:
            self._flush_timer.stop()

    def _forget(self, dropped: list[EventRow]) -> None:
        self._first_seq += len(dropped)
        for row in dropped:
            delivery_id = row.delivery_id
            seqs = self._seqs_by_delivery.get(delivery_id)
            if seqs is None:
                continue
            remaining = [seq for seq in seqs if seq >= self._first_seq]
            if remaining:
                self._seqs_by_delivery[delivery_id] = remaining
            else:
                del self._seqs_by_delivery[delivery_id]
                self._outcomes.pop(delivery_id, None)

    def set_forward_result(self, result: ForwardResult) -> None:
        """Record how forwarding went and refresh that delivery's rows if they are shown."""
        self._outcomes[result.delivery_id] = result
        for seq in self._seqs_by_delivery.get(result.delivery_id, ()):
            position = seq - self._first_seq
            self.dataChanged.emit(
                self.index(position, EventColumn.FORWARD),
                self.index(position, EventColumn.LATENCY),
            )

    def clear(self) -> None:
        """Forget every row (the journal keeps them)."""
        self.beginResetModel()
        self._rows.clear()
        self._pending.clear()
        self._outcomes.clear()
        self._seqs_by_delivery.clear()
        self._first_seq = 0
        self.endResetModel()

    # --- reading -------------------------------------------------------------------------
    def event_at(self, row: int) -> EventRow:
        return self._rows[row]

    def forward_outcome(self, delivery_id: str) -> ForwardResult | None:
        return self._outcomes.get(delivery_id)

    def forward_state(self, row: EventRow) -> ForwardState:
        outcome = self._outcomes.get(row.delivery_id)
        if outcome is not None:
            return ForwardState.of(outcome)
        return ForwardState.PENDING if row.forwarding else ForwardState.OFF

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = EventColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            EventColumn.ENTITY_ID,
            EventColumn.LATENCY,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == EVENT_ROW_ROLE:
            return row
        if role == FORWARD_STATE_ROLE:
            return self.forward_state(row).value
        if role == SEARCH_TEXT_ROLE:
            event = row.event
            return " ".join((row.summary, row.entity_id, row.account, event.kind, event.action))
        return None

    def _display(self, row: EventRow, column: EventColumn) -> str:
        if column == EventColumn.TIME:
            return datetime.fromtimestamp(row.event.received_at).strftime("%H:%M:%S")
        if column == EventColumn.ACCOUNT:
            return row.account
        if column == EventColumn.ENTITY:
            return entity_label(row.event.kind)
        if column == EventColumn.ACTION:
            return action_label(row.event.action)
        if column == EventColumn.ENTITY_ID:
            return row.entity_id
        if column == EventColumn.SUMMARY:
            return row.summary
        outcome = self._outcomes.get(row.delivery_id)
        if column == EventColumn.FORWARD:
            label = forward_state_label(self.forward_state(row))
            if outcome is not None and outcome.status is not None:
                return f"{outcome.status} {label}"
            return label
        if outcome is None or outcome.elapsed_ms is None:
            return ""
        return QCoreApplication.translate("WebhookEventModel", "%1 ms").replace(
            "%1", f"{outcome.elapsed_ms:.0f}"
        )

    def _tooltip(self, row: EventRow, column: EventColumn) -> str | None:
        if column == EventColumn.TIME:
            return datetime.fromtimestamp(row.event.received_at).strftime("%Y-%m-%d %H:%M:%S")
        if column == EventColumn.ACCOUNT and row.event.foreign_account:
            return QCoreApplication.translate(
                "WebhookEventModel", "This event came from another account than the connected one."
            )
        if column == EventColumn.FORWARD:
            outcome = self._outcomes.get(row.delivery_id)
            if outcome is None or not outcome.error:
                return None
            return forward_problem(outcome.error)
        if column == EventColumn.SUMMARY:
            return row.summary
        return None

    def _foreground(self, row: EventRow, column: EventColumn) -> QBrush | None:
        if column == EventColumn.FORWARD and self.forward_state(row) == ForwardState.FAILED:
            return QBrush(FAILED_COLOUR)
        if column == EventColumn.ACCOUNT and row.event.foreign_account:
            return QBrush(FOREIGN_COLOUR)
        return None
