"""``sandbox``: run the built-in amoCRM emulator in the foreground for trying things out."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

from amo_desktop.cli.inputs import port_number, usage_error

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.sandbox import SandboxServer


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the built-in amoCRM emulator (no account needed)",
        description=(
            "Run an amoCRM emulator on this computer with a demo account and integration, and "
            "print its keys and the commands to try next. Stop it with Ctrl-C. With --json the "
            "first line of stdout is one JSON object with its address and keys."
        ),
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=port_number, default=0, help="port to listen on (default: any free port)"
    )
    parser.add_argument(
        "--redirect-uri",
        metavar="URI",
        help=(
            "the demo integration's redirect address (default: "
            "http://localhost:3000/api/v1/integrations/amo-crm/callback); give another "
            "loopback port when 3000 is taken, e.g. http://127.0.0.1:3001/callback"
        ),
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.core.errors import AmoError, ErrorCode
    from amo_desktop.sandbox import SandboxServer, SandboxState
    from amo_desktop.sandbox.banner import listen_problem, redirect_uri_problem, say

    state = SandboxState()
    if args.redirect_uri is not None:
        problem = redirect_uri_problem(args.redirect_uri, ctx.language)
        if problem is not None:
            raise usage_error("sandbox", problem)
        state = SandboxState(demo_redirect_uri=args.redirect_uri)
    server = SandboxServer(args.host, args.port, state=state)
    try:
        await server.start()
    except OSError as error:
        raise AmoError(
            ErrorCode.USAGE,
            {
                "problem": listen_problem(error, args.host, args.port, ctx.language),
                "command": "amo-desktop sandbox",
            },
            debug=f"{type(error).__name__}: {error}",
        ) from None
    try:
        _announce(server, ctx)
        await asyncio.Event().wait()  # serve until Ctrl-C cancels the command
    except asyncio.CancelledError:
        pass
    finally:
        await server.stop()
    ctx.out.note(say("stopped", ctx.language))
    return 0


def _announce(server: SandboxServer, ctx: CliContext) -> None:
    from amo_desktop.sandbox.banner import introduce

    intro = introduce(server)
    # The demo keys belong to this emulator, not to any real account, and a newcomer has to
    # copy them, so they are shown as they are.
    ctx.out.result(
        intro.banner(ctx.language),
        {
            "status": "ok",
            "base_url": intro.base_url,
            "account": {"id": intro.account_id, "name": intro.account_name},
            "client_id": intro.client_id,
            "client_secret": intro.client_secret,
            "redirect_uri": intro.redirect_uri,
            "authorization_code": intro.authorization_code,
            "configure_command": intro.configure_command(),
        },
        redact=False,
    )
