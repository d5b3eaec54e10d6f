"""How a check is declared: its id, the coroutine that runs it, its time-out and order."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from amo_desktop.core.diagnostics.context import DiagnosticsContext
from amo_desktop.core.diagnostics.results import Verdict
from amo_desktop.core.errors import ErrorCode

CheckFunction = Callable[[DiagnosticsContext], Awaitable[Verdict]]


@dataclass(frozen=True)
class Check:
    """One check of the troubleshooting centre.

    Attributes:
        id: stable identifier and key of its title in :mod:`.texts`.
        run: the coroutine that inspects and returns a :class:`Verdict`.
        timeout: seconds before the runner gives up on it.
        after: ids of checks that must finish first (their results are in ``ctx.results``).
        timeout_error: the error a time-out is reported as (network or keyring).
    """

    id: str
    run: CheckFunction
    timeout: float = 15.0
    after: tuple[str, ...] = ()
    timeout_error: ErrorCode | None = None
