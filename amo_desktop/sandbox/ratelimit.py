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
