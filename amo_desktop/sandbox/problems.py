"""amoCRM's error bodies: ``application/problem+json`` (fact sheet 1.6, 4.2, 6.2)."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

PROBLEM_JSON = "application/problem+json"
HAL_JSON = "application/hal+json"
OAUTH_PROBLEM_TYPE = "https://developers.amocrm.ru/v3/errors/OAuthProblemJson"

TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "ErrInternalServer",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

DETAILS = {
    401: "Неверный логин или пароль",
    402: "Payment required",
    403: "Access denied",
    429: "You have sent too many requests in a given amount of time. Please try again later.",
    500: "Internal server error",
}


def _json_response(
    body: dict[str, Any] | list[Any], status: int, content_type: str
) -> web.Response:
    return web.Response(
        status=status,
        body=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        content_type=content_type,
        charset="utf-8",
    )


def hal(body: dict[str, Any] | list[Any], status: int = 200) -> web.Response:
    return _json_response(body, status, HAL_JSON)


def problem(status: int, detail: str | None = None, **extra: Any) -> web.Response:
    body: dict[str, Any] = {
        "title": TITLES.get(status, "Error"),
        "type": f"https://httpstatus.es/{status}",
        "status": status,
        "detail": detail if detail is not None else DETAILS.get(status, TITLES.get(status, "")),
    }
    body.update(extra)
    return _json_response(body, status, PROBLEM_JSON)


def unauthorized() -> web.Response:
    return problem(401)


def too_many_requests(retry_after: int) -> web.Response:
    # The body's retry_after is documented; the header is unconfirmed, so send both.
    response = problem(429, retry_after=retry_after)
    response.headers["Retry-After"] = str(retry_after)
    return response


def validation_failed(errors: list[dict[str, Any]]) -> web.Response:
    # amo puts "validation-errors" first; keep that order for people reading raw bodies.
    body: dict[str, Any] = {
        "validation-errors": errors,
        "title": "Bad Request",
        "type": "https://httpstatus.es/400",
        "status": 400,
        "detail": "Request validation failed",
    }
    return _json_response(body, 400, PROBLEM_JSON)


def invalid_type(expected: str) -> web.Response:
    """The 400 for a JSON body of the wrong shape (``expected`` is "array" or "object")."""
    return validation_failed(
        [
            {
                "request_id": "0",
                "errors": [
                    {
                        "code": "InvalidType",
                        "path": "",
                        "detail": f"This value should be of type {expected}.",
                    }
                ],
            }
        ]
    )


def oauth_problem(status: int, title: str, detail: str, hint: str | None) -> web.Response:
    body: dict[str, Any] = {}
    if hint is not None:
        body["hint"] = hint
    body.update({"title": title, "type": OAUTH_PROBLEM_TYPE, "status": status, "detail": detail})
    return _json_response(body, status, PROBLEM_JSON)
