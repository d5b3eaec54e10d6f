"""``login``: get tokens through the browser, a pasted code or address, or a long-lived token."""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.models import TokenInfo


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "login",
        help="connect the profile to amoCRM (browser, pasted code, or long-lived token)",
        description=(
            "Get access to amoCRM and keep the tokens in the system keyring. --browser works "
            "when the redirect URI is on this computer (http://127.0.0.1:PORT/...); otherwise "
            "run with --code - and paste the code from the integration's Keys and access tab, "
            "or the whole address the browser ended on after you clicked Allow. '-' reads it "
            "from standard input: a code written on the command line is visible to other "
            "programs on this computer."
        ),
    )
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--code",
        metavar="CODE_OR_URL",
        help="the authorization code, or the address the browser ended on; give '-' and paste "
        "it (standard input), so other programs can't see it on the command line",
    )
    how.add_argument(
        "--browser",
        action="store_true",
        help="open the consent page and catch the answer on the loopback redirect URI",
    )
    how.add_argument(
        "--long-lived-token-stdin",
        action="store_true",
        help="read a long-lived token (private integrations) from standard input",
    )
    parser.add_argument(
        "--no-open",
        action="store_true",
        help="with --browser: only print the address, don't start a browser",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="with --browser: how long to wait for the answer (default: 300)",
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.inputs import usage_error
    from amo_desktop.core.errors import AmoError, ErrorCode

    if not args.browser and (args.no_open or args.timeout != 300.0):
        raise usage_error("login", ctx.out.t("login_browser_only"))
    if args.timeout <= 0:
        raise usage_error("login", ctx.out.t("login_timeout_positive"))
    session = ctx.session()
    if args.browser:
        token = await _login_in_browser(args, ctx)
    elif args.long_lived_token_stdin:
        secret = ctx.read_stdin().strip()
        if not secret:
            raise AmoError(ErrorCode.LONG_LIVED_TOKEN_INVALID)
        ctx.remember_secret(secret)
        token = await session.login_with_long_lived_token(secret)
    else:
        code = _pasted_code(ctx) if args.code == "-" else args.code.strip()
        if not code:
            raise AmoError(ErrorCode.INVALID_CODE_INPUT)
        ctx.remember_secret(code)
        if args.code != "-":
            # Scripts keep working; the person learns the way that keeps it out of `ps`.
            ctx.out.warn(ctx.out.t("login_code_in_argv"))
        token = await session.login_with_code(code)
    _report(ctx, token)
    return 0


def _pasted_code(ctx: CliContext) -> str:
    if ctx.stdin_is_terminal():
        ctx.out.warn(ctx.out.t("login_paste_code"))
    return ctx.read_stdin().strip()


async def _login_in_browser(args: argparse.Namespace, ctx: CliContext) -> TokenInfo:
    from amo_desktop.cli.formatting import duration
    from amo_desktop.core.errors import AmoError, ErrorCode

    out = ctx.out
    login = ctx.session().begin_browser_login(open_browser=not args.no_open, timeout=args.timeout)
    try:
        if args.no_open:
            out.note(out.t("login_open_yourself"))
        elif await login.browser_opened():
            out.note(out.t("login_opened"))
        else:
            out.note(out.t("login_not_opened"))
        out.note(f"  {login.authorize_url}")
        out.note(out.t("login_waiting", duration=duration(args.timeout, out)))
        return await login.wait()
    except asyncio.CancelledError:  # Ctrl-C: asyncio.run cancels the command
        login.cancel()
        raise AmoError(ErrorCode.AUTH_CANCELLED) from None


def _report(ctx: CliContext, token: TokenInfo) -> None:
    from amo_desktop.cli.formatting import duration, local_time, token_payload

    out = ctx.out
    payload = token_payload(token)
    human = [
        out.t("login_done", profile=ctx.profile_name),
        out.t(
            "login_token",
            kind=out.t(f"token_kind_{token.kind}"),
            expires=local_time(token.expires_at),
            expires_in=duration(token.expires_at - time.time(), out),
        ),
        out.t("login_next"),
    ]
    out.result(human, {"status": "ok", "profile": ctx.profile_name, "token": payload})
