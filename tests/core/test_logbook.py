"""The activity log masks everything, keeps a bounded memory, rotates its file, and records
real HTTP exchanges with the sandbox."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import httpx

from amo_desktop.core.logbook import Logbook, LogEntry
from amo_desktop.core.redact import Redactor
from amo_desktop.sandbox import SandboxServer

SECRET = "the-client-secret-0123456789"


def test_entries_are_masked_in_memory_and_on_disk(tmp_path: Path) -> None:
    logbook = Logbook.under(tmp_path, redactor=Redactor([SECRET]))
    entry = logbook.record(
        "token", f"refreshed with {SECRET}", body=f'{{"client_secret":"{SECRET}"}}'
    )
    logbook.note("plain info")
    logbook.error("it broke", detail="refresh_token=def50200abcdef0123456789abcdef")
    logbook.close()
    assert logbook.path is not None and logbook.path == tmp_path / "logs" / "activity.log"
    on_disk = logbook.path.read_text(encoding="utf-8")
    assert SECRET not in on_disk and SECRET not in repr(logbook.recent())
    assert "def50200abcdef0123456789abcdef" not in on_disk
    assert [e.kind for e in logbook.recent()] == ["token", "info", "error"]
    assert json.loads(on_disk.splitlines()[0])["kind"] == "token"
    assert entry.fields["body"].startswith('{"client_secret":"')
    assert stat.S_IMODE(logbook.path.stat().st_mode) == 0o600


def test_ring_buffer_recent_and_format_lines() -> None:
    clock = iter(range(1_700_000_000, 1_700_001_000))
    logbook = Logbook(None, Redactor(), capacity=3, clock=lambda: float(next(clock)))
    for index in range(5):
        logbook.note(f"line {index}")
    assert [e.message for e in logbook.recent()] == ["line 2", "line 3", "line 4"]
    assert [e.message for e in logbook.recent(2)] == ["line 3", "line 4"]
    assert logbook.recent(0) == []
    lines = logbook.format_lines(1)
    assert len(lines) == 1 and lines[0].endswith("[info] line 4")


def test_file_rotates_by_size(tmp_path: Path) -> None:
    path = tmp_path / "activity.log"
    logbook = Logbook(path, Redactor(), max_bytes=2_000, backups=2)
    for index in range(100):
        logbook.note(f"entry number {index} " + "x" * 50)
    logbook.close()
    assert path.exists() and (tmp_path / "activity.log.1").exists()
    assert (tmp_path / "activity.log.2").exists() and not (tmp_path / "activity.log.3").exists()
    assert path.stat().st_size <= 2_000


def test_subscribers_get_live_entries_and_can_leave() -> None:
    logbook = Logbook(None, Redactor())
    seen: list[LogEntry] = []
    unsubscribe = logbook.subscribe(seen.append)

    def broken(entry: LogEntry) -> None:
        raise RuntimeError("window closed")

    logbook.subscribe(broken)
    logbook.note("one")
    logbook.note("two")  # the broken subscriber was dropped and did not stop anything
    unsubscribe()
    logbook.note("three")
    assert [e.message for e in seen] == ["one", "two"]


async def test_httpx_hooks_record_sandbox_exchanges(sandbox: SandboxServer) -> None:
    logbook = Logbook(None, Redactor())
    seen: list[LogEntry] = []
    logbook.subscribe(seen.append)
    async with httpx.AsyncClient(event_hooks=logbook.httpx_hooks()) as client:
        response = await client.get(
            f"{sandbox.base_url}/api/v4/account",
            params={"with": "users", "access_token": "eyJhbGciOiJI.eyJzdWIiOiIx.c2lnbmF0dXJl"},
            headers={"Authorization": "Bearer not-a-real-token-but-secret"},
        )
    [entry] = seen
    assert entry.kind == "http"
    assert entry.fields["method"] == "GET"
    assert entry.fields["status"] == str(response.status_code)
    # Every query value is hidden, names kept: a secret may sit under any name (?sig=, ?key=).
    assert entry.fields["path"] == "/api/v4/account?with=••••&access_token=••••"
    assert "eyJhbGciOiJI" not in entry.message and "c2lnbmF0dXJl" not in entry.message
    assert "not-a-real-token" not in repr(entry)
    assert f"-> {response.status_code} (" in entry.message and "ms)" in entry.message


async def test_httpx_hooks_hide_query_values_under_any_name(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    logbook = Logbook.under(tmp_path, redactor=Redactor())
    async with httpx.AsyncClient(event_hooks=logbook.httpx_hooks()) as client:
        await client.get(f"{sandbox.base_url}/api/v4/account?key=kk55555&sig=zz4444&flag")
    logbook.close()
    [entry] = logbook.recent()
    assert entry.fields["path"] == "/api/v4/account?key=••••&sig=••••&flag"
    on_disk = "".join(path.read_text() for path in tmp_path.rglob("activity.log*"))
    assert "/api/v4/account?key=" in on_disk
    assert "kk55555" not in on_disk + repr(entry) and "zz4444" not in on_disk + repr(entry)
