"""One of two journal writers in their own processes, for the cross-process rotation test.

Opens the journal on the folder it is given with a tiny ``max_bytes`` (so rotation is frequent),
says ``ready``, waits for ``go`` on stdin so both writers start together, then appends the
records ``writer``/0..count-1 in small concurrent waves (so batches of varied size are written).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from amo_desktop.core.webhooks.journal import WebhookJournal

WAVE = 7


async def write(folder: Path, writer: str, count: int, max_bytes: int, files: int) -> None:
    journal = WebhookJournal(folder, max_bytes=max_bytes, files=files)
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    for start in range(0, count, WAVE):
        await asyncio.gather(
            *(
                journal.append({"kind": "probe", "writer": writer, "number": number})
                for number in range(start, min(start + WAVE, count))
            )
        )
    await journal.close()
    print("done", flush=True)


if __name__ == "__main__":
    folder, writer, count, max_bytes, files = sys.argv[1:]
    asyncio.run(write(Path(folder), writer, int(count), int(max_bytes), int(files)))
