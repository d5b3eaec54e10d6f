"""Filters for the live table: entity, action, free text and forward result."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from amo_desktop.gui.webhooks.event_model import (
    EVENT_ROW_ROLE,
    FORWARD_STATE_ROLE,
    SEARCH_TEXT_ROLE,
)
from amo_desktop.gui.webhooks.rows import ForwardState


class WebhookFilterProxy(QSortFilterProxyModel):
    """Shows the events that match every filter that is set; an empty filter matches all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entity = ""
        self._action = ""
        self._text = ""
        self._forward: ForwardState | None = None
        # A forward result changes a row's data; re-check the filter when it does.
        self.setDynamicSortFilter(True)

    def set_entity(self, entity: str) -> None:
        self.beginFilterChange()
        self._entity = entity
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_action(self, action: str) -> None:
        self.beginFilterChange()
        self._action = action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_forward_state(self, state: ForwardState | None) -> None:
        self.beginFilterChange()
        self._forward = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        if not (self._entity or self._action or self._text or self._forward):
            return True
        index = model.index(source_row, 0, source_parent)
        row = model.data(index, EVENT_ROW_ROLE)
        if row is None:
            return False
        if self._entity and row.event.kind != self._entity:
            return False
        if self._action and row.event.action != self._action:
            return False
        if self._forward and model.data(index, FORWARD_STATE_ROLE) != self._forward.value:
            return False
        if self._text:
            return self._text in str(model.data(index, SEARCH_TEXT_ROLE)).casefold()
        return True
