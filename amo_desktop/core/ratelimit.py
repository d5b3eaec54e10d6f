"""Keep under amoCRM's limit of 7 requests per second per integration."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable


class RateLimiter:
    """A sliding one-second window: at most ``rate`` requests start in any ``period``.

    Callers wait their turn in arrival order, so a burst is spread out instead of tripping
    amo's 429 (and, after repeated 429s, the account-wide 403 block).
    """

    def __init__(
        self,
        rate: int = 7,
        period: float = 1.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate < 1 or period <= 0:
            raise ValueError("rate must be >= 1 and period > 0")
        self._rate = rate
        self._period = period
        self._clock = clock
        self._sleep = sleep
        self._started: deque[float] = deque()
        self._turn = asyncio.Lock()

    async def acquire(self) -> None:
        """Return when one more request may start."""
        async with self._turn:
            while True:
                now = self._clock()
                while self._started and now - self._started[0] >= self._period:
                    self._started.popleft()
                if len(self._started) < self._rate:
                    self._started.append(now)
                    return
                await self._sleep(self._period - (now - self._started[0]))
