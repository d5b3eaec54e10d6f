"""The page in Ukrainian after a real run: every interface text translated, nothing cut off,
the checks worded in Ukrainian, and a switch back says the results keep their language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from amo_desktop.gui.main_window.main_window import MainWindow
from tests.gui.driving import named
from tests.gui.text_checks import cut_off, untranslated
from tests.gui_troubleshooting.conftest import Centre, connect_to_sandbox
from tests.gui_troubleshooting.driving import card, run_all_checks


def _switch(centre: Centre, language: str) -> None:
    centre.desktop.settings.set_language(language)
    QApplication.processEvents()  # LanguageChange events are posted
    QApplication.processEvents()


def test_the_page_is_fully_ukrainian_after_a_run_and_nothing_is_cut_off(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    centre.window.resize(MainWindow(QLabel(), QLabel()).sizeHint())
    _switch(centre, "uk")
    try:
        results = run_all_checks(qtbot, centre)
        page = centre.page
        # Check titles are worded by the diagnostics (data here), also in accessible names.
        titles = tuple(result.title for result in results)
        assert card(centre, "keyring").status == "Пройдено"
        assert card(centre, "refresh").status == "Пропущено"
        assert card(centre, "keyring").title == "Сховище паролів"
        problems = []
        for tab in (page.CHECKS_TAB, page.CATALOGUE_TAB, page.LOG_TAB):
            page.tabs.setCurrentIndex(tab)
            QApplication.processEvents()
            problems += [f"tab {tab} untranslated: {f}" for f in untranslated(page, titles)]
            problems += [f"tab {tab} cut off: {f}" for f in cut_off(page)]
        assert not problems, "\n".join(problems)

        page.tabs.setCurrentIndex(page.CHECKS_TAB)
        _switch(centre, "en")
        note = named(page, QLabel, "checksLanguageNote")
        assert note.isVisible()
        assert "language of the last run" in note.text()
        assert card(centre, "keyring").status == "Passed"  # the words of the page switch
    finally:
        _switch(centre, "en")
