"""``status``: what the profile knows without asking amoCRM (no network, fast)."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    subparsers.add_parser(
        "status",
        help="show the profile's settings and token state (no network)",
        description=(
            "Show whether the profile is set up, its account, integration ID, redirect URI, "
            "the token's kind, owner and expiry, and which keyring holds the secrets. "
            "Does not contact amoCRM; use 'test' for that. Exits 0 either way."
        ),
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.formatting import duration, local_time, token_payload

    status = await ctx.session().status()
    out = ctx.out
    human = [out.t("status_title", profile=status.profile)]
    if not status.configured:
        human.append(out.t("status_not_configured"))
    else:
        human += [
            out.t("status_platform", platform=out.t(f"platform_{status.platform}")),
            out.t("status_account", account=status.account_host),
            out.t("status_client", client_id=status.client_id),
            out.t("status_redirect", redirect_uri=status.redirect_uri),
        ]
        if status.backend_url:
            human.append(out.t("status_backend", backend=status.backend_url))
        saved = "status_secret_saved" if status.has_client_secret else "status_secret_missing"
        human.append(out.t("status_secret", secret=out.t(saved)))
    token = status.token
    if token is None:
        token_text = out.t("status_token_none")
    else:
        left = token.expires_at - time.time()
        when = (
            out.t("status_expires_in", duration=duration(left, out))
            if left > 0
            else out.t("status_expired", duration=duration(left, out))
        )
        token_text = out.t(
            "status_token_value",
            kind=out.t(f"token_kind_{token.kind}"),
            owner=out.t(f"owner_{token.owner}"),
            expires=local_time(token.expires_at),
            when=when,
        )
    human += [
        out.t("status_token", token=token_text),
        out.t("status_keyring", backend=status.keyring_backend),
    ]
    out.result(
        human,
        {
            "status": "ok",
            "profile": status.profile,
            "configured": status.configured,
            "platform": status.platform,
            "account_host": status.account_host,
            "client_id": status.client_id,
            "redirect_uri": status.redirect_uri,
            "backend_url": status.backend_url,
            "has_client_secret": status.has_client_secret,
            "token": token_payload(token) if token is not None else None,
            "keyring_backend": status.keyring_backend,
        },
    )
    return 0
