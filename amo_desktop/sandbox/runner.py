"""``python -m amo_desktop.sandbox``: run the emulator in the foreground and tell a newcomer
what to do next (the same banner as ``amo-desktop sandbox``)."""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from amo_desktop.sandbox.banner import introduce, say
from amo_desktop.sandbox.server import SandboxServer
from amo_desktop.sandbox.state import DEFAULT_REDIRECT_URI, SandboxState


async def serve(
    host: str,
    port: int,
    *,
    language: str = "en",
    out: TextIO = sys.stdout,
    state: SandboxState | None = None,
) -> None:
    async with SandboxServer(host, port, state=state) as server:
        out.write("\n".join(introduce(server).banner(language)) + "\n")
        out.flush()
        await asyncio.Event().wait()  # until Ctrl+C cancels us


def run_sandbox(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    language: str = "en",
    client_secret: str | None = None,
    redirect_uri: str = DEFAULT_REDIRECT_URI,
    out: TextIO = sys.stdout,
) -> int:
    """Run until Ctrl+C. ``client_secret`` keeps the demo secret stable across runs;
    ``redirect_uri`` is the demo integration's redirect address."""
    state = SandboxState(demo_client_secret=client_secret, demo_redirect_uri=redirect_uri)
    try:
        asyncio.run(serve(host, port, language=language, out=out, state=state))
    except KeyboardInterrupt:
        pass
    out.write(say("stopped", language) + "\n")
    out.flush()
    return 0
