"""The account page's platform picker decides how the address is read."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from amo_desktop.core.platforms import Platform
from amo_desktop.gui.wizard.account_page import AccountPage


def test_the_picked_platform_reads_a_bare_account_name(qtbot: QtBot) -> None:
    page = AccountPage()
    qtbot.addWidget(page)
    page.platform_picker.setCurrentIndex(page.platform_picker.findData(Platform.KOMMO))
    page.address_input.setText("mycompany")

    assert page.platform is Platform.KOMMO
    assert page.address is not None
    assert page.address.host == "mycompany.kommo.com"


def test_prefill_selects_the_stored_platform(qtbot: QtBot) -> None:
    page = AccountPage()
    qtbot.addWidget(page)
    page.prefill(Platform.CUSTOM, "http://127.0.0.1:8080")

    assert page.platform is Platform.CUSTOM
    assert page.address is not None
    assert page.address.base_url == "http://127.0.0.1:8080"
