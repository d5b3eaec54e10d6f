"""``export-env``: write the profile's AMO_* settings (secret included) into a backend .env file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext

DEFAULT_OUTPUT = Path(".env")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export-env",
        help="write the AMO_* settings into a backend .env file",
        description=(
            "Merge AMO_DOMAIN, AMO_CLIENT_ID, AMO_CLIENT_SECRET, AMO_REDIRECT_URI (and the "
            "account id and API domain when known) into a .env file. Other lines and comments "
            "are kept; the file is written readable by you only. AMO_* values that differ from "
            "the profile's are replaced only with --force."
        ),
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        metavar="PATH",
        help="the .env file (default: .env in the current folder, e.g. run it in backend/)",
    )
    parser.add_argument("--force", action="store_true", help="replace AMO_* values that differ")


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.inputs import refuse

    if args.output.is_dir():
        refuse(ctx.out, "export-env", "export_to_folder", path=args.output)
    path = await ctx.session().export_env(args.output, force=args.force)
    out = ctx.out
    out.result(
        [out.t("exported", path=path), out.t("exported_warning")],
        {"status": "ok", "path": str(path)},
    )
    return 0
