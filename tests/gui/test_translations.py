"""Every window and wizard page in both languages: nothing untranslated, nothing cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.wizard.page_ids import PageId
from tests.gui.driving import (
    WAIT_MS,
    authorize_by_paste,
    next_page,
    open_sandbox_wizard,
    wait_for,
    wait_label,
)
from tests.gui.text_checks import Finding, cut_off, untranslated


def check_both_languages(
    qtbot: QtBot, desktop: DesktopApp, window: QWidget, where: str
) -> list[str]:
    """Check ``window`` in English, switch live to Ukrainian, check, switch back."""
    problems: list[str] = []

    def record(language: str, kind: str, findings: list[Finding]) -> None:
        problems.extend(f"{where} [{language}] {kind}: {finding}" for finding in findings)

    for language in ("en", "uk"):
        desktop.settings.set_language(language)
        QApplication.processEvents()  # LanguageChange events are posted
        QApplication.processEvents()
        if language == "uk":
            profiles = tuple(profile.name for profile in desktop.core.config.list())
            record(language, "untranslated", untranslated(window, data=profiles))
        record(language, "cut off", cut_off(window))
    desktop.settings.set_language("en")
    QApplication.processEvents()
    return problems


def test_every_page_is_translated_and_nothing_is_cut_off(qtbot: QtBot, desktop: DesktopApp) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    problems = check_both_languages(qtbot, desktop, wizard, "welcome")
    next_page(qtbot, wizard, PageId.ACCOUNT)
    problems += check_both_languages(qtbot, desktop, wizard, "account")
    next_page(qtbot, wizard, PageId.KEYS)
    problems += check_both_languages(qtbot, desktop, wizard, "keys")
    next_page(qtbot, wizard, PageId.AUTHORIZE)
    wait_for(qtbot, wizard, wizard.authorize_page.code_input.isEnabled)
    problems += check_both_languages(qtbot, desktop, wizard, "authorize")
    authorize_by_paste(qtbot, desktop, wizard)
    problems += check_both_languages(qtbot, desktop, wizard, "authorized")
    next_page(qtbot, wizard, PageId.CHECK)
    wait_label(qtbot, wizard, "checkResult", "✓")
    problems += check_both_languages(qtbot, desktop, wizard, "check")
    next_page(qtbot, wizard, PageId.DONE)
    problems += check_both_languages(qtbot, desktop, wizard, "done")
    wizard.accept()

    window = desktop.main_window
    assert window is not None
    qtbot.waitExposed(window)
    wait_label(qtbot, window, "testConnectionResult", "✓")
    qtbot.waitUntil(
        lambda: window.connection_page.leads.pipeline_picker.count() > 0, timeout=WAIT_MS
    )
    for index, where in enumerate(("connection", "webhooks", "troubleshooting", "settings")):
        window.show_page(index)
        problems += check_both_languages(qtbot, desktop, window, where)
    window.show_page(MainWindow.CONNECTION)
    assert not problems, "\n".join(problems)
