"""The backend address is a plain base address: a login, key, query or fragment in it is
refused, so no such secret reaches config.json, the activity log or a support report."""

from __future__ import annotations

import json

import httpx
import pytest
from aiohttp import web

from amo_desktop.core.diagnostics.report import ReportInputs, build_support_report
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import Serve, configure_demo

USER_SECRET = "pbuser77777"
PASSWORD_SECRET = "pbpass66664"
TOKEN_SECRET = "tokonly88888888"
QUERY_SECRET = "kk55555qq"
FRAGMENT_SECRET = "frag99999"
SECRETS = (USER_SECRET, PASSWORD_SECRET, TOKEN_SECRET, QUERY_SECRET, FRAGMENT_SECRET)


@pytest.fixture
async def backend(local_server: Serve) -> tuple[str, list[str]]:
    """A backend that records the full target of every request it gets."""
    received: list[str] = []

    async def anything(request: web.Request) -> web.Response:
        received.append(str(request.rel_url))
        return web.json_response({"ok": True})

    url = await local_server(anything)
    return url.removeprefix("http://"), received


def not_plain(host: str) -> list[str]:
    return [
        f"http://{USER_SECRET}:{PASSWORD_SECRET}@{host}",
        f"http://{TOKEN_SECRET}@{host}/",
        f"http://{host}/?key={QUERY_SECRET}",
        f"http://{host}/base?",
        f"http://{host}/#{FRAGMENT_SECRET}",
    ]


async def refused(call: object) -> AmoError:
    with pytest.raises(AmoError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code is ErrorCode.BACKEND_URL_NOT_PLAIN, caught.value.debug
    return caught.value


async def everything_written(core: AppCore, session: ProfileSession) -> str:
    """config.json, the activity log on disk and a support report, as one text."""
    report = await build_support_report(
        [],
        ReportInputs(session.name, session.profile(), recent_log=core.logbook.format_lines()),
        credentials=core.credentials,
        redactor=core.logbook.redactor,
    )
    log_files = [path.read_text() for path in core.home.rglob("activity.log*")]
    return "\n".join([(core.home / "config.json").read_text(), *log_files, report])


async def test_configure_and_push_refuse_a_login_key_query_or_fragment(
    logged_in: ProfileSession, core: AppCore, sandbox: SandboxServer, backend: tuple[str, list[str]]
) -> None:
    host, received = backend
    for url in not_plain(host):
        error = await refused(configure_demo(logged_in, sandbox, backend_url=url))
        assert not any(secret in json.dumps(error.details) for secret in SECRETS)
        error = await refused(logged_in.push_tokens(url))
        assert not any(secret in json.dumps(error.details) for secret in SECRETS)
    assert received == []  # nothing was sent to any of them
    profile = logged_in.profile()
    assert profile is not None and profile.backend_url is None
    assert profile.token_owner == "desktop"
    written = await everything_written(core, logged_in)
    assert not [secret for secret in SECRETS if secret in written]


async def test_the_message_says_why_and_what_to_do_in_both_languages(
    logged_in: ProfileSession,
) -> None:
    error = await refused(logged_in.push_tokens(f"http://u:{PASSWORD_SECRET}@127.0.0.1:1"))
    english = error.localized("en")
    assert "settings file" in english.message and "password storage" in english.message
    assert "plain address" in english.hint and "not supported yet" in english.hint
    ukrainian = error.localized("uk")
    assert "файлі налаштувань" in ukrainian.message and "сховищі паролів" in ukrainian.message
    assert "просту адресу" in ukrainian.hint


async def test_a_stored_address_with_a_login_is_refused_when_used_and_masked_in_status(
    logged_in: ProfileSession, core: AppCore, backend: tuple[str, list[str]]
) -> None:
    host, received = backend
    # Settings written before plain addresses were required.
    stored = f"http://{USER_SECRET}:{PASSWORD_SECRET}@{host}/?key={QUERY_SECRET}"
    core.config.update(logged_in.name, backend_url=stored)
    await refused(logged_in.push_tokens())
    assert received == []
    profile = logged_in.profile()
    assert profile is not None and profile.token_owner == "desktop"
    status = await logged_in.status()
    assert status.backend_url is not None and host in status.backend_url
    assert not [secret for secret in SECRETS if secret in status.backend_url]


async def test_a_plain_address_with_a_path_gets_the_endpoint_under_that_path(
    logged_in: ProfileSession, core: AppCore, backend: tuple[str, list[str]]
) -> None:
    host, received = backend
    result = await logged_in.push_tokens(f"http://{host}/crm/")
    assert result.backend_url == f"http://{host}/crm"
    assert received == ["/crm/api/v1/integrations/amo-crm/set-tokens"]


async def test_a_query_secret_sent_anywhere_never_reaches_the_log_or_report(
    logged_in: ProfileSession, core: AppCore, backend: tuple[str, list[str]]
) -> None:
    host, received = backend
    async with httpx.AsyncClient(event_hooks=core.logbook.httpx_hooks()) as client:
        await client.post(f"http://{host}/hook?sig={QUERY_SECRET}&flag")
    assert received == [f"/hook?sig={QUERY_SECRET}&flag"]
    (line,) = [line for line in core.logbook.format_lines() if "/hook" in line]
    assert "/hook?sig=••••&flag" in line
    written = await everything_written(core, logged_in)
    assert "/hook?sig=" in written and QUERY_SECRET not in written
