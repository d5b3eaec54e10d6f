"""The checks tab: "Run all checks", the refresh option, progress, and one card per check.

The cards are a view of :class:`CheckResultsModel`: they are rebuilt when the model is reset
(a new run) and updated row by row as results arrive, so each check shows up the moment it
ends. Every outcome is shown as a glyph, a word and a colour, never by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.diagnostics import Outcome
from amo_desktop.core.errors import AmoError
from amo_desktop.gui.language import fill
from amo_desktop.gui.troubleshooting.check_actions import CheckAction, action_for, action_label
from amo_desktop.gui.troubleshooting.check_model import CheckResultsModel, CheckRow
from amo_desktop.gui.troubleshooting.outcome_style import outcome_pixmap, outcome_word, style_of
from amo_desktop.gui.widgets.data_label import mark_as_data
from amo_desktop.gui.widgets.error_panel import ErrorPanel


class CheckCard(QFrame):
    """One check: glyph, outcome word, title, what was found, what to do, and a fix button.

    Named ``check_<id>`` with the children ``…Icon``, ``…Status``, ``…Title``, ``…Detail``,
    ``…Fix`` and ``…Action``.

    Signals:
        actionRequested(str): the fix button was pressed; the value is a :class:`CheckAction`.
    """

    actionRequested = Signal(str)

    def __init__(self, row: CheckRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = f"check_{row.id}"
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._row = row
        self._action: CheckAction | None = None
        self.icon = QLabel(self)
        self.icon.setObjectName(f"{name}Icon")
        self.icon.setFixedSize(24, 24)
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}Title")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName(f"{name}Status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail = QLabel(self)
        self.detail.setObjectName(f"{name}Detail")
        self.fix = QLabel(self)
        self.fix.setObjectName(f"{name}Fix")
        for label in (self.detail, self.fix):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Titles, findings and fixes come worded from the diagnostics in the run's language.
        for label in (self.title, self.detail, self.fix):
            mark_as_data(label)
        self.action = QPushButton(self)
        self.action.setObjectName(f"{name}Action")
        self.action.clicked.connect(self._act)
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setHorizontalSpacing(10)
        layout.addWidget(self.icon, 0, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.title, 0, 1)
        layout.addWidget(self.status, 0, 2)
        layout.addWidget(self.detail, 1, 1, 1, 2)
        layout.addWidget(self.fix, 2, 1, 1, 2)
        layout.addWidget(self.action, 3, 1, Qt.AlignmentFlag.AlignLeft)
        layout.setColumnStretch(1, 1)
        self.show_row()

    @property
    def check_id(self) -> str:
        return self._row.id

    @property
    def offered_action(self) -> CheckAction | None:
        return self._action

    def set_row(self, row: CheckRow) -> None:
        self._row = row
        self.show_row()

    def show_row(self) -> None:
        result = self._row.result
        outcome = result.outcome if result else None
        style = style_of(outcome)
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {style.background};"
            f" border: 1px solid #d0d4d9; border-left: 4px solid {style.colour};"
            " border-radius: 4px; }"
        )
        self.icon.setPixmap(outcome_pixmap(outcome))
        word = outcome_word(outcome)
        self.status.setText(word)
        self.status.setStyleSheet(f"color: {style.colour}; font-weight: bold;")
        self.title.setText(self._row.title)
        self.detail.setText(result.detail if result else "")
        self.detail.setVisible(bool(result and result.detail))
        self.fix.setText(fill(self.tr("What to do: %1"), result.fix) if result else "")
        self.fix.setVisible(bool(result and result.fix))
        self._action = action_for(result) if result else None
        self.action.setVisible(self._action is not None)
        if self._action is not None:
            self.action.setText(action_label(self._action))
            self.action.setAccessibleName(
                fill(self.tr("%1: %2"), self._row.title, self.action.text())
            )
        self.setAccessibleName(fill(self.tr("%1: %2"), self._row.title, word))
        self.setAccessibleDescription(" ".join(filter(None, (self.detail.text(), self.fix.text()))))

    def _act(self) -> None:
        if self._action is not None:
            self.actionRequested.emit(self._action.value)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_row()
        super().changeEvent(event)


class ChecksPanel(QWidget):
    """Runs the checks on request and shows each result as it arrives.

    Signals:
        runRequested(bool): "Run all checks"; ``True`` when the real refresh was chosen.
        actionRequested(str): a card's fix button (a :class:`CheckAction` value).
    """

    runRequested = Signal(bool)
    actionRequested = Signal(str)

    def __init__(self, model: CheckResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("troubleshootingChecks")
        self.model = model
        self._cards: list[CheckCard] = []
        self._running = False
        self._run_language: str | None = None
        self._language = ""
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("runChecksButton")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self._request_run)
        self.refresh_option = QCheckBox(self)
        self.refresh_option.setObjectName("refreshOptionToggle")
        self.refresh_help = QLabel(self)
        self.refresh_help.setObjectName("refreshOptionHelp")
        self.refresh_help.setWordWrap(True)
        self.refresh_help.setStyleSheet("color: #5f6368;")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("checksProgress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("checksSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.language_note = QLabel(self)
        self.language_note.setObjectName("checksLanguageNote")
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #a15c00;")
        self.language_note.hide()
        self.error = ErrorPanel("checksError", self)
        self.cards_box = QWidget()
        self.cards_box.setObjectName("checksCards")
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(6)
        self.cards_layout.addStretch(1)
        self.results_area = QScrollArea(self)
        self.results_area.setObjectName("checksList")
        self.results_area.setWidgetResizable(True)
        self.results_area.setFrameShape(QFrame.Shape.NoFrame)
        self.results_area.setWidget(self.cards_box)

        controls = QHBoxLayout()
        controls.addWidget(self.run_button)
        controls.addWidget(self.refresh_option)
        controls.addStretch(1)
        status = QHBoxLayout()
        status.addWidget(self.progress)
        status.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.refresh_help)
        layout.addLayout(status)
        layout.addWidget(self.language_note)
        layout.addWidget(self.error)
        layout.addWidget(self.results_area, 1)

        model.modelReset.connect(self._rebuild)
        model.dataChanged.connect(self._update_rows)
        model.rowsInserted.connect(self._rebuild)
        self.retranslate_ui()

    # --- state from the controller -----------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self._running = running
        self.run_button.setEnabled(not running)
        self.refresh_option.setEnabled(not running)
        if running:
            self.error.clear()
            self._run_language = self._language
            self.language_note.hide()
        self._show_progress()

    def show_failure(self, error: AmoError) -> None:
        self.error.show_error(error)

    def card(self, check_id: str) -> CheckCard | None:
        return next((card for card in self._cards if card.check_id == check_id), None)

    def set_language(self, language: str) -> None:
        """Results keep the language they were worded in; say so after a switch."""
        self._language = language
        stale = self._run_language is not None and self._run_language != language
        self.language_note.setVisible(stale and self.model.rowCount() > 0)

    # --- model → cards -----------------------------------------------------------------------
    def _rebuild(self) -> None:
        for card in self._cards:
            card.deleteLater()
        self._cards = []
        for number in range(self.model.rowCount()):
            card = CheckCard(self.model.check_at(number), self.cards_box)
            card.actionRequested.connect(self.actionRequested)
            self.cards_layout.insertWidget(number, card)
            self._cards.append(card)
        self._show_progress()

    def _update_rows(self, first: QModelIndex, last: QModelIndex) -> None:
        for number in range(first.row(), last.row() + 1):
            if number < len(self._cards):
                self._cards[number].set_row(self.model.check_at(number))
        self._show_progress()

    def _show_progress(self) -> None:
        total = self.model.rowCount()
        done = self.model.finished_count()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(self._running and total > 0)
        self.progress.setFormat(fill(self.tr("%1 of %2"), done, total))
        self.summary.setText(self._summary_text(total, done))

    def _summary_text(self, total: int, done: int) -> str:
        if total == 0:
            return self.tr("Press “Run all checks” to look for problems.")
        if self._running or done < total:
            return fill(self.tr("Checking… %1 of %2 done."), done, total)
        failed = self.model.count(Outcome.FAILED)
        counts = fill(
            self.tr("%1 passed, %2 warnings, %3 failed, %4 skipped."),
            self.model.count(Outcome.PASSED),
            self.model.count(Outcome.WARNING),
            failed,
            self.model.count(Outcome.SKIPPED),
        )
        verdict = self.tr("Problems found.") if failed else self.tr("No problems found.")
        return f"{verdict} {counts}"

    def _request_run(self) -> None:
        self.runRequested.emit(self.refresh_option.isChecked())

    # --- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.run_button.setText(self.tr("Run all checks"))
        self.run_button.setAccessibleName(self.tr("Run all checks"))
        self.refresh_option.setText(self.tr("Also try a real token refresh"))
        self.refresh_option.setAccessibleName(self.tr("Also try a real token refresh"))
        self.refresh_help.setText(
            self.tr(
                "A real refresh replaces both tokens with a new pair, as amoCRM does on every "
                "refresh; the old pair stops working. Leave it off if your backend keeps its "
                "own copy of these tokens."
            )
        )
        self.language_note.setText(
            self.tr(
                "These results are in the language of the last run. Run the checks again to "
                "read them in this language."
            )
        )
        self.results_area.setAccessibleName(self.tr("Check results"))
        self._show_progress()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
