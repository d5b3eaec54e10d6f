"""Unexpected failures become a readable message box, never a raw traceback."""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.gui.language import current_language

log = logging.getLogger("amo_desktop.gui")


class CrashHandler:
    """Installed as ``sys.excepthook`` and as the event loop's exception handler.

    The technical details go to the log (which masks secrets); the person sees the error
    catalogue's "Something went wrong" text with its hint, in the current language.
    """

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        self._parent = parent
        self._box: QMessageBox | None = None

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        sys.excepthook = self._excepthook
        loop.set_exception_handler(self._loop_exception)

    def _excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        log.error("unexpected error", exc_info=(kind, error, traceback))
        self.show(error)

    def _loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        if isinstance(error, asyncio.CancelledError):
            return
        log.error("event loop error: %s", context.get("message"), exc_info=error)
        if error is not None:
            self.show(error)

    def show(self, error: BaseException) -> None:
        amo_error = (
            error
            if isinstance(error, AmoError)
            else AmoError(ErrorCode.UNEXPECTED, debug=type(error).__name__)
        )
        text = amo_error.localized(current_language())
        if self._box is not None and self._box.isVisible():
            return  # one message at a time; the log has every occurrence
        box = QMessageBox(
            QMessageBox.Icon.Critical, text.title, text.message, parent=self._parent()
        )
        box.setObjectName("crashMessage")
        box.setInformativeText(text.hint)
        self._box = box
        box.open()
