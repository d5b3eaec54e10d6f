"""``sync-check``: prove the two-way link: API change out, webhook back in, each leg timed.

It starts its own listener. For an account amoCRM can't reach (the sandbox on this computer)
it subscribes the listener itself and removes that subscription afterwards; for a real
account, ``--public-url`` names the tunnel address that leads to ``--port``.
"""

from __future__ import annotations

import argparse
import ipaddress
from typing import TYPE_CHECKING, Final

from amo_desktop.cli.texts import bilingual

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.webhooks.synccheck import SyncCheckReport

_TEXTS: Final = {
    "listening": ("Listening for the check on {url}", "Слухаю для перевірки на {url}"),
    "no_route": (
        "Nothing tells amoCRM to send webhooks here: give --public-url (a tunnel to "
        "--port), or subscribe that address yourself.",
        "amoCRM не знає, що вебхуки треба надсилати сюди: вкажіть --public-url (тунель до "
        "--port) або підпишіть цю адресу самі.",
    ),
    "passed": ("Two-way sync works.", "Двостороння синхронізація працює."),
    "failed": (
        "Two-way sync check failed at: {leg}",
        "Перевірка синхронізації не пройшла на кроці: {leg}",
    ),
    "lead": ("Test lead: {url}", "Тестова угода: {url}"),
    "ok": ("ok", "гаразд"),
    "failed_state": ("FAILED", "ПОМИЛКА"),
    "skipped": ("skipped", "пропущено"),
}


def _say(ctx: CliContext, key: str, **params: object) -> str:
    return bilingual(_TEXTS[key], ctx.language, **params)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sync-check",
        help="create a test lead, move it, and wait for both webhooks to come back",
        description=(
            "Creates a tagged test lead, moves it to another stage and waits for the add_lead "
            "and status_lead webhooks to reach a listener it starts, timing each leg and "
            "naming the leg that failed."
        ),
    )
    parser.add_argument("--port", type=int, default=0, help="listener port (default: any free)")
    parser.add_argument(
        "--public-url", metavar="URL", help="the address amoCRM can reach that leads to --port"
    )
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds to wait for each webhook (default: 60)"
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.commands.listen import open_journal
    from amo_desktop.core.webhooks.receiver import WebhookReceiver
    from amo_desktop.core.webhooks.subscriptions import find
    from amo_desktop.core.webhooks.synccheck import SYNC_CHECK_EVENTS, EventWaiter, run_sync_check

    session = ctx.session()
    waiter = EventWaiter()
    journal = open_journal(ctx)
    receiver = WebhookReceiver(journal, port=args.port, on_event=waiter.feed)
    await receiver.start()
    added: str | None = None
    try:
        ctx.out.note(_say(ctx, "listening", url=receiver.url))
        destination = args.public_url or (
            receiver.url if _is_loopback(session.api().address.base_url) else None
        )
        if destination is None:
            ctx.out.note(_say(ctx, "no_route"))
        else:
            existing = find(await session.list_webhooks(), destination)
            events = tuple(
                dict.fromkeys((*(existing.settings if existing else ()), *SYNC_CHECK_EVENTS))
            )
            if existing is None or set(events) != set(existing.settings) or existing.disabled:
                await session.subscribe_webhook(destination, events)
                added = destination if existing is None and not args.public_url else None
        report = await run_sync_check(session, waiter, wait_seconds=args.timeout)
    finally:
        if added is not None:
            await session.unsubscribe_webhook(added)
        await receiver.stop()
        await journal.close()
    _print(ctx, report)
    return 0 if report.ok else 1


def _print(ctx: CliContext, report: SyncCheckReport) -> None:
    from amo_desktop.core.webhooks.synccheck import LegState, explain, leg_label

    states = {LegState.PASSED: "ok", LegState.FAILED: "failed_state", LegState.SKIPPED: "skipped"}
    human: list[str] = []
    for leg in report.legs:
        took = f" ({round(leg.elapsed_ms)} ms)" if leg.elapsed_ms is not None else ""
        human.append(
            f"  {leg_label(leg.leg, ctx.language):<40} {_say(ctx, states[leg.state])}{took}"
        )
        reason = explain(leg, ctx.language)
        if reason:
            human.append(f"      {reason}")
    failed = report.failed_leg
    headline = (
        _say(ctx, "passed")
        if failed is None
        else _say(ctx, "failed", leg=leg_label(failed.leg, ctx.language))
    )
    human.insert(0, headline)
    if report.lead_url:
        human.append(_say(ctx, "lead", url=report.lead_url))
    ctx.out.result(
        human,
        {
            "status": "ok" if report.ok else "failed",
            "lead_id": report.lead_id,
            "lead_url": report.lead_url,
            "failed_leg": failed.leg.value if failed else None,
            "legs": [
                {
                    "leg": leg.leg.value,
                    "state": leg.state.value,
                    "elapsed_ms": None if leg.elapsed_ms is None else round(leg.elapsed_ms),
                    "explanation": explain(leg, ctx.language) or None,
                    "error_code": leg.error.code.value if leg.error else None,
                }
                for leg in report.legs
            ],
        },
    )


def _is_loopback(base_url: str) -> bool:
    from urllib.parse import urlsplit

    host = urlsplit(base_url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
