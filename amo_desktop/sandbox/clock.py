"""The sandbox's own clock, so tests can jump past code and token lifetimes without waiting."""

from __future__ import annotations

import time
from collections.abc import Callable


class SandboxClock:
    """Wall-clock time plus an offset that tests move forward with :meth:`advance`.

    Every expiry decision in the sandbox (authorization codes, tokens, the webhook
    auto-disable window) reads this clock, never ``time.time()`` directly.
    """

    def __init__(self, source: Callable[[], float] = time.time) -> None:
        self._source = source
        self._offset = 0.0

    def now(self) -> float:
        return self._source() + self._offset

    def now_int(self) -> int:
        return int(self.now())

    def advance(self, seconds: float) -> float:
        """Move time forward (never backwards) and return the new now."""
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        self._offset += seconds
        return self.now()
