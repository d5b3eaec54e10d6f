"""Coroutines as tasks on the qasync loop, with every failure turned into an AmoError.

Qt slots cannot be coroutines, so controllers hand their coroutines to a :class:`TaskRunner`.
It keeps a reference to each task (asyncio only keeps weak ones, and a collected task simply
stops), treats cancellation as an outcome of its own rather than an error (qasync #126: a
``CancelledError`` escaping a slot is logged by Qt as a crash), and never lets an exception
reach Qt.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from amo_desktop.core.errors import AmoError, ErrorCode

T = TypeVar("T")
log = logging.getLogger(__name__)


def as_amo_error(error: BaseException) -> AmoError:
    """Any exception as something a person can read; unknown ones become UNEXPECTED."""
    if isinstance(error, AmoError):
        return error
    return AmoError(ErrorCode.UNEXPECTED, debug=f"{type(error).__name__}: {error}")


class TaskRunner:
    """Starts coroutines on one event loop and reports their outcome through callbacks."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def pending(self) -> int:
        return len(self._tasks)

    def start(
        self,
        coroutine: Coroutine[Any, Any, T],
        on_result: Callable[[T], None],
        on_error: Callable[[AmoError], None],
        on_cancelled: Callable[[], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> asyncio.Task[None]:
        """Run ``coroutine``; exactly one of the outcome callbacks runs, then ``on_finished``."""

        async def guarded() -> None:
            try:
                result = await coroutine
            except asyncio.CancelledError:
                if on_cancelled is not None:
                    on_cancelled()
                raise
            except Exception as error:  # every failure is shown, never raised into Qt
                if not isinstance(error, AmoError):
                    log.exception("unexpected failure in a GUI task")
                on_error(as_amo_error(error))
            else:
                on_result(result)
            finally:
                if on_finished is not None:
                    on_finished()

        task = self._loop.create_task(guarded())
        self._tasks.add(task)
        task.add_done_callback(self._forget)
        return task

    def _forget(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("GUI task failed after reporting", exc_info=task.exception())

    async def cancel_all(self) -> None:
        """Cancel every running task and wait until they have all finished."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
