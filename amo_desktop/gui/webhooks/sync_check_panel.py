"""The two-way check as one button and a step-by-step result."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.webhooks.synccheck import LegState, SyncCheckReport, explain, leg_label
from amo_desktop.gui.language import current_language
from amo_desktop.gui.webhooks.listener_panel import FAIL_STYLE, IDLE_STYLE, OK_STYLE

STEP_COLOURS = {
    LegState.PASSED: "#1b5e20",
    LegState.FAILED: "#b3261e",
    LegState.SKIPPED: "#6b6b6b",
}
STEP_MARKS = {LegState.PASSED: "✔", LegState.FAILED: "✘", LegState.SKIPPED: "–"}


class SyncCheckPanel(QWidget):
    """Runs the two-way check and lists its steps.

    Signals:
        runRequested(): the user pressed "Run the two-way check".
    """

    runRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookSyncCheckPanel")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.run = QPushButton(self)
        self.run.setObjectName("webhookSyncCheck")
        self.run.clicked.connect(self.runRequested)
        self.result = QLabel(self)
        self.result.setObjectName("webhookSyncCheckResult")
        self.result.setWordWrap(True)
        self.steps = QTreeWidget(self)
        self.steps.setObjectName("webhookSyncCheckSteps")
        self.steps.setRootIsDecorated(False)
        self.steps.setColumnCount(3)
        self.steps.setWordWrap(True)
        self.steps.setColumnWidth(0, 320)
        row = QHBoxLayout()
        row.addWidget(self.run)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        layout.addWidget(self.steps, 1)
        self._passed: bool | None = None
        self._report: SyncCheckReport | None = None
        self.retranslate_ui()

    def set_running(self, running: bool) -> None:
        self.run.setEnabled(not running)
        if running:
            self.steps.clear()
            self._report = None
            self._passed = None
            self.result.setStyleSheet(IDLE_STYLE)
            self.result.setText(
                self.tr("Creating a test lead and waiting for its webhooks to come back…")
            )

    def clear(self) -> None:
        """Forget the last report (it was about another profile)."""
        self._report = None
        self._passed = None
        self.steps.clear()
        self.result.setStyleSheet(IDLE_STYLE)
        self.result.clear()

    def show_report(self, report: SyncCheckReport) -> None:
        self._report = report
        self._render_report()

    def _render_report(self) -> None:
        report = self._report
        self.steps.clear()
        if report is None:
            return
        language = current_language()
        for leg in report.legs:
            latency = f"{leg.elapsed_ms:.0f} ms" if leg.elapsed_ms is not None else ""
            detail = explain(leg, language)
            item = QTreeWidgetItem(
                [f"{STEP_MARKS[leg.state]} {leg_label(leg.leg, language)}", latency, detail]
            )
            item.setForeground(0, QBrush(QColor(STEP_COLOURS[leg.state])))
            item.setToolTip(2, detail)
            self.steps.addTopLevelItem(item)
        self._passed = report.ok
        self._render_result()

    def show_failure(self, text: str) -> None:
        self._passed = None
        self.result.setStyleSheet(FAIL_STYLE)
        self.result.setText(text)

    def _render_result(self) -> None:
        if self._passed is None:
            return
        if self._passed:
            self.result.setStyleSheet(OK_STYLE)
            self.result.setText(self.tr("Both directions work."))
        else:
            self.result.setStyleSheet(FAIL_STYLE)
            self.result.setText(self.tr("The check failed. The red step says where and why."))

    def set_available(self, listening: bool) -> None:
        """The check needs a running listener to see the webhooks come back."""
        self.run.setEnabled(listening)
        self.run.setToolTip("" if listening else self.tr("Start the listener first."))

    def retranslate_ui(self) -> None:
        self.explanation.setText(
            self.tr(
                "The two-way check creates a tagged test lead through the API, moves it to"
                " another stage, and waits until both webhooks come back through the listener."
                " It needs a running listener that amoCRM can reach and a subscription for"
                " lead events."
            )
        )
        self.run.setText(self.tr("Run the two-way check"))
        self.run.setAccessibleName(self.tr("Run the two-way check"))
        self.steps.setHeaderLabels([self.tr("Step"), self.tr("Time"), self.tr("Details")])
        self.steps.setAccessibleName(self.tr("Steps of the two-way check"))
        self._render_report()
        self._render_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
