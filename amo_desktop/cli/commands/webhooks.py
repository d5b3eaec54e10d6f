"""``webhooks``: the account's webhook subscriptions (list, subscribe, unsubscribe)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Final

from amo_desktop.cli.texts import bilingual

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.models import WebhookSubscription

_TEXTS: Final = {
    "none": ("The account has no webhooks.", "В акаунті немає вебхуків."),
    "line": (
        "{state} {destination}\n      events: {events}",
        "{state} {destination}\n      події: {events}",
    ),
    "on": ("  [on] ", "  [увімк.]"),
    "off": ("  [OFF]", "  [ВИМК.]"),
    "subscribed": ("Subscribed {destination} to: {events}", "Підписано {destination} на: {events}"),
    "unsubscribed": ("Unsubscribed {destination}.", "Підписку {destination} скасовано."),
    "paste": (
        "Paste the webhook's address, then press Enter:",
        "Вставте адресу вебхука і натисніть Enter:",
    ),
}

_DESTINATION_HELP: Final = (
    "the webhook's address; '-' reads it from standard input (paste it), which keeps a "
    "listener's ?secret=... off the command line, where other programs can see it"
)


def _say(ctx: CliContext, key: str, **params: object) -> str:
    return bilingual(_TEXTS[key], ctx.language, **params)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "webhooks",
        help="the account's webhook subscriptions",
        description="List, add or remove the account's webhooks (/api/v4/webhooks). "
        "Needs an administrator's access; some plans don't allow it.",
    )
    actions = parser.add_subparsers(dest="webhooks_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="all webhooks, switched-off ones first")
    subscribe = actions.add_parser("subscribe", help="add a webhook (or change its events)")
    subscribe.add_argument("--destination", required=True, metavar="URL", help=_DESTINATION_HELP)
    subscribe.add_argument(
        "--events",
        action="append",
        metavar="NAMES",
        help="comma-separated event names; 'default' = add_lead,update_lead,status_lead, "
        "'contacts' = add_contact,update_contact (default: default)",
    )
    unsubscribe = actions.add_parser("unsubscribe", help="remove a webhook")
    unsubscribe.add_argument("--destination", required=True, metavar="URL", help=_DESTINATION_HELP)


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.inputs import webhook_events
    from amo_desktop.core.webhooks.subscriptions import DEFAULT_EVENTS, Subscriptions

    subscriptions = Subscriptions(ctx.session())
    out = ctx.out
    if args.webhooks_action == "list":
        hooks = await subscriptions.list()
        human: list[str] = []
        for hook in hooks:
            human += _describe(ctx, hook)
        out.result(
            human or [_say(ctx, "none")],
            {"status": "ok", "webhooks": [_json(ctx, hook) for hook in hooks]},
        )
    elif args.webhooks_action == "subscribe":
        destination = _destination(args, ctx)
        events = webhook_events(out, args.events or DEFAULT_EVENTS)
        hook = await subscriptions.subscribe(destination, events or DEFAULT_EVENTS)
        out.result(
            _say(ctx, "subscribed", destination=hook.destination, events=", ".join(hook.settings)),
            {"status": "ok", "webhook": _json(ctx, hook)},
        )
    else:
        destination = _destination(args, ctx)
        await subscriptions.unsubscribe(destination)
        out.result(
            _say(ctx, "unsubscribed", destination=destination),
            {"status": "ok", "destination": destination},
        )
    return 0


def _destination(args: argparse.Namespace, ctx: CliContext) -> str:
    """The ``--destination`` address, read from stdin for ``-``; INVALID_URL unless usable."""
    from amo_desktop.core.web_address import web_address

    if args.destination != "-":
        return web_address(args.destination)
    if ctx.stdin_is_terminal():
        ctx.out.warn(_say(ctx, "paste"))
    return web_address(ctx.read_stdin())


def _describe(ctx: CliContext, hook: WebhookSubscription) -> list[str]:
    from amo_desktop.core.webhooks.subscriptions import disabled_reason

    state = _say(ctx, "off" if hook.disabled else "on")
    lines = _say(
        ctx,
        "line",
        state=state,
        destination=hook.destination,
        events=", ".join(hook.settings) or "-",
    ).split("\n")
    if hook.disabled:
        lines.append(f"      {disabled_reason(ctx.language)}")
    return lines


def _json(ctx: CliContext, hook: WebhookSubscription) -> dict[str, object]:
    from amo_desktop.core.webhooks.subscriptions import disabled_reason

    return {
        "id": hook.id,
        "destination": hook.destination,
        "events": list(hook.settings),
        "disabled": hook.disabled,
        "disabled_reason": disabled_reason(ctx.language) if hook.disabled else None,
        "created_at": hook.created_at,
        "updated_at": hook.updated_at,
    }
