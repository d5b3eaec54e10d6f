"""``push-tokens``: hand the tokens to the backend, which then owns (and refreshes) them."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "push-tokens",
        help="send the tokens to your backend, which then owns them",
        description=(
            "POST {access_token, refresh_token, expires_in} to "
            "{backend}/api/v1/integrations/amo-crm/set-tokens. Afterwards this app never "
            "refreshes the tokens (refresh tokens are single-use; two refreshers would lock "
            "each other out)."
        ),
    )
    parser.add_argument(
        "--backend",
        metavar="URL",
        help="the backend's address, e.g. http://127.0.0.1:8000 (default: the profile's)",
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    result = await ctx.session().push_tokens(args.backend)
    out = ctx.out
    out.result(
        [
            out.t("pushed", backend=result.backend_url, status=result.status_code),
            out.t("pushed_owner"),
        ],
        {
            "status": "ok",
            "backend_url": result.backend_url,
            "http_status": result.status_code,
            "owner": "backend",
        },
    )
    return 0
