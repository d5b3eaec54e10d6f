"""``test-lead``: create a lead the way the business backend does, to prove writes work."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext

# The seed backend's response message; scripts compare against it, so JSON keeps it verbatim.
CREATED_MESSAGE = "Lead успішно створено в AMO CRM"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "test-lead",
        help="create a test lead in amoCRM",
        description=(
            "Create a lead. By default it is named like the backend's leads "
            "('<client name> - <object name>'), with price 0, in the main pipeline's first "
            "stage. See the ids with 'amo-desktop pipelines'."
        ),
    )
    parser.add_argument("--name", help="the lead's name")
    parser.add_argument("--price", type=int, default=0, help="the lead's price (default: 0)")
    parser.add_argument("--pipeline-id", type=int, metavar="ID", help="pipeline to put it in")
    parser.add_argument("--status-id", type=int, metavar="ID", help="status (stage) to put it in")


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.inputs import refuse

    if args.price < 0:
        refuse(ctx.out, "test-lead", "lead_price_negative", price=args.price)
    if args.name is not None and not args.name.strip():
        refuse(ctx.out, "test-lead", "lead_name_empty")
    lead = await ctx.session().create_test_lead(
        name=args.name, price=args.price, pipeline_id=args.pipeline_id, status_id=args.status_id
    )
    out = ctx.out
    out.result(
        [out.t("lead_created", id=lead.id, name=lead.name), out.t("lead_url", url=lead.url)],
        {"status": "success", "message": CREATED_MESSAGE, "amoLeadId": lead.id, "url": lead.url},
    )
    return 0
