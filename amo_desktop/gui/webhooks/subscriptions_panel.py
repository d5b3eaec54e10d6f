"""The account's webhook subscriptions: list, subscribe an address, unsubscribe."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.models import DEFAULT_WEBHOOK_EVENTS, WebhookSubscription
from amo_desktop.core.web_address import is_web_address
from amo_desktop.core.webhooks.subscriptions import disabled_reason
from amo_desktop.gui.language import current_language
from amo_desktop.gui.models.row_table import AnyIndex, RowTableModel
from amo_desktop.gui.webhooks.event_model import FAILED_COLOUR
from amo_desktop.gui.webhooks.listener_panel import FAIL_STYLE, HIDDEN_VALUE, IDLE_STYLE, OK_STYLE
from amo_desktop.gui.webhooks.vocabulary import subscription_event_label
from amo_desktop.gui.widgets.data_label import mark_as_data

# The listener's secret travels in the destination; the list shows it masked.
SECRET_VALUE = re.compile(r"([?&]secret=)[^&#]*")

# The events a person can tick, in the order shown; the seed's defaults come first.
OFFERED_EVENTS = {
    "add_lead": QT_TRANSLATE_NOOP("SubscriptionsPanel", "Lead created"),
    "update_lead": QT_TRANSLATE_NOOP("SubscriptionsPanel", "Lead changed"),
    "status_lead": QT_TRANSLATE_NOOP("SubscriptionsPanel", "Lead moved to another stage"),
    "add_contact": QT_TRANSLATE_NOOP("SubscriptionsPanel", "Contact created"),
    "update_contact": QT_TRANSLATE_NOOP("SubscriptionsPanel", "Contact changed"),
}


class SubscriptionColumn(IntEnum):
    DESTINATION = 0
    EVENTS = 1
    STATE = 2
    UPDATED = 3


HEADERS = {
    SubscriptionColumn.DESTINATION: QT_TRANSLATE_NOOP("SubscriptionsModel", "Address"),
    SubscriptionColumn.EVENTS: QT_TRANSLATE_NOOP("SubscriptionsModel", "Events"),
    SubscriptionColumn.STATE: QT_TRANSLATE_NOOP("SubscriptionsModel", "State"),
    SubscriptionColumn.UPDATED: QT_TRANSLATE_NOOP("SubscriptionsModel", "Changed"),
}


STATE_ACTIVE = QT_TRANSLATE_NOOP("SubscriptionsModel", "active")
STATE_DISABLED = QT_TRANSLATE_NOOP("SubscriptionsModel", "DISABLED by amoCRM")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SubscriptionsModel", text)


class SubscriptionsModel(RowTableModel[WebhookSubscription]):
    """The subscriptions as the API listed them; disabled ones stand out."""

    columns = SubscriptionColumn
    headers = HEADERS
    translation_context = "SubscriptionsModel"

    def set_subscriptions(self, items: Sequence[WebhookSubscription]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def subscription_at(self, row: int) -> WebhookSubscription:
        return self._rows[row]

    def subscriptions(self) -> list[WebhookSubscription]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        column = SubscriptionColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SubscriptionColumn.DESTINATION:
                return SECRET_VALUE.sub(r"\g<1>" + HIDDEN_VALUE, item.destination)
            if column == SubscriptionColumn.EVENTS:
                return ", ".join(subscription_event_label(name) for name in item.settings)
            if column == SubscriptionColumn.STATE:
                return _tr(str(STATE_DISABLED if item.disabled else STATE_ACTIVE))
            if item.updated_at is None:
                return ""
            return datetime.fromtimestamp(item.updated_at).strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if column == SubscriptionColumn.EVENTS:
                tips.append(", ".join(item.settings))  # amoCRM's own names, as its docs use
            if item.disabled:
                tips.append(disabled_reason(current_language()))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.ForegroundRole and item.disabled:
            return QBrush(FAILED_COLOUR)
        if role == Qt.ItemDataRole.FontRole and item.disabled:
            font = QFont()
            font.setBold(True)
            return font
        return None


class SubscriptionsPanel(QWidget):
    """Lists the account's webhooks and subscribes or unsubscribes an address.

    Signals:
        refreshRequested()
        subscribeRequested(str, object): destination and the ticked event names (a tuple).
        unsubscribeRequested(str): destination.
    """

    refreshRequested = Signal()
    subscribeRequested = Signal(str, object)
    unsubscribeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookSubscriptions")
        self.explanation = QLabel(self)
        self.explanation.setObjectName("webhookSubscriptionsHelp")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)

        self.destination = QLineEdit(self)
        self.destination.setObjectName("webhookSubscribeUrl")
        mark_as_data(self.destination)
        self.event_boxes: dict[str, QCheckBox] = {}
        events_row = QHBoxLayout()
        for name in OFFERED_EVENTS:
            box = QCheckBox(self)
            box.setObjectName(f"webhookEvent_{name}")
            box.setChecked(name in DEFAULT_WEBHOOK_EVENTS)
            self.event_boxes[name] = box
            events_row.addWidget(box)
        events_row.addStretch(1)
        self.subscribe = QPushButton(self)
        self.subscribe.setObjectName("webhookSubscribe")
        self.subscribe.clicked.connect(self._subscribe)
        self.use_local = QPushButton(self)
        self.use_local.setObjectName("webhookSubscribeUseLocal")
        self._local_url = ""
        self.use_local.clicked.connect(lambda: self.destination.setText(self._local_url))

        self.model = SubscriptionsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("webhookSubscriptionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SubscriptionColumn.DESTINATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SubscriptionColumn.EVENTS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.disabled_warning = QLabel(self)
        self.disabled_warning.setObjectName("webhookDisabledWarning")
        self.disabled_warning.setWordWrap(True)
        self.disabled_warning.setStyleSheet(
            "background: #fdecea; border: 1px solid #e0b4b4; border-radius: 6px; padding: 6px;"
            " color: #8a1f11; font-weight: bold;"
        )
        self.disabled_warning.hide()
        self.refresh = QPushButton(self)
        self.refresh.setObjectName("webhookSubscriptionsRefresh")
        self.refresh.clicked.connect(self.refreshRequested)
        self.unsubscribe = QPushButton(self)
        self.unsubscribe.setObjectName("webhookUnsubscribe")
        self.unsubscribe.clicked.connect(self._unsubscribe)
        self.status = QLabel(self)
        self.status.setObjectName("webhookSubscriptionsStatus")
        self.status.setWordWrap(True)

        self.subscribe_box = QGroupBox(self)
        subscribe_layout = QVBoxLayout(self.subscribe_box)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(self.use_local)
        destination_row.addWidget(self.subscribe)
        subscribe_layout.addWidget(self.explanation)
        subscribe_layout.addLayout(destination_row)
        subscribe_layout.addLayout(events_row)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.refresh)
        list_buttons.addWidget(self.unsubscribe)
        list_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subscribe_box)
        layout.addWidget(self.disabled_warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(list_buttons)
        layout.addWidget(self.status)
        self.retranslate_ui()
        self._update_buttons()

    def set_local_url(self, url: str) -> None:
        """The listener's full address (offered as a destination when reachable)."""
        self._local_url = url
        self.use_local.setEnabled(bool(url))

    def suggest_destination(self, url: str) -> None:
        if not self.destination.text().strip():
            self.destination.setText(url)

    def clear(self) -> None:
        """Show no account's webhooks (after a profile switch, until they are loaded again)."""
        self.model.set_subscriptions([])
        self.disabled_warning.hide()
        self.status.setStyleSheet(IDLE_STYLE)
        self.status.clear()
        self.set_local_url("")
        self._update_buttons()

    def show_subscriptions(self, items: Sequence[WebhookSubscription]) -> None:
        self.model.set_subscriptions(items)
        disabled = [item for item in items if item.disabled]
        if disabled:
            self.disabled_warning.setText(
                self.tr("%n webhook(s) DISABLED by amoCRM: ", "", len(disabled))
                + disabled_reason(current_language())
            )
        self.disabled_warning.setVisible(bool(disabled))
        self.status.setStyleSheet(IDLE_STYLE)
        self.status.setText(
            self.tr("%n webhook(s) in the account.", "", len(items))
            if items
            else self.tr("The account has no webhooks yet.")
        )
        self._update_buttons()

    def show_subscribed(self, item: WebhookSubscription) -> None:
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Subscribed %1.").replace("%1", item.destination))

    def show_unsubscribed(self, destination: str) -> None:
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Unsubscribed %1.").replace("%1", destination))

    def show_failure(self, text: str) -> None:
        self.status.setStyleSheet(FAIL_STYLE)
        self.status.setText(text)

    def set_busy(self, busy: bool) -> None:
        for button in (self.subscribe, self.refresh):
            button.setEnabled(not busy)
        self.unsubscribe.setEnabled(not busy and self._selected() is not None)
        if busy:
            self.status.setStyleSheet(IDLE_STYLE)
            self.status.setText(self.tr("Asking amoCRM…"))

    def selected_events(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.event_boxes.items() if box.isChecked())

    def _selected(self) -> WebhookSubscription | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.subscription_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.unsubscribe.setEnabled(self._selected() is not None)

    def _subscribe(self) -> None:
        destination = self.destination.text().strip()
        events = self.selected_events()
        if not destination:
            self.show_failure(self.tr("Enter the address amoCRM should send events to."))
        elif not is_web_address(destination):
            # Checked here: amoCRM's own answer to a malformed address is a generic "rejected
            # the values" that does not say which one.
            self.show_failure(
                self.tr(
                    "“%1” is not a web address. Enter the full address, starting with https://"
                    " (or http://), for example https://your-company.example/…"
                ).replace("%1", destination)
            )
        elif not events:
            self.show_failure(self.tr("Tick at least one event."))
        else:
            self.subscribeRequested.emit(destination, events)

    def _unsubscribe(self) -> None:
        selected = self._selected()
        if selected is not None:
            self.unsubscribeRequested.emit(selected.destination)

    def retranslate_ui(self) -> None:
        self.subscribe_box.setTitle(self.tr("Subscribe an address"))
        self.explanation.setText(
            self.tr(
                "amoCRM sends webhooks from its servers on the internet, so it cannot reach"
                " 127.0.0.1 on this computer. Enter an address amoCRM can reach:<br>"
                "• your backend's public webhook address, for example"
                " <b>https://your-company.example/api/v1/integrations/amo-crm/webhook</b>, or<br>"
                "• a tunnel (ngrok, cloudflared) that forwards to the local URL above; add its"
                " <b>?secret=…</b> part so that the listener accepts the events."
            )
        )
        self.destination.setPlaceholderText(
            self.tr("https://…/api/v1/integrations/amo-crm/webhook")
        )
        self.destination.setAccessibleName(self.tr("Address to subscribe"))
        for name, box in self.event_boxes.items():
            box.setText(QCoreApplication.translate("SubscriptionsPanel", str(OFFERED_EVENTS[name])))
            box.setToolTip(name)
        self.use_local.setText(self.tr("Use the local URL"))
        self.use_local.setToolTip(
            self.tr("Only works when amoCRM can reach this computer, for example the sandbox.")
        )
        self.subscribe.setText(self.tr("Subscribe"))
        self.subscribe.setAccessibleName(self.tr("Subscribe this address"))
        self.table.setAccessibleName(self.tr("Webhooks of the account"))
        self.refresh.setText(self.tr("Refresh list"))
        self.unsubscribe.setText(self.tr("Unsubscribe selected"))
        self.unsubscribe.setAccessibleName(self.tr("Unsubscribe the selected webhook"))
        items = self.model.subscriptions()
        if items or self.status.text():
            self.show_subscriptions(items)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.model.retranslate_headers()
        super().changeEvent(event)
