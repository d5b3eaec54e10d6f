"""Checks of the stored tokens: present and valid, refresh token age, refresh itself.

A default run never refreshes, through no check: amoCRM rotates both tokens on every refresh,
so the real refresh is tried only when the person asks for it (``doctor --refresh``), and the
API checks use the stored token as it is (``StoredAccessToken``), even with minutes left.
"""

from __future__ import annotations

from datetime import datetime

from amo_desktop.core.diagnostics.checks.commands import refresh_command
from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import Outcome, Phrase, Verdict
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.token_manager import REFRESH_MARGIN
from amo_desktop.core.tokens import TokenSet

DAY = 86400.0
# amoCRM cancels a refresh token unused for 3 months; warn a month ahead.
REFRESH_TOKEN_LIFETIME = 90 * DAY
REFRESH_TOKEN_WARNING_AGE = 60 * DAY
LONG_LIVED_WARNING = 7 * DAY


def moment(timestamp: float) -> str:
    """A local date and time as people write it (no language-specific words)."""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")


def duration(seconds: float) -> Phrase:
    seconds = max(0.0, seconds)
    if seconds >= 2 * DAY:
        return Phrase("duration_days", {"days": int(seconds // DAY)})
    if seconds >= 3600:
        hours, rest = divmod(int(seconds), 3600)
        return Phrase("duration_hours", {"hours": hours, "minutes": rest // 60})
    return Phrase("duration_minutes", {"minutes": int(seconds // 60)})


async def _stored(ctx: DiagnosticsContext) -> TokenSet | Verdict:
    """The stored tokens, or the verdict that explains why there are none to judge."""
    if ctx.profile is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_settings"))
    try:
        tokens = await ctx.tokens()
    except AmoError as error:
        return Verdict(Outcome.SKIPPED, Phrase("needs_keyring"), error=error)
    if tokens is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_login"))
    return tokens


async def token(ctx: DiagnosticsContext) -> Verdict:
    stored = await _stored(ctx)
    if isinstance(stored, Verdict):
        if stored.detail.key != "needs_login":
            return stored
        # A configured profile without tokens cannot work: a real problem, not a skip.
        error = AmoError(ErrorCode.NOT_LOGGED_IN, {"profile": ctx.profile_name})
        return Verdict(Outcome.FAILED, Phrase("not_signed_in"), error=error)
    now, until = ctx.clock(), moment(stored.expires_at)
    if stored.is_expired(now):
        return _expired(ctx, stored, until)
    left = stored.seconds_left(now)
    if stored.kind == "long_lived" and left < LONG_LIVED_WARNING:
        return Verdict(
            Outcome.WARNING,
            Phrase("token_expires_soon", {"until": until, "left": duration(left)}),
            Phrase("token_expires_soon_fix"),
        )
    if left <= REFRESH_MARGIN and _refresh_not_applicable(ctx, stored) is None:
        # The app would renew it on its next call; this run does not.
        return Verdict(
            Outcome.PASSED,
            Phrase("token_renewed_soon", {"until": until, "left": duration(left)}),
        )
    kind = Phrase("kind_long_lived" if stored.kind == "long_lived" else "kind_oauth")
    return Verdict(
        Outcome.PASSED, Phrase("token_ok", {"kind": kind, "until": until, "left": duration(left)})
    )


def _expired(ctx: DiagnosticsContext, stored: TokenSet, until: str) -> Verdict:
    assert ctx.profile is not None
    if ctx.tokens_owned_by_backend():
        return Verdict(
            Outcome.FAILED,
            Phrase("token_backend_expired", {"until": until}),
            Phrase("token_backend_fix"),
            AmoError(ErrorCode.TOKENS_OWNED_BY_BACKEND),
        )
    if stored.kind == "oauth" and stored.refresh_token:
        return Verdict(
            Outcome.WARNING,
            Phrase("token_expired_renewable", {"until": until}),
            Phrase("token_expired_renewable_fix", refresh_command(ctx)),
        )
    error = AmoError(ErrorCode.TOKEN_EXPIRED, debug=f"expired at {until}")
    return Verdict(Outcome.FAILED, Phrase("token_expired", {"until": until}), error=error)


def _refresh_not_applicable(ctx: DiagnosticsContext, stored: TokenSet) -> Verdict | None:
    assert ctx.profile is not None
    if stored.kind == "long_lived":
        reason = "reason_long_lived"
    elif ctx.tokens_owned_by_backend():
        reason = "reason_backend"
    elif not stored.refresh_token:
        reason = "reason_no_refresh"
    else:
        return None
    return Verdict(Outcome.SKIPPED, Phrase("age_not_applicable", {"reason": Phrase(reason)}))


async def refresh_token_age(ctx: DiagnosticsContext) -> Verdict:
    stored = await _stored(ctx)
    if isinstance(stored, Verdict):
        return stored
    not_applicable = _refresh_not_applicable(ctx, stored)
    if not_applicable is not None:
        return not_applicable
    age = ctx.clock() - stored.obtained_at
    lapses = moment(stored.obtained_at + REFRESH_TOKEN_LIFETIME)
    detail = {"days": int(age // DAY), "until": lapses}
    if age >= REFRESH_TOKEN_LIFETIME:
        error = AmoError(
            ErrorCode.REFRESH_TOKEN_EXPIRED, debug=f"last renewed {detail['days']} days ago"
        )
        return Verdict(Outcome.FAILED, Phrase("age_old", detail), error=error)
    if age >= REFRESH_TOKEN_WARNING_AGE:
        return Verdict(
            Outcome.WARNING, Phrase("age_old", detail), Phrase("age_old_fix", refresh_command(ctx))
        )
    return Verdict(Outcome.PASSED, Phrase("age_ok", detail))


async def refresh(ctx: DiagnosticsContext) -> Verdict:
    stored = await _stored(ctx)
    if isinstance(stored, Verdict):
        return stored
    not_applicable = _refresh_not_applicable(ctx, stored)
    if not_applicable is not None:
        return not_applicable
    try:
        secret = await ctx.client_secret()
    except AmoError as error:
        return Verdict(Outcome.SKIPPED, Phrase("needs_keyring"), error=error)
    if not secret:
        missing = AmoError(ErrorCode.MISSING_CLIENT_SECRET, {"profile": ctx.profile_name})
        return Verdict(Outcome.FAILED, Phrase("refresh_no_secret"), error=missing)
    if not ctx.refresh:
        return Verdict(
            Outcome.SKIPPED,
            Phrase("refresh_ready"),
            Phrase("refresh_ready_fix", refresh_command(ctx)),
        )
    try:
        renewed = await ctx.session.refresh_now()
    except AmoError as error:
        return Verdict(Outcome.FAILED, Phrase("refresh_failed"), error=error)
    finally:
        ctx.forget_tokens()
    return Verdict(Outcome.PASSED, Phrase("refresh_ok", {"until": moment(renewed.expires_at)}))
