"""The activity log: HTTP calls, token refreshes, listener events; always masked.

Entries stay in a ring buffer for the live views and are appended as JSON lines to a
rotated file under the app home for support reports. Subscribers are plain callbacks (the
GUI adapts them to Qt signals).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Literal

import httpx

from amo_desktop.core.paths import ensure_private_dir
from amo_desktop.core.redact import Redactor, url_to_show

LogKind = Literal["http", "token", "listener", "info", "error"]
LOG_FILE_NAME = "activity.log"
_STARTED = "amo_desktop_started"


@dataclass(frozen=True)
class LogEntry:
    """One line of the activity log (already masked)."""

    time: float
    kind: LogKind
    message: str
    fields: Mapping[str, str] = field(default_factory=dict)

    def format_line(self) -> str:
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.time))
        return f"{stamp} [{self.kind}] {self.message}"

    def to_json(self) -> str:
        data = {"time": self.time, "kind": self.kind, "message": self.message}
        return json.dumps({**data, "fields": dict(self.fields)}, ensure_ascii=False)


class _PrivateRotatingFile(RotatingFileHandler):
    # The log is masked, but it still says which accounts were used: owner-only.
    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


class Logbook:
    """Append-only activity log with a bounded memory and a rotated file."""

    def __init__(
        self,
        path: Path | None,
        redactor: Redactor,
        capacity: int = 2000,
        *,
        max_bytes: int = 1024 * 1024,
        backups: int = 3,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path
        self.redactor = redactor
        self._clock = clock
        self._entries: deque[LogEntry] = deque(maxlen=capacity)
        self._subscribers: list[Callable[[LogEntry], None]] = []
        self._lock = threading.Lock()
        self._file: RotatingFileHandler | None = None
        if path is not None:
            ensure_private_dir(path.parent)
            self._file = _PrivateRotatingFile(
                path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
            )

    @classmethod
    def under(cls, home: Path, *, redactor: Redactor, capacity: int = 2000) -> Logbook:
        """The standard log file ``logs/activity.log`` under the app home."""
        return cls(home / "logs" / LOG_FILE_NAME, redactor, capacity)

    def record(self, kind: LogKind, message: str, **fields: object) -> LogEntry:
        entry = LogEntry(
            time=self._clock(),
            kind=kind,
            message=self.redactor.mask(message),
            fields={key: self.redactor.mask(str(value)) for key, value in fields.items()},
        )
        with self._lock:
            self._entries.append(entry)
            if self._file is not None:
                self._file.emit(logging.makeLogRecord({"msg": entry.to_json()}))
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(entry)
            except Exception:
                # A broken live view (say, a closed window) must not break the caller's work.
                self._drop(callback)
        return entry

    def _drop(self, callback: Callable[[LogEntry], None]) -> None:
        with self._lock:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

    def note(self, message: str, **fields: object) -> None:
        self.record("info", message, **fields)

    def error(self, message: str, **fields: object) -> None:
        self.record("error", message, **fields)

    def recent(self, n: int | None = None) -> list[LogEntry]:
        with self._lock:
            entries = list(self._entries)
        return entries if n is None else entries[-n:] if n > 0 else []

    def format_lines(self, n: int | None = None) -> list[str]:
        return [entry.format_line() for entry in self.recent(n)]

    def subscribe(self, callback: Callable[[LogEntry], None]) -> Callable[[], None]:
        """Call ``callback`` for every new entry; returns the function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        return lambda: self._drop(callback)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def httpx_hooks(self) -> dict[str, list[Callable[..., Awaitable[None]]]]:
        """``event_hooks`` for ``httpx.AsyncClient``: method, masked path, status, ms."""

        async def on_request(request: httpx.Request) -> None:
            request.extensions[_STARTED] = time.perf_counter()

        async def on_response(response: httpx.Response) -> None:
            request = response.request
            started = request.extensions.get(_STARTED)
            elapsed = (time.perf_counter() - started) * 1000 if started is not None else 0.0
            # Every query value hidden, names kept: a key in ?sig=… or ?key=… may be a secret
            # under a name no pattern knows, and this line reaches the support report.
            target = url_to_show(request.url.raw_path.decode("ascii", "replace"))
            self.record(
                "http",
                f"{request.method} {target} -> {response.status_code} ({elapsed:.0f} ms)",
                method=request.method,
                host=request.url.host,
                path=target,
                status=response.status_code,
                ms=round(elapsed),
            )

        return {"request": [on_request], "response": [on_response]}


class LogbookHandler(logging.Handler):
    """Writes log records of WARNING and above, tracebacks included, to the activity log.

    The logbook comes from ``logbook`` on the first record, so that the core is built only
    if something goes wrong before it is needed anyway. The text is masked like every entry.
    """

    def __init__(self, logbook: Callable[[], Logbook]) -> None:
        super().__init__(logging.WARNING)
        self._logbook = logbook

    def emit(self, record: logging.LogRecord) -> None:
        fields: dict[str, object] = {"logger": record.name}
        if record.exc_info is not None and record.exc_info[1] is not None:
            fields["traceback"] = "".join(traceback.format_exception(*record.exc_info))
        try:
            self._logbook().error(record.getMessage(), **fields)
        except Exception:  # noqa: S110 - a log that can't be written must not crash or print
            pass


def route_logging(logbook: Callable[[], Logbook]) -> Callable[[], None]:
    """Send every library's warnings and errors to the activity log instead of the terminal.

    Without a handler Python prints them, tracebacks and all, on stderr (``lastResort``):
    aiohttp's "Error handling request", say, would land in the middle of ``listen``'s
    output. Returns the function that undoes it.
    """
    handler = LogbookHandler(logbook)
    root = logging.getLogger()
    root.addHandler(handler)
    return lambda: root.removeHandler(handler)
