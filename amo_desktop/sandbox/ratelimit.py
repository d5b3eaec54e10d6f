"""amoCRM's "7 requests per second per integration" rule (fact sheet 6.1)."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable


class RateLimiter:
    """A one-second sliding window per integration. ``limit=None`` switches it off."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._hits: defaultdict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str, limit: int | None) -> bool:
        if limit is None:
            return True
        now = self._monotonic()
        hits = self._hits[key]
        while hits and hits[0] <= now - 1.0:
            hits.popleft()
        if len(hits) >= limit:
            return False
        hits.append(now)
        return True


class ApiBlock:
    """amo's answer to repeated 429s (fact sheet 6.1): the account's whole API is blocked,
    every request answering 403, until the block expires. Reads the sandbox clock, so tests
    jump past a block instead of waiting it out."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self._violations: deque[float] = deque()
        self.until: float | None = None

    def active(self) -> bool:
        return self.until is not None and self._now() < self.until

    def violation(self, after: int | None, window: float, duration: float) -> None:
        """Count one 429; the ``after``-th within ``window`` seconds starts a block of
        ``duration`` seconds. ``after=None`` never blocks."""
        if after is None:
            return
        now = self._now()
        self._violations.append(now)
        while self._violations and self._violations[0] <= now - window:
            self._violations.popleft()
        if len(self._violations) >= after:
            self.until = now + duration
            self._violations.clear()

    def lift(self) -> None:
        self.until = None
        self._violations.clear()
