"""Checks of what lives on this computer: the profile settings and the password storage."""

from __future__ import annotations

import re
import secrets

from amo_desktop.core.diagnostics.checks.redirect import redirect_uri_problem
from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.report import mask_identifier
from amo_desktop.core.diagnostics.results import Outcome, Phrase, Verdict
from amo_desktop.core.errors import AmoError, ErrorCode

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
# Its own profile name, so the probe never touches a real profile's entries.
PROBE_PROFILE = "doctor-probe"
PROBE_KEY = "probe"
# Longer than one Windows credential (2,560 bytes of UTF-16), with non-ASCII letters, so the
# probe proves that splitting long values works with this backend.
PROBE_LENGTH = 3000


def failed(error: AmoError, detail: Phrase) -> Verdict:
    return Verdict(Outcome.FAILED, detail, error=error)


async def configuration(ctx: DiagnosticsContext) -> Verdict:
    profile = ctx.profile
    if ctx.profile_error is not None:
        # The file's own problem in plain words (which file, what happened); its hint is the fix.
        detail = Phrase("settings_file_problem", {"error": ctx.profile_error})
        return failed(ctx.profile_error, detail)
    if profile is None:
        missing = AmoError(ErrorCode.NOT_CONFIGURED, {"profile": ctx.profile_name})
        return failed(missing, Phrase("not_configured"))
    try:
        address = profile.address
    except AmoError as error:
        return failed(error, Phrase("config_problem", {"problem": profile.account}))
    if address.platform.is_real and not _UUID.fullmatch(profile.client_id.strip()):
        shown = mask_identifier(profile.client_id)
        invalid = AmoError(ErrorCode.INVALID_CLIENT_ID, {"value": shown})
        return failed(invalid, Phrase("config_problem", {"problem": shown}))
    uri_problem = redirect_uri_problem(profile.redirect_uri)
    if uri_problem is not None:
        unusable = AmoError(ErrorCode.INVALID_REDIRECT_URI, {"uri": profile.redirect_uri})
        return failed(
            unusable,
            Phrase("redirect_structure", {"uri": profile.redirect_uri, "problem": uri_problem}),
        )
    summary = Phrase(
        "config_ok",
        {
            "host": address.host,
            "client_id": mask_identifier(profile.client_id),
            "redirect_uri": profile.redirect_uri,
        },
    )
    return await _with_secret_check(ctx, summary)


async def _with_secret_check(ctx: DiagnosticsContext, summary: Phrase) -> Verdict:
    """The secret key matters only while this computer signs in or refreshes OAuth tokens."""
    assert ctx.profile is not None
    try:
        secret = await ctx.client_secret()
        tokens = await ctx.tokens()
    except AmoError as error:
        return Verdict(Outcome.WARNING, Phrase("config_secret_unknown"), error=error)
    needs_secret = not ctx.tokens_owned_by_backend() and (tokens is None or tokens.kind == "oauth")
    if needs_secret and not secret:
        missing = AmoError(ErrorCode.MISSING_CLIENT_SECRET, {"profile": ctx.profile_name})
        return failed(missing, Phrase("refresh_no_secret"))
    return Verdict(Outcome.PASSED, summary)


def probe_value() -> str:
    # Random, so that a stale value from an earlier run can never pass for a fresh one.
    seed = "ключ-" + secrets.token_urlsafe(64)
    return (seed * (PROBE_LENGTH // len(seed) + 1))[:PROBE_LENGTH]


async def keyring(ctx: DiagnosticsContext) -> Verdict:
    store = ctx.credentials
    value = probe_value()
    try:
        await store.set(PROBE_PROFILE, PROBE_KEY, value)
        backend = store.backend_name  # known once a call has found the backend
        try:
            read_back = await store.get(PROBE_PROFILE, PROBE_KEY)
        finally:
            await store.delete_profile(PROBE_PROFILE)
    except AmoError as error:
        name = error.details.get("backend", "")
        return failed(error, Phrase("keyring_broken", {"backend": name}))
    if read_back != value:
        different = AmoError(
            ErrorCode.KEYRING_ERROR, {"backend": backend}, debug="probe value came back different"
        )
        return failed(different, Phrase("keyring_mismatch", {"backend": backend}))
    return Verdict(Outcome.PASSED, Phrase("keyring_ok", {"backend": backend, "size": len(value)}))
