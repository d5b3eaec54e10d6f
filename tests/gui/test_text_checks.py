"""The translation and cut-off checks themselves find what they are meant to find."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from amo_desktop.gui.widgets.data_label import DataLabel
from tests.gui.text_checks import cut_off, untranslated


def test_english_words_are_found_but_allowed_terms_and_data_are_not(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel("Підключити amoCRM через OAuth: http://localhost:3000/callback"))
    layout.addWidget(QLabel("ID інтеграції у файлі .env"))
    layout.addWidget(QPushButton("Test connection"))
    data = DataLabel("accountName")
    data.setText("Sandbox Company")
    layout.addWidget(data)
    root.show()
    found = untranslated(root)
    assert [finding.text for finding in found] == ["Test connection"]


def test_a_label_or_button_narrower_than_its_text_is_found(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    label = QLabel("A sentence that cannot fit into twenty pixels", root)
    label.setGeometry(0, 0, 20, 20)
    button = QPushButton("Another long button caption", root)
    button.setGeometry(0, 30, 20, 30)
    fits = QLabel("ok", root)
    fits.setGeometry(0, 70, 200, 20)
    root.resize(300, 120)
    root.show()
    qtbot.waitExposed(root)
    assert {finding.text for finding in cut_off(root)} == {
        "A sentence that cannot fit into twenty pixels",
        "Another long button caption",
    }
