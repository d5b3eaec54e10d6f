"""Replay to another address: the button waits for an address, a malformed one is explained,
and a failed replay is told in the interface language."""

from __future__ import annotations

import httpx
from PySide6.QtWidgets import QLabel, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.webhooks.detail_pane import EventDetailPane
from amo_desktop.gui.webhooks.listener_panel import ListenerPanel
from tests.gui.conftest import run
from tests.gui.driving import WAIT_MS, click, named, type_into
from tests.gui_webhooks.builders import forward, make_row
from tests.gui_webhooks.test_webhooks_view import connected_webhooks_page, start_listening

LEAD_BODY = b"account%5Bid%5D=1&leads%5Badd%5D%5B0%5D%5Bid%5D=7&leads%5Badd%5D%5B0%5D%5Bname%5D=A"


def test_replay_to_an_address_waits_for_one_and_explains_a_malformed_one(
    qtbot: QtBot,
) -> None:
    pane = EventDetailPane()
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_event(make_row())
    asked: list[object] = []
    pane.replayRequested.connect(lambda *args: asked.append(args))
    replay_to = named(pane, QPushButton, "webhookReplayTo")
    assert not replay_to.isEnabled()
    type_into(qtbot, pane, "webhookReplayUrl", "   ")
    assert not replay_to.isEnabled()

    type_into(qtbot, pane, "webhookReplayUrl", "localhost:3000")
    assert replay_to.isEnabled()
    click(qtbot, pane, "webhookReplayTo")
    result = named(pane, QLabel, "webhookReplayResult")
    assert "“localhost:3000” is not a web address" in result.text()
    assert asked == []

    type_into(qtbot, pane, "webhookReplayUrl", "http://localhost:3000/hook")
    click(qtbot, pane, "webhookReplayTo")
    assert [url for _delivery, url in asked] == ["http://localhost:3000/hook"]  # type: ignore[misc]


def test_forward_and_replay_failures_are_worded_in_ukrainian(
    qtbot: QtBot, languages: LanguageManager
) -> None:
    pane = EventDetailPane()
    listener = ListenerPanel()
    for widget in (pane, listener):
        qtbot.addWidget(widget)
    row = make_row()
    pane.show_event(row)
    listener.set_forward_target("http://127.0.0.1:1/hook")
    listener.show_listening("127.0.0.1", 8787)
    result = named(pane, QLabel, "webhookReplayResult")
    languages.set_language("uk")
    try:
        for note, worded in (
            ("cannot connect: All connection attempts failed", "не вдається з’єднатися з адресою"),
            ("no answer within 10 s", "немає відповіді протягом 10 с"),
            ("could not send it: ValueError: bad header", "не вдалося надіслати: ValueError: bad"),
            ("RemoteProtocolError: peer closed", "помилка надсилання: RemoteProtocolError: peer"),
        ):
            pane.show_replay_result(forward(row, None, 3.0, note))
            lead = "Не вдалося повторно надіслати на http://127.0.0.1:1/hook: "
            assert result.text().startswith(lead + worded), result.text()
            listener.show_forward_result(forward(row, None, 3.0, note))
            assert worded in listener.forward_state.text()
        assert "cannot connect" not in listener.forward_state.text() + result.text()
    finally:
        languages.set_language("en")


def test_a_replay_to_a_dead_address_says_so_in_ukrainian(
    qtbot: QtBot, webhooks_desktop: DesktopApp, languages: LanguageManager
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    languages.set_language("uk")
    try:
        local_url = start_listening(qtbot, page)

        async def post_event() -> int:
            async with httpx.AsyncClient() as client:
                answer = await client.post(
                    local_url,
                    content=LEAD_BODY,
                    headers={"Content-Type": "application/x-www-form-urlencoded"},
                )
            return answer.status_code

        assert run(qtbot, post_event()) == 200
        qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=WAIT_MS)
        named(page, QTableView, "webhookEventsTable").selectRow(0)
        type_into(qtbot, page, "webhookReplayUrl", "http://127.0.0.1:1/hook")
        click(qtbot, page, "webhookReplayTo")
        result = named(page, QLabel, "webhookReplayResult")
        qtbot.waitUntil(lambda: "з’єднатися" in result.text(), timeout=WAIT_MS)
        assert result.text() == (
            "Не вдалося повторно надіслати на http://127.0.0.1:1/hook: "
            "не вдається з’єднатися з адресою"
        )
    finally:
        languages.set_language("en")
