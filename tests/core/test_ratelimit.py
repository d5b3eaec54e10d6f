"""The limiter spreads a burst over time, judged on a fake clock."""

from __future__ import annotations

import asyncio

from amo_desktop.core.ratelimit import RateLimiter


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.starts: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_no_more_than_seven_starts_in_any_second() -> None:
    fake = FakeTime()
    limiter = RateLimiter(7, 1.0, clock=fake.clock, sleep=fake.sleep)

    async def one() -> None:
        await limiter.acquire()
        fake.starts.append(fake.now)

    await asyncio.gather(*(one() for _ in range(22)))
    assert len(fake.starts) == 22
    for index in range(len(fake.starts) - 7):
        assert fake.starts[index + 7] - fake.starts[index] >= 1.0
    assert fake.starts[6] == 0.0
    assert fake.starts[-1] == 3.0
