"""The journal's record types and their JSON form.

Bodies are stored as latin-1 text: every byte maps to one code point, so the record is
byte-exact and an ASCII form body stays readable in the file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from json.encoder import encode_basestring
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

from amo_desktop.core.webhooks.events import Delivery

DELIVERY: Final = "delivery"
FORWARD: Final = "forward"
REJECTION: Final = "rejection"

JsonRecord = dict[str, Any]


class RejectReason(StrEnum):
    """Why the receiver refused a request. Stable words: counters and the GUI key on them."""

    NOT_FOUND = "not_found"  # 404: another path
    BAD_SECRET = "bad_secret"  # noqa: S105 - 403: missing or wrong ?secret=
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"  # 415
    EMPTY_BODY = "empty_body"  # 400
    BAD_BODY = "bad_body"  # 400: broken escapes, invalid UTF-8, malformed keys
    TOO_LARGE = "too_large"  # 413
    TIMEOUT = "timeout"  # 408: the sender was too slow with the body
    INCOMPLETE_BODY = "incomplete_body"  # 400: the sender hung up before the whole body came
    STORAGE_FAILED = "storage_failed"  # 500: the journal could not be written


@dataclass(frozen=True)
class ForwardResult:
    """What the forward (or replay) target answered for one delivery."""

    delivery_id: str
    target: str
    status: int | None
    elapsed_ms: float
    error: str | None
    at: float
    replay: bool = False

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass(frozen=True)
class Rejection:
    """A refused request: why, what it looked like, when. Never its body or secret."""

    reason: str
    status: int
    method: str
    path: str
    size: int
    remote: str
    at: float
    detail: str = ""


def public_url(url: str) -> str:
    """A URL safe to record: the query and any user:password part are dropped.

    Never raises: the host and port are kept as written (not parsed), so even a target
    that can never work (``:99999``) is recorded with the failure it caused.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # such as an unclosed [ in the host: keep the scheme only
        return url.partition(":")[0] + ":"
    netloc = parts.netloc.rpartition("@")[2].lower()
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def delivery_record(delivery: Delivery) -> JsonRecord:
    return {
        "kind": DELIVERY,
        "id": delivery.delivery_id,
        "received_at": delivery.received_at,
        "remote": delivery.remote,
        "method": delivery.method,
        "path": delivery.path,
        "query": [list(pair) for pair in delivery.query],
        "headers": [list(pair) for pair in delivery.headers],
        "body_latin1": delivery.body.decode("latin-1"),
    }


# The journal's JSON form: compact, UTF-8, non-ASCII kept as is.
LINE_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def record_line(record: JsonRecord) -> bytes:
    """One record as one journal line."""
    return LINE_ENCODER.encode(record).encode() + b"\n"


def forward_line(result: ForwardResult) -> bytes:
    return record_line(forward_record(result))


def rejection_line(rejection: Rejection) -> bytes:
    return record_line(rejection_record(rejection))


def delivery_line(delivery: Delivery) -> bytes:
    """``record_line(delivery_record(delivery))``, byte for byte, at a third of the cost.

    It runs for every delivery before the answer goes out. The general encoder walks a fresh
    dict and lists; here the line's fixed frame is literal text and only the strings are
    escaped, with the same C function (``encode_basestring``) that encoder uses.
    """
    if not math.isfinite(delivery.received_at):  # JSON has no literal for these
        return record_line(delivery_record(delivery))
    return (
        '{"kind":"delivery","id":'
        f"{encode_basestring(delivery.delivery_id)}"
        f',"received_at":{delivery.received_at!r}'
        f',"remote":{encode_basestring(delivery.remote)}'
        f',"method":{encode_basestring(delivery.method)}'
        f',"path":{encode_basestring(delivery.path)}'
        f',"query":{_pairs(delivery.query)}'
        f',"headers":{_pairs(delivery.headers)}'
        f',"body_latin1":{_body_text(delivery.body)}'
        "}\n"
    ).encode()


# Maps every byte JSON must escape (controls, quote, backslash) to NUL and leaves the rest.
_ESCAPED_TO_NUL: Final = bytes(0 if byte < 0x20 or byte in b'"\\' else byte for byte in range(256))


def _body_text(body: bytes) -> str:
    # A form body is percent-encoded ASCII: the common case needs no escaping, and finding
    # that out with one translate (C) costs half of escaping it character by character.
    if b"\0" in body.translate(_ESCAPED_TO_NUL):
        return encode_basestring(body.decode("latin-1"))
    return f'"{body.decode("latin-1")}"'


def _pairs(pairs: Iterable[tuple[str, str]]) -> str:
    escape = encode_basestring
    return "[" + ",".join(f"[{escape(key)},{escape(value)}]" for key, value in pairs) + "]"


def delivery_from(record: JsonRecord) -> Delivery:
    return Delivery(
        delivery_id=str(record["id"]),
        received_at=float(record["received_at"]),
        remote=str(record["remote"]),
        method=str(record["method"]),
        path=str(record["path"]),
        query=tuple((str(k), str(v)) for k, v in record["query"]),
        headers=tuple((str(k), str(v)) for k, v in record["headers"]),
        body=str(record["body_latin1"]).encode("latin-1"),
    )


def forward_record(result: ForwardResult) -> JsonRecord:
    return {
        "kind": FORWARD,
        "delivery_id": result.delivery_id,
        "target": public_url(result.target),
        "status": result.status,
        "elapsed_ms": round(result.elapsed_ms, 1),
        "error": result.error,
        "at": result.at,
        "replay": result.replay,
    }


def forward_from(record: JsonRecord) -> ForwardResult:
    status = record.get("status")
    return ForwardResult(
        delivery_id=str(record["delivery_id"]),
        target=str(record["target"]),
        status=int(status) if status is not None else None,
        elapsed_ms=float(record["elapsed_ms"]),
        error=record.get("error"),
        at=float(record["at"]),
        replay=bool(record.get("replay", False)),
    )


def rejection_record(rejection: Rejection) -> JsonRecord:
    return {
        "kind": REJECTION,
        "reason": rejection.reason,
        "status": rejection.status,
        "method": rejection.method,
        "path": rejection.path,
        "size": rejection.size,
        "remote": rejection.remote,
        "at": rejection.at,
        "detail": rejection.detail,
    }


def rejection_from(record: JsonRecord) -> Rejection:
    return Rejection(
        reason=str(record["reason"]),
        status=int(record["status"]),
        method=str(record["method"]),
        path=str(record["path"]),
        size=int(record["size"]),
        remote=str(record["remote"]),
        at=float(record["at"]),
        detail=str(record.get("detail", "")),
    )
