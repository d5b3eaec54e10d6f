"""The GUI's start: ``amo-desktop`` without a command ends up in :func:`main`.

The first window paints before the heavier half of the app loads. On a first run that is
the setup wizard with its welcome page alone: it is shown and painted in a local event loop
that takes no user input; then asyncio, qasync, the core's stand-in, the controllers and the
wizard's other pages load (:func:`amo_desktop.gui.app.run`), and only then does the app
handle the clicks and keys that arrived meanwhile, so nothing is clickable before it works.
Whether this is a first run, and the language, come from a json-only look at the settings
file (:mod:`amo_desktop.core.config_summary`); the full ``ConfigStore`` loads after the paint.
A configured profile opens the main window, which needs the controllers; it is built after
they load.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from amo_desktop.core.config_summary import read_summary
from amo_desktop.core.i18n import detect_language
from amo_desktop.core.paths import app_home
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.resources import TRANSLATIONS_DIR
from amo_desktop.gui.wizard.setup_wizard import SetupWizard

if TYPE_CHECKING:
    from amo_desktop.gui.app import ExtraPages

# The profile the app uses while the configuration names none.
DEFAULT_PROFILE = "default"
# How long the start waits for the window's first paint; a window that is not exposed (say,
# on another workspace) gets no paint, and the app must not wait for one.
FIRST_PAINT_WAIT_MS = 500


def main(argv: Sequence[str] | None = None, extra_pages: ExtraPages | None = None) -> int:
    """Run the desktop assistant until its last window closes; return the exit code."""
    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("amo-desktop")
    app.setOrganizationName("amo-desktop")
    # The app's run() ends when the last window closes and shuts the core down before the
    # loop stops; Qt quitting on its own would stop the loop with that work still pending.
    app.setQuitOnLastWindowClosed(False)
    languages = LanguageManager(app, TRANSLATIONS_DIR)
    home = app_home()
    first_run, language = first_run_and_language(home)
    languages.set_language(language or detect_language())
    welcome = show_welcome(languages) if first_run else None
    if welcome is not None and not welcome.isVisible():
        return 0  # the window was closed before the rest of the app had loaded

    from amo_desktop.core.config import ConfigStore
    from amo_desktop.gui import app as desktop_app  # asyncio, qasync, the controllers

    return desktop_app.run(
        app=app,
        languages=languages,
        home=home,
        config=ConfigStore(home),
        welcome=welcome,
        extra_pages=extra_pages,
    )


def first_run_and_language(home: Path) -> tuple[bool, str | None]:
    """Whether the current profile is still to be set up, and the language the user chose."""
    summary = read_summary(home)
    if summary is not None and (summary.current or DEFAULT_PROFILE) not in summary.profile_names:
        return True, summary.language
    # A configured profile (the main window loads the full store anyway), or a file that
    # only the full store may judge: it validates the profile and reports a damaged file.
    from amo_desktop.core.config import ConfigStore

    config = ConfigStore(home)
    language = config.language
    return config.get(config.current or DEFAULT_PROFILE) is None, language


def show_welcome(languages: LanguageManager) -> SetupWizard:
    """Show the setup wizard with its welcome page alone and wait for its first paint."""
    wizard = SetupWizard(languages.language)
    wizard.resize(wizard.sizeHint())
    wizard.show()
    wait_for_first_paint(wizard, FIRST_PAINT_WAIT_MS)
    return wizard


class _FirstPaint(QObject):
    """Ends ``loop`` when ``window`` receives its first Paint event."""

    def __init__(self, window: QWidget, loop: QEventLoop) -> None:
        super().__init__(window)
        self._window = window
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            # The loop returns once this paint, and the flush to the screen, are done.
            self._loop.quit()
        return False


def wait_for_first_paint(window: QWidget, timeout_ms: int) -> None:
    """Spin Qt until ``window`` has painted (at most ``timeout_ms``), taking no user input.

    Clicks and keys that arrive meanwhile stay queued for the app's main loop.
    """
    loop = QEventLoop()
    watcher = _FirstPaint(window, loop)
    window.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, loop, loop.quit)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    window.removeEventFilter(watcher)
    watcher.deleteLater()
