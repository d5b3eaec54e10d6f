"""PHP-style form encoding of webhook bodies: ``leads[add][0][id]=…``, in insertion order.

amoCRM builds its webhook bodies with PHP's ``http_build_query``: nested arrays become
bracketed keys, every value is a string, and keys keep the order the fields were added in.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode


def flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(bracketed key, string value) pairs of a nested mapping/list, in order."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}[{key}]" if prefix else str(key))
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        for index, item in enumerate(value):
            yield from flatten(item, f"{prefix}[{index}]")
    elif value is None:
        yield prefix, ""
    elif isinstance(value, bool):
        yield prefix, "1" if value else "0"  # what http_build_query does with PHP booleans
    else:
        yield prefix, str(value)


def encode_form(data: Mapping[str, Any]) -> str:
    """The ``application/x-www-form-urlencoded`` body (brackets percent-encoded, as PHP does)."""
    return urlencode(list(flatten(data)))
