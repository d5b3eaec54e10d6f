"""``amo-desktop sandbox``: run the emulator in the foreground and tell a newcomer what to do."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from amo_desktop.sandbox.server import SandboxServer
from amo_desktop.sandbox.state import SandboxState

BANNER = {
    "en": """\
amoCRM sandbox is running at {base_url}
Demo account: {account} (id {account_id}, {subdomain}.amocrm.ru)

Demo integration keys (they are the sandbox's own, not a real account's):
  Client ID      {client_id}
  Client secret  {client_secret}
  Redirect URI   {redirect_uri}

Try next, in another terminal:
  amo-desktop configure --domain {base_url} --client-id {client_id} \\
      --redirect-uri {redirect_uri} --client-secret-stdin
  (then paste the client secret above and press Enter)
  amo-desktop login
  amo-desktop test

Press Ctrl+C to stop.
""",
    "uk": """\
Пісочниця amoCRM працює за адресою {base_url}
Демо-акаунт: {account} (id {account_id}, {subdomain}.amocrm.ru)

Ключі демо-інтеграції (це ключі пісочниці, а не справжнього акаунта):
  Client ID      {client_id}
  Client secret  {client_secret}
  Redirect URI   {redirect_uri}

Що спробувати далі, в іншому терміналі:
  amo-desktop configure --domain {base_url} --client-id {client_id} \\
      --redirect-uri {redirect_uri} --client-secret-stdin
  (потім вставте client secret, показаний вище, і натисніть Enter)
  amo-desktop login
  amo-desktop test

Щоб зупинити, натисніть Ctrl+C.
""",
}

STOPPED = {"en": "Sandbox stopped.", "uk": "Пісочницю зупинено."}


def banner(server: SandboxServer, language: str = "en") -> str:
    state = server.state
    integration = state.demo_integration
    return BANNER.get(language, BANNER["en"]).format(
        base_url=server.base_url,
        account=state.account.name,
        account_id=state.account.id,
        subdomain=state.account.subdomain,
        client_id=integration.client_id,
        client_secret=integration.client_secret,
        redirect_uri=integration.redirect_uri,
    )


async def serve(
    host: str,
    port: int,
    *,
    language: str = "en",
    out: TextIO = sys.stdout,
    state: SandboxState | None = None,
) -> None:
    async with SandboxServer(host, port, state=state) as server:
        out.write(banner(server, language))
        out.flush()
        await asyncio.Event().wait()  # until Ctrl+C cancels us


def run_sandbox(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    language: str = "en",
    client_secret: str | None = None,
    out: TextIO = sys.stdout,
) -> int:
    """Run until Ctrl+C. ``client_secret`` keeps the demo secret stable across runs."""
    state = SandboxState(demo_client_secret=client_secret)
    try:
        asyncio.run(serve(host, port, language=language, out=out, state=state))
    except KeyboardInterrupt:
        pass
    out.write(STOPPED.get(language, STOPPED["en"]) + "\n")
    out.flush()
    return 0
