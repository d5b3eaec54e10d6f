"""Checks of the webhook path: our listener, the forward target, amoCRM's subscription."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import httpx

from amo_desktop.core.diagnostics.checks.commands import command, refresh_command
from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import Outcome, Phrase, Verdict
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.http_errors import error_from_exception
from amo_desktop.core.webhooks.receiver import FORM_TYPE
from amo_desktop.core.webhooks.records import RejectReason

# What our receiver answers to an empty POST: without the secret it refuses the secret, with
# a right secret (or none configured) it refuses the empty body. Anything else is not ours.
_OUR_ANSWERS = {(403, RejectReason.BAD_SECRET.value), (400, RejectReason.EMPTY_BODY.value)}
_OUR_WRONG_PATH = (404, RejectReason.NOT_FOUND.value)
_PROBE_HEADERS = {"Content-Type": FORM_TYPE, "User-Agent": "amo-desktop-doctor"}


async def webhook_listener(ctx: DiagnosticsContext) -> Verdict:
    """Probe the saved (or default) listener address with an empty POST.

    Only a listener the person set up (``listener_expected``) can fail: without one, whatever
    answers on the default port is a note for someone who starts ``listen`` later.
    """
    setup = ctx.webhooks
    url = setup.listener_url
    if not url:
        return Verdict(Outcome.SKIPPED, Phrase("listener_not_set"))
    address = urlsplit(url)
    port = address.port or (443 if address.scheme == "https" else 80)
    path = address.path or "/"
    # Fixes name the saved port and path: the next run looks there again, nowhere else.
    saved = {"port": port, "path": path, "command": command(ctx, "listen")}
    try:
        response = await ctx.http.post(
            url, content=b"", headers=_PROBE_HEADERS, timeout=5.0, follow_redirects=False
        )
    except httpx.HTTPError as error:
        if not setup.listener_expected:
            return Verdict(Outcome.SKIPPED, Phrase("listener_not_running", {"url": url}))
        return Verdict(
            Outcome.FAILED,
            Phrase("listener_saved_down", {"url": url}),
            Phrase("listener_down_fix", saved),
            error_from_exception(error),
        )
    answer = (response.status_code, response.text.strip())
    if answer in _OUR_ANSWERS:
        return Verdict(Outcome.PASSED, Phrase("listener_ok", {"url": url}))
    if answer == _OUR_WRONG_PATH:
        if not setup.listener_expected:
            return Verdict(Outcome.SKIPPED, Phrase("listener_other_path", saved))
        return Verdict(
            Outcome.FAILED,
            Phrase("listener_wrong_path", {"path": path}),
            Phrase("listener_wrong_path_fix", saved),
        )
    server = response.headers.get("server")
    found = {
        "url": url,
        "port": port,
        "status": response.status_code,
        "server": f", {server}" if server else "",
    }
    if not setup.listener_expected:
        return Verdict(
            Outcome.SKIPPED,
            Phrase("listener_port_taken", found),
            Phrase("listener_port_taken_fix", {"command": command(ctx, "listen --port 0")}),
        )
    return Verdict(
        Outcome.FAILED, Phrase("listener_foreign", found), Phrase("listener_foreign_fix", saved)
    )


async def forward_target(ctx: DiagnosticsContext) -> Verdict:
    """A plain GET: any answer proves the backend listens; a fake event would be processed."""
    url = ctx.webhooks.forward_url
    if not url:
        return Verdict(Outcome.SKIPPED, Phrase("forward_not_set"))
    started = time.monotonic()
    try:
        response = await ctx.http.get(url, timeout=5.0, follow_redirects=False)
    except httpx.HTTPError as error:
        cause = error_from_exception(error)
        unreachable = AmoError(ErrorCode.BACKEND_UNREACHABLE, {"backend": url}, debug=cause.debug)
        return Verdict(Outcome.FAILED, Phrase("listener_down", {"url": url}), error=unreachable)
    status = response.status_code
    if status >= 500:
        return Verdict(
            Outcome.WARNING,
            Phrase("forward_server_error", {"url": url, "status": status}),
            Phrase("forward_server_error_fix"),
        )
    ms = int((time.monotonic() - started) * 1000)
    return Verdict(Outcome.PASSED, Phrase("forward_ok", {"url": url, "status": status, "ms": ms}))


async def webhook_subscription(ctx: DiagnosticsContext) -> Verdict:
    api_result = ctx.results.get("api")
    if api_result is None or api_result.outcome is not Outcome.PASSED:
        return Verdict(Outcome.SKIPPED, Phrase("needs_api"))
    try:
        subscriptions = await ctx.api().list_webhooks()
    except AmoError as error:
        if error.code is ErrorCode.TOKEN_EXPIRED:  # it expired since the API check
            return Verdict(
                Outcome.SKIPPED,
                Phrase("api_token_expired"),
                Phrase("refresh_ready_fix", refresh_command(ctx)),
            )
        return Verdict(Outcome.WARNING, Phrase("api_failed"), error=error)
    wanted = ctx.webhooks.destination
    if wanted:
        match = next((s for s in subscriptions if s.destination == wanted), None)
        if match is None:
            return Verdict(
                Outcome.FAILED,
                Phrase("subscription_missing", {"url": wanted}),
                Phrase("subscription_missing_fix"),
            )
        chosen = [match]
    else:
        chosen = subscriptions
    if not chosen:
        return Verdict(Outcome.SKIPPED, Phrase("subscription_none"))
    disabled = [s for s in chosen if s.disabled]
    if disabled:
        return Verdict(
            Outcome.FAILED,
            Phrase("subscription_disabled", {"url": disabled[0].destination}),
            Phrase("subscription_disabled_fix"),
        )
    if wanted:
        events = ", ".join(chosen[0].settings)
        return Verdict(Outcome.PASSED, Phrase("subscription_ok", {"events": events, "url": wanted}))
    urls = ", ".join(s.destination for s in chosen)
    return Verdict(
        Outcome.PASSED, Phrase("subscription_any_ok", {"count": len(chosen), "urls": urls})
    )
