"""A second program refreshing the same profile: run as ``python -m tests.core.refresh_worker``.

Reads its settings as JSON on stdin (never argv: it carries the client secret), loads the
stored (about to expire) pair, prints ``ready``, then asks for an access token and prints it.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import httpx
from keyring.backends.SecretService import Keyring

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.oauth import refresh_tokens
from amo_desktop.core.platforms import parse_account_address
from amo_desktop.core.token_manager import TokenManager
from amo_desktop.core.tokens import TokenSet
from tests.support.routing_transport import SandboxRoutingTransport


async def main() -> None:
    settings = json.loads(sys.stdin.readline())
    address = parse_account_address("demo.amocrm.ru")
    transport = SandboxRoutingTransport(settings["sandbox"])
    async with httpx.AsyncClient(transport=transport) as http:

        async def refresher(refresh_token: str) -> TokenSet:
            return await refresh_tokens(
                http,
                address,
                settings["client_id"],
                settings["client_secret"],
                refresh_token,
                settings["redirect_uri"],
            )

        manager = TokenManager(
            settings["profile"],
            CredentialStore(Keyring(), timeout=20),
            refresher,
            Path(settings["lock_dir"]),
            time.time,
        )
        await manager.current()  # holds the stale pair, like a program that ran for a while
        print("ready", flush=True)
        print(await manager.access_token(), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
