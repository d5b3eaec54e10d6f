"""At most one setup wizard at a time, and one for a configured profile starts filled in."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from amo_desktop.core.platforms import Platform
from amo_desktop.gui.app import DesktopApp, ExtraPages
from amo_desktop.gui.troubleshooting.factory import build_troubleshooting_page
from amo_desktop.gui.troubleshooting.page import TroubleshootingPage
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from tests.gui.conftest import run
from tests.gui.driving import connected_window, reach_authorize_page, wait_for


def shown_wizards() -> list[SetupWizard]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, SetupWizard) and widget.isVisible()
    ]


@pytest.mark.parametrize(
    "desktop_extra_pages", [ExtraPages(troubleshooting=build_troubleshooting_page)]
)
def test_sign_in_again_twice_shows_one_wizard(qtbot: QtBot, desktop: DesktopApp) -> None:
    window = connected_window(qtbot, desktop)
    page = window.findChild(TroubleshootingPage)
    assert page is not None

    page.actionRequested.emit("sign_in")
    first = desktop.wizard
    page.actionRequested.emit("sign_in")

    assert first is not None
    assert desktop.wizard is first
    assert shown_wizards() == [first]


def test_a_wizard_for_another_profile_waits_until_the_open_one_is_closed(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    connected_window(qtbot, desktop)
    desktop.settings.validate_new_profile("shop")
    shop = desktop.wizard
    assert shop is not None

    desktop.settings.validate_new_profile("lab")

    assert desktop.wizard is shop
    assert shop.profile_name == "shop"
    assert shown_wizards() == [shop]
    # The wizard brought to the front says which profile it is setting up.
    assert shop.windowTitle() == "amo-desktop — setup of “shop”"

    shop.reject()
    desktop.settings.validate_new_profile("lab")
    lab = desktop.wizard
    assert lab is not None and lab is not shop
    assert lab.profile_name == "lab"
    assert shown_wizards() == [lab]


def test_the_wizard_for_a_configured_profile_starts_from_what_is_stored(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    connected_window(qtbot, desktop)
    name = desktop.settings.current_profile()
    stored = desktop.core.config.get(name)
    assert stored is not None and stored.platform is Platform.CUSTOM
    secret = run(qtbot, desktop.core.credentials.get_client_secret(name))
    assert secret

    wizard = desktop.show_wizard(name)
    keys = wizard.keys_page
    wait_for(qtbot, wizard, lambda: keys.client_id == stored.client_id)

    assert wizard.account_page.address_input.text() == stored.account
    assert wizard.account_page.platform is Platform.CUSTOM
    assert keys.redirect_uri == stored.redirect_uri
    assert keys.isComplete()  # the stored secret counts; nobody types it again
    assert keys.client_secret == ""
    assert "keyring" in keys.secret_input.placeholderText()
    assert all(secret not in field.text() for field in wizard.findChildren(QLineEdit))

    reach_authorize_page(qtbot, wizard)  # saves the settings on the way

    saved = desktop.core.config.get(name)
    assert saved is not None
    assert (saved.account, saved.client_id, saved.redirect_uri, saved.platform) == (
        stored.account,
        stored.client_id,
        stored.redirect_uri,
        stored.platform,
    )
    assert run(qtbot, desktop.core.credentials.get_client_secret(name)) == secret


def test_a_new_profile_wizard_starts_empty(qtbot: QtBot, desktop: DesktopApp) -> None:
    connected_window(qtbot, desktop)
    desktop.settings.validate_new_profile("shop")
    wizard = desktop.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: desktop.runner.pending == 0)

    assert wizard.keys_page.client_id == ""
    assert wizard.account_page.address_input.text() == ""
    assert not wizard.keys_page.isComplete()
