"""The limiter spreads a burst over time, judged on a fake clock, the way amo counts."""

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
        async with limiter.slot():
            fake.starts.append(fake.now)

    await asyncio.gather(*(one() for _ in range(22)))
    assert len(fake.starts) == 22
    for index in range(len(fake.starts) - 7):
        assert fake.starts[index + 7] - fake.starts[index] >= 1.0
    assert fake.starts[6] == 0.0
    assert fake.starts[-1] == 3.0


async def test_a_request_holds_its_place_until_a_period_after_its_answer() -> None:
    """amo counts a request when it arrives, possibly just before its answer: an eighth
    request one second after a slow first one could land in the same second on amo's side."""
    fake = FakeTime()
    limiter = RateLimiter(7, 1.0, clock=fake.clock, sleep=fake.sleep)
    for _ in range(7):
        async with limiter.slot():
            fake.now += 0.05  # each answer takes 50 ms
    answered_last = fake.now
    async with limiter.slot():
        started_eighth = fake.now
    assert started_eighth >= 0.05 + 1.0  # a period after the first answer, not the first start
    assert started_eighth < answered_last + 1.0


async def test_when_every_place_is_in_flight_the_next_waits_for_an_answer() -> None:
    fake = FakeTime()
    limiter = RateLimiter(2, 1.0, clock=fake.clock, sleep=fake.sleep)
    answer = asyncio.Event()
    order: list[str] = []

    async def slow(name: str) -> None:
        async with limiter.slot():
            order.append(f"{name} sent")
            await answer.wait()
            order.append(f"{name} answered")

    async def third() -> None:
        async with limiter.slot():
            order.append("third sent")

    first, second = asyncio.create_task(slow("first")), asyncio.create_task(slow("second"))
    waiting = asyncio.create_task(third())
    for _ in range(5):
        await asyncio.sleep(0)
    assert order == ["first sent", "second sent"] and not waiting.done()
    answer.set()
    await asyncio.gather(first, second, waiting)
    assert order[-1] == "third sent"
    assert fake.now >= 1.0  # and still a period after the first answer
