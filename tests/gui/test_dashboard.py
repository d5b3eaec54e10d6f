"""The Connection page against the sandbox: refresh, countdown, links, pickers, lead status."""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from amo_desktop.core.browser import Browser
from amo_desktop.core.models import TokenInfo
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.main_window.token_card import TokenCard
from tests.gui.conftest import run
from tests.gui.driving import (
    click,
    connected_window,
    label_text,
    named,
    sandbox_server,
    wait_for,
    wait_label,
)


class RecordingBrowser:
    """The OS boundary, recorded: which addresses the app asked the browser to open."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    async def open(self, url: str) -> bool:
        self.opened.append(url)
        return True


@pytest.fixture
def desktop_browser() -> Browser:
    return RecordingBrowser()


def dashboard(qtbot: QtBot, desktop: DesktopApp) -> MainWindow:
    window = connected_window(qtbot, desktop)
    wait_label(qtbot, window, "testConnectionResult", "✓")
    pipelines = named(window, QComboBox, "pipelinePicker")
    wait_for(qtbot, window, lambda: pipelines.count() > 0)
    return window


def picker_items(picker: QComboBox) -> list[tuple[str, int]]:
    return [(picker.itemText(i), picker.itemData(i)) for i in range(picker.count())]


def test_pipeline_and_status_pickers_come_from_the_account(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    account_pipelines = sandbox_server(desktop).state.pipelines
    pipelines = named(window, QComboBox, "pipelinePicker")
    statuses = named(window, QComboBox, "statusPicker")
    assert picker_items(pipelines) == [(p.name, p.id) for p in account_pipelines]
    assert len(account_pipelines) > 1
    for index, pipeline in enumerate(account_pipelines):
        pipelines.setCurrentIndex(index)
        stages = sorted((s for s in pipeline.statuses if s.type == 0), key=lambda s: s.sort)
        assert picker_items(statuses) == [(s.name, s.id) for s in stages]
        # A new lead starts in the first regular stage, as amoCRM itself does.
        assert statuses.currentData() == pipeline.first_regular_status().id


def test_a_lead_is_created_opened_and_moved_in_the_account(
    qtbot: QtBot, desktop: DesktopApp, desktop_browser: RecordingBrowser
) -> None:
    window = dashboard(qtbot, desktop)
    server = sandbox_server(desktop)
    pipelines = named(window, QComboBox, "pipelinePicker")
    second = server.state.pipelines[1]
    pipelines.setCurrentIndex(pipelines.findData(second.id))
    statuses = named(window, QComboBox, "statusPicker")
    statuses.setCurrentIndex(1)
    chosen_status = statuses.currentData()
    named(window, QLineEdit, "leadNameInput").setText("Order 17")
    window.connection_page.leads.price_input.setValue(2500)
    click(qtbot, window, "createLeadButton")
    created = wait_label(qtbot, window, "createdLeadId", "✓")

    (lead,) = server.state.leads.all()
    assert str(lead.id) in created
    assert (lead.name, lead.price, lead.pipeline_id, lead.status_id) == (
        "Order 17",
        2500,
        second.id,
        chosen_status,
    )

    click(qtbot, window, "openLeadButton")
    wait_for(qtbot, window, lambda: len(desktop_browser.opened) == 1)
    assert desktop_browser.opened == [f"{server.base_url}/leads/detail/{lead.id}"]

    # The other direction of the sync: the lead moves in the account.
    moves = named(window, QComboBox, "leadStatusPicker")
    regular = [s.id for s in second.statuses if s.type == 0 and s.id != chosen_status]
    assert sorted(moves.itemData(i) for i in range(moves.count())) == sorted(regular)
    moves.setCurrentIndex(moves.count() - 1)
    target, target_name = moves.currentData(), moves.currentText()
    click(qtbot, window, "changeLeadStatusButton")
    wait_label(qtbot, window, "leadStatusResult", target_name)
    moved = server.state.leads.get(lead.id)
    assert moved is not None and moved.status_id == target


def test_the_account_link_opens_the_account(
    qtbot: QtBot, desktop: DesktopApp, desktop_browser: RecordingBrowser
) -> None:
    window = dashboard(qtbot, desktop)
    server = sandbox_server(desktop)
    assert label_text(window, "accountName") == server.state.account.name
    assert label_text(window, "accountId") == str(server.state.account.id)
    click(qtbot, window, "openAccountButton")
    wait_for(qtbot, window, lambda: len(desktop_browser.opened) == 1)
    assert desktop_browser.opened == [server.base_url]


def test_refresh_now_rotates_the_tokens_and_the_countdown_follows(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    window = dashboard(qtbot, desktop)
    credentials = desktop.core.credentials
    server = sandbox_server(desktop)
    stored = run(qtbot, credentials.get_tokens("default"))
    assert stored is not None
    # Pretend the access token is about to run out, as it would after a day.
    soon = dataclasses.replace(stored, expires_at=time.time() + 300)
    run(qtbot, credentials.set_tokens("default", soon))
    desktop.connection.load_status()
    wait_for(qtbot, window, lambda: label_text(window, "tokenExpiresIn").startswith("4 min"))

    click(qtbot, window, "refreshTokenButton")
    wait_for(qtbot, window, lambda: " h" in label_text(window, "tokenExpiresIn"))
    fresh = run(qtbot, credentials.get_tokens("default"))
    assert fresh is not None
    assert fresh.access_token != stored.access_token
    assert fresh.refresh_token != stored.refresh_token
    assert fresh.expires_at > soon.expires_at + 3600
    pair = server.state.tokens.live_refresh_pair(fresh.refresh_token or "")
    assert pair is not None and pair.predecessor is not None
    assert pair.predecessor.refresh_token == stored.refresh_token
    assert named(window, QAbstractButton, "refreshTokenButton").isEnabled()


def token(kind: str = "oauth", owner: str = "desktop", expires_at: float = 0.0) -> TokenInfo:
    return TokenInfo(
        kind=kind,  # type: ignore[arg-type]
        owner=owner,  # type: ignore[arg-type]
        expires_at=expires_at,
        obtained_at=0.0,
        account_id=1,
    )


def test_the_countdown_ticks_with_the_clock(qtbot: QtBot) -> None:
    now = [1_000_000.0]
    card = TokenCard(clock=lambda: now[0])
    qtbot.addWidget(card)
    card.show_token(token(expires_at=now[0] + 125))
    assert card.expires.text() == "2 min 5 s"
    assert card.ticker.isActive()
    now[0] += 65
    with qtbot.waitSignal(card.ticker.timeout, timeout=3000):
        pass
    assert card.expires.text() == "1 min 0 s"
    now[0] += 60
    with qtbot.waitSignal(card.ticker.timeout, timeout=3000):
        pass
    assert card.expires.text() == "expired"
    card.show_token(None)
    assert not card.ticker.isActive()


def test_refresh_is_unavailable_with_the_reason(qtbot: QtBot) -> None:
    card = TokenCard()
    qtbot.addWidget(card)
    card.show()
    card.show_token(token(expires_at=time.time() + 3600))
    assert card.refresh_button.isEnabled()
    assert not card.refresh_note.isVisible()
    card.show_token(token(kind="long_lived", expires_at=time.time() + 86400 * 30))
    assert not card.refresh_button.isEnabled()
    assert "long-lived" in card.refresh_note.text() and card.refresh_note.isVisible()
    card.show_token(token(owner="backend", expires_at=time.time() + 3600))
    assert not card.refresh_button.isEnabled()
    assert "backend" in card.refresh_note.text()
    card.show_token(None)
    assert not card.refresh_button.isEnabled()
    assert "Authorize first" in card.refresh_note.text()
