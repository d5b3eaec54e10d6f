"""Reading request bodies the way amo does: JSON for the API, JSON or a form for OAuth."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

EMPTY = object()


class BadBody(Exception):
    """The body is not JSON."""


async def read_json(request: web.Request) -> Any:
    """The decoded body, or ``EMPTY`` when there is none."""
    raw = await request.read()
    if not raw.strip():
        return EMPTY
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadBody(str(error)) from error


async def read_json_or_form(request: web.Request) -> dict[str, Any]:
    """The token endpoint takes both (fact sheet 1.5, maintainer's word)."""
    if request.content_type == "application/x-www-form-urlencoded":
        form = await request.post()
        return {key: str(value) for key, value in form.items()}
    value = await read_json(request)
    if value is EMPTY:
        return {}
    if not isinstance(value, dict):
        raise BadBody("the body is not a JSON object")
    return value
