"""A program whose token refresh waits for a lock another program holds, and is then cancelled.

Run as ``python -m tests.core.lock_wait_worker <profile folder>``: it asks for a token (the
stored one is about to expire, so it must refresh and wait for the lock), cancels that wait
once it has begun, prints ``cancelled``, and prints ``ended`` after ``asyncio.run`` returns.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path
from typing import Any

import filelock

from amo_desktop.core.token_manager import TokenManager
from amo_desktop.core.tokens import TokenSet


class _ExpiringPair:
    async def get_tokens(self, profile: str) -> TokenSet:
        return TokenSet("access", "refresh", time.time() + 10, "oauth", time.time())

    async def set_tokens(self, profile: str, tokens: TokenSet) -> None:
        raise AssertionError("the lock is never taken, so nothing is saved")


async def _never(refresh_token: str) -> TokenSet:
    raise AssertionError("the lock is never taken, so amo is never asked")


async def main(lock_dir: Path) -> None:
    tried = threading.Event()
    real_acquire = filelock.BaseFileLock.acquire

    def observed_acquire(lock: filelock.BaseFileLock, *args: Any, **kwargs: Any) -> Any:
        tried.set()
        return real_acquire(lock, *args, **kwargs)

    filelock.BaseFileLock.acquire = observed_acquire  # type: ignore[method-assign]
    manager = TokenManager("default", _ExpiringPair(), _never, lock_dir, lock_timeout=600)
    waiting = asyncio.create_task(manager.access_token())
    await asyncio.to_thread(tried.wait)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print("cancelled", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
    print("ended", flush=True)
