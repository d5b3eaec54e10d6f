"""The activity log tab: what the app did (requests, token refreshes, listener events), live."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.logbook import LogEntry
from amo_desktop.gui.language import fill
from amo_desktop.gui.troubleshooting.log_model import ActivityLogModel, LogColumn

COLUMN_WIDTHS = {
    LogColumn.TIME: 80,
    LogColumn.KIND: 90,
    LogColumn.STATUS: 60,
    LogColumn.DURATION: 80,
}


class LogPanel(QWidget):
    """A filterable table over :class:`ActivityLogModel` that follows new entries while the
    person is at the bottom and keeps its place when they scrolled up to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("troubleshootingLog")
        self.model = ActivityLogModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.help = QLabel(self)
        self.help.setObjectName("logHelp")
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #5f6368;")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("logFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.textChanged.connect(self._update_count)
        self.count = QLabel(self)
        self.count.setObjectName("logCount")
        self.table = QTableView(self)
        self.table.setObjectName("logTable")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LogColumn.EVENT, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)

        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    def add_entries(self, entries: Sequence[LogEntry]) -> None:
        """Append a batch; scroll along only if the newest row was already in view."""
        scroll = self.table.verticalScrollBar()
        following = scroll.value() >= scroll.maximum()
        self.model.append_entries(entries)
        self._update_count()
        if following:
            self.table.scrollToBottom()

    def shown_events(self) -> list[str]:
        """The "What happened" texts of the rows shown, oldest first."""
        return [
            str(self.proxy.index(row, LogColumn.EVENT).data())
            for row in range(self.proxy.rowCount())
        ]

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(fill(self.tr("%1 entries"), total))
        else:
            self.count.setText(fill(self.tr("%1 of %2 entries"), shown, total))

    def retranslate_ui(self) -> None:
        self.help.setText(
            self.tr(
                "Everything the app did with amoCRM and your backend: requests with their "
                "answer and time, token refreshes and listener events. Secrets and tokens are "
                "always hidden."
            )
        )
        self.filter.setPlaceholderText(self.tr("Filter: a path, a status, a word"))
        self.filter.setAccessibleName(self.tr("Filter the activity log"))
        self.table.setAccessibleName(self.tr("Activity log"))
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
