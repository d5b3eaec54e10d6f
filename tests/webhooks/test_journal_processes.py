"""Two processes append to one journal while both rotate it: no record is lost, doubled or torn."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from amo_desktop.core.webhooks.journal import WebhookJournal

ROOT = Path(__file__).resolve().parents[2]
WRITERS = ("a", "b")
PER_WRITER = 400
# About 15 records a file, so each writer rotates dozens of times while the other one appends;
# enough files are kept that rotation never drops a record (retention is not under test).
MAX_BYTES = 800
FILES = 200
TIME_LIMIT = 60.0


def start_writer(folder: Path, writer: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("journal_writer_process.py")),
            str(folder),
            writer,
            str(PER_WRITER),
            str(MAX_BYTES),
            str(FILES),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_two_processes_rotating_one_journal_keep_every_record_exactly_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "webhooks"
    writers = [start_writer(folder, name) for name in WRITERS]
    try:
        for process in writers:
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
        for process in writers:  # both start appending at once
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        for process in writers:
            output, errors = process.communicate(timeout=TIME_LIMIT)
            assert (process.returncode, output) == (0, "done\n"), errors[-2000:]
    finally:
        for process in writers:
            if process.poll() is None:
                process.kill()
                process.wait()

    journal_files = sorted(folder.glob("journal*.jsonl"))
    assert 20 < len(journal_files) < FILES  # both rotated often, and none was dropped
    for path in journal_files:
        data = path.read_bytes()
        assert data.endswith(b"\n"), f"{path.name} ends in a torn line"
        for line in data.splitlines():
            json.loads(line)  # whole lines only: nothing glued or cut

    fresh = WebhookJournal(folder, files=FILES)
    seen = Counter((r["writer"], r["number"]) for r in fresh.iter_records("probe"))
    expected = {(writer, number) for writer in WRITERS for number in range(PER_WRITER)}
    assert set(seen) == expected, f"lost: {sorted(expected - set(seen))[:10]}"
    assert max(seen.values()) == 1, f"doubled: {[k for k, c in seen.items() if c > 1][:10]}"
