"""A webhook listener in its own process, for the kill -9 test: prints its URL, then serves."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.receiver import WebhookReceiver


async def serve(folder: Path) -> None:
    receiver = WebhookReceiver(WebhookJournal(folder))
    await receiver.start()
    print(receiver.url, flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(serve(Path(sys.argv[1])))
