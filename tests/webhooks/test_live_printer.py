"""``listen``'s live printer: a line that cannot be made costs that line, never the ones after."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from amo_desktop.cli.commands import listen
from amo_desktop.cli.commands.listen import LinePrinter
from amo_desktop.cli.context import CliContext
from amo_desktop.core.webhooks.events import Delivery, WebhookEvent, split_delivery
from tests.webhooks.conftest import payload


class BrokenNames:
    """A pipeline-name lookup with a bug in it (the printer must not trust its helpers)."""

    async def pipeline_name(self, pipeline_id: int) -> str | None:
        raise RuntimeError("a bug in the name lookup")

    async def status_name(self, pipeline_id: int, status_id: int) -> str | None:
        raise RuntimeError("a bug in the name lookup")


class HangingNames:
    """A lookup whose answer never comes (a network that swallows the request)."""

    def __init__(self) -> None:
        self.asked = asyncio.Event()

    async def pipeline_name(self, pipeline_id: int) -> str | None:
        self.asked.set()
        await asyncio.Event().wait()
        return None

    async def status_name(self, pipeline_id: int, status_id: int) -> str | None:
        return await self.pipeline_name(pipeline_id)


def event_from(name: str, delivery_id: str) -> WebhookEvent:
    delivery = Delivery(delivery_id, 1.0, "127.0.0.1", "POST", "/hook", (), (), payload(name))
    (event,) = split_delivery(delivery)
    return event


def printed(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


async def test_a_line_that_cannot_be_made_becomes_a_notice_and_the_next_lines_still_come(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = CliContext(profile="default", json_mode=True, language="en", home=tmp_path)
    printer = LinePrinter(ctx, BrokenNames())
    printer.start()
    printer.event(event_from("lead_status_short", "moved-lead"))  # needs a stage name: breaks
    printer.event(event_from("contact_add", "new-contact"))  # needs no names
    await printer.close()

    unshown, shown = printed(capsys)
    assert unshown == {"type": "unshown", "delivery_id": "moved-lead", "error": "RuntimeError"}
    assert (shown["type"], shown["delivery_id"]) == ("event", "new-contact")
    logged = [entry.format_line() for entry in ctx.logbook.recent()]
    assert any("could not show moved-lead" in line for line in logged), logged


async def test_stopping_never_waits_on_a_line_for_ever_nor_raises(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(listen, "CLOSE_WAIT", 0.2, raising=False)
    ctx = CliContext(profile="default", json_mode=True, language="en", home=tmp_path)
    names = HangingNames()
    printer = LinePrinter(ctx, names)
    printer.start()
    printer.event(event_from("lead_status_short", "moved-lead"))
    await asyncio.wait_for(names.asked.wait(), 10)
    await asyncio.wait_for(printer.close(), 10)  # gives up on the hanging line, quietly
    assert printed(capsys) == []
