"""``logout``: forget the profile's tokens (the settings and the secret key stay)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser(
        "logout",
        help="remove the profile's tokens from the keyring",
        description=(
            "Remove the tokens from the keyring. The settings and the secret key stay; "
            "'profiles delete NAME' removes everything."
        ),
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    session = ctx.session()
    had_tokens = await ctx.core.credentials.get_tokens(session.name) is not None
    await session.logout()
    out = ctx.out
    out.result(
        [
            out.t("logged_out" if had_tokens else "logged_out_nothing", profile=ctx.profile_name),
            out.t("logged_out_kept", profile=ctx.profile_name),
        ],
        {"status": "ok", "profile": ctx.profile_name},
    )
    return 0
