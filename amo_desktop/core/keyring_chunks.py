"""The layout of one keyring value, possibly split into parts (see credentials.py).

Entry names: ``{profile}:{key}`` holds the value itself or a head
``amo-desktop-chunks:v1:{generation}:{parts}:{sha256 prefix}``; the parts live under
``{profile}:{key}@{generation}/{i}``. ``{profile}:__keys__`` lists the keys ever written so
that a profile can be removed completely. All functions are blocking keyring calls.
"""

from __future__ import annotations

import hashlib
import json
import secrets

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE_NAME = "amo-desktop"
INDEX_KEY = "__keys__"
_CHUNK_MARKER = "amo-desktop-chunks:v1:"
# 1,200 UTF-16 code units stay below Windows' 2,560-byte blob limit with room to spare.
MAX_PART_UNITS = 1200


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _split(value: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    units = 0
    for character in value:
        width = _utf16_units(character)
        if units + width > MAX_PART_UNITS:
            parts.append("".join(current))
            current, units = [], 0
        current.append(character)
        units += width
    parts.append("".join(current))
    return parts


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


def forget(backend: KeyringBackend, username: str) -> None:
    try:
        backend.delete_password(SERVICE_NAME, username)
    except PasswordDeleteError:
        pass  # already gone: deleting is idempotent


def _parse_head(raw: str) -> tuple[str, int, str] | None:
    if not raw.startswith(_CHUNK_MARKER):
        return None
    generation, count, digest = raw[len(_CHUNK_MARKER) :].split(":")
    return generation, int(count), digest


class IncompleteEntryError(KeyringError):
    """The parts named by a head are missing or do not match its hash."""


def read_entry(backend: KeyringBackend, entry: str) -> str | None:
    try:
        return _read_once(backend, entry)
    except IncompleteEntryError:
        # Readers take no lock. A writer stores the new head before it removes the old parts,
        # so a read that began on the old head can find those parts gone; reading again sees
        # the new head, whose parts are all written. A really damaged entry fails again.
        return _read_once(backend, entry)


def _read_once(backend: KeyringBackend, entry: str) -> str | None:
    raw = backend.get_password(SERVICE_NAME, entry)
    if raw is None:
        return None
    head = _parse_head(raw)
    if head is None:
        return raw
    generation, count, digest = head
    parts = [backend.get_password(SERVICE_NAME, f"{entry}@{generation}/{i}") for i in range(count)]
    value = "".join(part or "" for part in parts)
    if any(part is None for part in parts) or _digest(value) != digest:
        raise IncompleteEntryError(f"chunked entry {entry} is incomplete or corrupted")
    return value


def _old_parts(backend: KeyringBackend, entry: str) -> list[str]:
    raw = backend.get_password(SERVICE_NAME, entry)
    head = _parse_head(raw) if raw is not None else None
    if head is None:
        return []
    generation, count, _ = head
    return [f"{entry}@{generation}/{i}" for i in range(count)]


def write_entry(backend: KeyringBackend, entry: str, value: str) -> None:
    previous = _old_parts(backend, entry)
    if _utf16_units(value) <= MAX_PART_UNITS and not value.startswith(_CHUNK_MARKER):
        backend.set_password(SERVICE_NAME, entry, value)
    else:
        generation = secrets.token_hex(4)
        parts = _split(value)
        for index, part in enumerate(parts):
            backend.set_password(SERVICE_NAME, f"{entry}@{generation}/{index}", part)
        head = f"{_CHUNK_MARKER}{generation}:{len(parts)}:{_digest(value)}"
        backend.set_password(SERVICE_NAME, entry, head)
    for part_name in previous:
        forget(backend, part_name)


def erase_entry(backend: KeyringBackend, entry: str) -> None:
    parts = _old_parts(backend, entry)
    forget(backend, entry)
    for part_name in parts:
        forget(backend, part_name)


def known_keys(backend: KeyringBackend, profile: str) -> set[str]:
    raw = backend.get_password(SERVICE_NAME, f"{profile}:{INDEX_KEY}")
    try:
        keys = json.loads(raw) if raw else []
    except ValueError:
        keys = []
    return {key for key in keys if isinstance(key, str)}


def remember_key(backend: KeyringBackend, profile: str, key: str) -> None:
    # The index lets delete_profile find keys it was not told about; written before the value
    # so that a crash never leaves an entry nobody can find.
    known = known_keys(backend, profile)
    if key not in known:
        index = json.dumps(sorted(known | {key}))
        backend.set_password(SERVICE_NAME, f"{profile}:{INDEX_KEY}", index)
