"""An append-only, rotated JSON-lines journal of deliveries, forwards and rejections.

``append`` returns only after the line is on disk (``fdatasync``). One writer thread encodes,
writes and syncs: every record that arrives while a sync is in flight goes into the next
write and shares its sync (adaptive group commit), and the event loop never waits on the disk
or spends its time encoding. A line torn by a crash or a full disk is skipped on read, and a
new line never glues onto it. The journal is bounded: when the current file would grow past
``max_bytes`` it is rotated (``journal.jsonl`` -> ``journal.1.jsonl`` ...), keeping ``files``
files in all. ``close`` releases the file and the thread; a later append opens them again.

Several processes may share one journal (the desktop app listening while ``amo-desktop listen``
or ``events replay`` runs). Rotation, opening the current file and a reader's opening of its set
of files happen under a lock file (``journal.lock``), so two rotations never interleave and a
reader sees each file once. Before each batch the writer checks, with two ``stat`` calls, that
its descriptor is still ``journal.jsonl`` and reopens it if another process rotated it away;
the batch then goes out as one ``O_APPEND`` write of whole lines. A rotation slipping in
between the check and the write only moves that batch to the end of ``journal.1.jsonl``, which
readers read too. So every record lands, whole, in exactly one file readers read. The plain
write path takes no lock: a filelock round costs more than the write itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final, TypeVar

from amo_desktop.core.paths import ensure_private_dir
from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.records import (
    DELIVERY,
    FORWARD,
    REJECTION,
    ForwardResult,
    JsonRecord,
    Rejection,
    delivery_from,
    delivery_line,
    forward_from,
    forward_line,
    record_line,
    rejection_from,
    rejection_line,
)

if TYPE_CHECKING:
    from filelock import FileLock

JOURNAL_NAME: Final = "journal"
LOCK_NAME: Final = f"{JOURNAL_NAME}.lock"
DEFAULT_MAX_BYTES: Final = 5 * 1024 * 1024
DEFAULT_FILES: Final = 4
# The writer thread ends after this long without work and is started again by the next append.
_IDLE_SECONDS: Final = 1.0
# Another process holds the lock only for one write or one rotation; this long means it hangs.
_LOCK_TIMEOUT_SECONDS: Final = 10.0

T = TypeVar("T")
# What the writer thread encodes into one line, with what, and who waits for it to be durable.
_Entry = tuple[Callable[[Any], bytes], object, asyncio.Future[None]]


def journal_folder(profile_folder: Path) -> Path:
    """Where a profile keeps its webhook journal."""
    return profile_folder / "webhooks"


class WebhookJournal:
    """The durable history of one profile's webhook traffic. Appends come from one event loop."""

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
        # Owned by the running writer thread; while none runs, by whoever holds _wake.
        self._fd: int | None = None
        self._opened_once = False  # the folder existed once: it is not recreated after that
        self._lock: FileLock | None = None  # guarded by _wake
        self._wake = threading.Condition()
        self._queue: list[_Entry] = []  # guarded by _wake
        self._thread: threading.Thread | None = None  # guarded by _wake
        self._closers: list[asyncio.Future[None]] = []  # guarded by _wake
        self._kick_pending = False  # only touched on the event loop

    # Writing -------------------------------------------------------------------------------

    async def append(self, record: JsonRecord) -> None:
        """Append one record; returns when it is durable. Raises ``OSError`` if it is not."""
        await self._submit(record_line, record)

    async def record_delivery(self, delivery: Delivery) -> None:
        await self._submit(delivery_line, delivery)

    async def record_forward(self, result: ForwardResult) -> None:
        await self._submit(forward_line, result)

    async def record_rejection(self, rejection: Rejection) -> None:
        await self._submit(rejection_line, rejection)

    async def close(self) -> None:
        """Write everything queued so far, then close the file and let the writer thread end.

        Closing releases resources; it does not retire the journal. An append made while
        closing, or later, is written as usual (the file is opened again), so a replay that
        records its result during a profile switch is neither lost nor stuck.
        """
        closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        with self._wake:
            if self._thread is None:
                # No writer runs, and none can start while we hold _wake: the file is ours.
                self._release_file()
                return
            self._closers.append(closed)
            self._wake.notify()
        await closed

    def _submit(self, to_line: Callable[[Any], bytes], item: object) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        with self._wake:
            self._queue.append((to_line, item, future))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="webhook-journal", daemon=True
                )
                self._thread.start()
            elif not self._kick_pending:
                # One wake-up for every append of this loop iteration: waking a thread costs
                # a context switch, which on a busy machine can take a whole time slice.
                self._kick_pending = True
                future.get_loop().call_soon(self._kick)
        return future

    def _kick(self) -> None:
        self._kick_pending = False
        with self._wake:
            self._wake.notify()

    def _run(self) -> None:
        batch: list[_Entry] = []
        closers: list[asyncio.Future[None]] = []
        try:
            while True:
                with self._wake:
                    # A kick can arrive for records an earlier batch already took: only a whole
                    # idle period ends the thread, or every late kick would cost a new thread.
                    self._wake.wait_for(self._has_work, _IDLE_SECONDS)
                    batch, self._queue = self._queue, []
                    closers, self._closers = self._closers, []
                    if not batch and not closers:
                        self._thread = None  # the open file passes to the next writer
                        return
                self._commit(batch)
                batch = []
                if closers:
                    self._release_file()
                    with self._wake:
                        ended = not self._queue  # else appends made meanwhile reopen it
                        if ended:
                            self._thread = None
                    _settle_soon([(future, None) for future in closers])
                    closers = []
                    if ended:
                        return
        except BaseException as error:
            # Only something like SystemExit gets here (_commit catches every Exception): end
            # this thread, but leave no appender or closer waiting and let the next append
            # start a new writer.
            with self._wake:
                if self._thread is threading.current_thread():
                    self._thread = None
                    batch += self._queue
                    closers += self._closers
                    self._queue, self._closers = [], []
            failure = _not_written(error)
            outcomes = [(future, failure) for _to_line, _item, future in batch]
            _settle_soon(outcomes + [(future, failure) for future in closers])
            raise

    def _has_work(self) -> bool:
        return bool(self._queue) or bool(self._closers)

    def _commit(self, batch: list[_Entry]) -> None:
        lines: list[bytes] = []
        written: list[asyncio.Future[None]] = []
        refused: list[tuple[asyncio.Future[None], BaseException]] = []
        for to_line, item, future in batch:
            try:
                lines.append(to_line(item))
            except Exception as error:  # e.g. not JSON-able: only its own append fails
                refused.append((future, error))
            else:
                written.append(future)
        failure: OSError | None = None
        try:
            self._write(lines)
        except Exception as error:  # anything else would end the thread with appends waiting
            failure = _not_written(error)
        outcomes: list[tuple[asyncio.Future[None], BaseException | None]] = [
            (future, failure) for future in written
        ]
        outcomes.extend(refused)
        _settle_soon(outcomes)

    def _write(self, lines: list[bytes]) -> None:
        if not lines:
            return
        data = b"".join(lines)
        try:
            fd, size = self._current()
            if size and size + len(data) > self.max_bytes:
                with self._file_lock():
                    fd, size = self._current()  # another process may have rotated meanwhile
                    if size and size + len(data) > self.max_bytes:
                        self._rotate()
                        fd, size = self._current()
                    _write_all(fd, data)
            else:
                _write_all(fd, data)
            if self._durable:
                # The data and the file size, which is all an append changes that a reader
                # needs. The descriptor keeps its file even if another process rotated it since.
                os.fdatasync(fd)
        except BaseException:
            # A short write (disk full) leaves part of a line behind. Reopening for the next
            # batch ends that line first (see _open), so no acknowledged record glues onto it.
            self._release_file()
            raise

    def _current(self) -> tuple[int, int]:
        """The descriptor of today's ``journal.jsonl`` and its size.

        Called without the lock before a plain write: a rotation by another process between
        this check and the write puts that batch at the end of ``journal.1.jsonl``, which
        readers read as well. Opening (rare) and rotating take the lock.
        """
        fd = self._fd
        if fd is not None:
            opened = os.fstat(fd)
            try:
                if os.path.samestat(opened, os.stat(self._path(0))):
                    return fd, opened.st_size
            except FileNotFoundError:
                pass
            # Another process rotated the file away: appending to it would put records in ever
            # older files, and later rotations would drop them.
            self._release_file()
        if self._opened_once and not self.folder.is_dir():
            # The profile was renamed or deleted while we listened: recreating the folder
            # would put acknowledged records where no reader looks. Failing makes the listener
            # answer 500, and amoCRM sends the delivery again later.
            raise FileNotFoundError(
                errno.ENOENT, "the profile's folder was moved or deleted", str(self.folder)
            )
        with self._file_lock():  # reentrant, for a reopen during rotation
            return self._open()

    def _open(self) -> tuple[int, int]:
        path = self._path(0)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        size = os.fstat(fd).st_size
        if not size and self._durable:
            _fsync_folder(self.folder)  # a new file's name must survive a crash too
        if size and not _ends_with_newline(path):
            # A crash or a full disk tore the last line: end it, so the next record starts on
            # a line of its own.
            os.write(fd, b"\n")
            size += 1
        self._fd = fd
        self._opened_once = True
        return fd, size

    def _release_file(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):  # the descriptor is gone even when close fails
                os.close(fd)

    def _rotate(self) -> None:
        self._release_file()
        for index in range(self.files - 1, 0, -1):
            try:
                os.replace(self._path(index - 1), self._path(index))
            except FileNotFoundError:
                continue
        self._path(0).unlink(missing_ok=True)  # only when files == 1
        if self._durable:
            _fsync_folder(self.folder)

    def _file_lock(self) -> FileLock:
        """The lock shared with other processes using this folder (made on first use)."""
        with self._wake:
            if self._lock is None:
                # Imported here: filelock costs start-up time, and many runs only read.
                from filelock import FileLock

                ensure_private_dir(self.folder)
                # Thread-local (the default): a reading thread and the writer thread of one
                # process exclude each other as two processes do.
                self._lock = FileLock(
                    self.folder / LOCK_NAME, timeout=_LOCK_TIMEOUT_SECONDS, mode=0o600
                )
            return self._lock

    def _path(self, index: int) -> Path:
        suffix = f".{index}" if index else ""
        return self.folder / f"{JOURNAL_NAME}{suffix}.jsonl"

    # Reading -------------------------------------------------------------------------------

    def iter_records(self, kind: str | None = None) -> Iterator[JsonRecord]:
        """Every readable record, newest first (torn or foreign lines are skipped)."""
        handles = self._open_files()
        try:
            for handle in handles:
                for line in reversed(handle.read().splitlines()):
                    record = _parse(line)
                    if record is not None and (kind is None or record.get("kind") == kind):
                        yield record
        finally:
            for handle in handles:
                handle.close()

    def _open_files(self) -> list[IO[bytes]]:
        """The journal's files, newest first, opened together so no rotation falls in between."""
        if not self.folder.is_dir():
            return []
        handles: list[IO[bytes]] = []
        with self._file_lock():
            for index in range(self.files):
                try:
                    handles.append(self._path(index).open("rb"))
                except FileNotFoundError:
                    continue
        return handles

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


_Outcomes = Sequence[tuple[asyncio.Future[None], BaseException | None]]


def _settle_soon(outcomes: _Outcomes) -> None:
    """Settle, from the writer thread, futures of the one loop the journal is used from."""
    if outcomes:
        try:
            outcomes[0][0].get_loop().call_soon_threadsafe(_settle, outcomes)
        except RuntimeError:  # the loop is closed: nobody is waiting any more
            pass


def _not_written(error: BaseException) -> OSError:
    """What an appender gets when its record is not durable: always an ``OSError``."""
    if isinstance(error, OSError):
        return error
    failure = OSError(errno.EIO, f"the journal could not be written ({error!r})")
    failure.__cause__ = error
    return failure


def _settle(outcomes: _Outcomes) -> None:
    for future, error in outcomes:
        if future.done():  # the appender was cancelled
            continue
        if error is None:
            future.set_result(None)
        else:
            future.set_exception(error)


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


def _write_all(fd: int, data: bytes) -> None:
    # One write of whole lines on an O_APPEND descriptor: another process's lines go before
    # or after it, never into it. A short write happens only when the disk is full.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


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
