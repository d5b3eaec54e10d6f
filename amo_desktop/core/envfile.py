"""Read and update a backend's ``.env`` file (the AMO_* settings).

This is the one place where a secret is written to a file, because the user explicitly asks
for their backend's ``.env``. Merging keeps every other line, comment and the order; the file
is replaced atomically and left readable by the owner only.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from amo_desktop.core.errors import AmoError, ErrorCode

_ASSIGNMENT = re.compile(r"^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")
_BARE_VALUE = re.compile(r"[A-Za-z0-9_./:@%+,=~-]*")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
# Every character str.splitlines() ends a line at: written raw, one would let a value (a pasted
# secret, the server's api_domain) start a line of its own, i.e. inject another AMO_* setting.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")


@dataclass(frozen=True, repr=False)
class EnvImport:
    """The AMO_* values found in a ``.env`` file (any of them may be missing)."""

    path: Path
    domain: str | None
    client_id: str | None
    client_secret: str | None
    redirect_uri: str | None
    account_id: str | None
    api_domain: str | None
    values: Mapping[str, str] = field(default_factory=dict)
    """Every non-empty ``AMO_*`` assignment, including ones not named above."""

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.values.get(key, default)

    def __repr__(self) -> str:
        secret = "<hidden>" if self.client_secret else None
        return (
            f"EnvImport(path={str(self.path)!r}, domain={self.domain!r}, "
            f"client_id={self.client_id!r}, client_secret={secret}, "
            f"redirect_uri={self.redirect_uri!r}, account_id={self.account_id!r}, "
            f"api_domain={self.api_domain!r})"
        )


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if raw[:1] == "'":
        end = raw.find("'", 1)
        return raw[1:end] if end > 0 else raw[1:]
    if raw[:1] == '"':
        value: list[str] = []
        index = 1
        while index < len(raw) and raw[index] != '"':
            if raw[index] == "\\" and index + 1 < len(raw):
                index += 1
                if raw[index] == "u" and _HEX4.fullmatch(raw, index + 1, index + 5):
                    value.append(chr(int(raw[index + 1 : index + 5], 16)))
                    index += 4
                else:
                    value.append(_ESCAPES.get(raw[index], "\\" + raw[index]))
            else:
                value.append(raw[index])
            index += 1
        return "".join(value)
    # Unquoted: an inline comment starts at " #".
    return re.split(r"\s+#", raw, maxsplit=1)[0].strip()


def parse_env(text: str) -> dict[str, str]:
    """All ``KEY=value`` assignments; later ones win, like the common loaders."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        match = _ASSIGNMENT.match(line)
        if match and not line.lstrip().startswith("#"):
            values[match.group(3)] = _unquote(match.group(4))
    return values


def read_env(path: Path) -> EnvImport:
    """Read the AMO_* settings; ENV_FILE_NOT_FOUND or ENV_FILE_INVALID when unusable."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        raise AmoError(ErrorCode.ENV_FILE_NOT_FOUND, {"path": str(path)}) from None
    except (OSError, UnicodeDecodeError) as error:
        raise AmoError(
            ErrorCode.ENV_FILE_INVALID, {"path": str(path)}, debug=type(error).__name__
        ) from None
    values = {k: v for k, v in parse_env(text).items() if k.startswith("AMO_") and v}
    if not values:
        raise AmoError(ErrorCode.ENV_FILE_INVALID, {"path": str(path)}, debug="no AMO_ keys")
    return EnvImport(
        path=path,
        domain=values.get("AMO_DOMAIN"),
        client_id=values.get("AMO_CLIENT_ID"),
        client_secret=values.get("AMO_CLIENT_SECRET"),
        redirect_uri=values.get("AMO_REDIRECT_URI"),
        account_id=values.get("AMO_ACCOUNT_ID"),
        api_domain=values.get("AMO_API_DOMAIN"),
        values=values,
    )


def format_value(value: str) -> str:
    """Bare when safe, else single-quoted (no interpolation), else double-quoted with every line
    break escaped (``\\n``, ``\\r``, else ``\\uXXXX``), so a value always stays on its line."""
    if _BARE_VALUE.fullmatch(value):
        return value
    if "'" not in value and not _LINE_BREAKS.search(value):
        return f"'{value}'"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = _LINE_BREAKS.sub(_escaped_break, escaped)
    return f'"{escaped}"'


def _escaped_break(match: re.Match[str]) -> str:
    character = match.group(0)
    return {"\n": "\\n", "\r": "\\r"}.get(character, f"\\u{ord(character):04x}")


_LINE: Final = re.compile(r"[^\n]*\n|[^\n]+\Z")


def merge_env(path: Path, values: Mapping[str, str], *, force: bool = False) -> Path:
    """Write ``values`` into ``path``: replace those keys in place, append the new ones.

    An existing file whose values for these keys differ is only changed with ``force``
    (else ENV_FILE_EXISTS); a missing file is created; ENV_FILE_NOT_WRITABLE when it cannot be.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:  # keep CRLF visible
            original = handle.read()
    except (FileNotFoundError, NotADirectoryError):  # nothing there yet: writing will tell
        original = ""
    except (OSError, UnicodeDecodeError) as error:
        raise AmoError(
            ErrorCode.ENV_FILE_INVALID, {"path": str(path)}, debug=type(error).__name__
        ) from None
    existing = parse_env(original)
    differing = [k for k, v in values.items() if k in existing and existing[k] != v]
    if differing and not force:
        keys = ", ".join(sorted(differing))  # names only: the values may be secrets
        raise AmoError(
            ErrorCode.ENV_FILE_EXISTS, {"path": str(path), "keys": keys}, debug=f"differs: {keys}"
        )
    newline = "\r\n" if "\r\n" in original else "\n"
    # Split at line feeds only, each line keeping its own ending: str.splitlines would also
    # split at form feeds or U+2028 inside other values, and rejoining every line with one
    # ending would rewrite a multi-line quoted value that has the other kind.
    lines = _LINE.findall(original)
    written: set[str] = set()
    for index, line in enumerate(lines):
        content = line.rstrip("\r\n")
        match = _ASSIGNMENT.match(content)
        if match and match.group(3) in values and not content.lstrip().startswith("#"):
            indent, export, key = match.group(1), match.group(2) or "", match.group(3)
            ending = line[len(content) :] or newline
            lines[index] = f"{indent}{export}{key}={format_value(values[key])}{ending}"
            written.add(key)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    lines += [
        f"{key}={format_value(value)}{newline}"
        for key, value in values.items()
        if key not in written
    ]
    try:
        _write_private(path, "".join(lines))
    except OSError as error:  # a read-only share, a missing drive, a full disk
        raise AmoError(
            ErrorCode.ENV_FILE_NOT_WRITABLE,
            {"path": str(path)},
            debug=f"{type(error).__name__}: {error.strerror or error}",
        ) from None
    return path


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".env-", dir=path.parent)
    try:
        os.chmod(temporary, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
