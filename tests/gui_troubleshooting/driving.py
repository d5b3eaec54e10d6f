"""Drive the Troubleshooting page by its automation names (docs/ui-automation.md)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from amo_desktop.core.diagnostics import CheckResult
from amo_desktop.gui.controllers.troubleshooting import TroubleshootingController
from amo_desktop.gui.troubleshooting.checks_panel import CheckCard
from tests.gui.driving import WAIT_MS, click, named
from tests.gui_troubleshooting.conftest import Centre

RUN_MS = 40_000


def controller_of(centre: Centre) -> TroubleshootingController:
    found = centre.desktop.findChild(TroubleshootingController)
    assert found is not None
    return found


def run_all_checks(qtbot: QtBot, centre: Centre, *, refresh: bool = False) -> list[CheckResult]:
    """Press "Run all checks" (with or without the real refresh) and wait for the last result."""
    named(centre.page, QCheckBox, "refreshOptionToggle").setChecked(refresh)
    with qtbot.waitSignal(controller_of(centre).checksFinished, timeout=RUN_MS) as finished:
        click(qtbot, centre.page, "runChecksButton")
    qtbot.waitUntil(lambda: named(centre.page, QPushButton, "runChecksButton").isEnabled())
    return list(finished.args[0])


class CardView:
    """What one check's card shows, read through its automation names."""

    def __init__(self, centre: Centre, check_id: str) -> None:
        self.card = named(centre.page, CheckCard, f"check_{check_id}")
        name = f"check_{check_id}"
        self.status = named(self.card, QLabel, f"{name}Status").text()
        self.title = named(self.card, QLabel, f"{name}Title").text()
        detail = named(self.card, QLabel, f"{name}Detail")
        fix = named(self.card, QLabel, f"{name}Fix")
        self.detail = detail.text() if detail.isVisibleTo(self.card) else ""
        self.fix = fix.text() if fix.isVisibleTo(self.card) else ""
        icon = named(self.card, QLabel, f"{name}Icon")
        self.has_icon = not icon.pixmap().isNull()
        self.action = named(self.card, QPushButton, f"{name}Action")
        self.has_action = self.action.isVisibleTo(self.card)


def card(centre: Centre, check_id: str) -> CardView:
    return CardView(centre, check_id)


__all__ = ["WAIT_MS", "CardView", "card", "controller_of", "run_all_checks"]
