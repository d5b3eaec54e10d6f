"""Export recorded deliveries as JSON lines or as cURL commands that resend the exact bytes."""

from __future__ import annotations

import base64
import json
import shlex
from collections.abc import Iterable, Iterator
from typing import Final

from amo_desktop.core.webhooks.events import Delivery
from amo_desktop.core.webhooks.forwarder import forward_headers

# When no URL is given, the command reads it from the shell, so no address is guessed.
URL_VARIABLE: Final = '"$WEBHOOK_URL"'


def delivery_json(delivery: Delivery) -> dict[str, object]:
    """A delivery as a JSON object: the body both as text (when it is UTF-8) and as base64."""
    try:
        text: str | None = delivery.body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    return {
        "id": delivery.delivery_id,
        "received_at": delivery.received_at,
        "remote": delivery.remote,
        "method": delivery.method,
        "path": delivery.path,
        "query": [list(pair) for pair in delivery.query],
        "headers": [list(pair) for pair in delivery.headers],
        "body": text,
        "body_base64": base64.b64encode(delivery.body).decode("ascii"),
    }


def to_jsonl(deliveries: Iterable[Delivery]) -> Iterator[str]:
    """One JSON document per line (no trailing newline on the items)."""
    for delivery in deliveries:
        yield json.dumps(delivery_json(delivery), ensure_ascii=False, separators=(",", ":"))


def curl_command(delivery: Delivery, url: str | None = None) -> str:
    """A shell command that POSTs exactly the recorded bytes and amoCRM headers to ``url``.

    A printable single-line body goes in ``--data-raw`` with shell quoting; anything else is
    piped in by ``printf`` with octal escapes, since argv cannot carry every byte.
    """
    target = shlex.quote(url) if url else URL_VARIABLE
    headers = " ".join(
        f"-H {_header_argument(name, value)}" for name, value in forward_headers(delivery)
    )
    if _fits_argv(delivery.body):
        data = f"--data-raw {shlex.quote(delivery.body.decode('ascii'))}"
        return f"curl -sS -X POST {target} {headers} {data}"
    body = _octal(delivery.body)
    return f"printf '{body}' | curl -sS -X POST {target} {headers} --data-binary @-"


def to_curl(deliveries: Iterable[Delivery], url: str | None = None) -> Iterator[str]:
    for delivery in deliveries:
        yield f"# {delivery.delivery_id}\n{curl_command(delivery, url)}"


def _header_argument(name: str, value: str) -> str:
    # Header text is latin-1 (one code point per recorded byte). A line that is not plain
    # ASCII would reach curl as the terminal's UTF-8, so its bytes are made by printf instead.
    line = f"{name}: {value}".encode("latin-1")
    if _fits_argv(line):
        return shlex.quote(line.decode("ascii"))
    return f"\"$(printf '{_octal(line)}')\""


def _octal(data: bytes) -> str:
    """``data`` as printf octal escapes: every byte survives any shell and any locale."""
    return "".join(f"\\{byte:03o}" for byte in data)


def _fits_argv(body: bytes) -> bool:
    # curl's --data-raw sends the argument as is; '@' is only special for --data.
    return body.isascii() and all(32 <= byte < 127 for byte in body)
