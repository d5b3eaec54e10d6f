"""The two-way check as one button and a step-by-step result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

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

from amo_desktop.gui.webhooks.listener_panel import FAIL_STYLE, IDLE_STYLE, OK_STYLE

STEP_COLOURS = {"passed": "#1b5e20", "failed": "#b3261e", "skipped": "#6b6b6b"}
STEP_MARKS = {"passed": "✔", "failed": "✘", "skipped": "–"}


class StepState(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class SyncStep:
    """One leg of the check, already in the user's language."""

    state: StepState
    title: str
    detail: str = ""
    elapsed_ms: float | None = None


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
        self.retranslate_ui()

    def set_running(self, running: bool) -> None:
        self.run.setEnabled(not running)
        if running:
            self.steps.clear()
            self._passed = None
            self.result.setStyleSheet(IDLE_STYLE)
            self.result.setText(
                self.tr("Creating a test lead and waiting for its webhooks to come back…")
            )

    def show_steps(self, steps: Sequence[SyncStep], passed: bool) -> None:
        self.steps.clear()
        for step in steps:
            latency = f"{step.elapsed_ms:.0f} ms" if step.elapsed_ms is not None else ""
            item = QTreeWidgetItem([f"{STEP_MARKS[step.state]} {step.title}", latency, step.detail])
            item.setForeground(0, QBrush(QColor(STEP_COLOURS[step.state])))
            item.setToolTip(2, step.detail)
            self.steps.addTopLevelItem(item)
        self._passed = passed
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
        self._render_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
