"""``test``: ask amoCRM for the account (GET /api/v4/account) to prove the connection works."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext

# The seed backend's wording; scripts compare against it, so it is never translated in JSON.
READY_MESSAGE = "AMO CRM integration is ready"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser(
        "test",
        help="check the connection: read the account from amoCRM",
        description="Read the account from amoCRM with the stored token (refreshing it if due).",
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    result = await ctx.session().test_connection()
    account = result.account
    out = ctx.out
    out.result(
        [
            out.t("test_ready"),
            out.t(
                "test_account",
                name=account.name,
                id=account.id,
                host=account.host,
                ms=result.elapsed_ms,
            ),
        ],
        {
            "status": "ok",
            "message": READY_MESSAGE,
            "account": {"id": account.id, "name": account.name, "subdomain": account.subdomain},
        },
    )
    return 0
