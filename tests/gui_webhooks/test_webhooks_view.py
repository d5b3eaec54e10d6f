"""The Webhooks page against the in-process sandbox: subscribe, watch a lead's webhook arrive
decoded, open it, replay it byte for byte, filter, and see refused requests counted."""

from __future__ import annotations

import httpx
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from amo_desktop.core.platforms import Platform
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.controllers.webhooks import WebhooksController
from amo_desktop.gui.main_window.main_window import MainWindow
from amo_desktop.gui.webhooks.page import WebhooksPage
from amo_desktop.gui.webhooks.rows import EventRow
from tests.gui.conftest import run
from tests.gui.driving import WAIT_MS, click, named, sandbox_server, type_into
from tests.gui_webhooks.conftest import CaptureServer

LEAD_NAME = "Іван - Квартира 3"


def connected_webhooks_page(qtbot: QtBot, desktop: DesktopApp) -> WebhooksPage:
    """Connect a profile to the in-process sandbox through the facade, open the Webhooks page."""
    desktop.sandbox.start()
    qtbot.waitUntil(lambda: desktop.sandbox.demo is not None, timeout=WAIT_MS)
    demo = desktop.sandbox.demo
    server = sandbox_server(desktop)
    assert demo is not None
    session = desktop.core.session(desktop.connection.profile_name)
    run(
        qtbot,
        session.configure(
            domain=demo.base_url,
            client_id=demo.client_id,
            redirect_uri=demo.redirect_uri,
            client_secret=demo.client_secret,
            platform=Platform.CUSTOM,
        ),
    )
    integration = server.state.integration(demo.client_id)
    run(
        qtbot, session.login_with_long_lived_token(server.state.issue_long_lived_token(integration))
    )
    window = desktop.show_main_window()
    qtbot.waitExposed(window)
    window.show_page(MainWindow.WEBHOOKS)
    page = window.findChild(WebhooksPage, "webhooksPage")
    assert page is not None
    return page


def start_listening(qtbot: QtBot, page: WebhooksPage, forward_to: str = "") -> str:
    if forward_to:
        type_into(qtbot, page, "webhookForwardTarget", forward_to)
    click(qtbot, page, "webhookStartStop")
    qtbot.waitUntil(lambda: page.listener.is_listening, timeout=WAIT_MS)
    return page.listener.full_url


def events_shown(page: WebhooksPage) -> list[EventRow]:
    proxy = page.proxy
    return [
        page.model.event_at(proxy.mapToSource(proxy.index(row, 0)).row())
        for row in range(proxy.rowCount())
    ]


def test_subscribe_create_lead_see_details_and_replay_byte_for_byte(
    qtbot: QtBot, webhooks_desktop: DesktopApp, capture_server: CaptureServer
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    local_url = start_listening(qtbot, page, forward_to=f"{capture_server.url}/backend")
    assert "?secret=" in local_url

    # Subscribe the listener's own address (the sandbox can reach loopback).
    page.tabs.setCurrentWidget(page.subscriptions)
    click(qtbot, page, "webhookSubscribeUseLocal")
    assert named(page, QLineEdit, "webhookSubscribeUrl").text() == local_url
    click(qtbot, page, "webhookSubscribe")
    status = named(page, QLabel, "webhookSubscriptionsStatus")
    qtbot.waitUntil(
        lambda: "1" in status.text() and page.subscriptions.model.rowCount() == 1, timeout=WAIT_MS
    )
    assert page.subscriptions.model.subscription_at(0).destination == local_url

    # Create a lead through the facade; its add_lead webhook arrives decoded and summarized.
    session = webhooks_desktop.core.session(webhooks_desktop.connection.profile_name)
    lead = run(qtbot, session.create_test_lead(name=LEAD_NAME, price=1500))
    qtbot.waitUntil(
        lambda: any(r.entity_id == str(lead.id) for r in events_shown(page)), timeout=WAIT_MS
    )
    row = next(r for r in events_shown(page) if r.entity_id == str(lead.id))
    assert row.event.name == "add_lead"
    assert row.summary.startswith(f"New lead {lead.id} “{LEAD_NAME}” in “")
    assert "#" not in row.summary  # pipeline and stage names resolved through the API

    # The forwarder delivered the identical body to the backend and the row says so.
    qtbot.waitUntil(
        lambda: page.model.forward_outcome(row.delivery_id) is not None, timeout=WAIT_MS
    )
    forwarded = [c for c in capture_server.requests if c.path == "/backend"]
    assert forwarded[0].body == row.delivery.body
    source_row = next(i for i in range(page.model.rowCount()) if page.model.event_at(i) is row)
    assert page.model.index(source_row, 6).data() == "200 delivered"

    # Details: the decoded tree, the raw body and the headers.
    # Back from the Subscriptions tab to the Events tab (the first one).
    page.tabs.setCurrentIndex(0)
    table = named(page, QTableView, "webhookEventsTable")
    table.selectRow(page.proxy.mapFromSource(page.model.index(source_row, 0)).row())
    assert page.details.current is row
    assert named(page, QLabel, "webhookDetailsSummary").text() == row.summary
    body_text = named(page, QPlainTextEdit, "webhookDetailsRawBody").toPlainText()
    assert body_text == row.delivery.body.decode()
    headers_text = named(page, QPlainTextEdit, "webhookDetailsHeaders").toPlainText()
    assert "X-Amocrm-Requestid" in headers_text or "x-amocrm-requestid" in headers_text.lower()
    assert "secret=" not in headers_text  # the secret never shows in a delivery
    tree = page.details.tree_model
    top_keys = {tree.item(i, 0).text() for i in range(tree.rowCount())}
    assert {"account", "leads"} <= top_keys

    # Replay to another URL: the capture server gets the very same bytes.
    type_into(qtbot, page, "webhookReplayUrl", f"{capture_server.url}/replayed")
    click(qtbot, page, "webhookReplayTo")
    result = named(page, QLabel, "webhookReplayResult")
    qtbot.waitUntil(lambda: "200" in result.text(), timeout=WAIT_MS)
    replayed = [c for c in capture_server.requests if c.path == "/replayed"]
    assert len(replayed) == 1
    assert replayed[0].body == row.delivery.body
    assert replayed[0].headers["Content-Type"] == row.delivery.content_type

    # Unsubscribe from the panel.
    page.tabs.setCurrentWidget(page.subscriptions)
    page.subscriptions.table.selectRow(0)
    click(qtbot, page, "webhookUnsubscribe")
    qtbot.waitUntil(lambda: page.subscriptions.model.rowCount() == 0, timeout=WAIT_MS)
    assert sandbox_server(webhooks_desktop).state.webhook_by_destination(local_url) is None


def test_filters_and_refused_requests(qtbot: QtBot, webhooks_desktop: DesktopApp) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    local_url = start_listening(qtbot, page)
    controller = webhooks_desktop.findChild(WebhooksController)
    assert controller is not None and controller.receiver is not None
    session = webhooks_desktop.core.session(webhooks_desktop.connection.profile_name)
    run(qtbot, session.subscribe_webhook(local_url, ("add_lead", "status_lead")))
    # One change at a time, each awaited as a row: the sandbox enforces amoCRM's rate limit.
    lead = run(qtbot, session.create_test_lead(name=LEAD_NAME))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    other = run(qtbot, session.create_test_lead(name="Другий лід"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    pipelines = run(qtbot, session.pipelines())
    target = next(s for s in pipelines[0].statuses if s.id != lead.status_id)
    run(qtbot, session.set_lead_status(lead.id, status_id=target.id))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)

    entity = named(page, QComboBox, "webhookFilterEntity")
    action = named(page, QComboBox, "webhookFilterAction")
    forward = named(page, QComboBox, "webhookFilterForward")
    action.setCurrentIndex(action.findData("status"))
    assert [(r.event.name, r.entity_id) for r in events_shown(page)] == [
        ("status_lead", str(lead.id))
    ]
    action.setCurrentIndex(0)
    entity.setCurrentIndex(entity.findData("contact"))
    assert events_shown(page) == []
    entity.setCurrentIndex(entity.findData("lead"))
    # setText, not key clicks: QTest cannot type Cyrillic on the offscreen platform.
    named(page, QLineEdit, "webhookFilterText").setText("другий")
    assert [r.entity_id for r in events_shown(page)] == [str(other.id)]
    named(page, QLineEdit, "webhookFilterText").clear()
    forward.setCurrentIndex(forward.findData("failed"))
    assert events_shown(page) == []
    forward.setCurrentIndex(forward.findData("off"))  # no forward target was set
    assert len(events_shown(page)) == 3

    # Refused: a wrong secret, then a body that is not a webhook form.
    public_url = controller.receiver.public_url

    async def post_bad_requests() -> tuple[int, int]:
        async with httpx.AsyncClient(trust_env=False) as client:
            wrong = await client.post(
                f"{public_url}?secret=wrong",
                content=b"leads%5Badd%5D%5B0%5D%5Bid%5D=1",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            broken = await client.post(
                local_url,
                content=b"leads%5Badd%ZZ=1",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
        return wrong.status_code, broken.status_code

    assert run(qtbot, post_bad_requests()) == (403, 400)
    qtbot.waitUntil(lambda: page.rejected_model.total == 2, timeout=WAIT_MS)
    assert page.tabs.tabText(1) == "Rejected (2)"
    reasons = [page.rejected_model.index(i, 2).data() for i in range(2)]
    assert reasons == ["wrong or missing secret", "body is not a webhook form"]
    assert page.model.rowCount() == 3  # refused requests never become events
    assert "rejected: 2" in named(page, QLabel, "webhookCounters").text()


def test_two_way_check_button_reports_every_step(
    qtbot: QtBot, webhooks_desktop: DesktopApp
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    run_check = named(page, QPushButton, "webhookSyncCheck")
    assert not run_check.isEnabled()  # needs a running listener
    local_url = start_listening(qtbot, page)
    session = webhooks_desktop.core.session(webhooks_desktop.connection.profile_name)
    run(qtbot, session.subscribe_webhook(local_url, ("add_lead", "status_lead")))
    page.tabs.setCurrentWidget(page.sync_check)
    click(qtbot, page, "webhookSyncCheck")
    result = named(page, QLabel, "webhookSyncCheckResult")
    qtbot.waitUntil(lambda: result.text() == "Both directions work.", timeout=WAIT_MS)
    steps = named(page, QTreeWidget, "webhookSyncCheckSteps")
    texts = [steps.topLevelItem(i).text(0) for i in range(steps.topLevelItemCount())]
    assert len(texts) == 4 and all(text.startswith("✔") for text in texts)
    assert all(steps.topLevelItem(i).text(1).endswith(" ms") for i in range(4))


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
LEAD_MOVED = (
    b"account%5Bsubdomain%5D=demo&leads%5Bstatus%5D%5B0%5D%5Bid%5D=111"
    b"&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=555&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=1"
    b"&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=2"
)
CONTACT_UPDATED = b"account%5Bsubdomain%5D=demo&contacts%5Bupdate%5D%5B0%5D%5Bid%5D=222"


def post_forms(qtbot: QtBot, url: str, *bodies: bytes) -> list[int]:
    async def post_in_order() -> list[int]:
        async with httpx.AsyncClient(trust_env=False) as client:
            return [(await client.post(url, content=b, headers=FORM)).status_code for b in bodies]

    return run(qtbot, post_in_order())


def test_events_stay_in_arrival_order_while_stage_names_load(
    qtbot: QtBot, webhooks_desktop: DesktopApp
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    url = start_listening(qtbot, page)
    # The lead's summary waits for the stage names; the contact's needs none and is ready first.
    sandbox_server(webhooks_desktop).state.inject(
        "/api/v4/leads/pipelines", None, times=10, delay=1.0
    )
    assert post_forms(qtbot, url, LEAD_MOVED, CONTACT_UPDATED) == [200, 200]
    qtbot.waitUntil(lambda: len(events_shown(page)) == 2, timeout=WAIT_MS)
    assert [(row.event.name, row.entity_id) for row in events_shown(page)] == [
        ("status_lead", "111"),
        ("update_contact", "222"),
    ]


def test_a_hanging_stage_name_lookup_does_not_hold_the_live_view_back(
    qtbot: QtBot, webhooks_desktop: DesktopApp
) -> None:
    page = connected_webhooks_page(qtbot, webhooks_desktop)
    url = start_listening(qtbot, page)
    sandbox_server(webhooks_desktop).state.inject(
        "/api/v4/leads/pipelines", None, times=10, delay=8.0
    )
    assert post_forms(qtbot, url, LEAD_MOVED) == [200]
    # Shown after the controller's 2 s wait for names, long before the lookup answers.
    qtbot.waitUntil(lambda: len(events_shown(page)) == 1, timeout=6_000)
    (row,) = events_shown(page)
    assert "#555" in row.summary  # the stage by its id: its name is not known yet


def test_a_profile_switch_leaves_nothing_of_the_old_account_on_the_page(
    qtbot: QtBot, webhooks_desktop: DesktopApp
) -> None:
    desktop = webhooks_desktop
    page = connected_webhooks_page(qtbot, desktop)
    url = start_listening(qtbot, page)
    session = desktop.core.session(desktop.connection.profile_name)
    run(qtbot, session.subscribe_webhook(url, ("add_lead",)))
    assert post_forms(qtbot, url, CONTACT_UPDATED) == [200]
    qtbot.waitUntil(lambda: len(events_shown(page)) == 1, timeout=WAIT_MS)
    page.tabs.setCurrentWidget(page.subscriptions)
    click(qtbot, page, "webhookSubscriptionsRefresh")
    qtbot.waitUntil(lambda: page.subscriptions.model.rowCount() == 1, timeout=WAIT_MS)
    # A list asked for again just before the switch answers late, for the old account.
    sandbox_server(desktop).state.inject("/api/v4/webhooks", None, delay=1.0)
    click(qtbot, page, "webhookSubscriptionsRefresh")
    run(
        qtbot,
        desktop.core.session("other").configure(
            domain="http://127.0.0.1:9",
            client_id="00000000-0000-0000-0000-000000000000",
            redirect_uri="http://127.0.0.1:8765/cb",
            client_secret="x" * 64,
            platform=Platform.CUSTOM,
        ),
    )

    desktop.settings.switch_profile("other")
    assert events_shown(page) == [] and page.rejected_model.total == 0
    assert page.subscriptions.model.rowCount() == 0
    assert page.details.current is None
    qtbot.waitUntil(lambda: desktop.runner.pending == 0, timeout=WAIT_MS)
    assert page.subscriptions.model.rowCount() == 0  # the late answer was dropped
    assert not page.listener.is_listening
