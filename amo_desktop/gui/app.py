"""The GUI's composition root: :mod:`amo_desktop.gui.launcher` hands over to :func:`run`.

Everything the windows use is built here and passed through constructors: the qasync event
loop, the core (real keyring, logbook, system browser), the controllers and the windows (the
launcher has already made the Qt application, the translators and, on a first run, the
wizard showing its welcome page). The first run (no configured profile) opens the setup
wizard; later runs open the main window.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.logbook import route_logging
from amo_desktop.gui.controllers.connection_controller import ConnectionController
from amo_desktop.gui.controllers.sandbox_controller import SandboxController
from amo_desktop.gui.controllers.settings_controller import SettingsController
from amo_desktop.gui.controllers.setup_controller import SetupController
from amo_desktop.gui.controllers.wizard_stored_settings import StoredSettingsReader
from amo_desktop.gui.crash_handler import CrashHandler
from amo_desktop.gui.deferred_core import DeferredCore
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.tasks import TaskRunner
from amo_desktop.gui.wizard.setup_wizard import SetupWizard

if TYPE_CHECKING:
    from amo_desktop.core.browser import Browser
    from amo_desktop.core.config import ConfigStore, Profile
    from amo_desktop.core.diagnostics import WebhookSetup
    from amo_desktop.core.service import AppCore
    from amo_desktop.gui.controllers.webhooks import WebhooksController
    from amo_desktop.gui.main_window.main_window import MainWindow

# Builds an extra main-window page (Webhooks, Troubleshooting) from the running app.
PageFactory = Callable[["DesktopApp"], QWidget]


@dataclass
class ExtraPages:
    """Pages from other GUI areas; ``None`` shows a placeholder."""

    webhooks: PageFactory | None = None
    troubleshooting: PageFactory | None = None


class DesktopApp(QObject):
    """The running GUI: owns the controllers and windows of one application instance."""

    def __init__(
        self,
        *,
        app: QApplication,
        loop: asyncio.AbstractEventLoop,
        core: AppCore,
        browser: Browser,
        languages: LanguageManager,
        extra_pages: ExtraPages | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.loop = loop
        self.core = core
        self.browser = browser
        self.languages = languages
        self.runner = TaskRunner(loop)
        self._extra_pages = extra_pages or ExtraPages()
        self.sandbox = SandboxController(self.runner, parent=self)
        self.stored_settings = StoredSettingsReader(self.runner, core, parent=self)
        self.settings = SettingsController(self.runner, core, languages, parent=self)
        self.connection = ConnectionController(
            self.runner, core, self.settings.current_profile(), browser, parent=self
        )
        self.settings.profileSwitched.connect(self.connection.set_profile)
        self.wizard: SetupWizard | None = None
        self.main_window: MainWindow | None = None
        self._closers: list[Callable[[], Awaitable[None]]] = []

    def add_closer(self, close: Callable[[], Awaitable[None]]) -> None:
        """Run ``close`` on shutdown, before tasks are cancelled (pages with listeners)."""
        self._closers.append(close)

    def start(self, welcome: SetupWizard | None = None) -> QWidget:
        """Show the wizard on the first run, else the main window; return what is shown.

        ``welcome`` is the wizard the launcher already shows with its welcome page alone.
        """
        profile = self.settings.current_profile()
        if self.core.config.get(profile) is None:
            return self.show_wizard(profile, welcome)
        return self.show_main_window()

    def show_wizard(self, profile: str, welcome: SetupWizard | None = None) -> SetupWizard:
        """Open the setup wizard for ``profile``, completing ``welcome`` if given.

        There is at most one setup wizard: asked again while one is open, for this profile
        or another, the app brings the open one to the front and returns it. Two wizards
        could save the same profile over each other; replacing the open one would throw
        away what the person typed in it. They finish or cancel it, then ask again.
        """
        if self.wizard is not None:
            return self._bring_forward(self.wizard)
        setup = SetupController(self.runner, self.core, profile, parent=self)
        wizard = welcome if welcome is not None else SetupWizard(self.languages.language)
        wizard.add_steps(setup, self.sandbox, self.stored_settings)
        wizard.languageRequested.connect(self.settings.set_language)
        wizard.dashboardRequested.connect(self._wizard_done)
        wizard.rejected.connect(lambda: self._forget_wizard(wizard))
        self.wizard = wizard
        if not wizard.isVisible():
            wizard.resize(wizard.sizeHint())
            wizard.show()
        return wizard

    def _bring_forward(self, wizard: SetupWizard) -> SetupWizard:
        wizard.setWindowState(wizard.windowState() & ~Qt.WindowState.WindowMinimized)
        wizard.show()
        wizard.raise_()
        wizard.activateWindow()
        return wizard

    def _forget_wizard(self, wizard: SetupWizard) -> None:
        if self.wizard is wizard:
            self.wizard = None
        wizard.deleteLater()

    def _wizard_done(self, profile: str) -> None:
        self.settings.switch_profile(profile)
        window = self.show_main_window()
        window.show_page(window.CONNECTION)
        if self.wizard is not None:
            self.wizard.accepted.connect(self.wizard.deleteLater)
            self.wizard = None

    def show_main_window(self) -> MainWindow:
        if self.main_window is None:
            self.main_window = self._build_main_window()
        window = self.main_window
        window.set_profile(self.connection.profile_name)
        window.resize(window.sizeHint())
        window.show()
        window.raise_()
        return window

    def _build_main_window(self) -> MainWindow:
        # Imported here: a first run paints the wizard without loading the main window's code.
        from amo_desktop.gui.main_window.connection_page import ConnectionPage
        from amo_desktop.gui.main_window.main_window import MainWindow
        from amo_desktop.gui.main_window.settings_page import SettingsPage

        settings_page = SettingsPage(self.languages.language)
        self.settings.bind(settings_page)
        settings_page.addProfileRequested.connect(self.settings.validate_new_profile)
        self.settings.newProfileAccepted.connect(self.show_wizard)
        connection_page = ConnectionPage(self.connection)
        connection_page.signInRequested.connect(self.show_wizard)
        pages = self._extra_pages
        window = MainWindow(
            connection_page=connection_page,
            settings_page=settings_page,
            webhooks_page=pages.webhooks(self) if pages.webhooks else None,
            troubleshooting_page=pages.troubleshooting(self) if pages.troubleshooting else None,
        )
        self.settings.profileSwitched.connect(window.set_profile)
        self.settings.load()
        return window

    async def aclose(self) -> None:
        """Stop every task, the sandbox and the core's HTTP clients."""
        for close in self._closers:
            await close()
        await self.runner.cancel_all()
        await self.sandbox.aclose()
        await self.core.aclose()


def build_core(home: Path, browser: Browser) -> AppCore:
    """The real core: the OS keyring, the logbook under the app home."""
    from amo_desktop.core.credentials import CredentialStore
    from amo_desktop.core.keyring_backend import system_keyring
    from amo_desktop.core.logbook import Logbook
    from amo_desktop.core.redact import Redactor
    from amo_desktop.core.service import AppCore

    return AppCore(
        home=home,
        # No backend given: the store finds the OS keyring (the one remembered from an
        # earlier run, else keyring's discovery) on first use, off the first window's path.
        credentials=CredentialStore(resolve=partial(system_keyring, home)),
        logbook=Logbook.under(home, redactor=Redactor()),
        browser=browser,
    )


class WebhookSetupSource:
    """Where webhooks flow, for the troubleshooting checks: the receiver the Webhooks page
    runs (on the port it really got) while it runs, else the profile's saved settings."""

    def __init__(self) -> None:
        self._webhooks: WebhooksController | None = None

    def follow(self, controller: WebhooksController) -> None:
        self._webhooks = controller

    def __call__(self, profile: Profile | None) -> WebhookSetup:
        if self._webhooks is not None:
            return self._webhooks.webhook_setup(profile)
        from amo_desktop.core.diagnostics.context import webhook_setup_for

        return webhook_setup_for(profile)


def webhooks_page(desktop: DesktopApp, setups: WebhookSetupSource | None = None) -> QWidget:
    # The area is imported when the main window is first built, not at start-up.
    from amo_desktop.gui.webhooks.factory import build_webhooks_page

    return build_webhooks_page(desktop, on_controller=setups.follow if setups else None)


def troubleshooting_page(desktop: DesktopApp, setups: WebhookSetupSource | None = None) -> QWidget:
    from amo_desktop.core.diagnostics.context import webhook_setup_for
    from amo_desktop.gui.troubleshooting.factory import build_troubleshooting_page

    return build_troubleshooting_page(desktop, webhook_setup=setups or webhook_setup_for)


def default_extra_pages() -> ExtraPages:
    """Webhooks and Troubleshooting, the checks looking at the receiver the Webhooks page runs."""
    setups = WebhookSetupSource()
    return ExtraPages(
        partial(webhooks_page, setups=setups), partial(troubleshooting_page, setups=setups)
    )


def run(
    *,
    app: QApplication,
    languages: LanguageManager,
    home: Path,
    config: ConfigStore,
    welcome: SetupWizard | None,
    extra_pages: ExtraPages | None = None,
) -> int:
    """Build the rest of the app around the launcher's window; run until the last one closes.

    Returns the exit code: 0, or 1 when the event loop stopped with the app still running
    (the display went away, or Qt quit on its own); that case is told in one line and the
    details go to the activity log, never a traceback to the terminal.
    """
    # qasync is imported after PySide6 on purpose: it then takes the binding already loaded
    # instead of trying to import PyQt5, PyQt6 and PySide2 first.
    import qasync

    from amo_desktop.core.browser import SystemBrowser

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    browser = SystemBrowser()
    core = DeferredCore(config, lambda: build_core(home, browser))
    # The terminal gets no tracebacks, from us or a library; the activity log has them.
    route_logging(lambda: core.get().logbook)
    desktop = DesktopApp(
        app=app,
        loop=loop,
        core=cast("AppCore", core),
        browser=browser,
        languages=languages,
        extra_pages=extra_pages or default_extra_pages(),
    )
    crash_handler = CrashHandler(lambda: app.activeWindow())
    crash_handler.install(loop)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)

    async def run_app() -> None:
        desktop.start(welcome)
        await asyncio.sleep(0)  # let the first window paint before the imports start
        preloading = asyncio.ensure_future(core.preload())
        await closed.wait()
        await preloading
        await desktop.aclose()

    with loop:
        finished = run_until_complete(loop, run_app())
    if finished:
        return 0
    logging.getLogger("amo_desktop.gui").error(
        "the event loop stopped before the app had closed its windows"
    )
    text = AmoError(ErrorCode.UNEXPECTED).localized(languages.language)
    print(f"{text.title}: {text.message}", file=sys.stderr)
    return 1


def run_until_complete(loop: asyncio.AbstractEventLoop, coroutine: Awaitable[None]) -> bool:
    """Run ``coroutine`` on ``loop``; False if the loop stopped before it finished.

    A qasync loop stops whenever Qt's event loop ends: when the display goes away or
    something calls ``QApplication.quit()``. ``loop.run_until_complete`` would raise a bare
    RuntimeError then; here the caller decides what to tell the person. A failure of the
    coroutine itself is raised as usual.
    """
    task = asyncio.ensure_future(coroutine, loop=loop)
    task.add_done_callback(lambda _task: loop.stop())
    loop.run_forever()
    if task.done():
        task.result()
        return True
    return False
