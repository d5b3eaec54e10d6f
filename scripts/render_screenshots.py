#!/usr/bin/env python3
"""Render every wizard page and the main window to PNG, in English and Ukrainian.

    QT_QPA_PLATFORM=offscreen python scripts/render_screenshots.py [--out docs/screenshots]

The app runs for real against its built-in sandbox (a throw-away home and an in-memory
keyring, so nothing of yours is touched): the wizard is driven through the sandbox path,
the paste-code authorization, the check, then the dashboard creates a test lead. Each state
is grabbed with ``QWidget.grab()``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from amo_desktop.core.browser import SystemBrowser  # noqa: E402
from amo_desktop.core.credentials import CredentialStore  # noqa: E402
from amo_desktop.core.logbook import Logbook  # noqa: E402
from amo_desktop.core.memory_keyring import MemoryKeyring  # noqa: E402
from amo_desktop.core.redact import Redactor  # noqa: E402
from amo_desktop.core.service import AppCore  # noqa: E402
from amo_desktop.gui.app import DesktopApp, ExtraPages  # noqa: E402
from amo_desktop.gui.language import LanguageManager  # noqa: E402
from amo_desktop.gui.resources import TRANSLATIONS_DIR  # noqa: E402
from amo_desktop.gui.troubleshooting.factory import build_troubleshooting_page  # noqa: E402
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage  # noqa: E402
from amo_desktop.gui.webhooks.factory import build_webhooks_page  # noqa: E402
from amo_desktop.gui.webhooks.page import WebhooksPage  # noqa: E402
from amo_desktop.gui.wizard.setup_wizard import SetupWizard  # noqa: E402

T = TypeVar("T")
WIZARD_SIZE = (800, 600)
WINDOW_SIZE = (900, 680)


def spin_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Let Qt (and with it the asyncio tasks) run until ``condition`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the app did not reach the expected state in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


class Renderer:
    def __init__(self, desktop: DesktopApp, out: Path, language: str) -> None:
        self.desktop = desktop
        self.out = out
        self.language = language

    def grab(self, widget: QWidget, name: str) -> None:
        settle()
        path = self.out / f"{name}-{self.language}.png"
        widget.grab().save(str(path))
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    def run(self) -> None:
        desktop = self.desktop
        wizard = desktop.start()
        assert isinstance(wizard, SetupWizard)
        wizard.resize(*WIZARD_SIZE)
        self.grab(wizard, "wizard-1-welcome")
        wizard.welcome_page.sandbox_choice.setChecked(True)
        spin_until(wizard.welcome_page.isComplete)
        wizard.next()
        self.grab(wizard, "wizard-2-account")
        wizard.next()
        wizard.keys_page.show_secret.setChecked(False)
        self.grab(wizard, "wizard-3-keys")
        wizard.next()
        spin_until(wizard.authorize_page.code_input.isEnabled)
        self.grab(wizard, "wizard-4-authorize")
        server = desktop.sandbox.server
        assert server is not None
        integration = server.state.integration(wizard.keys_page.client_id)
        wizard.authorize_page.code_input.setText(server.state.issue_authorization_code(integration))
        wizard.authorize_page.code_button.click()
        spin_until(wizard.authorize_page.isComplete)
        wizard.next()
        spin_until(wizard.check_page.isComplete)
        self.grab(wizard, "wizard-5-check")
        wizard.next()
        spin_until(lambda: bool(wizard.done_page.account_value.text()))
        self.grab(wizard, "wizard-6-done")
        wizard.accept()

        window = desktop.main_window
        assert window is not None
        window.resize(*WINDOW_SIZE)
        page = window.connection_page
        spin_until(lambda: page.leads.pipeline_picker.count() > 0 and page.test_result.text() != "")
        page.leads.name_input.setText(
            "Замовлення з сайту" if self.language == "uk" else "Order from the website"
        )
        page.leads.price_input.setValue(15000)
        page.leads.create_button.click()
        spin_until(lambda: page.leads.created_label.text() != "")
        # The other direction of the sync: the new lead moves on to the next regular stage.
        page.leads.move_picker.setCurrentIndex(0)
        page.leads.move_button.click()
        spin_until(lambda: page.leads.move_result.text() != "")
        self.grab(window, "dashboard")
        window.show_page(window.SETTINGS)
        self.grab(window, "settings")
        self.render_webhooks(window)
        self.render_troubleshooting(window)

    def render_webhooks(self, window: QWidget) -> None:
        """Listen, subscribe, let the sandbox deliver a few real events and one bad request."""
        page = window.findChild(WebhooksPage, "webhooksPage")
        assert page is not None
        window.show_page(window.WEBHOOKS)
        window.resize(1280, 860)
        page.listener.start_stop.click()
        spin_until(lambda: page.listener.is_listening)
        page.tabs.setCurrentWidget(page.subscriptions)
        page.subscriptions.use_local.click()
        page.subscriptions.subscribe.click()
        spin_until(lambda: page.subscriptions.model.rowCount() == 1)
        self.grab(window, "webhooks-subscriptions")
        session = self.desktop.core.session(self.desktop.connection.profile_name)
        server = self.desktop.sandbox.server
        assert server is not None
        # The dashboard just made its own requests; a 429 here would only end the render.
        server.state.rate_limit_per_second = None
        uk = self.language == "uk"
        names = ["Іван - Квартира 3", "Олена - Офіс"] if uk else ["Ivan - Flat 3", "Olena - Office"]
        leads = []
        for name in names:  # one at a time: the sandbox keeps amoCRM's rate limit
            leads.append(self.wait(session.create_test_lead(name=name, price=15000)))
            spin_until(lambda: page.model.rowCount() == len(leads))
        statuses = self.wait(session.pipelines())[0].statuses
        # A regular stage: "unsorted" is for incoming requests, not where a lead moves on to.
        target = next(s for s in statuses if s.is_regular and s.id != leads[0].status_id)
        self.wait(session.set_lead_status(leads[0].id, status_id=target.id))
        spin_until(
            lambda: any(
                page.model.event_at(row).event.name == "status_lead"
                for row in range(page.model.rowCount())
            )
        )
        wrong_secret = page.listener.full_url.split("?")[0] + "?secret=wrong"

        async def post_with_wrong_secret() -> None:
            async with httpx.AsyncClient(trust_env=False) as client:
                await client.post(wrong_secret, content=b"a=1")

        self.wait(post_with_wrong_secret())
        spin_until(lambda: page.rejected_model.total == 1)
        page.tabs.setCurrentIndex(0)
        page.table.selectRow(page.proxy.rowCount() - 1)
        self.grab(window, "webhooks")

    def render_troubleshooting(self, window: QWidget) -> None:
        """Run every check against the sandbox; the catalogue with a seed error; the log."""
        page = window.findChild(TroubleshootingPage, "troubleshootingPage")
        assert page is not None
        window.show_page(window.TROUBLESHOOTING)
        page.checks.run_button.click()
        model = page.check_model
        spin_until(
            lambda: (
                model.rowCount() > 0
                and model.finished_count() == model.rowCount()
                and page.checks.run_button.isEnabled()
            ),
            timeout=60.0,
        )
        self.grab(window, "troubleshooting")
        page.tabs.setCurrentIndex(page.CATALOGUE_TAB)
        page.catalogue.set_query("Account not found")
        self.grab(window, "troubleshooting-catalogue")
        page.tabs.setCurrentIndex(page.LOG_TAB)
        self.grab(window, "troubleshooting-log")
        page.tabs.setCurrentIndex(page.CHECKS_TAB)

    def wait(self, coroutine: Coroutine[Any, Any, T]) -> T:
        task = asyncio.get_event_loop().create_task(coroutine)
        spin_until(task.done)
        return task.result()


def render(language: str, out: Path, app: QApplication, loop: asyncio.AbstractEventLoop) -> None:
    with tempfile.TemporaryDirectory(prefix="amo-screens-") as home_dir:
        home = Path(home_dir)
        languages = LanguageManager(app, TRANSLATIONS_DIR)
        languages.set_language(language)
        browser = SystemBrowser()
        core = AppCore(
            home=home,
            credentials=CredentialStore(MemoryKeyring()),
            logbook=Logbook.under(home, redactor=Redactor()),
            browser=browser,
        )
        desktop = DesktopApp(
            app=app,
            loop=loop,
            core=core,
            browser=browser,
            languages=languages,
            extra_pages=ExtraPages(
                webhooks=build_webhooks_page, troubleshooting=build_troubleshooting_page
            ),
        )
        Renderer(desktop, out, language).run()
        closing = loop.create_task(desktop.aclose())
        spin_until(closing.done)
        for window in (desktop.wizard, desktop.main_window):
            if window is not None:
                window.close()
                window.deleteLater()
        settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=["en", "uk"], action="append")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app, already_running=True)
    asyncio.set_event_loop(loop)
    # Our own executor, so its worker threads can be stopped before exit: a QThread still
    # running when Python exits makes Qt abort the process. (This loop is never closed,
    # which is what would stop them otherwise.)
    workers = qasync.QThreadExecutor()
    loop.set_default_executor(workers)
    for language in args.lang or ["en", "uk"]:
        render(language, args.out, app, loop)
    workers.shutdown(wait=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
