"""The journal: durable group commit, torn lines, rotation, and a listener killed with -9."""

from __future__ import annotations

import asyncio
import errno
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from amo_desktop.core.webhooks import journal as journal_module
from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.records import (
    ForwardResult,
    delivery_from,
    delivery_line,
    delivery_record,
    record_line,
)
from tests.webhooks.conftest import AMO_HEADERS, payload

ROOT = Path(__file__).resolve().parents[2]


def make_delivery(number: int, body: bytes = b"leads[add][0][id]=1") -> Delivery:
    return Delivery(
        delivery_id=f"d-{number}",
        received_at=time.time(),
        remote="127.0.0.1",
        method="POST",
        path="/hook",
        query=(),
        headers=(("Content-Type", "application/x-www-form-urlencoded"),),
        body=body,
    )


async def test_concurrent_appends_share_fsyncs_and_are_all_durable(
    journal: WebhookJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    fsyncs: list[int] = []
    real_fdatasync = os.fdatasync
    monkeypatch.setattr(os, "fdatasync", lambda fd: (fsyncs.append(fd), real_fdatasync(fd))[1])
    await asyncio.gather(*(journal.record_delivery(make_delivery(n)) for n in range(200)))
    assert 1 <= len(fsyncs) < 50
    ids = [d.delivery_id for d in await journal.deliveries()]
    assert ids == [f"d-{n}" for n in reversed(range(200))]


async def test_a_late_wake_up_does_not_end_the_writer_thread(
    journal: WebhookJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under load the loop's wake-up often arrives after the writer took that record in an
    # earlier batch; the thread must wait for real work, not exit and be started again.
    monkeypatch.setattr(journal_module, "_IDLE_SECONDS", 60.0)
    await journal.record_delivery(make_delivery(1))
    writer = journal._thread
    assert writer is not None
    journal._kick()  # a wake-up with nothing queued
    writer.join(timeout=0.5)  # returns at once if the wake-up ended the thread
    assert writer.is_alive()
    await journal.record_delivery(make_delivery(2))
    assert journal._thread is writer


_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_pairs = st.lists(st.tuples(_text, _text), max_size=4).map(tuple)


@given(
    delivery_id=_text,
    received_at=st.floats(),
    remote=_text,
    path=_text,
    query=_pairs,
    headers=_pairs,
    body=st.binary(max_size=300) | st.sampled_from([b'a"b', b"a\\b", b"\x00\x1f\x7f\xff"]),
)
def test_the_fast_delivery_line_is_the_general_encoders_line_byte_for_byte(
    delivery_id: str,
    received_at: float,
    remote: str,
    path: str,
    query: tuple[tuple[str, str], ...],
    headers: tuple[tuple[str, str], ...],
    body: bytes,
) -> None:
    delivery = Delivery(delivery_id, received_at, remote, "POST", path, query, headers, body)
    line = delivery_line(delivery)
    assert line == record_line(delivery_record(delivery))
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # one record, one line
    if received_at == received_at:  # NaN is never equal, not even to itself
        assert delivery_from(json.loads(line)) == delivery


async def test_bodies_are_byte_exact_even_when_not_utf8(journal: WebhookJournal) -> None:
    body = bytes(range(256))
    await journal.record_delivery(make_delivery(1, body))
    found = await journal.find("d-1")
    assert found is not None and found.body == body


async def test_a_torn_last_line_is_skipped_and_never_glued_to(tmp_path: Path) -> None:
    first = WebhookJournal(tmp_path / "webhooks")
    await first.record_delivery(make_delivery(1))
    await first.close()
    with (first.folder / "journal.jsonl").open("ab") as handle:
        handle.write(b'{"kind":"delivery","id":"torn","bo')  # a crash in mid-write
    second = WebhookJournal(first.folder)
    assert [d.delivery_id for d in await second.deliveries()] == ["d-1"]
    await second.record_delivery(make_delivery(2))
    await second.record_forward(
        ForwardResult("d-2", "http://u:p@127.0.0.1:1/x?token=t", 502, 3.0, None, time.time())
    )
    await second.close()
    assert [d.delivery_id for d in await second.deliveries()] == ["d-2", "d-1"]
    (forward,) = await second.forwards("d-2")
    assert forward.target == "http://127.0.0.1:1/x"  # no credentials or query in the journal


async def test_rotation_bounds_the_size_and_keeps_the_newest(tmp_path: Path) -> None:
    journal = WebhookJournal(tmp_path / "webhooks", max_bytes=4000, files=3)
    for number in range(100):
        await journal.record_delivery(make_delivery(number, b"x" * 100))
    await journal.close()
    files = sorted(journal.folder.glob("*.jsonl"))  # journal.lock sits beside them
    assert [f.name for f in files] == ["journal.1.jsonl", "journal.2.jsonl", "journal.jsonl"]
    assert all(f.stat().st_size <= 4000 for f in files)
    ids = [d.delivery_id for d in await journal.deliveries()]
    assert ids[0] == "d-99"
    assert ids == [f"d-{n}" for n in range(99, 99 - len(ids), -1)]
    assert 20 < len(ids) < 100


@pytest.mark.slow
async def test_kill_9_after_the_answers_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "webhooks"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(Path(__file__).with_name("listener_process.py")),
        str(folder),
        stdout=asyncio.subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert process.stdout is not None
        url = (await asyncio.wait_for(process.stdout.readline(), 30)).decode().strip()
        assert url.startswith("http://127.0.0.1:")
        count = 60
        async with httpx.AsyncClient(timeout=10) as client:
            responses = await asyncio.gather(
                *(
                    client.post(
                        url,
                        content=payload("lead_add"),
                        headers={**AMO_HEADERS, "X-Amocrm-Requestid": f"kill-{n}"},
                    )
                    for n in range(count)
                )
            )
        assert [r.status_code for r in responses] == [200] * count
    finally:
        process.send_signal(signal.SIGKILL)
        await process.wait()
    assert process.returncode == -signal.SIGKILL

    restarted = WebhookJournal(folder)
    ids = {d.delivery_id for d in await restarted.deliveries()}
    assert ids == {f"kill-{n}" for n in range(count)}
    await restarted.record_delivery(make_delivery(1))
    assert len(await restarted.deliveries()) == count + 1
    await restarted.close()


def _ids(journal: WebhookJournal) -> list[str]:
    return [str(record["id"]) for record in journal.iter_records("probe")]


async def test_an_append_racing_close_is_written_and_the_journal_stays_usable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The GUI closes the journal on a profile switch while a replay may still record its
    # result: the append lands after the old writer thread ended but before close() returned.
    journal = WebhookJournal(tmp_path / "webhooks", durable=False)
    await journal.append({"kind": "probe", "id": "before"})
    first_writer = journal._thread
    assert first_writer is not None
    writing, proceed = threading.Event(), threading.Event()
    real_write_all = journal_module._write_all

    def write_all_held(fd: int, data: bytes) -> None:
        if b'"racing"' in data:
            writing.set()
            assert proceed.wait(5)
        real_write_all(fd, data)

    monkeypatch.setattr(journal_module, "_write_all", write_all_held)
    closing = asyncio.create_task(journal.close())
    await asyncio.sleep(0)  # close() runs up to its first await: it has asked the writer to stop
    # Blocking the loop on purpose: whatever close() does once the writer has ended must wait.
    first_writer.join(timeout=5)
    assert not first_writer.is_alive()
    racing = journal._submit(record_line, {"kind": "probe", "id": "racing"})
    assert writing.wait(5)  # a new writer thread holds the racing record, about to write it
    await asyncio.wait_for(asyncio.shield(closing), 5)
    proceed.set()
    await asyncio.wait_for(racing, 5)  # written, not failed on a descriptor closed under it
    await journal.append({"kind": "probe", "id": "after"})
    await journal.close()
    assert journal._thread is None and journal._fd is None
    assert _ids(journal) == ["after", "racing", "before"]


def _unexpected_line(item: object) -> bytes:
    raise LookupError(f"no line for {item!r}")


async def test_an_unexpected_encoding_error_fails_only_its_own_append(
    journal: WebhookJournal,
) -> None:
    good = [journal._submit(record_line, {"kind": "probe", "id": str(n)}) for n in range(3)]
    bad = journal._submit(_unexpected_line, "x")
    with pytest.raises(LookupError):
        await asyncio.wait_for(bad, 5)
    await asyncio.wait_for(asyncio.gather(*good), 5)
    await asyncio.wait_for(journal.append({"kind": "probe", "id": "later"}), 5)
    assert _ids(journal) == ["later", "2", "1", "0"]


class _Unexpected(Exception):
    pass


async def test_a_write_failing_with_any_exception_fails_the_batch_not_the_writer(
    journal: WebhookJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    await journal.append({"kind": "probe", "id": "first"})
    real_write_all = journal_module._write_all

    def write_all_once_broken(fd: int, data: bytes) -> None:
        monkeypatch.setattr(journal_module, "_write_all", real_write_all)
        raise _Unexpected("not an OSError")

    monkeypatch.setattr(journal_module, "_write_all", write_all_once_broken)
    with pytest.raises(OSError) as failure:  # what every caller handles: "not durable"
        await asyncio.wait_for(journal.append({"kind": "probe", "id": "lost"}), 5)
    assert isinstance(failure.value.__cause__, _Unexpected)
    # The writer survived (or was replaced): a later append neither hangs nor fails.
    await asyncio.wait_for(journal.append({"kind": "probe", "id": "later"}), 5)
    assert _ids(journal) == ["later", "first"]


class _Fatal(BaseException):
    pass


async def test_a_writer_killed_by_a_base_exception_settles_everything_and_is_replaced(
    journal: WebhookJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    unhandled: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda hook: unhandled.append(hook.exc_value))
    real_write_all = journal_module._write_all

    def write_all_fatal(fd: int, data: bytes) -> None:
        monkeypatch.setattr(journal_module, "_write_all", real_write_all)
        raise _Fatal

    monkeypatch.setattr(journal_module, "_write_all", write_all_fatal)
    with pytest.raises(OSError) as failure:
        await asyncio.wait_for(journal.append({"kind": "probe", "id": "lost"}), 5)
    assert isinstance(failure.value.__cause__, _Fatal)
    await asyncio.wait_for(journal.append({"kind": "probe", "id": "later"}), 5)
    await asyncio.wait_for(journal.close(), 5)
    assert journal._thread is None
    assert _ids(journal) == ["later"]
    assert [type(error) for error in unhandled] == [_Fatal]  # reported, not swallowed


async def test_after_a_short_write_the_next_record_starts_on_a_line_of_its_own(
    journal: WebhookJournal, monkeypatch: pytest.MonkeyPatch
) -> None:
    await journal.append({"kind": "probe", "id": "first"})
    real_write = os.write
    calls = 0

    def write_until_the_disk_is_full(fd: int, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 1:  # the disk takes part of the batch ...
            return real_write(fd, bytes(data)[: len(data) // 2])
        monkeypatch.setattr(os, "write", real_write)
        raise OSError(errno.ENOSPC, "No space left on device")  # ... and then nothing

    monkeypatch.setattr(os, "write", write_until_the_disk_is_full)
    with pytest.raises(OSError) as failure:
        await asyncio.wait_for(journal.append({"kind": "probe", "id": "torn", "pad": "x" * 99}), 5)
    assert failure.value.errno == errno.ENOSPC
    await asyncio.wait_for(journal.append({"kind": "probe", "id": "acknowledged"}), 5)
    assert _ids(journal) == ["acknowledged", "first"]
    assert (journal.folder / "journal.jsonl").read_bytes().endswith(b"\n")


async def test_a_profile_folder_moved_away_while_listening_is_not_recreated(
    tmp_path: Path,
) -> None:
    # A rename or deletion of the profile while a listener runs: records written after it
    # would land in a recreated folder that no reader opens.
    folder = tmp_path / "profiles" / "default" / "webhooks"
    journal = WebhookJournal(folder)
    try:
        await journal.record_delivery(make_delivery(1))
        (tmp_path / "profiles" / "default").rename(tmp_path / "profiles" / "shop")
        with pytest.raises(OSError):
            await journal.record_delivery(make_delivery(2))
        assert not folder.exists()
    finally:
        await journal.close()
    moved = WebhookJournal(tmp_path / "profiles" / "shop" / "webhooks")
    assert [d.delivery_id for d in await moved.deliveries()] == ["d-1"]
