"""The listener panel's texts as a user sees them: not cut off, never stale."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.webhooks.listener_panel import ListenerPanel
from tests.gui.driving import WAIT_MS, click, named, type_into
from tests.gui_webhooks.test_webhooks_view import connected_webhooks_page, start_listening


def test_the_port_box_shows_any_free_whole_in_ukrainian(
    qtbot: QtBot, webhooks_desktop: DesktopApp, languages: LanguageManager
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    port = named(page, QSpinBox, "webhookPort")
    languages.set_language("uk")
    qtbot.waitUntil(lambda: port.specialValueText() == "будь-який вільний", timeout=WAIT_MS)
    window = page.window()
    window.resize(window.sizeHint())  # the window as it first opens, squeezed to its minimum
    text_width = port.fontMetrics().horizontalAdvance(port.specialValueText())
    qtbot.waitUntil(lambda: port.lineEdit().width() >= text_width, timeout=WAIT_MS)


def test_copy_buttons_say_copied_only_for_what_is_on_the_clipboard(
    qtbot: QtBot, webhooks_desktop: DesktopApp
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    copy_secret = named(page, QPushButton, "webhookSecretCopy")
    copy_url = named(page, QPushButton, "webhookLocalUrlCopy")
    first_url = start_listening(qtbot, page)
    click(qtbot, page, "webhookLocalUrlCopy")
    click(qtbot, page, "webhookSecretCopy")
    assert QGuiApplication.clipboard().text() == page.listener.settings().secret
    assert (copy_url.text(), copy_secret.text()) == ("Copied", "Copied")

    click(qtbot, page, "webhookStartStop")
    qtbot.waitUntil(lambda: not page.listener.is_listening, timeout=WAIT_MS)
    with qtbot.waitSignal(page.listener.secret.textChanged, timeout=WAIT_MS):
        click(qtbot, page, "webhookSecretNew")
    # The new secret (and the address with it) is not what was copied.
    assert copy_secret.text() == "Copy secret"
    start_listening(qtbot, page)
    assert page.listener.full_url != first_url
    assert copy_url.text() == "Copy URL"


def test_a_malformed_subscribe_address_is_explained_before_asking_amocrm(
    qtbot: QtBot, webhooks_desktop: DesktopApp, languages: LanguageManager
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    page.tabs.setCurrentWidget(page.subscriptions)
    status = named(page, QLabel, "webhookSubscriptionsStatus")
    asked: list[object] = []
    page.subscriptions.subscribeRequested.connect(lambda *args: asked.append(args))
    for typed in ("hello", "your-company.example/webhook", "ftp://example.com/x"):
        named(page, QLineEdit, "webhookSubscribeUrl").setText(typed)
        click(qtbot, page, "webhookSubscribe")
        assert status.text().startswith(f"“{typed}” is not a web address.")
    assert asked == []  # never sent to amoCRM, whose answer would not say what is wrong

    languages.set_language("uk")
    qtbot.waitUntil(lambda: named(page, QPushButton, "webhookSubscribe").text() == "Підписати")
    click(qtbot, page, "webhookSubscribe")
    assert status.text().startswith("«ftp://example.com/x» — це не вебадреса.")


def test_a_forward_address_while_stopped_says_forwarding_starts_with_the_listener(
    qtbot: QtBot,
) -> None:
    panel = ListenerPanel()
    qtbot.addWidget(panel)
    panel.show()
    state = named(panel, QLabel, "webhookForwardState")
    assert state.text() == "Forwarding is off: events are only shown here."

    type_into(qtbot, panel, "webhookForwardTarget", "http://127.0.0.1:3000/hook")
    assert state.text() == "Forwarding starts when the listener starts."

    panel.show_listening("127.0.0.1", 8080)
    assert state.text() == "Forwarding: waiting for the first event"
    panel.show_stopped()
    assert state.text() == "Forwarding starts when the listener starts."


def test_a_forward_target_that_can_never_work_is_refused_before_listening(
    qtbot: QtBot, webhooks_desktop: DesktopApp
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    type_into(qtbot, page, "webhookForwardTarget", "http://bob:pw-7c1e@127.0.0.1:99999/hook")
    click(qtbot, page, "webhookStartStop")
    state = named(page, QLabel, "webhookListenerState")
    qtbot.waitUntil(lambda: "Address looks wrong" in state.text(), timeout=WAIT_MS)
    assert not page.listener.is_listening
    assert "pw-7c1e" not in state.text()  # the address is shown with its password hidden
