"""The detail pane opens any delivery, however deep its keys nest."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QStandardItem
from pytestqt.qtbot import QtBot

from amo_desktop.core.webhooks.formdecode import SHOWN_DEPTH
from amo_desktop.gui.webhooks.detail_pane import EventDetailPane
from tests.gui_webhooks.builders import make_row

LEVELS = 1_100  # far past Python's recursion limit; about 3 KB of body


def test_a_key_nested_a_thousand_levels_deep_is_shown_flat_below_the_shown_depth(
    qtbot: QtBot,
) -> None:
    pane = EventDetailPane()
    qtbot.addWidget(pane)
    row = make_row()
    deep_key = "leads%5Badd%5D%5B0%5D%5Bnote%5D" + "%5Bb%5D" * LEVELS
    deep = replace(
        row, delivery=replace(row.delivery, body=row.delivery.body + f"&{deep_key}=1".encode())
    )

    pane.show_event(deep)

    assert pane.current is deep
    item: QStandardItem = pane.tree_model.invisibleRootItem()
    depth = 0
    while item.rowCount() and not item.child(item.rowCount() - 1, 1).text():
        item = item.child(item.rowCount() - 1, 0)  # the last key is the deep one
        depth += 1
    assert depth == SHOWN_DEPTH
    flat = item.child(0, 0).text()
    assert flat.startswith("[b][b]") and flat.count("[b]") == LEVELS + 4 - SHOWN_DEPTH
    assert item.child(0, 1).text() == "1"
