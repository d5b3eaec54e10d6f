"""``events``: the webhook journal: list, show, replay and export recorded deliveries."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Final

from amo_desktop.cli.commands.listen import event_line, iso_time, local_time, open_journal
from amo_desktop.cli.inputs import usage_error
from amo_desktop.cli.texts import bilingual
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.redact import url_to_show
from amo_desktop.core.web_address import web_address

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.webhooks.events import Delivery, WebhookEvent
    from amo_desktop.core.webhooks.journal import WebhookJournal
    from amo_desktop.core.webhooks.records import ForwardResult
    from amo_desktop.core.webhooks.replay import DeliveryFilter

_TEXTS: Final = {
    "none": ("No webhook deliveries recorded yet.", "Записаних доставок вебхуків ще немає."),
    "undecodable": (
        "(body is not a valid form: {reason})",
        "(тіло не є коректною формою: {reason})",
    ),
    "no_target": (
        # No final stop: the usage error's sentence adds it.
        "Where to? Give --to URL (this delivery was never forwarded)",
        "Куди? Вкажіть --to URL (цю доставку ще не пересилали)",
    ),
    "target_not_configured": (
        "Where to? It was sent to {url}, but the journal keeps addresses without their secrets "
        "(query, user:password) and that is neither this profile's forward target nor its "
        "backend's webhook address: give the full address with --to URL",
        "Куди? Її надсилали на {url}, але журнал зберігає адреси без секретів (параметрів "
        "запиту, user:password), а це не ціль пересилання цього профілю і не адреса вебхуків "
        "його бекенда: вкажіть повну адресу через --to URL",
    ),
    "replayed": (
        "Resent {id} to {url}: {outcome} ({ms} ms)",
        "Повторно надіслано {id} на {url}: {outcome} ({ms} мс)",
    ),
}


def _say(ctx: CliContext, key: str, **params: object) -> str:
    return bilingual(_TEXTS[key], ctx.language, **params)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "events",
        help="recorded webhook deliveries: list, show, replay, export",
        description="Work with the profile's webhook journal (what 'listen' recorded).",
    )
    actions = parser.add_subparsers(dest="events_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="newest deliveries first")
    listing.add_argument("--limit", type=int, default=20, help="how many (default: 20)")
    listing.add_argument("--event", action="append", metavar="NAME", help="only these (add_lead…)")
    show = actions.add_parser("show", help="one delivery: headers, body, events, forwards")
    show.add_argument("id", help="delivery id (X-Amocrm-Requestid) or its first 8+ characters")
    replay = actions.add_parser(
        "replay",
        help="send deliveries again, byte for byte",
        description=(
            "Send recorded deliveries again, byte for byte. Without --to each goes where it was "
            "sent before, if that is the profile's forward target or its backend's webhook "
            "address: the journal keeps addresses without their secrets (query, user:password), "
            "so the full address comes from the profile. Otherwise give --to."
        ),
    )
    replay.add_argument("ids", nargs="*", metavar="ID", help="delivery ids")
    replay.add_argument("--event", action="append", metavar="NAME", help="or: all with this event")
    replay.add_argument("--limit", type=int, default=50, help="at most this many (default: 50)")
    replay.add_argument(
        "--to",
        metavar="URL",
        help="target (default: the profile's forward target or backend webhook address, "
        "if the delivery was sent there before)",
    )
    export = actions.add_parser("export", help="as JSON lines or cURL commands")
    export.add_argument("--format", choices=("jsonl", "curl"), default="jsonl")
    export.add_argument("--to", metavar="URL", help="URL for the cURL commands")
    export.add_argument("--limit", type=int, help="only the newest N")
    export.add_argument("--event", action="append", metavar="NAME", help="only these events")


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.inputs import refuse

    limit = getattr(args, "limit", None)
    if limit is not None and limit < 1:
        refuse(ctx.out, f"events {args.events_action}", "limit_positive", limit=limit)
    journal = open_journal(ctx)
    action = args.events_action
    if action == "list":
        return await _list(args, ctx, journal)
    if action == "show":
        return await _show(args, ctx, journal)
    if action == "replay":
        return await _replay(args, ctx, journal)
    return await _export(args, ctx, journal)


def _filter(args: argparse.Namespace) -> DeliveryFilter:
    from amo_desktop.core.webhooks.replay import DeliveryFilter

    names = frozenset(args.event) if getattr(args, "event", None) else None
    return DeliveryFilter(event_names=names)


def _events_of(delivery: Delivery) -> tuple[list[WebhookEvent], str | None]:
    from amo_desktop.core.webhooks.events import split_delivery
    from amo_desktop.core.webhooks.formdecode import FormDecodeError

    try:
        return split_delivery(delivery), None
    except FormDecodeError as error:
        return [], error.reason


async def _list(args: argparse.Namespace, ctx: CliContext, journal: WebhookJournal) -> int:
    selection = _filter(args)
    deliveries = await journal.deliveries(limit=args.limit, where=selection.matches)
    forwards = _latest_forwards(await journal.forwards())
    items: list[dict[str, object]] = []
    human: list[str] = []
    for delivery in deliveries:
        events, _ = _events_of(delivery)
        forward = forwards.get(delivery.delivery_id)
        names = ", ".join(f"{e.name} {e.entity_id or ''}".strip() for e in events) or "-"
        outcome = "" if forward is None else f"  → {forward.status or forward.error}"
        human.append(
            f"{local_time(delivery.received_at)}  {delivery.delivery_id}  {names}{outcome}"
        )
        items.append(
            {
                "id": delivery.delivery_id,
                "received_at": iso_time(delivery.received_at),
                "size": len(delivery.body),
                "events": [{"name": e.name, "id": e.entity_id} for e in events],
                "forward": None if forward is None else _forward_json(forward),
            }
        )
    ctx.out.result(human or [_say(ctx, "none")], {"status": "ok", "deliveries": items})
    return 0


async def _find(ctx: CliContext, journal: WebhookJournal, delivery_id: str) -> Delivery:
    delivery = await journal.find(delivery_id)
    if delivery is None:
        raise AmoError(ErrorCode.EVENT_NOT_FOUND, {"event_id": delivery_id})
    return delivery


async def _show(args: argparse.Namespace, ctx: CliContext, journal: WebhookJournal) -> int:
    from amo_desktop.core.webhooks.export import delivery_json
    from amo_desktop.core.webhooks.summary import summarize

    delivery = await _find(ctx, journal, args.id)
    events, problem = _events_of(delivery)
    forwards = await journal.forwards(delivery.delivery_id)
    summaries = [await summarize(event, ctx.language) for event in events]
    human = [
        f"{delivery.method} {delivery.path}  {local_time(delivery.received_at)}  "
        f"from {delivery.remote}  [{delivery.delivery_id}]",
        *(f"  {name}: {value}" for name, value in delivery.headers),
        "",
        delivery.body.decode("utf-8", errors="replace"),
        "",
    ]
    if problem:
        human.append(_say(ctx, "undecodable", reason=problem))
    human += [
        f"  {event.name}: {summary}" for event, summary in zip(events, summaries, strict=True)
    ]
    human += [f"  → {_forward_text(forward)}" for forward in forwards]
    payload = {
        "status": "ok",
        "delivery": delivery_json(delivery),
        "events": [event_line(e, s) for e, s in zip(events, summaries, strict=True)],
        "forwards": [_forward_json(forward) for forward in forwards],
    }
    ctx.out.result(human, payload, redact=False)
    return 0


async def _replay(args: argparse.Namespace, ctx: CliContext, journal: WebhookJournal) -> int:
    from amo_desktop.cli.main import exit_code_for
    from amo_desktop.core.webhooks.replay import replay, select

    chosen_target = web_address(args.to) if args.to else None
    if args.ids:
        deliveries = [await _find(ctx, journal, delivery_id) for delivery_id in args.ids]
    else:
        deliveries = await select(journal, _filter(args), limit=args.limit)
    results: list[ForwardResult] = []
    for delivery in deliveries:
        target = chosen_target or await _previous_target(ctx, journal, delivery.delivery_id)
        results += await replay(journal, [delivery], target)
    human = [
        _say(
            ctx,
            "replayed",
            id=r.delivery_id,
            url=url_to_show(r.target),
            outcome=r.status or r.error,
            ms=round(r.elapsed_ms),
        )
        for r in results
    ]
    failed = [r for r in results if not r.ok]
    payload = {"results": [_forward_json(r) for r in results]}
    if not failed:
        ctx.out.result(human or [_say(ctx, "none")], {"status": "ok", **payload})
        return 0
    error = AmoError(
        ErrorCode.REPLAY_FAILED, {"url": url_to_show(failed[0].target)}, debug=failed[0].error or ""
    )
    if ctx.out.json_mode:
        # One JSON object on stdout: the error, with what was resent before it.
        ctx.out.error(error, extra=payload)
        return exit_code_for(error)
    ctx.out.result(human, payload)
    raise error


async def _export(args: argparse.Namespace, ctx: CliContext, journal: WebhookJournal) -> int:
    from amo_desktop.core.webhooks.export import to_curl, to_jsonl
    from amo_desktop.core.webhooks.replay import select

    target = web_address(args.to) if args.to else None
    deliveries = await select(journal, _filter(args), limit=args.limit)
    lines = list(to_jsonl(deliveries) if args.format == "jsonl" else to_curl(deliveries, target))
    # Exports must stay byte-exact, so they skip the redactor; the journal holds no secrets.
    ctx.out.result(lines, {"status": "ok", "format": args.format, "items": lines}, redact=False)
    return 0


async def _previous_target(ctx: CliContext, journal: WebhookJournal, delivery_id: str) -> str:
    """The full address this delivery was sent to before, for a replay without ``--to``.

    The journal records targets without their query and user:password (it must hold no
    secrets), and a backend may need exactly those. So the full address is taken from the
    profile: its forward target or its backend's webhook address, whichever the delivery was
    sent to (newest first). Anything else would resend to a different URL than before, so
    the person is asked for ``--to`` instead.
    """
    from amo_desktop.core.webhooks.records import public_url

    previous = await journal.forwards(delivery_id)  # newest first
    if not previous:
        raise _usage(ctx, "no_target")
    configured = {public_url(target): target for target in _configured_targets(ctx)}
    for forward in previous:
        target = configured.get(public_url(forward.target))
        if target is not None:
            return web_address(target)
    raise _usage(ctx, "target_not_configured", url=url_to_show(previous[0].target))


def _configured_targets(ctx: CliContext) -> list[str]:
    """The profile's full forward target and backend webhook address, those that are set."""
    from amo_desktop.core.webhooks.receiver import DEFAULT_PATH

    profile = ctx.session().profile()
    if profile is None:
        return []
    backend = profile.backend_url.rstrip("/") + DEFAULT_PATH if profile.backend_url else None
    return [target for target in (profile.webhook.forward_to, backend) if target]


def _usage(ctx: CliContext, key: str, **params: object) -> AmoError:
    problem = _say(ctx, key, **params)
    return usage_error("events replay", problem)


def _latest_forwards(forwards: list[ForwardResult]) -> dict[str, ForwardResult]:
    latest: dict[str, ForwardResult] = {}
    for forward in forwards:  # newest first: keep the first seen
        latest.setdefault(forward.delivery_id, forward)
    return latest


def _forward_json(forward: ForwardResult) -> dict[str, object]:
    return {
        "delivery_id": forward.delivery_id,
        "target": url_to_show(forward.target),
        "status": forward.status,
        "elapsed_ms": round(forward.elapsed_ms),
        "error": forward.error,
        "replay": forward.replay,
        "at": iso_time(forward.at),
    }


def _forward_text(forward: ForwardResult) -> str:
    kind = "replay" if forward.replay else "forward"
    outcome = forward.status if forward.status is not None else forward.error
    took = round(forward.elapsed_ms)
    return f"{local_time(forward.at)} {kind} {url_to_show(forward.target)}: {outcome} ({took} ms)"
