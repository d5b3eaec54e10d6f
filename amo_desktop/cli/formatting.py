"""Turning core results into printable values: local times, durations, JSON-ready dicts."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.output import Output
    from amo_desktop.core.models import TokenInfo


def local_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def iso_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).astimezone().isoformat(timespec="seconds")


def duration(seconds: float, out: Output) -> str:
    """``3 d 4 h``, ``2 h 5 min``, ``40 s``: the two largest units, in the run's language."""
    remaining = max(0, round(abs(seconds)))
    parts: list[str] = []
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60), ("seconds", 1)):
        count, remaining = divmod(remaining, size)
        if count or parts or unit == "seconds":
            parts.append(out.t(f"duration_{unit}", n=count))
        if len(parts) == 2:
            break
    if len(parts) == 2 and parts[1].startswith("0 "):
        parts.pop()  # "1 d", not "1 d 0 h"
    return " ".join(parts)


def token_payload(token: TokenInfo) -> dict[str, object]:
    """What scripts get about a token: kind, owner, expiry; never the token itself."""
    return {
        "kind": str(token.kind),
        "owner": str(token.owner),
        "expires_at": iso_time(token.expires_at),
        "expires_in_seconds": int(token.expires_at - time.time()),
        "obtained_at": iso_time(token.obtained_at),
        "account_id": token.account_id,
    }
