"""The Webhooks page: listener controls, the live table with filters and details, rejected
requests, the account's subscriptions and the two-way check."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.webhooks.records import ForwardResult, Rejection
from amo_desktop.gui.webhooks.detail_pane import EventDetailPane
from amo_desktop.gui.webhooks.event_model import (
    EventColumn,
    WebhookEventModel,
    forward_state_label,
)
from amo_desktop.gui.webhooks.filter_proxy import WebhookFilterProxy
from amo_desktop.gui.webhooks.listener_panel import ListenerPanel
from amo_desktop.gui.webhooks.rejected_model import RejectedColumn, RejectedRequestModel
from amo_desktop.gui.webhooks.rows import EventRow, ForwardState
from amo_desktop.gui.webhooks.subscriptions_panel import SubscriptionsPanel
from amo_desktop.gui.webhooks.sync_check_panel import SyncCheckPanel
from amo_desktop.gui.webhooks.vocabulary import (
    ACTIONS,
    ENTITY_KINDS,
    action_label,
    entity_label,
)

COLUMN_WIDTHS = {
    EventColumn.TIME: 70,
    EventColumn.ACCOUNT: 90,
    EventColumn.ENTITY: 90,
    EventColumn.ACTION: 120,
    EventColumn.ENTITY_ID: 70,
    EventColumn.FORWARD: 120,
    EventColumn.LATENCY: 70,
}


class WebhooksPage(QWidget):
    """Renders webhook traffic and emits the user's intents through its panels' signals.

    The page does no I/O: :func:`amo_desktop.gui.webhooks.wiring.connect_page` connects it to
    a :class:`~amo_desktop.gui.controllers.webhooks.WebhooksController`.
    """

    def __init__(self, parent: QWidget | None = None, *, max_rows: int = 5000) -> None:
        super().__init__(parent)
        self.setObjectName("webhooksPage")
        self.listener = ListenerPanel(self)

        self.model = WebhookEventModel(self, max_rows=max_rows)
        self.proxy = WebhookFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("webhookEventsTable")
        self.table.setModel(self.proxy)
        self._configure_table(self.table)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(
            EventColumn.SUMMARY, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._follow_bottom = True
        self.proxy.rowsAboutToBeInserted.connect(self._remember_bottom)
        self.proxy.rowsInserted.connect(self._follow_new_rows)
        self.proxy.rowsAboutToBeRemoved.connect(self._remember_bottom)
        self.proxy.rowsRemoved.connect(self._keep_position_after_trim)

        self.entity_filter = QComboBox(self)
        self.entity_filter.setObjectName("webhookFilterEntity")
        self.action_filter = QComboBox(self)
        self.action_filter.setObjectName("webhookFilterAction")
        self.forward_filter = QComboBox(self)
        self.forward_filter.setObjectName("webhookFilterForward")
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("webhookFilterText")
        self.text_filter.setClearButtonEnabled(True)
        self.entity_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_entity(self.entity_filter.currentData() or "")
        )
        self.action_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_action(self.action_filter.currentData() or "")
        )
        self.forward_filter.currentIndexChanged.connect(self._forward_filter_changed)
        self.text_filter.textChanged.connect(self.proxy.set_text)
        self.counters = QLabel(self)
        self.counters.setObjectName("webhookCounters")
        self.model.rows_flushed.connect(lambda _n: self._render_counters())
        self.proxy.layoutChanged.connect(self._render_counters)
        self.proxy.rowsRemoved.connect(lambda *_a: self._render_counters())
        self.proxy.modelReset.connect(self._render_counters)
        self._received = 0

        self.details = EventDetailPane(self)

        self.rejected_model = RejectedRequestModel(self)
        self.rejected_table = QTableView(self)
        self.rejected_table.setObjectName("webhookRejectedTable")
        self.rejected_table.setModel(self.rejected_model)
        self._configure_table(self.rejected_table)
        self.rejected_table.horizontalHeader().setSectionResizeMode(
            RejectedColumn.REASON, QHeaderView.ResizeMode.Stretch
        )
        self.rejected_help = QLabel(self)
        self.rejected_help.setWordWrap(True)
        self.rejected_model.count_changed.connect(lambda _n: self._render_counters())

        self.subscriptions = SubscriptionsPanel(self)
        self.sync_check = SyncCheckPanel(self)

        filters = QHBoxLayout()
        self.filter_label = QLabel(self)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.entity_filter)
        filters.addWidget(self.action_filter)
        filters.addWidget(self.forward_filter)
        filters.addWidget(self.text_filter, 1)
        events_tab = QWidget(self)
        events_layout = QVBoxLayout(events_tab)
        events_layout.addLayout(filters)
        # Table above details: the summary column gets the full width.
        self.splitter = QSplitter(Qt.Orientation.Vertical, events_tab)
        self.splitter.setObjectName("webhookEventsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1, 1])  # proportions: half for the table, half for details
        events_layout.addWidget(self.splitter, 1)
        events_layout.addWidget(self.counters)
        rejected_tab = QWidget(self)
        rejected_layout = QVBoxLayout(rejected_tab)
        rejected_layout.addWidget(self.rejected_help)
        rejected_layout.addWidget(self.rejected_table, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("webhookTabs")
        self.tabs.addTab(events_tab, "")
        self.tabs.addTab(rejected_tab, "")
        self.tabs.addTab(self.subscriptions, "")
        self.tabs.addTab(self.sync_check, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.listener)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    # --- what the controller reports ------------------------------------------------------
    def clear_profile(self) -> None:
        """Forget everything shown for the profile just left (its journal keeps the events)."""
        self.model.clear()
        self.rejected_model.clear()
        self._received = 0
        self.details.show_event(None)
        self.subscriptions.clear()
        self.sync_check.clear()
        self._render_counters()

    def add_events(self, rows: Iterable[EventRow]) -> None:
        batch = list(rows)
        self._received += len(batch)
        self.model.enqueue(batch)

    def add_rejection(self, rejection: Rejection) -> None:
        self.rejected_model.add(rejection)

    def set_forward_result(self, result: ForwardResult) -> None:
        self.model.set_forward_result(result)
        self.listener.show_forward_result(result)

    def set_forward_target(self, url: str) -> None:
        self.listener.set_forward_target(url)
        self.details.set_has_forward_target(bool(url))

    # --- internals ---------------------------------------------------------------------------
    @staticmethod
    def _configure_table(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        vertical = table.verticalHeader()
        vertical.hide()
        # Fixed row heights keep layout cheap when thousands of rows arrive.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)

    def _at_bottom(self) -> bool:
        bar = self.table.verticalScrollBar()
        return bar.value() >= bar.maximum()

    def _remember_bottom(self, *_args: object) -> None:
        self._follow_bottom = self._at_bottom()

    def _follow_new_rows(self, *_args: object) -> None:
        if self._follow_bottom:
            self.table.scrollToBottom()

    def _keep_position_after_trim(self, _parent: QModelIndex, first: int, last: int) -> None:
        if self._follow_bottom:
            self.table.scrollToBottom()
        elif first == 0:
            bar = self.table.verticalScrollBar()
            bar.setValue(max(0, bar.value() - (last - first + 1)))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            self.details.show_event(None)
            return
        source = self.proxy.mapToSource(indexes[0])
        self.details.show_event(self.model.event_at(source.row()))

    def _forward_filter_changed(self, _index: int) -> None:
        value = self.forward_filter.currentData()
        self.proxy.set_forward_state(ForwardState(value) if value else None)

    def _render_counters(self) -> None:
        self.counters.setText(
            self.tr("Shown: %1 · in memory: %2 · received: %3 · rejected: %4")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
            .replace("%3", str(self._received))
            .replace("%4", str(self.rejected_model.total))
        )
        self.tabs.setTabText(
            1, self.tr("Rejected (%1)").replace("%1", str(self.rejected_model.total))
        )

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for label, value in items:
            combo.addItem(label, value)
        position = combo.findData(current)
        combo.setCurrentIndex(max(0, position))
        combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.filter_label.setText(self.tr("Show:"))
        self._refill(
            self.entity_filter,
            self.tr("All entities"),
            [(entity_label(kind), kind) for kind in ENTITY_KINDS],
        )
        self._refill(
            self.action_filter,
            self.tr("All actions"),
            [(action_label(action), action) for action in ACTIONS],
        )
        self._refill(
            self.forward_filter,
            self.tr("Any forward result"),
            [(forward_state_label(state), state.value) for state in ForwardState],
        )
        self.entity_filter.setAccessibleName(self.tr("Filter by entity"))
        self.action_filter.setAccessibleName(self.tr("Filter by action"))
        self.forward_filter.setAccessibleName(self.tr("Filter by forward result"))
        self.text_filter.setPlaceholderText(self.tr("Search in summary, id, account…"))
        self.text_filter.setAccessibleName(self.tr("Search events"))
        self.table.setAccessibleName(self.tr("Webhook events"))
        self.rejected_table.setAccessibleName(self.tr("Rejected requests"))
        self.rejected_help.setText(
            self.tr(
                "Requests the listener refused: a wrong or missing secret, something that is"
                " not an amoCRM webhook, a wrong address. They are counted here and not"
                " treated as events."
            )
        )
        self.tabs.setTabText(0, self.tr("Events"))
        self.tabs.setTabText(2, self.tr("Subscriptions"))
        self.tabs.setTabText(3, self.tr("Two-way check"))
        self._render_counters()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.retranslate_headers()
            self.rejected_model.retranslate_headers()
        super().changeEvent(event)
