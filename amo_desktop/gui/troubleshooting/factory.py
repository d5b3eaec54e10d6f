"""Builds the Troubleshooting page for the running app (the composition root's
``ExtraPages.troubleshooting`` factory) and wires it to its controller."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from amo_desktop.core.config import Profile
from amo_desktop.core.diagnostics import WebhookSetup
from amo_desktop.core.diagnostics.context import webhook_setup_for
from amo_desktop.core.errors import AmoError
from amo_desktop.gui.controllers.troubleshooting import CHECKS, REPORT, TroubleshootingController
from amo_desktop.gui.troubleshooting.check_actions import CheckAction
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage

if TYPE_CHECKING:
    from amo_desktop.gui.app import DesktopApp


def connect_page(page: TroubleshootingPage, controller: TroubleshootingController) -> None:
    """Wire ``page`` and ``controller`` both ways."""
    page.runRequested.connect(controller.run_checks)
    page.copyReportRequested.connect(controller.copy_report)
    page.saveReportRequested.connect(controller.save_report)
    controller.checksPlanned.connect(page.plan_checks)
    controller.checkFinished.connect(page.show_result)
    controller.resultsCleared.connect(page.clear_results)
    controller.logEntries.connect(page.add_log_entries)
    controller.reportReady.connect(page.copy_report)
    controller.reportSaved.connect(page.show_report_saved)

    def on_busy(action: str, busy: bool) -> None:
        if action == CHECKS:
            page.set_checks_running(busy)
        elif action == REPORT:
            page.set_report_busy(busy)

    def on_failed(action: str, error: AmoError) -> None:
        if action == CHECKS:
            page.checks.show_failure(error)
        elif action == REPORT:
            page.show_report_failure(error)

    controller.busyChanged.connect(on_busy)
    controller.failed.connect(on_failed)


def route_actions(page: TroubleshootingPage, desktop: DesktopApp) -> None:
    """Send a check's fix button to the window that fixes it."""
    from amo_desktop.gui.main_window.main_window import MainWindow

    pages = {
        CheckAction.CONNECTION: MainWindow.CONNECTION,
        CheckAction.WEBHOOKS: MainWindow.WEBHOOKS,
        CheckAction.SETTINGS: MainWindow.SETTINGS,
    }

    def route(action: str) -> None:
        intent = CheckAction(action)
        if intent in (CheckAction.SETUP, CheckAction.SIGN_IN):
            desktop.show_wizard(desktop.settings.current_profile())
        elif desktop.main_window is not None:
            desktop.main_window.show_page(pages[intent])

    page.actionRequested.connect(route)


def build_troubleshooting_page(
    desktop: DesktopApp,
    *,
    clock: Callable[[], float] = time.time,
    webhook_setup: Callable[[Profile | None], WebhookSetup] = webhook_setup_for,
) -> TroubleshootingPage:
    """The page, wired to a controller that follows profile switches and the activity log.

    ``clock`` is this computer's time as the checks see it (tests move it forward);
    ``webhook_setup`` tells the checks where webhooks flow (the running receiver, if any).
    """
    controller = TroubleshootingController(
        desktop.runner,
        desktop.core,
        desktop.settings.current_profile(),
        parent=desktop,
        clock=clock,
        webhook_setup=webhook_setup,
    )
    page = TroubleshootingPage()
    connect_page(page, controller)
    route_actions(page, desktop)
    desktop.settings.profileSwitched.connect(controller.set_profile)
    desktop.add_closer(controller.aclose)
    controller.start_log()
    return page
