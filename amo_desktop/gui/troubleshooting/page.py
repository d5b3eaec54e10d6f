"""The Troubleshooting page: the checks, the error catalogue, the activity log and the
support report, in one place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.diagnostics import CheckResult
from amo_desktop.core.errors import AmoError
from amo_desktop.core.logbook import LogEntry
from amo_desktop.gui.language import current_language, fill
from amo_desktop.gui.troubleshooting.catalogue_panel import CataloguePanel
from amo_desktop.gui.troubleshooting.check_model import CheckResultsModel
from amo_desktop.gui.troubleshooting.checks_panel import ChecksPanel
from amo_desktop.gui.troubleshooting.log_panel import LogPanel
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.error_panel import ErrorPanel

REPORT_FILE_NAME = "amo-desktop-support-report.txt"


class TroubleshootingPage(QWidget):
    """Renders the troubleshooting state and emits the person's intents; does no I/O.

    :func:`amo_desktop.gui.troubleshooting.factory.connect_page` connects it to a
    :class:`~amo_desktop.gui.controllers.troubleshooting.TroubleshootingController`.

    Signals:
        runRequested(bool): run every check; ``True`` also tries a real token refresh.
        actionRequested(str): a check's fix button (a ``CheckAction`` value) for the window.
        copyReportRequested(): build the support report for the clipboard.
        saveReportRequested(str): build the support report and write it to this path.
    """

    runRequested = Signal(bool)
    actionRequested = Signal(str)
    copyReportRequested = Signal()
    saveReportRequested = Signal(str)

    CHECKS_TAB, CATALOGUE_TAB, LOG_TAB = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("troubleshootingPage")
        self.check_model = CheckResultsModel(self)
        self.checks = ChecksPanel(self.check_model, self)
        self.checks.runRequested.connect(self.runRequested)
        self.checks.actionRequested.connect(self.actionRequested)
        self.catalogue = CataloguePanel(self)
        self.log = LogPanel(self)
        self._dialog: QFileDialog | None = None
        self._last_report = ""

        self.heading = QLabel(self)
        self.heading.setObjectName("troubleshootingHeading")
        self.heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.intro = QLabel(self)
        self.intro.setObjectName("troubleshootingIntro")
        self.intro.setWordWrap(True)
        self.copy_report_button = QPushButton(self)
        self.copy_report_button.setObjectName("copyReportButton")
        self.copy_report_button.clicked.connect(self.copyReportRequested)
        self.save_report_button = QPushButton(self)
        self.save_report_button.setObjectName("saveReportButton")
        self.save_report_button.clicked.connect(self._ask_report_path)
        self.report_busy = BusyIndicator("reportBusy", self)
        self.report_result = QLabel(self)
        self.report_result.setObjectName("reportResult")
        self.report_result.setWordWrap(True)
        self.report_error = ErrorPanel("reportError", self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("troubleshootingTabs")
        self.tabs.addTab(self.checks, "")
        self.tabs.addTab(self.catalogue, "")
        self.tabs.addTab(self.log, "")

        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.intro)
        report_buttons = QHBoxLayout()
        report_buttons.addWidget(self.copy_report_button)
        report_buttons.addWidget(self.save_report_button)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addLayout(report_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.report_busy)
        layout.addWidget(self.report_result)
        layout.addWidget(self.report_error)
        layout.addWidget(self.tabs, 1)
        self.report_result.hide()
        self.retranslate_ui()
        self.checks.set_language(current_language())

    # --- checks ------------------------------------------------------------------------------
    def plan_checks(self, planned: list[tuple[str, str]]) -> None:
        self.tabs.setCurrentIndex(self.CHECKS_TAB)
        self.check_model.plan(planned)

    def show_result(self, result: CheckResult) -> None:
        self.check_model.set_result(result)

    def clear_results(self) -> None:
        self.check_model.clear()

    def set_checks_running(self, running: bool) -> None:
        self.checks.set_running(running)
        self._update_report_buttons(running)

    # --- log ---------------------------------------------------------------------------------
    def add_log_entries(self, entries: Sequence[LogEntry]) -> None:
        self.log.add_entries(entries)

    # --- support report ----------------------------------------------------------------------
    @property
    def last_report(self) -> str:
        """The text last put on the clipboard or saved."""
        return self._last_report

    def copy_report(self, text: str) -> None:
        """Put the report on the clipboard and say so."""
        self._last_report = text
        QGuiApplication.clipboard().setText(text)
        self._say(
            self.tr(
                "✓ The support report is on the clipboard. Paste it into your message to support."
            )
        )

    def show_report_saved(self, path: str) -> None:
        self._say(fill(self.tr("✓ The support report was saved to %1"), path))

    def set_report_busy(self, busy: bool) -> None:
        if busy:
            self.report_error.clear()
            self.report_result.hide()
            self.report_busy.start(self.tr("Preparing the support report…"))
        else:
            self.report_busy.stop()
        self._update_report_buttons(busy)

    def show_report_failure(self, error: AmoError) -> None:
        self.report_error.show_error(error)

    def _say(self, text: str) -> None:
        self.report_result.setText(text)
        self.report_result.show()

    def _update_report_buttons(self, busy: bool) -> None:
        for button in (self.copy_report_button, self.save_report_button):
            button.setEnabled(not busy)

    def _ask_report_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the support report"))
        dialog.setObjectName("saveReportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Text files (*.txt)"))
        dialog.selectFile(REPORT_FILE_NAME)
        dialog.fileSelected.connect(self.saveReportRequested)
        self._dialog = dialog
        dialog.open()

    # --- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Troubleshooting"))
        self.intro.setText(
            self.tr(
                "Find out what stops the connection and what to do about it. If you need "
                "help, send the support report: it never contains your secrets or tokens."
            )
        )
        self.copy_report_button.setText(self.tr("Copy support report"))
        self.copy_report_button.setAccessibleName(self.tr("Copy support report"))
        self.save_report_button.setText(self.tr("Save to file…"))
        self.save_report_button.setAccessibleName(self.tr("Save the support report to a file"))
        self.tabs.setTabText(self.CHECKS_TAB, self.tr("Checks"))
        self.tabs.setTabText(self.CATALOGUE_TAB, self.tr("Error catalogue"))
        self.tabs.setTabText(self.LOG_TAB, self.tr("Activity log"))
        self.tabs.setAccessibleName(self.tr("Troubleshooting sections"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.checks.set_language(current_language())
        super().changeEvent(event)
