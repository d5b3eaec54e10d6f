"""The activity log view: Qt's model contract with batches and the memory bound, and live
requests made through the core shown with method, path, status and time, never a secret."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from amo_desktop.core.logbook import LogEntry
from amo_desktop.gui.troubleshooting.log_model import ActivityLogModel, LogColumn
from tests.gui.conftest import run
from tests.gui.driving import WAIT_MS, type_into
from tests.gui_troubleshooting.conftest import Centre, connect_to_sandbox
from tests.gui_troubleshooting.driving import run_all_checks


def entry(number: int) -> LogEntry:
    return LogEntry(
        time=1_700_000_000 + number,
        kind="http",
        message=f"GET /api/v4/leads/{number} -> 200 (5 ms)",
        fields={
            "method": "GET",
            "host": "example.amocrm.ru",
            "path": f"/api/v4/leads/{number}",
            "status": "200",
            "ms": "5",
        },
    )


def test_the_log_model_passes_the_model_tester_while_batches_arrive_and_trim(
    qtmodeltester: ModelTester,
) -> None:
    model = ActivityLogModel(max_rows=5)
    qtmodeltester.check(model, force_py=True)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))

    model.append_entries([entry(n) for n in range(3)])
    model.append_entries([entry(n) for n in range(3, 7)])

    assert inserts == [(0, 2), (1, 4)]  # one insert per batch, after dropping the oldest
    assert model.rowCount() == 5
    assert model.index(0, LogColumn.EVENT).data() == "GET example.amocrm.ru/api/v4/leads/2"
    assert model.index(4, LogColumn.STATUS).data() == "200"
    assert model.index(4, LogColumn.DURATION).data() == "5 ms"
    qtmodeltester.check(model, force_py=True)


def _every_text(centre: Centre) -> str:
    model = centre.page.log.model
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return "\n".join(
        str(model.index(row, column).data(role) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        for role in roles
    )


def test_requests_and_a_sign_in_show_up_live_without_any_secret(qtbot: QtBot, open_centre) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    page = centre.page
    page.tabs.setCurrentIndex(page.LOG_TAB)
    session = centre.session
    sandbox = centre.sandbox
    host = "127.0.0.1"

    # A sign-in while the page is open: the token exchange is logged, the tokens are not.
    code = sandbox.state.issue_authorization_code()
    run(qtbot, session.login_with_code(code))
    run(qtbot, session.test_connection())
    qtbot.waitUntil(
        lambda: f"GET {host}/api/v4/account" in page.log.shown_events(), timeout=WAIT_MS
    )
    events = page.log.shown_events()
    assert f"POST {host}/oauth2/access_token" in events
    model = page.log.model
    row = max(r for r in range(model.rowCount()) if model.index(r, 2).data().endswith("account"))
    assert model.index(row, LogColumn.STATUS).data() == "200"
    assert model.index(row, LogColumn.DURATION).data().endswith(" ms")
    assert model.index(row, LogColumn.KIND).data() == "request"
    sign_ins = [e for e in events if e.startswith("signed in (oauth)")]
    assert sign_ins, events  # the token event, in words

    tokens = run(qtbot, centre.desktop.core.credentials.get_tokens(session.name))
    secret = sandbox.state.demo_integration.client_secret
    assert tokens is not None and tokens.refresh_token is not None
    shown = _every_text(centre)
    for value in (tokens.access_token, tokens.refresh_token, secret, code):
        assert value not in shown
        assert value[:24] not in shown

    # The filter narrows the rows down to what was typed.
    type_into(qtbot, page, "logFilter", "oauth2")
    assert page.log.shown_events() == [event for event in events if "oauth2" in event]


def test_checks_run_from_the_page_appear_in_the_log(qtbot: QtBot, open_centre) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    started = time.time()
    run_all_checks(qtbot, centre)
    page = centre.page
    qtbot.waitUntil(
        lambda: any(e.endswith("/api/v4/account") for e in page.log.shown_events()[-20:]),
        timeout=WAIT_MS,
    )
    newest = page.log.model.entry_at(page.log.model.rowCount() - 1)
    assert newest.time >= started
