"""``configure``: save a profile's account, integration ID, redirect URI and secret key.

The secret key never comes from an argument: stdin (``--client-secret-stdin``), the
``AMO_CLIENT_SECRET`` variable, a backend ``.env`` file, or a hidden prompt on a terminal.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.models import ConnectionStatus

SECRET_VARIABLE = "AMO_CLIENT_SECRET"  # noqa: S105 - the variable's name, not a secret
PLATFORM_CHOICES = {"amocrm": "amocrm.ru", "kommo": "kommo.com", "amocrm.com": "amocrm.com"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "configure",
        help="save the account address, integration ID, redirect URI and secret key",
        description=(
            "Save the integration's settings in a profile. The secret key goes to the system "
            "keyring and is read from --client-secret-stdin, the AMO_CLIENT_SECRET variable, "
            "the --from-env-file file, or asked for (hidden) on a terminal; never from an "
            "argument."
        ),
    )
    parser.add_argument(
        "--domain",
        help="account address: mycompany, mycompany.amocrm.ru, a URL from the browser, "
        "or a custom base URL such as the sandbox's http://127.0.0.1:8765",
    )
    parser.add_argument("--client-id", help="the integration ID (a UUID)")
    parser.add_argument("--redirect-uri", help="exactly as registered in the integration")
    parser.add_argument(
        "--platform",
        choices=sorted(PLATFORM_CHOICES),
        help="which platform a bare subdomain belongs to (default: amocrm, i.e. amocrm.ru)",
    )
    parser.add_argument("--backend-url", help="your backend's address, for push-tokens")
    parser.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help="read the secret key from standard input",
    )
    parser.add_argument(
        "--from-env-file",
        type=Path,
        metavar="PATH",
        help="import AMO_DOMAIN, AMO_CLIENT_ID, AMO_CLIENT_SECRET, AMO_REDIRECT_URI from a "
        "backend .env file (options given here override it)",
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.cli.inputs import usage_error
    from amo_desktop.core.errors import AmoError, ErrorCode
    from amo_desktop.core.platforms import Platform

    session = ctx.session()
    secret = _secret_from_stdin_or_environment(args, ctx)
    # Precedence: this command's options, then the .env file, then what the profile has.
    layers: list[dict[str, str | None]] = [
        {"domain": args.domain, "client_id": args.client_id, "redirect_uri": args.redirect_uri}
    ]
    if args.from_env_file is not None:
        from amo_desktop.core.envfile import read_env

        found = read_env(args.from_env_file)
        ctx.remember_secret(found.client_secret or "")
        secret = secret or found.client_secret
        layers.append(
            {
                "domain": found.domain,
                "client_id": found.client_id,
                "redirect_uri": found.redirect_uri,
            }
        )
    existing = session.profile()
    if existing is not None:
        layers.append(
            {
                "domain": existing.account,
                "client_id": existing.client_id,
                "redirect_uri": existing.redirect_uri,
            }
        )
    settings = {
        key: next((layer[key] for layer in layers if layer[key]), None)
        for key in ("domain", "client_id", "redirect_uri")
    }
    missing = ["--" + key.replace("_", "-") for key, value in settings.items() if not value]
    if missing:
        problem = "the following arguments are required: " + ", ".join(missing)
        raise usage_error("configure", problem)
    must_ask = secret is None and ctx.stdin_is_terminal()
    if must_ask and not (await session.status()).has_client_secret:
        secret = ctx.ask_hidden(ctx.out.t("secret_prompt"))
        if secret is None:  # Enter or Ctrl-D with nothing typed: like an empty stdin
            raise AmoError(
                ErrorCode.MISSING_CLIENT_SECRET,
                {"profile": session.name},
                debug="nothing was typed at the secret key prompt",
            )
        ctx.remember_secret(secret)
    platform = None
    if args.platform is not None:
        platform = Platform(PLATFORM_CHOICES[args.platform])
    elif existing is not None and settings["domain"] == existing.account:
        platform = existing.platform
    await session.configure(
        domain=str(settings["domain"]),
        client_id=str(settings["client_id"]),
        redirect_uri=str(settings["redirect_uri"]),
        client_secret=secret,
        platform=platform,
        backend_url=args.backend_url,
    )
    _report(ctx, session.name, await session.status())
    return 0


def _report(ctx: CliContext, profile: str, status: ConnectionStatus) -> None:
    out = ctx.out
    human = [
        out.t("configured", profile=profile),
        out.t(
            "configured_account",
            account=status.account_host,
            platform=out.t(f"platform_{status.platform}"),
        ),
        out.t("configured_client", client_id=status.client_id),
        out.t("configured_redirect", redirect_uri=status.redirect_uri),
    ]
    if status.backend_url:
        human.append(out.t("configured_backend", backend=status.backend_url))
    human += [out.t("configured_secret"), out.t("configured_next")]
    out.result(
        human,
        {
            "status": "ok",
            "profile": profile,
            "platform": status.platform,
            "account_host": status.account_host,
            "client_id": status.client_id,
            "redirect_uri": status.redirect_uri,
            "backend_url": status.backend_url,
            "has_client_secret": status.has_client_secret,
        },
    )


def _secret_from_stdin_or_environment(args: argparse.Namespace, ctx: CliContext) -> str | None:
    from amo_desktop.core.errors import AmoError, ErrorCode

    if args.client_secret_stdin:
        secret = ctx.read_stdin().strip()
        if not secret:
            raise AmoError(ErrorCode.MISSING_CLIENT_SECRET, {"profile": ctx.profile_name})
    else:
        secret = os.environ.get(SECRET_VARIABLE, "").strip()
    ctx.remember_secret(secret)
    return secret or None
