"""Keep under amoCRM's limit of 7 requests per second per integration."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager


class RateLimiter:
    """At most ``rate`` requests in any ``period``, counted the way amo counts them.

    amo counts a request when it arrives: after we start it, before we see the answer. So a
    request holds its place from its start until one ``period`` after its answer. Counting
    from starts alone lets an eighth request through one second after a first that was slow
    to arrive, and amo, seeing both within its second, answers 429 and asks for minutes.

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
        self._answered_at: deque[float] = deque()
        self._in_flight = 0
        self._an_answer_came = asyncio.Event()
        self._turn = asyncio.Lock()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Hold one place for the request made inside the ``async with``."""
        await self._take_a_place()
        try:
            yield
        finally:
            self._in_flight -= 1
            self._answered_at.append(self._clock())
            self._an_answer_came.set()

    async def _take_a_place(self) -> None:
        async with self._turn:
            while True:
                now = self._clock()
                while self._answered_at and now - self._answered_at[0] >= self._period:
                    self._answered_at.popleft()
                if self._in_flight + len(self._answered_at) < self._rate:
                    self._in_flight += 1
                    return
                if self._answered_at:
                    await self._sleep(self._period - (now - self._answered_at[0]))
                else:  # every place is held by a request still waiting for its answer
                    self._an_answer_came.clear()
                    await self._an_answer_came.wait()
