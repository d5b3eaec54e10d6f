"""``profiles``: list, choose, rename and delete profiles (delete also clears the keyring)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "profiles",
        help="list, choose, rename or delete profiles",
        description="A profile holds one account's settings; its secrets are in the keyring.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="show the profiles; * marks the current one")
    use = actions.add_parser("use", help="make NAME the profile commands use by default")
    use.add_argument("name", metavar="NAME")
    rename = actions.add_parser("rename", help="rename a profile (its keyring entries move too)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    delete = actions.add_parser("delete", help="delete a profile and its keyring entries")
    delete.add_argument("name", metavar="NAME")


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    actions = {"list": _list, "use": _use, "rename": _rename, "delete": _delete}
    await actions[args.action](args, ctx)
    return 0


async def _list(args: argparse.Namespace, ctx: CliContext) -> None:
    from amo_desktop.cli.context import DEFAULT_PROFILE
    from amo_desktop.core.config import ConfigStore

    store = ConfigStore(ctx.home)
    profiles = store.list()
    # The profile commands use without --profile, as CliContext picks it: after the current one
    # is deleted that is "default" again.
    current = store.current or (
        DEFAULT_PROFILE if any(p.name == DEFAULT_PROFILE for p in profiles) else None
    )
    out = ctx.out
    human = [
        out.t(
            "profiles_line",
            marker="*" if profile.name == current else " ",
            name=profile.name,
            account=f"  {profile.address.host}",
        )
        for profile in profiles
    ]
    out.result(
        human or [out.t("profiles_none")],
        {
            "status": "ok",
            "current": current,
            "profiles": [
                {
                    "name": profile.name,
                    "platform": profile.platform.value,
                    "account_host": profile.address.host,
                    "client_id": profile.client_id,
                    "token_owner": profile.token_owner,
                }
                for profile in profiles
            ],
        },
    )


async def _use(args: argparse.Namespace, ctx: CliContext) -> None:
    from amo_desktop.core.config import ConfigStore

    ConfigStore(ctx.home).set_current(args.name)
    ctx.out.result(
        ctx.out.t("profiles_used", profile=args.name), {"status": "ok", "current": args.name}
    )


async def _rename(args: argparse.Namespace, ctx: CliContext) -> None:
    renamed = await ctx.core.session(args.old).rename(args.new)
    ctx.out.result(
        ctx.out.t("profiles_renamed", old=args.old, new=renamed.name),
        {"status": "ok", "old": args.old, "new": renamed.name},
    )


async def _delete(args: argparse.Namespace, ctx: CliContext) -> None:
    from amo_desktop.core.errors import AmoError, ErrorCode

    # Clears leftover keyring entries even when the profile itself is gone.
    known = await ctx.core.session(args.name).delete()
    if not known:
        raise AmoError(ErrorCode.PROFILE_NOT_FOUND, {"profile": args.name})
    ctx.out.result(
        ctx.out.t("profiles_deleted", profile=args.name), {"status": "ok", "deleted": args.name}
    )
