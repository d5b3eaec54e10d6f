"""Checks that talk to the account: is it reachable, is our clock right, does the API answer."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime

import httpx

from amo_desktop.core.diagnostics.checks.commands import refresh_command
from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import Outcome, Phrase, Verdict
from amo_desktop.core.errors import AmoError
from amo_desktop.core.http_errors import error_from_exception, error_from_response, json_object

CLOCK_WARNING_SECONDS = 60.0
CLOCK_FAILURE_SECONDS = 300.0


async def account_host(ctx: DiagnosticsContext) -> Verdict:
    address = ctx.address()
    if address is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_settings"))
    try:
        answer = await ctx.host_answer()
    except AmoError as error:
        return Verdict(Outcome.FAILED, Phrase("host_failed", {"host": address.host}), error=error)
    detail = {"host": address.host, "status": answer.status, "ms": answer.elapsed_ms}
    return Verdict(Outcome.PASSED, Phrase("host_ok", detail))


def clock_skew_seconds(date_header: str, local_time: float) -> float | None:
    """Local time minus the server's ``Date`` (positive: we are ahead); ``None`` if unreadable."""
    try:
        server = parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return None
    if server.tzinfo is None:
        return None
    # Date has whole seconds: the server's clock may be up to one second further on.
    return local_time - (server.timestamp() + 0.5)


async def clock(ctx: DiagnosticsContext) -> Verdict:
    if ctx.address() is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_settings"))
    try:
        answer = await ctx.host_answer()
    except AmoError:
        return Verdict(Outcome.SKIPPED, Phrase("needs_host"))
    skew = clock_skew_seconds(answer.date_header or "", answer.received_at)
    if skew is None:
        return Verdict(Outcome.SKIPPED, Phrase("clock_no_date"))
    seconds = round(abs(skew))
    if abs(skew) <= CLOCK_WARNING_SECONDS:
        return Verdict(Outcome.PASSED, Phrase("clock_ok", {"seconds": seconds}))
    direction = Phrase("clock_ahead" if skew > 0 else "clock_behind")
    outcome = Outcome.FAILED if abs(skew) > CLOCK_FAILURE_SECONDS else Outcome.WARNING
    detail = Phrase("clock_off", {"seconds": seconds, "direction": direction})
    return Verdict(outcome, detail, Phrase("clock_fix"))


async def api(ctx: DiagnosticsContext) -> Verdict:
    """``GET /api/v4/account`` with the stored token as it is: no refresh, no retry."""
    address = ctx.address()
    if address is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_settings"))
    try:
        tokens = await ctx.tokens()
    except AmoError as error:
        return Verdict(Outcome.SKIPPED, Phrase("needs_keyring"), error=error)
    if tokens is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_login"))
    if tokens.is_expired(ctx.clock()):
        return Verdict(
            Outcome.SKIPPED,
            Phrase("api_token_expired"),
            Phrase("refresh_ready_fix", refresh_command(ctx)),
        )
    started = time.monotonic()
    try:
        response = await ctx.http.get(
            address.api_url("account"),
            headers={"Authorization": f"Bearer {tokens.access_token}"},
            follow_redirects=False,
        )
    except httpx.HTTPError as error:
        return Verdict(Outcome.FAILED, Phrase("api_failed"), error=error_from_exception(error))
    elapsed = int((time.monotonic() - started) * 1000)
    try:
        if not response.is_success:
            raise error_from_response(response)
        body = json_object(response)
    except AmoError as error:
        return Verdict(Outcome.FAILED, Phrase("api_failed"), error=error)
    detail = {"name": body.get("name", ""), "id": body.get("id", ""), "ms": elapsed}
    return Verdict(Outcome.PASSED, Phrase("api_ok", detail))
