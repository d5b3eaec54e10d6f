"""The live table's models: Qt's model contract, batching, the memory bound and the filters."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amo_desktop.core.models import WebhookSubscription
from amo_desktop.core.webhooks.records import Rejection
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.webhooks.event_model import EventColumn, WebhookEventModel
from amo_desktop.gui.webhooks.filter_proxy import WebhookFilterProxy
from amo_desktop.gui.webhooks.rejected_model import RejectedRequestModel
from amo_desktop.gui.webhooks.rows import EventRow, ForwardState
from amo_desktop.gui.webhooks.subscriptions_panel import SubscriptionColumn, SubscriptionsModel
from tests.gui_webhooks.builders import forward, make_row


def test_event_model_passes_the_model_tester_while_rows_arrive_and_trim(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = WebhookEventModel(max_rows=5, flush_interval_ms=1, batch_size=3)
    qtmodeltester.check(model, force_py=True)
    rows = [make_row() for _ in range(8)]
    model.enqueue(rows)
    qtbot.waitUntil(lambda: model.pending_count() == 0 and model.rowCount() == 5)
    # The newest five stay, oldest first.
    assert [model.event_at(i) for i in range(5)] == rows[3:]
    model.set_forward_result(forward(rows[-1], 502, 12.4, "boom"))
    assert model.index(4, EventColumn.FORWARD).data() == "502 failed"
    assert model.index(4, EventColumn.LATENCY).data() == "12 ms"
    qtmodeltester.check(model, force_py=True)


def test_each_flush_is_one_insert_of_at_most_a_batch(qtbot: QtBot) -> None:
    model = WebhookEventModel(max_rows=100, flush_interval_ms=1, batch_size=4)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    model.enqueue(make_row() for _ in range(10))
    assert model.rowCount() == 0  # nothing before the timer fires
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    assert inserts == [(0, 3), (4, 7), (8, 9)]


def test_forward_outcome_before_the_row_is_shown_is_kept(qtbot: QtBot) -> None:
    model = WebhookEventModel(flush_interval_ms=1)
    row = make_row()
    pending = make_row()
    off = make_row(forwarding=False)
    model.enqueue([row, pending, off])
    model.set_forward_result(forward(row, 200, 3.0))
    with qtbot.waitSignal(model.rows_flushed):
        pass
    assert model.forward_state(row) is ForwardState.OK
    assert model.forward_state(pending) is ForwardState.PENDING
    assert model.forward_state(off) is ForwardState.OFF
    assert model.index(0, EventColumn.FORWARD).data() == "200 delivered"


def test_trimmed_deliveries_forget_their_forward_outcome(qtbot: QtBot) -> None:
    model = WebhookEventModel(max_rows=2, flush_interval_ms=1)
    first = make_row()
    model.enqueue([first])
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    model.set_forward_result(forward(first, 200, 1.0))
    model.enqueue([make_row(), make_row()])
    with qtbot.waitSignal(model.trimmed):
        pass
    assert model.forward_outcome(first.delivery_id) is None
    # An outcome for a forgotten delivery changes nothing on screen and does not fail.
    model.set_forward_result(forward(first, 200, 1.0))
    assert model.rowCount() == 2


def test_a_delivery_split_across_batches_keeps_its_outcome_while_a_row_is_shown(
    qtbot: QtBot,
) -> None:
    model = WebhookEventModel(max_rows=1, flush_interval_ms=1, batch_size=1)
    first = make_row()
    second = replace(first, summary="Lead 1 changed")  # the same delivery, its next event
    model.enqueue([first])
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    model.set_forward_result(forward(first, 200, 1.0))
    model.enqueue([second])
    with qtbot.waitSignal(model.trimmed):
        pass
    assert model.event_at(0) is second
    assert model.index(0, EventColumn.FORWARD).data() == "200 delivered"


def test_filter_proxy_by_entity_action_text_and_forward_result(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = WebhookEventModel(flush_interval_ms=1)
    proxy = WebhookFilterProxy()
    proxy.setSourceModel(model)
    lead_add = make_row("leads", "add", "Lead 7 “Flat 3” created")
    lead_status = make_row("leads", "status", "Lead 7 moved from “New” to “Won”")
    contact = make_row("contacts", "add", "Contact Ivan created")
    model.enqueue([lead_add, lead_status, contact])
    qtbot.waitUntil(lambda: proxy.rowCount() == 3)
    qtmodeltester.check(proxy, force_py=True)

    def shown() -> list[EventRow]:
        return [
            model.event_at(proxy.mapToSource(proxy.index(i, 0)).row())
            for i in range(proxy.rowCount())
        ]

    proxy.set_entity("lead")
    assert shown() == [lead_add, lead_status]
    proxy.set_action("status")
    assert shown() == [lead_status]
    proxy.set_action("")
    proxy.set_text("lead 7 “flat")
    assert shown() == [lead_add]
    proxy.set_text("")
    proxy.set_entity("")
    proxy.set_forward_state(ForwardState.FAILED)
    assert shown() == []
    # A forward result arriving later re-runs the filter for that row.
    model.set_forward_result(forward(contact, None, 0.0, "refused"))
    assert shown() == [contact]
    proxy.set_forward_state(None)
    assert len(shown()) == 3
    qtmodeltester.check(proxy, force_py=True)


def test_rejected_model_counts_beyond_its_bound(qtmodeltester: ModelTester) -> None:
    model = RejectedRequestModel(max_rows=2)
    qtmodeltester.check(model, force_py=True)
    for status in (403, 400, 415):
        model.add(
            Rejection("bad_secret", status, "POST", "/hook", 10, "127.0.0.1", 1_700_000_000.0)
        )
    assert model.total == 3
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "400"
    assert model.index(1, 3).data() == "POST /hook"
    qtmodeltester.check(model, force_py=True)


def test_subscription_states_read_in_the_interface_language(languages: LanguageManager) -> None:
    model = SubscriptionsModel()
    hook = WebhookSubscription(
        id=1,
        destination="https://example.test/hook?secret=abc",
        settings=("add_lead",),
        disabled=False,
        created_at=None,
        updated_at=None,
    )
    model.set_subscriptions([hook, replace(hook, id=2, disabled=True)])
    state = SubscriptionColumn.STATE

    def states() -> list[str]:
        return [model.index(row, state).data() for row in range(model.rowCount())]

    assert states() == ["active", "DISABLED by amoCRM"]
    languages.set_language("uk")
    assert states() == ["активна", "ВИМКНЕНО amoCRM"]
    assert "abc" not in model.index(0, SubscriptionColumn.DESTINATION).data()


def test_subscription_events_read_in_the_interface_language_with_amo_names_in_the_tip(
    languages: LanguageManager,
) -> None:
    model = SubscriptionsModel()
    hook = WebhookSubscription(
        id=1,
        destination="https://example.test/hook",
        settings=("add_lead", "update_lead", "status_lead", "add_talk_future"),
        disabled=False,
        created_at=None,
        updated_at=None,
    )
    model.set_subscriptions([hook])
    events = model.index(0, SubscriptionColumn.EVENTS)
    raw_names = "add_lead, update_lead, status_lead, add_talk_future"
    languages.set_language("uk")
    try:
        shown = events.data()
        assert shown == (
            "Угоду створено, Угоду змінено, Угоду переміщено на інший етап, add_talk_future"
        )
        assert events.data(Qt.ItemDataRole.ToolTipRole) == raw_names
    finally:
        languages.set_language("en")
    assert events.data().startswith("Lead created, Lead changed")
