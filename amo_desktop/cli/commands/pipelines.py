"""``pipelines``: the account's pipelines and their statuses, with the ids scripts need."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser(
        "pipelines",
        help="list pipelines and their statuses (ids for test-lead)",
        description="List the account's pipelines with their statuses and ids.",
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    pipelines = await ctx.session().pipelines()
    out = ctx.out
    human: list[str] = []
    for pipeline in pipelines:
        main = out.t("pipeline_main") if pipeline.is_main else ""
        human.append(out.t("pipeline_line", id=pipeline.id, name=pipeline.name, main=main))
        for status in sorted(pipeline.statuses, key=lambda s: s.sort):
            human.append(out.t("status_line", id=status.id, name=status.name))
    out.result(
        human or [out.t("pipelines_none")],
        {"status": "ok", "pipelines": [asdict(pipeline) for pipeline in pipelines]},
    )
    return 0
