"""Transport failures on real sockets, and answer mapping for shapes the sandbox can't make."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.http_errors import error_from_exception, error_from_response


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def failure(url: str, **client_options: object) -> AmoError:
    async with httpx.AsyncClient(trust_env=False, **client_options) as client:  # type: ignore[arg-type]
        with pytest.raises(httpx.HTTPError) as caught:
            await client.get(url)
    return error_from_exception(caught.value)


async def test_connection_refused() -> None:
    error = await failure(f"http://127.0.0.1:{closed_port()}/api/v4/account")
    assert error.code is ErrorCode.CONNECTION_REFUSED
    assert error.details["host"].startswith("127.0.0.1:")


async def test_dns_failure() -> None:
    error = await failure("http://no-such-host.invalid/api/v4/account")
    assert error.code is ErrorCode.DNS_FAILED


async def test_read_timeout_on_a_silent_server() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1024)
        await asyncio.Event().wait()  # never answers

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        error = await failure(f"http://127.0.0.1:{port}/", timeout=0.3)
    finally:
        server.close()
    assert error.code is ErrorCode.NETWORK_TIMEOUT


async def test_tls_failure_against_a_plain_http_port() -> None:
    async def plain(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1024)
        writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(plain, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        error = await failure(f"https://127.0.0.1:{port}/")
    finally:
        server.close()
    assert error.code is ErrorCode.TLS_FAILED


async def test_proxy_failure() -> None:
    proxy = f"http://127.0.0.1:{closed_port()}"
    error = await failure("http://example.test/", proxy=proxy)
    assert error.code in (ErrorCode.PROXY_FAILED, ErrorCode.CONNECTION_REFUSED)


PROBLEM = "application/problem+json"


def answer(status: int, body: bytes, content_type: str, **headers: str) -> httpx.Response:
    request = httpx.Request("POST", "https://demo.amocrm.ru/api/v4/leads")
    return httpx.Response(
        status, content=body, headers={"content-type": content_type, **headers}, request=request
    )


def test_validation_errors_list_the_paths() -> None:
    body = (
        b'{"validation-errors":[{"request_id":"0","errors":[{"code":"InvalidType",'
        b'"path":"status_id","detail":"x"},{"code":"NotBlank","path":"name","detail":"y"}]}],'
        b'"title":"Bad Request","status":400,"detail":"Request validation failed"}'
    )
    error = error_from_response(
        answer(400, body, "application/problem+json", **{"x-request-id": "r1"})
    )
    assert error.code is ErrorCode.VALIDATION_FAILED
    assert "status_id" in error.details["fields"] and "name" in error.details["fields"]
    assert "X-Request-Id r1" in error.debug
    assert "HTTP 400 POST demo.amocrm.ru/api/v4/leads" in error.debug


@pytest.mark.parametrize(
    ("status", "body", "content_type", "code"),
    [
        (301, b"<html>301 Moved</html>", "text/html", ErrorCode.WRONG_HOST),
        (403, b"<html>403 Forbidden</html>", "text/html", ErrorCode.ACCOUNT_BLOCKED),
        (
            403,
            b'{"title":"Forbidden","status":403}',
            "application/problem+json",
            ErrorCode.INSUFFICIENT_RIGHTS,
        ),
        (404, b"<html>404</html>", "text/html", ErrorCode.WRONG_HOST),
        (
            404,
            b'{"title":"Not Found","status":404}',
            "application/problem+json",
            ErrorCode.NOT_FOUND,
        ),
        (418, b"teapot", "text/plain", ErrorCode.BAD_RESPONSE),
        (503, b"", "text/plain", ErrorCode.SERVER_ERROR),
    ],
)
def test_status_mapping(status: int, body: bytes, content_type: str, code: ErrorCode) -> None:
    assert error_from_response(answer(status, body, content_type)).code is code


def test_retry_after_header_when_the_body_is_not_json() -> None:
    error = error_from_response(answer(429, b"slow down", "text/plain", **{"retry-after": "3"}))
    assert error.code is ErrorCode.RATE_LIMITED
    assert error.details["retry_after"] == "3"


@pytest.mark.parametrize(
    ("body", "content_type", "header", "expected"),
    [
        (b"slow down", "text/plain", "inf", "3600"),
        (b"slow down", "text/plain", "1e999", "3600"),
        (b"slow down", "text/plain", "99999999", "3600"),
        (b'{"status":429,"retry_after":1e999}', PROBLEM, "2", "3600"),
        (b'{"status":429,"retry_after":NaN}', PROBLEM, "2", "2"),
    ],
)
def test_absurd_retry_after_values_are_capped(
    body: bytes, content_type: str, header: str, expected: str
) -> None:
    error = error_from_response(answer(429, body, content_type, **{"retry-after": header}))
    assert error.code is ErrorCode.RATE_LIMITED
    assert error.details["retry_after"] == expected
