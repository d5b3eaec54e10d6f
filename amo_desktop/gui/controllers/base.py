"""What every controller shares: busy/failed signals around tasks on the runner."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.tasks import TaskRunner

T = TypeVar("T")


class AsyncController(QObject):
    """Base of the controllers: runs actions as tasks and reports busy state and failures.

    Signals:
        busyChanged(str, bool): an action (by name) started or finished waiting.
        failed(str, object): an action failed; the object is an ``AmoError`` that the view
            localizes into the current language (title, message, hint).
    """

    busyChanged = Signal(str, bool)
    failed = Signal(str, object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy: set[str] = set()
        self._generation = 0  # one more at every profile switch

    def is_busy(self, action: str) -> bool:
        return action in self._busy

    def _run(
        self,
        action: str,
        coroutine: Coroutine[Any, Any, T],
        on_result: Callable[[T], None],
        on_cancelled: Callable[[], None] | None = None,
        on_error: Callable[[AmoError], None] | None = None,
    ) -> None:
        self._busy.add(action)
        self.busyChanged.emit(action, True)

        def finished() -> None:
            self._busy.discard(action)
            self.busyChanged.emit(action, False)

        def report(error: AmoError) -> None:
            self.failed.emit(action, error)

        self._runner.start(coroutine, on_result, on_error or report, on_cancelled, finished)

    def _forget_profile_work(self) -> None:
        """Drop the outcomes of every action started so far (the profile has switched).

        The actions are left to finish rather than cancelled: a cancelled token refresh
        could lose the pair amoCRM has just rotated.
        """
        self._generation += 1

    def _run_for_profile(
        self,
        action: str,
        coroutine: Coroutine[Any, Any, T],
        on_result: Callable[[T], None],
    ) -> None:
        """Like ``_run``, but the outcome is dropped if the profile switches meanwhile."""
        generation = self._generation

        def result(value: T) -> None:
            if generation == self._generation:
                on_result(value)

        def error(failure: AmoError) -> None:
            if generation == self._generation:
                self.failed.emit(action, failure)

        self._run(action, coroutine, result, on_error=error)
