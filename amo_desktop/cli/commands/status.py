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
            "Does not contact amoCRM; use 'test' for that. Exits 0 either way: without a "
            "usable keyring it still shows the settings, says the secret key and token are "
            "unknown and what to fix (--json: keyring_available false, keyring_error)."
        ),
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.formatting import duration, local_time, token_payload

    out = ctx.out
    session = ctx.session()
    # Status is the "what is configured" view: the settings live in the config file, so a
    # missing keyring only makes the secret and the token unknown.
    status = await session.status(tolerate_keyring_errors=True)
    keyring_error = status.keyring_error
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
        if keyring_error is not None:
            saved = "status_unknown_no_keyring"
        elif status.has_client_secret:
            saved = "status_secret_saved"
        else:
            saved = "status_secret_missing"
        human.append(out.t("status_secret", secret=out.t(saved)))
    token = status.token
    if keyring_error is not None:
        token_text = out.t("status_unknown_no_keyring")
    elif token is None:
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
        out.t("status_keyring", backend=status.keyring_backend or _unidentified(out.language)),
    ]
    problem = out.localized(keyring_error) if keyring_error is not None else None
    if problem is not None:
        human += [
            f"{problem.title}: {problem.message}",
            f"  {out.t('hint_prefix')}: {problem.hint}",
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
            "keyring_available": keyring_error is None,
            "keyring_error": problem.as_dict() if problem is not None else None,
        },
    )
    return 0


def _unidentified(language: str) -> str:
    """What the keyring line says when the storage never answered (the error says why)."""
    from amo_desktop.cli.texts import bilingual

    return bilingual(("not identified", "не визначено"), language)
