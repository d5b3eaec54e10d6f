"""Turn transport failures and non-2xx answers from amoCRM into :class:`AmoError`.

Every error carries a ``debug`` note for support reports: HTTP status, method and path,
amo's ``X-Request-Id`` and the server's own ``title``/``detail``/``hint``. Bodies and headers
that could hold secrets (the ``Authorization`` header, request bodies) are never copied.
"""

from __future__ import annotations

import math
import socket
import ssl
from collections.abc import Iterator
from typing import Any

import httpx

from amo_desktop.core.errors import AmoError, ErrorCode

_DNS_MARKERS = (
    "name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "temporary failure in name resolution",
    "no address associated",
)
_TLS_MARKERS = ("[ssl", "certificate_verify_failed", "tls", "wrong version number")
_REFUSED_MARKERS = ("connection refused", "actively refused", "errno 111", "errno 61")
# Longer than any wait amo asks for; the cap only stops absurd values from breaking the maths.
MAX_RETRY_AFTER_SECONDS = 3600.0


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def error_from_exception(error: httpx.HTTPError) -> AmoError:
    """Map an httpx transport exception to a person-readable error."""
    request = _request_of(error)
    host = target_host(request) if request is not None else ""
    where = f"{request.method} {host}{request.url.path}" if request is not None else "request"
    debug = f"{where}: {type(error).__name__}: {error}"
    details = {"host": host}
    if isinstance(error, httpx.TimeoutException):
        return AmoError(ErrorCode.NETWORK_TIMEOUT, details, debug=debug)
    if isinstance(error, httpx.ProxyError):
        return AmoError(ErrorCode.PROXY_FAILED, details, debug=debug)
    causes = list(_causes(error))
    text = " ".join(str(cause).lower() for cause in causes)
    if any(isinstance(cause, ssl.SSLError) for cause in causes) or any(
        marker in text for marker in _TLS_MARKERS
    ):
        return AmoError(ErrorCode.TLS_FAILED, details, debug=debug)
    if any(isinstance(cause, socket.gaierror) for cause in causes) or any(
        marker in text for marker in _DNS_MARKERS
    ):
        return AmoError(ErrorCode.DNS_FAILED, details, debug=debug)
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes) or any(
        marker in text for marker in _REFUSED_MARKERS
    ):
        return AmoError(ErrorCode.CONNECTION_REFUSED, details, debug=debug)
    return AmoError(ErrorCode.NETWORK_ERROR, details, debug=debug)


def _request_of(error: httpx.HTTPError) -> httpx.Request | None:
    try:
        return error.request
    except RuntimeError:  # httpx raises when an exception was built without a request
        return None


def target_host(request: httpx.Request) -> str:
    """The host the request was meant for (its Host header survives a rerouting proxy)."""
    return request.headers.get("host") or request.url.host


def problem_body(response: httpx.Response) -> dict[str, Any] | None:
    """The JSON object of an error answer, or ``None`` for HTML, text or an empty body."""
    content_type = response.headers.get("content-type", "").lower()
    if "json" not in content_type and not response.content.lstrip().startswith(b"{"):
        return None
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def is_html(response: httpx.Response) -> bool:
    content_type = response.headers.get("content-type", "").lower()
    return "html" in content_type or response.content.lstrip()[:1] == b"<"


def debug_note(response: httpx.Response) -> str:
    """Status, request line, request id and amo's own explanation; never a secret."""
    request = response.request
    parts = [
        f"HTTP {response.status_code} {request.method} {target_host(request)}{request.url.path}"
    ]
    request_id = response.headers.get("x-request-id")
    if request_id:
        parts.append(f"X-Request-Id {request_id}")
    body = problem_body(response)
    if body is not None:
        for key in ("title", "detail", "hint"):
            value = body.get(key)
            if isinstance(value, str) and value:
                parts.append(f"{key}: {value[:200]}")
    return "; ".join(parts)


def retry_after_seconds(response: httpx.Response) -> float | None:
    """How long amo asks us to wait: the body's ``retry_after`` or a ``Retry-After`` header.

    At most :data:`MAX_RETRY_AFTER_SECONDS`: a proxy may answer ``inf`` or a number too large
    to count in (JSON's ``1e999`` reads as infinity).
    """
    body = problem_body(response)
    candidates: list[object] = []
    if body is not None:
        candidates.append(body.get("retry_after"))
    candidates.append(response.headers.get("retry-after"))
    for value in candidates:
        try:
            seconds = float(str(value))
        except ValueError:
            continue
        if seconds >= 0:  # also skips NaN
            return min(seconds, MAX_RETRY_AFTER_SECONDS)
    return None


def _validation_paths(body: dict[str, Any]) -> list[str]:
    paths: list[str] = []
    groups = body.get("validation-errors")
    if not isinstance(groups, list):
        return paths
    for group in groups:
        errors = group.get("errors") if isinstance(group, dict) else None
        for item in errors if isinstance(errors, list) else []:
            if isinstance(item, dict):
                path = str(item.get("path", "?"))
                code = item.get("code")
                paths.append(f"{path} ({code})" if code else path)
    return paths


def error_from_response(response: httpx.Response, *, after_rate_limiting: bool = False) -> AmoError:
    """Map a non-2xx answer from the amoCRM API to a person-readable error.

    ``after_rate_limiting``: amo answered 429 shortly before. A 403 then is the account-wide
    block amo puts on repeated violations (fact sheet 6.1), whatever its body looks like.
    """
    status = response.status_code
    debug = debug_note(response)
    host = target_host(response.request)
    body = problem_body(response)
    if 300 <= status < 400:
        return AmoError(ErrorCode.WRONG_HOST, {"host": host, "status": status}, debug=debug)
    if status == 401:
        return AmoError(ErrorCode.UNAUTHORIZED, {"host": host}, debug=debug)
    if status == 402:
        return AmoError(ErrorCode.PAYMENT_REQUIRED, {"host": host}, debug=debug)
    if status == 403 and after_rate_limiting:
        return AmoError(ErrorCode.RATE_LIMIT_BLOCKED, {"host": host}, debug=debug)
    if status == 403:
        code = ErrorCode.INSUFFICIENT_RIGHTS if body is not None else ErrorCode.ACCOUNT_BLOCKED
        return AmoError(code, {"host": host}, debug=debug)
    if status == 404:
        code = ErrorCode.NOT_FOUND if body is not None else ErrorCode.WRONG_HOST
        details = {"host": host, "status": status, "path": response.request.url.path}
        return AmoError(code, details, debug=debug)
    if status == 429:
        wait = retry_after_seconds(response)
        return AmoError(
            ErrorCode.RATE_LIMITED,
            # Rounded up: a person told to wait less than amo asked would come back too soon.
            {"retry_after": math.ceil(wait) if wait is not None else ""},
            debug=debug,
        )
    if status >= 500:
        return AmoError(ErrorCode.SERVER_ERROR, {"status": status, "host": host}, debug=debug)
    if status in (400, 422) and body is not None:
        paths = _validation_paths(body)
        summary = ", ".join(paths) if paths else str(body.get("detail", ""))[:200]
        return AmoError(ErrorCode.VALIDATION_FAILED, {"fields": summary}, debug=debug)
    return AmoError(ErrorCode.BAD_RESPONSE, {"status": status, "host": host}, debug=debug)


def json_object(response: httpx.Response) -> dict[str, Any]:
    """The JSON object of a successful answer; anything else is BAD_RESPONSE."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise AmoError(
            ErrorCode.BAD_RESPONSE,
            {"status": response.status_code, "host": target_host(response.request)},
            debug=f"{debug_note(response)}; expected a JSON object",
        )
    return body
