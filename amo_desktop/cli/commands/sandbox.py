"""``sandbox``: run the built-in amoCRM emulator in the foreground for trying things out."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING

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
        "--port", type=int, default=0, help="port to listen on (default: any free port)"
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.core.errors import AmoError, ErrorCode
    from amo_desktop.sandbox import SandboxServer

    server = SandboxServer(args.host, args.port)
    try:
        await server.start()
    except OSError as error:
        raise AmoError(
            ErrorCode.USAGE,
            {
                "problem": f"can't listen on {args.host}:{args.port} ({error.strerror}); choose "
                "another --port, or leave it out to take any free port",
                "command": "amo-desktop sandbox",
            },
        ) from None
    try:
        _announce(server, ctx)
        await asyncio.Event().wait()  # serve until Ctrl-C cancels the command
    except asyncio.CancelledError:
        pass
    finally:
        await server.stop()
    ctx.out.note(ctx.out.t("sandbox_stopped"))
    return 0


def _announce(server: SandboxServer, ctx: CliContext) -> None:
    out = ctx.out
    state = server.state
    keys = state.demo_integration
    configure = (
        f"amo-desktop configure --domain {server.base_url} --client-id {keys.client_id} "
        f"--redirect-uri {keys.redirect_uri}"
    )
    human = [
        out.t("sandbox_started", url=server.base_url),
        out.t("sandbox_account", name=state.account.name, id=state.account.id),
        "",
        out.t("sandbox_keys"),
        f"  Client ID      {keys.client_id}",
        f"  Client secret  {keys.client_secret}",
        f"  Redirect URI   {keys.redirect_uri}",
        "",
        out.t("sandbox_next"),
        f"  1. {configure}",
        "     " + out.t("sandbox_next_secret"),
        "  2. amo-desktop login --browser",
        "     " + out.t("sandbox_next_login"),
        "  3. amo-desktop test",
        "  4. amo-desktop test-lead",
    ]
    # The demo keys belong to this emulator, not to any real account, and a newcomer has to
    # copy them, so they are shown as they are.
    out.result(
        human,
        {
            "status": "ok",
            "base_url": server.base_url,
            "account": {"id": state.account.id, "name": state.account.name},
            "client_id": keys.client_id,
            "client_secret": keys.client_secret,
            "redirect_uri": keys.redirect_uri,
        },
        redact=False,
    )
