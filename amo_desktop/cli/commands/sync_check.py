"""``sync-check``: prove the two-way link: API change out, webhook back in, each leg timed.

It starts its own listener. For an account amoCRM can't reach (the sandbox on this computer)
it subscribes the listener itself; for a real account, ``--public-url`` names the tunnel
address that leads to ``--port``. Either way the account's webhooks are put back as they were
afterwards, however the check ends.
"""

from __future__ import annotations

import argparse
import ipaddress
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Final

from amo_desktop.cli.inputs import port_number, wait_seconds
from amo_desktop.cli.texts import bilingual

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.errors import AmoError
    from amo_desktop.core.webhooks.synccheck import CheckSubscription, SyncCheckReport

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
    "not_restored": (
        "The account's webhook for {url} could not be put back as it was before the check: "
        "{reason} See it with: amo-desktop{profile_option} webhooks list",
        "Не вдалося повернути вебхук акаунта для {url} до стану, який був перед перевіркою: "
        "{reason} Перегляньте його: amo-desktop{profile_option} webhooks list",
    ),
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
    parser.add_argument(
        "--port", type=port_number, default=0, help="listener port (default: any free)"
    )
    parser.add_argument(
        "--public-url", metavar="URL", help="the address amoCRM can reach that leads to --port"
    )
    parser.add_argument(
        "--timeout",
        type=wait_seconds,
        default=60.0,
        help="seconds to wait for each webhook, at most 3600 (default: 60)",
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.commands.listen import open_journal
    from amo_desktop.core.web_address import web_address
    from amo_desktop.core.webhooks.receiver import WebhookReceiver
    from amo_desktop.core.webhooks.synccheck import CheckSubscription, EventWaiter, run_sync_check

    # Checked before a listener starts or anything is created in the account.
    public_url = web_address(args.public_url) if args.public_url is not None else None
    session = ctx.session()
    waiter = EventWaiter()
    subscription: CheckSubscription | None = None
    # Unwound in reverse: the webhooks are put back first, then the listener and journal close.
    async with AsyncExitStack() as stopping:
        journal = open_journal(ctx)
        stopping.push_async_callback(journal.close)
        receiver = WebhookReceiver(journal, port=args.port, on_event=waiter.feed)
        await receiver.start()
        stopping.push_async_callback(receiver.stop)
        ctx.out.note(_say(ctx, "listening", url=receiver.url))
        destination = public_url or (
            receiver.url if _is_loopback(session.api().address.base_url) else None
        )
        if destination is None:
            ctx.out.note(_say(ctx, "no_route"))
        else:
            subscription = CheckSubscription(session, destination)
            await stopping.enter_async_context(subscription)
        report = await run_sync_check(session, waiter, wait_seconds=args.timeout)
    not_restored = subscription.restore_error if subscription is not None else None
    _print(ctx, report, subscription, not_restored)
    return 0 if report.ok and not_restored is None else 1


def _print(
    ctx: CliContext,
    report: SyncCheckReport,
    subscription: CheckSubscription | None,
    not_restored: AmoError | None,
) -> None:
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
    if subscription is not None and not_restored is not None:
        problem = ctx.out.localized(not_restored)
        human.append(
            _say(
                ctx,
                "not_restored",
                url=subscription.destination,
                reason=f"{problem.title}: {problem.message}",
                profile_option=ctx.out.profile_option,
            )
        )
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
            "webhook_restore_error": not_restored.code.value if not_restored else None,
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
