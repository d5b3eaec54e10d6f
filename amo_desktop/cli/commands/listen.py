"""``listen``: receive amoCRM webhooks, show them live, forward them on, keep them in the journal.

With ``--json`` every line on stdout is one JSON object: ``listening`` first, then ``event``,
``forward`` and ``rejected`` lines as they happen. The webhook secret never goes on the command
line: ``--generate-secret`` makes one and keeps it in the keyring, ``--secret-stdin`` reads one;
the stored secret is used from then on, so the URL registered in amoCRM keeps working.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import time
import traceback
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from amo_desktop.cli.inputs import port_number, usage_error
from amo_desktop.cli.texts import bilingual
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.redact import url_to_show
from amo_desktop.core.web_address import web_address

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.config import Profile
    from amo_desktop.core.webhooks.events import AccountRef, WebhookEvent
    from amo_desktop.core.webhooks.journal import WebhookJournal
    from amo_desktop.core.webhooks.receiver import WebhookReceiver
    from amo_desktop.core.webhooks.records import ForwardResult, Rejection
    from amo_desktop.core.webhooks.summary import StatusNameResolver

SECRET_KEY: Final = "webhook_secret"  # noqa: S105 - the keyring entry name, not a value
DEFAULT_PORT: Final = 8787
# How long stopping waits for lines still being prepared (a summary may be asking the API).
CLOSE_WAIT: Final = 5.0

# The receiver's stable reason words, in plain language for people (JSON keeps the words).
_REASONS: Final = {
    "not_found": ("wrong path", "не та адреса"),
    "bad_secret": ("wrong or missing secret", "неправильний секрет або його немає"),
    "method_not_allowed": ("not a POST request", "не POST-запит"),
    "unsupported_media_type": ("not a form body", "тіло не у форматі форми"),
    "empty_body": ("empty body", "порожнє тіло"),
    "bad_body": ("body is not a webhook form", "тіло не схоже на вебхук"),
    "too_large": ("body too large", "тіло завелике"),
    "timeout": ("the sender was too slow", "відправник надто повільний"),
    "incomplete_body": (
        "the sender hung up before the whole body came",
        "відправник розірвав з'єднання, не надіславши тіло повністю",
    ),
    "storage_failed": ("could not be saved to the journal", "не вдалося записати в журнал"),
}

_TEXTS: Final = {
    "ready": ("Listening on {url}", "Слухаю на {url}"),
    "paste": (
        "Give amoCRM this address: in its webhook settings, or run 'amo-desktop webhooks "
        "subscribe --destination -' and paste it. amoCRM must be able to reach it, so for a "
        "real account put a public tunnel in front. Ctrl-C stops.",
        "Вкажіть цю адресу в amoCRM: у налаштуваннях вебхуків або виконайте 'amo-desktop "
        "webhooks subscribe --destination -' і вставте її. amoCRM має її досягати, тож для "
        "справжнього акаунта потрібен публічний тунель. Ctrl-C — зупинити.",
    ),
    "forwarding": ("Forwarding to {url}", "Пересилаю на {url}"),
    "secret_new": (
        "A new secret is saved in the keyring; the address above contains it.",
        "Новий секрет збережено у сховищі паролів; адреса вище його містить.",
    ),
    "stopped": (
        "Stopped. Deliveries: {deliveries}, events: {events}, refused: {rejected}.",
        "Зупинено. Доставок: {deliveries}, подій: {events}, відхилено: {rejected}.",
    ),
    "refused_from": ("from", "від"),
    "no_answer": ("no answer in time", "немає відповіді вчасно"),
    "cannot_connect": ("cannot connect to it", "не вдається з'єднатися"),
    "queue_full": ("too slow, deliveries are piling up", "надто повільний, доставки накопичуються"),
    "foreign": ("  (another account!)", "  (інший акаунт!)"),
    "unshown_delivery": (
        "{time}  !!  Could not show delivery {id} here (the log has why); it is saved: "
        "amo-desktop events show {id}",
        "{time}  !!  Не вдалося показати тут доставку {id} (подробиці записано в лог програми); "
        "її збережено: amo-desktop events show {id}",
    ),
    "unshown_rejection": (
        "{time}  !!  Could not show a refused request here (the log has why).",
        "{time}  !!  Не вдалося показати тут відхилений запит (подробиці записано в лог програми).",
    ),
    "no_secret_on_stdin": (
        "--secret-stdin read nothing: pipe the secret into the command",
        "--secret-stdin нічого не прочитав: передайте секрет у команду через стандартний ввід",
    ),
}


def say(ctx: CliContext, key: str, **params: object) -> str:
    return bilingual(_TEXTS[key], ctx.language, **params)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "listen",
        help="receive webhooks live, forward them to the backend, keep a journal",
        description=(
            "Receive amoCRM webhooks on a local address, decode each event into plain words, "
            "optionally forward every delivery unchanged to your backend, and record it in the "
            "profile's journal (see 'amo-desktop events')."
        ),
    )
    parser.add_argument("--host", help="address to bind (default: 127.0.0.1, this computer only)")
    parser.add_argument(
        "--port", type=port_number, help=f"port (default: {DEFAULT_PORT}; 0 picks one)"
    )
    parser.add_argument("--path", help="URL path (default: the backend's webhook path)")
    parser.add_argument("--forward-to", metavar="URL", help="re-send every delivery here")
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--generate-secret",
        action="store_true",
        help="make a new secret for the URL (?secret=...) and keep it in the keyring",
    )
    secret.add_argument(
        "--secret-stdin", action="store_true", help="read the URL secret from stdin, keep it"
    )
    secret.add_argument(
        "--no-secret", action="store_true", help="accept deliveries without a secret"
    )
    secret.add_argument("--secret", metavar="S", help=argparse.SUPPRESS)


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.core.webhooks.forwarder import Forwarder
    from amo_desktop.core.webhooks.journal import WebhookJournal, journal_folder
    from amo_desktop.core.webhooks.receiver import DEFAULT_PATH, WebhookReceiver

    if args.secret is not None:
        raise AmoError(ErrorCode.SECRET_IN_ARGUMENT, {"option": "--secret"})
    session = ctx.session()
    profile = session.profile()
    settings = profile.webhook if profile is not None else None
    secret, generated = await _secret(args, ctx)
    journal = WebhookJournal(journal_folder(profile_folder(ctx)))
    printer = LinePrinter(ctx, _names(ctx, profile))
    # The configured target is checked like a typed one: a port such as 99999 would otherwise
    # fail on every delivery.
    chosen = args.forward_to or (settings.forward_to if settings else None)
    forward_to = web_address(chosen) if chosen else None
    forwarder = Forwarder(forward_to, journal, on_result=printer.forward) if forward_to else None
    receiver = WebhookReceiver(
        journal,
        host=args.host or (settings.host if settings else "127.0.0.1"),
        port=args.port if args.port is not None else (settings.port if settings else DEFAULT_PORT),
        path=args.path or (settings.path if settings else DEFAULT_PATH),
        secret=secret,
        forwarder=forwarder,
        expected_account=expected_account(profile),
        on_event=printer.event,
        on_rejected=printer.rejected,
    )
    # Stopping runs every step (in reverse order of these lines) even when one of them fails:
    # the journal is always closed, and once listening began, "Stopped" is always said.
    async with AsyncExitStack() as stopping:
        stopping.push_async_callback(journal.close)
        await receiver.start()
        stopping.callback(_say_stopped, ctx, receiver)
        stopping.push_async_callback(printer.close)
        stopping.push_async_callback(receiver.stop)
        printer.start()
        printer.listening(receiver.url, forward_to, generated)
        with suppress(asyncio.CancelledError):
            await asyncio.Event().wait()  # until Ctrl-C cancels us
    return 0


def _say_stopped(ctx: CliContext, receiver: WebhookReceiver) -> None:
    stats = receiver.stats
    ctx.out.note(
        say(
            ctx,
            "stopped",
            deliveries=stats.deliveries,
            events=stats.events,
            rejected=stats.rejected_total,
        )
    )


def profile_folder(ctx: CliContext) -> Any:
    from amo_desktop.core.paths import profile_dir

    return profile_dir(ctx.home, ctx.profile_name)


def open_journal(ctx: CliContext) -> WebhookJournal:
    from amo_desktop.core.webhooks.journal import WebhookJournal, journal_folder

    return WebhookJournal(journal_folder(profile_folder(ctx)))


def expected_account(profile: Profile | None) -> AccountRef | None:
    """The connected account, to flag deliveries that come from another one."""
    from amo_desktop.core.webhooks.events import AccountRef

    if profile is None:
        return None
    subdomain = profile.address.subdomain
    account_id = str(profile.account_id) if profile.account_id else None
    return AccountRef(id=account_id, subdomain=subdomain) if account_id or subdomain else None


def _names(ctx: CliContext, profile: Profile | None) -> StatusNameResolver | None:
    from amo_desktop.core.webhooks.summary import PipelineNames

    return PipelineNames(ctx.session().pipelines) if profile is not None else None


async def _secret(args: argparse.Namespace, ctx: CliContext) -> tuple[str | None, bool]:
    """The URL secret to require, and whether it was just made."""
    if args.no_secret:
        return None, False
    store = ctx.core.credentials
    profile = ctx.profile_name
    if args.generate_secret:
        secret = secrets.token_urlsafe(24)
        await store.set(profile, SECRET_KEY, secret)
        return secret, True
    if args.secret_stdin:
        secret = ctx.read_stdin().strip()
        if not secret:
            problem = say(ctx, "no_secret_on_stdin")
            raise usage_error("listen", problem)
        await store.set(profile, SECRET_KEY, secret)
        return secret, False
    stored: str | None = await store.get(profile, SECRET_KEY)
    return stored, False


def iso_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="milliseconds")


def local_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M:%S")


class LinePrinter:
    """Prints events, forwards and rejections in arrival order (summaries may need the API).

    One line that cannot be made (an odd delivery, a bug) is logged and replaced by a short
    notice; the lines after it still come.
    """

    def __init__(self, ctx: CliContext, names: StatusNameResolver | None) -> None:
        self._ctx = ctx
        self._names = names
        self._queue: asyncio.Queue[_Job] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._print_all())

    async def close(self) -> None:
        """Print what is queued (for a few seconds at most), then stop. Never raises."""
        if self._task is None:
            return
        try:
            await asyncio.wait_for(self._queue.join(), CLOSE_WAIT)
        except TimeoutError:
            self._log("listen: lines still being prepared were dropped at stop", "")
        self._task.cancel()
        with suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    def listening(self, url: str, forward_to: str | None, generated: bool) -> None:
        out = self._ctx.out
        if out.json_mode:
            payload: dict[str, object] = {"type": "listening", "url": url}
            if forward_to:
                payload["forward_to"] = url_to_show(forward_to)
            # The URL is meant to be copied into amoCRM, secret included.
            out.result("", payload, redact=False)
            return
        out.result(say(self._ctx, "ready", url=url), {}, redact=False)
        if forward_to:
            out.result(say(self._ctx, "forwarding", url=url_to_show(forward_to)), {})
        if generated:
            out.result(say(self._ctx, "secret_new"), {})
        out.result(say(self._ctx, "paste"), {})

    def event(self, event: WebhookEvent) -> None:
        self._queue.put_nowait(_Job(lambda: self._print_event(event), event.delivery_id))

    def forward(self, result: ForwardResult) -> None:
        self._queue.put_nowait(_Job(lambda: self._print_forward(result), result.delivery_id))

    def rejected(self, rejection: Rejection) -> None:
        self._queue.put_nowait(_Job(lambda: self._print_rejected(rejection), None))

    async def _print_all(self) -> None:
        while True:
            job = await self._queue.get()
            try:
                await job.print_line()
            except Exception as failure:
                self._unshown(job, failure)
            finally:
                self._queue.task_done()

    def _unshown(self, job: _Job, failure: Exception) -> None:
        # The last frames say where it broke; a deep recursion would log thousands of them.
        self._log(
            f"listen: could not show {job.delivery_id or 'a refused request'}",
            traceback.format_exc(limit=-30),
        )
        now = local_time(time.time())
        if job.delivery_id is None:
            human = say(self._ctx, "unshown_rejection", time=now)
        else:
            human = say(self._ctx, "unshown_delivery", time=now, id=job.delivery_id)
        payload = {
            "type": "unshown",
            "delivery_id": job.delivery_id,
            "error": type(failure).__name__,
        }
        try:
            self._ctx.out.result(human, payload)
        except Exception as broken:  # the output itself is gone: nothing left to tell
            self._log("listen: could not print a notice", repr(broken))

    def _log(self, message: str, detail: str) -> None:
        try:
            self._ctx.logbook.error(message, detail=detail)
        except Exception:  # noqa: S110 - a broken logbook must not stop the live view
            pass

    async def _print_event(self, event: WebhookEvent) -> None:
        from amo_desktop.core.webhooks.summary import summarize

        summary = await summarize(event, self._ctx.language, self._names)
        payload = event_line(event, summary)
        human = (
            f"{local_time(event.received_at)}  --> {event.name:<16} {summary}"
            f"  [{event.delivery_id}]"
            + (say(self._ctx, "foreign") if event.foreign_account else "")
        )
        self._ctx.out.result(human, payload)

    async def _print_forward(self, result: ForwardResult) -> None:
        payload = {
            "type": "forward",
            "delivery_id": result.delivery_id,
            "status": result.status,
            "elapsed_ms": round(result.elapsed_ms),
            "error": result.error,
        }
        outcome = (
            f"[{result.status}]"
            if result.status is not None
            else f"[---] {forward_problem(self._ctx, result.error or '')}"
        )
        human = (
            f"{local_time(result.at)}  <-- {outcome} POST {url_to_show(result.target)} "
            f"({round(result.elapsed_ms)} ms)  [{result.delivery_id}]"
        )
        self._ctx.out.result(human, payload)

    async def _print_rejected(self, rejection: Rejection) -> None:
        payload = {
            "type": "rejected",
            "reason": rejection.reason,
            "status": rejection.status,
            "method": rejection.method,
            "path": rejection.path,
            "size": rejection.size,
            "remote": rejection.remote,
            "at": iso_time(rejection.at),
            "detail": rejection.detail,
        }
        english, ukrainian = _REASONS.get(rejection.reason, (rejection.reason, rejection.reason))
        reason = ukrainian if self._ctx.language == "uk" else english
        human = (
            f"{local_time(rejection.at)}  !!  [{rejection.status}] {reason}: "
            f"{rejection.method} {rejection.path} {say(self._ctx, 'refused_from')} "
            f"{rejection.remote}"
        )
        self._ctx.out.result(human, payload)


@dataclass(frozen=True)
class _Job:
    """One line to print, and the delivery it is about (None: a refused request)."""

    print_line: Callable[[], Awaitable[None]]
    delivery_id: str | None


# The forwarder's notes start with these words (JSON keeps the whole note).
_FORWARD_PROBLEMS: Final = (
    ("no answer", "no_answer"),
    ("cannot connect", "cannot_connect"),
    ("forward queue full", "queue_full"),
)


def forward_problem(ctx: CliContext, note: str) -> str:
    """A forward failure in the run's language; an unfamiliar note is shown as it is."""
    for start, key in _FORWARD_PROBLEMS:
        if note.startswith(start):
            return say(ctx, key)
    return note


def event_line(event: WebhookEvent, summary: str) -> dict[str, object]:
    from amo_desktop.core.webhooks.formdecode import with_lists

    return {
        "type": "event",
        "delivery_id": event.delivery_id,
        "received_at": iso_time(event.received_at),
        "account": {"id": event.account.id, "subdomain": event.account.subdomain},
        "entity": event.entity,
        "action": event.action,
        "name": event.name,
        "id": event.entity_id,
        "fields": with_lists(event.fields),
        "summary": summary,
        "foreign_account": event.foreign_account,
    }
