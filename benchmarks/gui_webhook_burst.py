"""A burst of 5,000 webhook events into the live table: how long does the event loop stall?

A 5 ms QTimer ticks while the burst is processed; the longest gap between two ticks is the
worst freeze a user could feel. The events arrive as the controller delivers them (one
``add_events`` per delivery, as fast as the loop turns) and each delivery's forward result
follows, through the real page: model, filter proxy and a shown table view (offscreen).

Baseline in the same run: the same events inserted one ``beginInsertRows`` per event as they
arrive (no queue, no timer). Goal: the page's longest stall stays under 50 ms.

Writes ``benchmarks/results/gui_webhook_burst.json`` and prints one Markdown table row.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QTimer
from PySide6.QtWidgets import QApplication

from amo_desktop.core.webhooks.events import Delivery, split_delivery
from amo_desktop.core.webhooks.records import ForwardResult
from amo_desktop.gui.webhooks.page import WebhooksPage
from amo_desktop.gui.webhooks.rows import EventRow

EVENTS = 5000
PER_TURN = 50  # deliveries the listener hands over per loop turn (far above amoCRM's pace)
TICK_MS = 5
GOAL_MS = 50.0
RESULTS = Path(__file__).resolve().parent / "results" / "gui_webhook_burst.json"


def make_rows(count: int) -> list[EventRow]:
    rows = []
    for number in range(1, count + 1):
        body = (
            "account%5Bsubdomain%5D=demo&account%5Bid%5D=29000000"
            f"&leads%5Bstatus%5D%5B0%5D%5Bid%5D={number}"
            f"&leads%5Bstatus%5D%5B0%5D%5Bname%5D=Lead+{number}"
            "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142"
            "&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=10001"
        ).encode()
        delivery = Delivery(
            f"burst-{number}", time.time(), "127.0.0.1", "POST", "/hook", (), (), body
        )
        (event,) = split_delivery(delivery)
        summary = f"Lead {number} “Lead {number}” moved from “New” to “Won” in “Sales”"
        rows.append(EventRow(delivery, event, summary, forwarding=True))
    return rows


class StallMeter:
    """Records the longest gap between ticks of a short repeating timer."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._tick()
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now


def run(
    app: QApplication,
    rows: list[EventRow],
    deliver: Callable[[list[EventRow]], None],
    forward: Callable[[ForwardResult], None],
    done: Callable[[], bool],
) -> dict[str, float]:
    """Feed ``rows`` a few per loop turn, then wait until ``done``; measure the stalls."""
    meter = StallMeter()
    position = 0
    started = time.perf_counter()
    finished_at: list[float] = []

    def feed() -> None:
        nonlocal position
        chunk = rows[position : position + PER_TURN]
        for row in chunk:
            deliver([row])
        for row in chunk:
            forward(ForwardResult(row.delivery_id, "http://127.0.0.1:9/hook", 200, 3.0, None, 0.0))
        position += len(chunk)
        if position >= len(rows):
            feeder.stop()

    def check() -> None:
        if position >= len(rows) and done():
            finished_at.append(time.perf_counter())
            watcher.stop()
            meter.stop()
            app.quit()

    feeder = QTimer()
    feeder.setInterval(0)
    feeder.timeout.connect(feed)
    watcher = QTimer()
    watcher.setInterval(TICK_MS)
    watcher.timeout.connect(check)
    meter.start()
    feeder.start()
    watcher.start()
    app.exec()
    return {
        "longest_stall_ms": round(meter.longest_ms, 1),
        "drain_ms": round((finished_at[0] - started) * 1000, 1),
    }


class OneInsertPerEventModel(QAbstractTableModel):
    """The naive baseline: every event inserted the moment it arrives."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[EventRow] = []

    def add(self, batch: list[EventRow]) -> None:
        for row in batch:
            position = len(self.rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self.rows.append(row)
            self.endInsertRows()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(self, index: Any, role: int = 0) -> Any:
        if role != 0 or not index.isValid():
            return None
        row = self.rows[index.row()]
        return (row.summary, row.entity_id, row.account)[index.column() % 3]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    rows = make_rows(EVENTS)

    page = WebhooksPage(max_rows=EVENTS)
    page.resize(1280, 800)
    page.show()
    page.set_forward_target("http://127.0.0.1:9/hook")
    ours = run(
        app,
        rows,
        page.add_events,
        page.set_forward_result,
        lambda: page.model.rowCount() == EVENTS and page.model.pending_count() == 0,
    )
    page.close()

    baseline_page = WebhooksPage(max_rows=EVENTS)
    naive = OneInsertPerEventModel()
    baseline_page.table.setModel(naive)  # same view settings, naive model
    baseline_page.resize(1280, 800)
    baseline_page.show()
    baseline = run(
        app,
        rows,
        naive.add,
        lambda _result: None,
        lambda: naive.rowCount() == EVENTS,
    )
    baseline_page.close()

    result = {
        "events": EVENTS,
        "per_turn": PER_TURN,
        "tick_ms": TICK_MS,
        "goal_ms": GOAL_MS,
        "page": ours,
        "baseline_one_insert_per_event": baseline,
        "passed": ours["longest_stall_ms"] < GOAL_MS,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("| benchmark | longest stall | all shown after | baseline stall | goal |")
    print("|---|---|---|---|---|")
    print(
        f"| GUI webhook burst ({EVENTS:,} events + forward results) "
        f"| {ours['longest_stall_ms']:.1f} ms | {ours['drain_ms']:.0f} ms "
        f"| {baseline['longest_stall_ms']:.1f} ms (one insert per event) "
        f"| < {GOAL_MS:.0f} ms: {'met' if result['passed'] else 'NOT met'} |"
    )
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
