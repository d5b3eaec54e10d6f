"""An append-only, rotated JSON-lines journal of deliveries, forwards and rejections.

``append`` returns only after the line is on disk (``fsync``); appends that arrive while a
write is in flight are batched into the next write and share one ``fsync`` (group commit), so
the receiver can answer amoCRM quickly under load. A line torn by a crash is skipped on read,
and a new line never glues onto it. The journal is bounded: when the current file would grow
past ``max_bytes`` it is rotated (``journal.jsonl`` -> ``journal.1.jsonl`` ...), keeping
``files`` files in all.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final, TypeVar

from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.records import (
    DELIVERY,
    FORWARD,
    REJECTION,
    ForwardResult,
    JsonRecord,
    Rejection,
    delivery_from,
    delivery_record,
    forward_from,
    forward_record,
    rejection_from,
    rejection_record,
)

JOURNAL_NAME: Final = "journal"
DEFAULT_MAX_BYTES: Final = 5 * 1024 * 1024
DEFAULT_FILES: Final = 4

T = TypeVar("T")


def journal_folder(profile_folder: Path) -> Path:
    """Where a profile keeps its webhook journal."""
    return profile_folder / "webhooks"


class WebhookJournal:
    """The durable history of one profile's webhook traffic. Not thread-safe: one event loop."""

    def __init__(
        self,
        folder: Path,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        files: int = DEFAULT_FILES,
        durable: bool = True,
    ) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.files = max(1, files)
        self._durable = durable
        self._fd: int | None = None
        self._size = 0
        self._pending: list[tuple[bytes, asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    # Writing -------------------------------------------------------------------------------

    async def append(self, record: JsonRecord) -> None:
        """Append one record; returns when it is durable. Raises ``OSError`` if it is not."""
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._pending.append((line, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._drain())
        await future

    async def record_delivery(self, delivery: Delivery) -> None:
        await self.append(delivery_record(delivery))

    async def record_forward(self, result: ForwardResult) -> None:
        await self.append(forward_record(result))

    async def record_rejection(self, rejection: Rejection) -> None:
        await self.append(rejection_record(rejection))

    async def close(self) -> None:
        if self._writer is not None:
            await asyncio.shield(self._writer)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    async def _drain(self) -> None:
        try:
            while self._pending:
                batch, self._pending = self._pending, []
                try:
                    await asyncio.to_thread(self._write, [line for line, _ in batch])
                except OSError as error:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(error)
                else:
                    for _, future in batch:
                        if not future.done():
                            future.set_result(None)
        finally:
            self._writer = None

    def _write(self, lines: list[bytes]) -> None:
        data = b"".join(lines)
        fd = self._open()
        if self._size and self._size + len(data) > self.max_bytes:
            self._rotate()
            fd = self._open()
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        self._size += len(data)
        if self._durable:
            os.fsync(fd)

    def _open(self) -> int:
        if self._fd is not None:
            return self._fd
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self._path(0)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._size = os.fstat(fd).st_size
        if self._size and not _ends_with_newline(path):
            # A crash tore the last line: end it, so the next record starts on a line of its own.
            os.write(fd, b"\n")
            self._size += 1
        self._fd = fd
        return fd

    def _rotate(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        for index in range(self.files - 1, 0, -1):
            older = self._path(index - 1)
            if older.exists():
                os.replace(older, self._path(index))
        self._path(0).unlink(missing_ok=True)  # only when files == 1
        if self._durable:
            _fsync_folder(self.folder)

    def _path(self, index: int) -> Path:
        suffix = f".{index}" if index else ""
        return self.folder / f"{JOURNAL_NAME}{suffix}.jsonl"

    # Reading -------------------------------------------------------------------------------

    def iter_records(self, kind: str | None = None) -> Iterator[JsonRecord]:
        """Every readable record, newest first (torn or foreign lines are skipped)."""
        for index in range(self.files):
            path = self._path(index)
            try:
                lines = path.read_bytes().splitlines()
            except FileNotFoundError:
                continue
            for line in reversed(lines):
                record = _parse(line)
                if record is not None and (kind is None or record.get("kind") == kind):
                    yield record

    async def deliveries(
        self, *, limit: int | None = None, where: Callable[[Delivery], bool] | None = None
    ) -> list[Delivery]:
        """Recorded deliveries, newest first, optionally filtered."""

        def collect() -> list[Delivery]:
            found: list[Delivery] = []
            for record in self.iter_records(DELIVERY):
                delivery = _convert(delivery_from, record)
                if delivery is None:
                    continue
                if where is None or where(delivery):
                    found.append(delivery)
                    if limit is not None and len(found) >= limit:
                        break
            return found

        return await asyncio.to_thread(collect)

    async def find(self, delivery_id: str) -> Delivery | None:
        """The newest delivery with this id (or id prefix of at least 8 characters)."""

        def matches(delivery: Delivery) -> bool:
            return delivery.delivery_id == delivery_id or (
                len(delivery_id) >= 8 and delivery.delivery_id.startswith(delivery_id)
            )

        found = await self.deliveries(limit=1, where=matches)
        return found[0] if found else None

    async def forwards(self, delivery_id: str | None = None) -> list[ForwardResult]:
        """Forward and replay results, newest first, for one delivery or all."""

        def collect() -> list[ForwardResult]:
            found = (
                _convert(forward_from, record)
                for record in self.iter_records(FORWARD)
                if delivery_id is None or record.get("delivery_id") == delivery_id
            )
            return [result for result in found if result is not None]

        return await asyncio.to_thread(collect)

    async def rejections(self, *, limit: int = 100) -> list[Rejection]:
        def collect() -> list[Rejection]:
            found: list[Rejection] = []
            for record in self.iter_records(REJECTION):
                rejection = _convert(rejection_from, record)
                if rejection is not None:
                    found.append(rejection)
                if len(found) >= limit:
                    break
            return found

        return await asyncio.to_thread(collect)


def _parse(line: bytes) -> JsonRecord | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) and "kind" in record else None


def _convert(convert: Callable[[JsonRecord], T], record: JsonRecord) -> T | None:
    # A line from a newer or hand-edited journal may lack fields: skip it, don't fail the read.
    try:
        return convert(record)
    except (KeyError, TypeError, ValueError):
        return None


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
