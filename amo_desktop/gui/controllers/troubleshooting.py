"""The Troubleshooting centre's controller: runs the diagnostics, follows the activity log
and builds the support report, reporting everything by signals."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import QObject, QTimer, Signal, Slot, qVersion

from amo_desktop.core.config import Profile
from amo_desktop.core.diagnostics import CheckResult, DiagnosticsRunner, WebhookSetup
from amo_desktop.core.diagnostics.checks import ALL_CHECKS
from amo_desktop.core.diagnostics.context import webhook_setup_for
from amo_desktop.core.diagnostics.report import ReportInputs, build_support_report
from amo_desktop.core.diagnostics.spec import Check
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.logbook import LogEntry
from amo_desktop.core.redact import Redactor
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.language import current_language
from amo_desktop.gui.tasks import TaskRunner

CHECKS = "checks"
REPORT = "report"
REPORT_LOG_LINES = 100
LOG_BATCH_MS = 100


def qt_versions() -> dict[str, str]:
    """The Qt runtime and the PySide6 binding, for the support report."""
    pyside = sys.modules.get("PySide6")
    return {"Qt": qVersion(), "PySide6": str(getattr(pyside, "__version__", "?"))}


def _write_private(path: Path, text: str) -> None:
    # The report holds no secret, but it names the account: readable by its owner only.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


class TroubleshootingController(AsyncController):
    """Serves the Troubleshooting page for one profile.

    Signals:
        checksPlanned(object): ``list[(id, title)]`` of the checks about to run, reading order.
        checkFinished(object): one :class:`CheckResult`, as soon as that check ends.
        checksFinished(object): every ``CheckResult`` of the run, reading order.
        resultsCleared(): the profile changed; earlier results no longer apply.
        logEntries(object): a batch (``list[LogEntry]``) of activity-log entries, oldest first.
        reportReady(str): the support report (every secret masked), to copy.
        reportSaved(str): the path the support report was written to.
    Failures arrive through ``failed(action, AmoError)`` with the actions ``checks`` and
    ``report``; ``busyChanged`` names the same actions.
    """

    checksPlanned = Signal(object)
    checkFinished = Signal(object)
    checksFinished = Signal(object)
    resultsCleared = Signal()
    logEntries = Signal(object)
    reportReady = Signal(str)
    reportSaved = Signal(str)
    # Logbook subscribers may be called on any thread; this signal queues them to ours.
    _logged = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        core: AppCore,
        profile_name: str,
        parent: QObject | None = None,
        *,
        language: Callable[[], str] = current_language,
        webhook_setup: Callable[[Profile | None], WebhookSetup] = webhook_setup_for,
        clock: Callable[[], float] = time.time,
        checks: Sequence[Check] = ALL_CHECKS,
        log_batch_ms: int = LOG_BATCH_MS,
    ) -> None:
        super().__init__(runner, parent)
        self._core = core
        self._profile_name = profile_name
        self._language = language
        self._webhook_setup = webhook_setup
        self._clock = clock
        self._checks = tuple(checks)
        self._results: list[CheckResult] = []
        self._after_checks: Callable[[], None] | None = None
        self._pending_log: list[LogEntry] = []
        self._log_timer = QTimer(self)
        self._log_timer.setSingleShot(True)
        self._log_timer.setInterval(log_batch_ms)
        self._log_timer.timeout.connect(self._flush_log)
        self._logged.connect(self._collect_log_entry)
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def session(self) -> ProfileSession:
        return self._core.session(self._profile_name)

    @property
    def results(self) -> list[CheckResult]:
        """The last finished run, reading order (empty before the first run)."""
        return list(self._results)

    @Slot(str)
    def set_profile(self, name: str) -> None:
        self._profile_name = name
        self._results = []
        self._after_checks = None
        self._forget_profile_work()  # results of a run still going belong to the old profile
        self.resultsCleared.emit()

    # --- checks ------------------------------------------------------------------------------
    def _diagnostics(
        self, refresh: bool, http: httpx.AsyncClient | None = None
    ) -> DiagnosticsRunner:
        session = self.session
        return DiagnosticsRunner(
            session,
            self._core.credentials,
            http=http,
            language=self._language(),
            refresh=refresh,
            webhooks=self._webhook_setup(session.profile()),
            clock=self._clock,
            checks=self._checks,
        )

    @Slot(bool)
    def run_checks(self, refresh: bool = False) -> None:
        """Run every check; ``refresh`` really renews the tokens (amoCRM rotates the pair)."""
        if self.is_busy(CHECKS):
            return
        self.checksPlanned.emit(self._diagnostics(refresh).planned())
        generation = self._generation
        self._run(
            CHECKS,
            self._run_checks(refresh, generation),
            lambda results: self._checks_done(results, generation),
        )

    async def _run_checks(self, refresh: bool, generation: int) -> list[CheckResult]:
        def finished(result: CheckResult) -> None:
            if generation == self._generation:
                self.checkFinished.emit(result)

        # The app's own client: the checks' requests show up in the activity log.
        async with self._core.new_http_client() as http:
            return await self._diagnostics(refresh, http).run(on_result=finished)

    def _checks_done(self, results: list[CheckResult], generation: int) -> None:
        if generation != self._generation:
            return
        self._results = results
        self.checksFinished.emit(results)
        then, self._after_checks = self._after_checks, None
        if then is not None:
            then()

    # --- support report ----------------------------------------------------------------------
    @Slot()
    def copy_report(self) -> None:
        """Build the report (running the checks first if there are none) → ``reportReady``."""
        self._report(self.build_report, self.reportReady.emit)

    @Slot(str)
    def save_report(self, path: str) -> None:
        """Write the report to ``path`` (owner-only) → ``reportSaved``."""
        self._report(lambda: self._save_report(Path(path)), self.reportSaved.emit)

    def _report(
        self, make: Callable[[], Coroutine[Any, Any, str]], done: Callable[[str], None]
    ) -> None:
        def start() -> None:
            self._run(REPORT, make(), done)

        if self._results and not self.is_busy(CHECKS):
            start()
            return
        # A report without checks helps nobody: run them first (or wait for the run under
        # way) and build the report from their results.
        self._after_checks = start
        self.run_checks(False)

    async def build_report(self) -> str:
        """The support report of the last run: checks, versions, masked settings, log lines."""
        session = self.session
        inputs = ReportInputs(
            profile_name=session.name,
            profile=session.profile(),
            recent_log=self._core.logbook.format_lines(REPORT_LOG_LINES),
            extra_versions=qt_versions(),
        )
        return await build_support_report(
            self._results, inputs, credentials=self._core.credentials, redactor=Redactor()
        )

    async def _save_report(self, path: Path) -> str:
        text = await self.build_report()
        try:
            await asyncio.to_thread(_write_private, path, text)
        except OSError as error:
            raise AmoError(
                ErrorCode.FILE_NOT_SAVED, {"path": path}, debug=type(error).__name__
            ) from None
        return str(path)

    # --- activity log ------------------------------------------------------------------------
    @Slot()
    def start_log(self) -> None:
        """Send what the log holds, then every new entry in batches (``logEntries``)."""
        if self._unsubscribe is not None:
            return
        self.logEntries.emit(self._core.logbook.recent())
        self._unsubscribe = self._core.logbook.subscribe(self._logged.emit)

    def stop_log(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._flush_log()

    @Slot(object)
    def _collect_log_entry(self, entry: LogEntry) -> None:
        # One model update per batch: a burst of requests must not repaint per line.
        self._pending_log.append(entry)
        if not self._log_timer.isActive():
            self._log_timer.start()

    @Slot()
    def _flush_log(self) -> None:
        batch, self._pending_log = self._pending_log, []
        if batch:
            self.logEntries.emit(batch)

    async def aclose(self) -> None:
        """Stop following the log (the app calls this on exit)."""
        self.stop_log()
