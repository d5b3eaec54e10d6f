"""The error catalogue browser: Qt's model contract, and the seed's three errors found by
their raw text in both languages, explained in the app's current language."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amo_desktop.core.error_catalogue import all_entries, entry_for
from amo_desktop.core.errors import ErrorCode
from amo_desktop.gui.troubleshooting.catalogue_model import (
    CatalogueSearchProxy,
    ErrorCatalogueModel,
    placeholder_words,
)
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage
from tests.gui.driving import named, type_into
from tests.gui_troubleshooting.conftest import Centre

# The seed backend's troubleshooting section: the raw texts a person will paste.
SEED_ERRORS = {
    "Account not found": ErrorCode.ACCOUNT_NOT_FOUND,
    "Failed to refresh token": ErrorCode.REFRESH_FAILED,
    "Redirect URI is not associated with client": ErrorCode.REDIRECT_URI_MISMATCH,
}


def test_the_catalogue_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ErrorCatalogueModel("en")
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(all_entries())
    model.set_language("uk")
    qtmodeltester.check(model, force_py=True)


def test_the_search_proxy_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    # One tester per model: a tester follows only the model it last checked.
    model = ErrorCatalogueModel("en")
    proxy = CatalogueSearchProxy()
    proxy.setSourceModel(model)
    proxy.set_query("token")
    qtmodeltester.check(proxy, force_py=True)
    model.set_language("uk")
    proxy.refresh()
    qtmodeltester.check(proxy, force_py=True)
    assert 0 < proxy.rowCount() < model.rowCount()


def _switch(centre: Centre, language: str) -> None:
    centre.desktop.settings.set_language(language)
    QApplication.processEvents()  # LanguageChange events are posted
    QApplication.processEvents()


def _details(page: TroubleshootingPage) -> tuple[str, str, str, str]:
    return tuple(  # type: ignore[return-value]
        named(page, QLabel, name).text()
        for name in ("catalogueTitle", "catalogueCode", "catalogueMessage", "catalogueHint")
    )


@pytest.mark.parametrize("language", ["en", "uk"])
def test_the_seed_errors_are_found_and_explained_in_the_current_language(
    qtbot: QtBot, open_centre, language: str
) -> None:
    centre = open_centre()
    page = centre.page
    page.tabs.setCurrentIndex(page.CATALOGUE_TAB)
    _switch(centre, language)

    for raw, code in SEED_ERRORS.items():
        type_into(qtbot, page, "catalogueSearch", raw)
        assert page.catalogue.shown_codes()[0] == code.value, raw
        expected = entry_for(code).localized(language, placeholder_words())
        title, shown_code, message, hint = _details(page)
        assert (title, shown_code, hint) == (expected.title, code.value, expected.hint)
        assert message == expected.message and "…" not in message
        assert f"“{raw}”" in named(page, QLabel, "catalogueAliases").text()

    # While browsing, a placeholder names what a real error puts there.
    type_into(qtbot, page, "catalogueSearch", "Account not found")
    where = "[адреса акаунта]" if language == "uk" else "[account address]"
    assert where in named(page, QLabel, "catalogueMessage").text()

    # A word from the Ukrainian (or English) title finds the entry too.
    account = entry_for(ErrorCode.ACCOUNT_NOT_FOUND).localized(language).title
    type_into(qtbot, page, "catalogueSearch", account)
    assert ErrorCode.ACCOUNT_NOT_FOUND.value in page.catalogue.shown_codes()
    _switch(centre, "en")


def test_a_language_switch_retitles_the_list_and_keeps_the_search(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre()
    page = centre.page
    page.tabs.setCurrentIndex(page.CATALOGUE_TAB)
    type_into(qtbot, page, "catalogueSearch", "Account not found")
    english = named(page, QLabel, "catalogueTitle").text()

    _switch(centre, "uk")

    ukrainian = entry_for(ErrorCode.ACCOUNT_NOT_FOUND).localized("uk").title
    assert english != ukrainian
    assert named(page, QLineEdit, "catalogueSearch").text() == "Account not found"
    assert page.catalogue.proxy.index(0, 0).data() == ukrainian
    assert named(page, QLabel, "catalogueTitle").text() == ukrainian
    _switch(centre, "en")


def test_nothing_found_says_so(qtbot: QtBot, open_centre) -> None:
    centre = open_centre()
    page = centre.page
    page.tabs.setCurrentIndex(page.CATALOGUE_TAB)
    type_into(qtbot, page, "catalogueSearch", "zzqx no such error zzqx")
    assert page.catalogue.shown_codes() == []
    assert named(page, QLabel, "catalogueEmpty").isVisible()
    assert not named(page, QLabel, "catalogueTitle").isVisible()


def test_a_word_in_the_other_language_finds_entries_shown_in_the_interface_language(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre()
    page = centre.page
    page.tabs.setCurrentIndex(page.CATALOGUE_TAB)
    _switch(centre, "en")

    type_into(qtbot, page, "catalogueSearch", "токен")
    codes = page.catalogue.shown_codes()
    assert ErrorCode.REFRESH_FAILED.value in codes
    first = entry_for(ErrorCode(codes[0]))
    assert named(page, QLabel, "catalogueTitle").text() == first.localized("en").title
    assert not named(page, QLabel, "catalogueEmpty").isVisible()
