"""A program that changes one field of a stored profile, stopping where a race can bite.

Run as ``python -m tests.core.config_writer_worker <home> <role>``:

- role ``first`` sets ``account_id``/``account_name``; right after it has read the settings
  file for that change it prints ``read`` and waits for a line on stdin before going on;
- role ``second`` sets ``redirect_uri``; it prints ``locking`` just before it asks for the
  settings lock, then goes on without waiting.

Both print ``done`` at the end. The parent test orders them through these lines, so the
interleaving is the same on every run and nothing sleeps.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from amo_desktop.core.config import ConfigStore, Document

SECOND_REDIRECT_URI = "http://127.0.0.1:49000/callback"
FIRST_ACCOUNT_ID = 31415926
FIRST_ACCOUNT_NAME = "Демо-компанія"


def pause_after_first_read() -> None:
    real_read = ConfigStore._read
    reads = 0

    def read_then_wait(store: ConfigStore) -> Document:
        nonlocal reads
        document = real_read(store)
        reads += 1
        if reads == 1:
            print("read", flush=True)
            sys.stdin.readline()
        return document

    ConfigStore._read = read_then_wait  # type: ignore[method-assign]


def announce_locking() -> None:
    real_editing = ConfigStore._editing

    @contextlib.contextmanager
    def announced(store: ConfigStore) -> Iterator[Document]:
        print("locking", flush=True)
        with real_editing(store) as document:
            yield document

    ConfigStore._editing = announced  # type: ignore[method-assign]


def main(home: Path, role: str) -> None:
    store = ConfigStore(home)
    if role == "first":
        pause_after_first_read()
        store.update("default", account_id=FIRST_ACCOUNT_ID, account_name=FIRST_ACCOUNT_NAME)
    else:
        announce_locking()
        store.update("default", redirect_uri=SECOND_REDIRECT_URI)
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
