"""Does amoCRM accept our redirect URI, and can the browser sign-in listen on its port?

amoCRM compares the redirect URI character for character (trailing slash and query
included) and says so only when a code is exchanged. To learn it without signing in, the
check sends the token endpoint a deliberately invalid code: amoCRM checks the integration
keys and the redirect URI before the code, so "bad code" means everything else passed.
Nothing is created or rotated by this probe.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

import httpx

from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import Outcome, Phrase, Verdict
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.oauth import exchange_code
from amo_desktop.core.platforms import is_loopback_host
from amo_desktop.core.ports import port_is_free, who_listens

PROBE_CODE = "amo-desktop-doctor-invalid-code"
_CODE_REFUSED = {ErrorCode.CODE_INVALID, ErrorCode.CODE_EXPIRED, ErrorCode.CODE_REVOKED}
_KEYS_REFUSED = {
    ErrorCode.INVALID_CLIENT_ID_REJECTED,
    ErrorCode.INVALID_CLIENT_SECRET,
    ErrorCode.ACCOUNT_NOT_FOUND,
}
_NETWORK = {
    ErrorCode.NETWORK_TIMEOUT,
    ErrorCode.DNS_FAILED,
    ErrorCode.TLS_FAILED,
    ErrorCode.CONNECTION_REFUSED,
    ErrorCode.PROXY_FAILED,
    ErrorCode.NETWORK_ERROR,
}


def redirect_uri_problem(uri: str) -> Phrase | None:
    """Why ``uri`` cannot be a redirect URI at all, or ``None`` when it is well formed."""
    if uri != uri.strip() or " " in uri:
        return Phrase("problem_spaces")
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https"):
        return Phrase("problem_scheme")
    if not parts.hostname:
        return Phrase("problem_host")
    if parts.fragment or uri.endswith("#"):
        return Phrase("problem_fragment")
    return None


async def redirect_uri(ctx: DiagnosticsContext) -> Verdict:
    address, profile = ctx.address(), ctx.profile
    if address is None or profile is None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_settings"))
    uri = profile.redirect_uri
    problem = redirect_uri_problem(uri)
    if problem is not None:
        error = AmoError(ErrorCode.INVALID_REDIRECT_URI, {"uri": uri})
        return Verdict(
            Outcome.FAILED,
            Phrase("redirect_structure", {"uri": uri, "problem": problem}),
            Phrase("redirect_structure_fix"),
            error,
        )
    try:
        secret = await ctx.client_secret()
    except AmoError:
        secret = None
    if not secret:
        return Verdict(Outcome.SKIPPED, Phrase("redirect_not_probed", {"uri": uri}))
    try:
        await exchange_code(ctx.http, address, profile.client_id, secret, PROBE_CODE, uri)
    except AmoError as error:
        return _judge_probe(error, uri)
    return Verdict(Outcome.WARNING, Phrase("redirect_unclear"))


def _judge_probe(error: AmoError, uri: str) -> Verdict:
    if error.code in _CODE_REFUSED:
        return Verdict(Outcome.PASSED, Phrase("redirect_ok", {"uri": uri}))
    if error.code is ErrorCode.REDIRECT_URI_MISMATCH:
        return Verdict(Outcome.FAILED, Phrase("redirect_rejected", {"uri": uri}), error=error)
    if error.code is ErrorCode.CLIENT_REJECTED:  # amo's older answer for either of the two
        return Verdict(
            Outcome.FAILED, Phrase("redirect_or_keys_rejected", {"uri": uri}), error=error
        )
    if error.code in _KEYS_REFUSED:
        return Verdict(Outcome.FAILED, Phrase("redirect_keys_rejected"), error=error)
    if error.code in _NETWORK:
        return Verdict(Outcome.SKIPPED, Phrase("needs_host"), error=error)
    return Verdict(Outcome.WARNING, Phrase("redirect_unclear"), error=error)


async def redirect_port(ctx: DiagnosticsContext) -> Verdict:
    profile = ctx.profile
    if profile is None or redirect_uri_problem(profile.redirect_uri) is not None:
        return Verdict(Outcome.SKIPPED, Phrase("needs_settings"))
    parts = urlsplit(profile.redirect_uri)
    host = parts.hostname or ""
    if not is_loopback_host(host):
        return Verdict(Outcome.PASSED, Phrase("port_not_loopback", {"host": host}))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    bind_host = "127.0.0.1" if host.lower() == "localhost" else host
    if await asyncio.to_thread(port_is_free, bind_host, port):
        return Verdict(Outcome.PASSED, Phrase("port_free", {"host": host, "port": port}))
    owner = await _port_owner(ctx, parts.scheme, bind_host, port)
    error = AmoError(ErrorCode.PORT_IN_USE, {"port": port, "host": host})
    return Verdict(
        Outcome.WARNING,
        Phrase("port_taken", {"host": host, "port": port, "owner": owner}),
        error=error,
    )


async def _port_owner(ctx: DiagnosticsContext, scheme: str, host: str, port: int) -> Phrase:
    """Name whoever holds the port: the process (Linux) or at least its web server."""
    process = await asyncio.to_thread(who_listens, port)
    if process is not None:
        return Phrase("port_owner_process", {"name": process.name, "pid": process.pid})
    shown_host = f"[{host}]" if ":" in host else host
    try:
        response = await ctx.http.get(
            f"{scheme}://{shown_host}:{port}/", timeout=3.0, follow_redirects=False
        )
    except httpx.HTTPError:
        return Phrase("port_owner_unknown")
    server = response.headers.get("server")
    return (
        Phrase("port_owner_server", {"server": server}) if server else Phrase("port_owner_unknown")
    )
