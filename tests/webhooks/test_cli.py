"""``amo-desktop listen --json`` and ``events`` as a person or a script runs them (subprocesses)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fixtures.environment import require_system_piece
from tests.webhooks.conftest import AMO_HEADERS, Backend, payload

ROOT = Path(__file__).resolve().parents[2]
REQUEST_ID = AMO_HEADERS["X-Amocrm-Requestid"]


def cli_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **(extra or {})}


async def run_cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "amo_desktop", "--profile", "default", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=ROOT,
        env=env or cli_env(),
    )  # fmt: skip
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


class Listener:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    async def line(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        raw = await asyncio.wait_for(self.process.stdout.readline(), 60)
        assert raw, "the listener closed its output"
        data: dict[str, Any] = json.loads(raw)
        return data


@pytest.fixture
async def listen() -> AsyncIterator[Callable[..., Awaitable[Listener]]]:
    started: list[asyncio.subprocess.Process] = []

    async def start(*args: str, env: dict[str, str] | None = None) -> Listener:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "amo_desktop", "--profile", "default", "listen", "--json",
            "--port", "0", *args,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=ROOT,
            env=env or cli_env(),
        )  # fmt: skip
        started.append(process)
        return Listener(process)

    yield start
    for process in started:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_listen_json_prints_listening_event_forward_and_rejected_lines(
    listen: Callable[..., Awaitable[Listener]],
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    backend = await backend_factory()
    listener = await listen("--no-secret", "--forward-to", backend.url)
    first = await listener.line()
    assert first["type"] == "listening"
    url = first["url"]
    assert url.startswith("http://127.0.0.1:") and url.endswith(
        "/api/v1/integrations/amo-crm/webhook"
    )

    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(url, content=payload("lead_update"), headers=AMO_HEADERS)
        assert answer.status_code == 200
        event = await listener.line()
        forward = await listener.line()
        refused = await http.get(url)
        assert refused.status_code == 405
        rejected = await listener.line()

    assert event["type"] == "event"
    assert event["delivery_id"] == REQUEST_ID
    assert event["account"] == {"id": "32427762", "subdomain": "etesttask"}
    assert (event["entity"], event["action"], event["id"]) == ("leads", "update", "32966269")
    assert event["fields"]["custom_fields"][0]["values"][0]["value"] == "1"
    assert event["summary"] == "Lead 32966269 “Test” updated"
    assert event["received_at"].endswith("+00:00")
    assert forward["type"] == "forward" and forward["delivery_id"] == REQUEST_ID
    assert forward["status"] == 200 and isinstance(forward["elapsed_ms"], int)
    assert rejected["type"] == "rejected"
    assert (rejected["reason"], rejected["status"], rejected["method"]) == (
        "method_not_allowed", 405, "GET"
    )  # fmt: skip
    assert (await backend.received.get()).body == payload("lead_update")

    listener.process.send_signal(signal.SIGINT)
    assert await asyncio.wait_for(listener.process.wait(), 30) == 0


async def test_a_delivery_nested_a_thousand_levels_deep_is_shown_and_stopping_stays_clean(
    listen: Callable[..., Awaitable[Listener]],
) -> None:
    listener = await listen("--no-secret")
    url = (await listener.line())["url"]
    deep = b"leads[add][0][id]=7&leads[add][0]" + b"[b]" * 1100 + b"=1"  # 3 KB
    async with httpx.AsyncClient(timeout=10) as http:
        headers = {**AMO_HEADERS, "X-Amocrm-Requestid": "deep-delivery"}
        assert (await http.post(url, content=deep, headers=headers)).status_code == 200
        first = await listener.line()
        assert (await http.post(url, content=payload("lead_add"), headers=AMO_HEADERS)).is_success
        second = await listener.line()
    listener.process.send_signal(signal.SIGINT)
    assert await asyncio.wait_for(listener.process.wait(), 30) == 0
    assert listener.process.stderr is not None
    stderr = (await listener.process.stderr.read()).decode()

    assert (first["type"], first["delivery_id"], first["id"]) == ("event", "deep-delivery", "7")
    assert (second["type"], second["delivery_id"]) == ("event", REQUEST_ID)
    assert "Traceback" not in stderr and stderr.startswith("Stopped. Deliveries: 2"), stderr

    code, out, err = await run_cli("events", "show", "deep-delivery", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["events"][0]["id"] == "7"


async def test_events_list_show_export_and_replay_read_the_journal_listen_wrote(
    listen: Callable[..., Awaitable[Listener]],
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    listener = await listen("--no-secret")
    url = (await listener.line())["url"]
    async with httpx.AsyncClient(timeout=10) as http:
        for name, request_id in (("lead_add", "first-delivery"), ("contact_add", REQUEST_ID)):
            headers = {**AMO_HEADERS, "X-Amocrm-Requestid": request_id}
            assert (await http.post(url, content=payload(name), headers=headers)).status_code == 200
            await listener.line()
    listener.process.send_signal(signal.SIGINT)
    await asyncio.wait_for(listener.process.wait(), 30)

    code, out, _ = await run_cli("events", "list", "--json")
    assert code == 0
    listed = json.loads(out)["deliveries"]
    assert [d["id"] for d in listed] == [REQUEST_ID, "first-delivery"]
    assert listed[0]["events"] == [{"name": "add_contact", "id": "37054081"}]

    code, out, _ = await run_cli("events", "show", REQUEST_ID[:8], "--json", "--lang", "uk")
    shown = json.loads(out)
    assert code == 0 and shown["delivery"]["body"] == payload("contact_add").decode()
    assert shown["events"][0]["summary"] == "Новий контакт 37054081 «Абиба абибович»"

    backend = await backend_factory()
    code, out, err = await run_cli("events", "replay", "first-delivery", "--to", backend.url)
    assert code == 0, err
    assert (await backend.received.get()).body == payload("lead_add")

    code, out, _ = await run_cli("events", "export", "--format", "curl", "--to", backend.url)
    assert code == 0
    assert out.count("curl -sS -X POST") == 2 and "# first-delivery" in out

    code, out, _ = await run_cli("events", "show", "no-such-delivery", "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "webhook.event_not_found"


async def test_a_secret_on_the_command_line_is_refused() -> None:
    code, out, _ = await run_cli("listen", "--secret", "visible-in-ps", "--json")
    assert code == 2
    assert json.loads(out)["error"]["code"] == "cli.secret_in_argument"


async def test_generated_secret_is_kept_in_the_keyring_and_required(
    listen: Callable[..., Awaitable[Listener]],
) -> None:
    require_system_piece(
        os.environ.get("AMO_SECRET_SERVICE_READY") == "1",
        "a Secret Service (gnome-keyring on D-Bus)",
        "run the tests through scripts/with-keyring (make test does)",
    )
    env = cli_env({"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"})
    listener = await listen("--generate-secret", env=env)
    url = (await listener.line())["url"]
    assert "?secret=" in url
    async with httpx.AsyncClient(timeout=10) as http:
        without = url.split("?")[0]
        assert (await http.post(without, content=b"a=1", headers=AMO_HEADERS)).status_code == 403
        assert (await listener.line())["reason"] == "bad_secret"
    listener.process.send_signal(signal.SIGINT)
    await asyncio.wait_for(listener.process.wait(), 30)

    again = await listen(env=env)  # the stored secret is used again: the URL stays the same
    assert (await again.line())["url"].split("?")[1] == url.split("?")[1]


async def test_listen_for_a_configured_profile_flags_events_from_another_account(
    listen: Callable[..., Awaitable[Listener]], app_home: Path
) -> None:
    from amo_desktop.core.config import ConfigStore, Profile
    from amo_desktop.core.platforms import Platform

    ConfigStore(app_home).save(
        Profile(
            name="default",
            platform=Platform.AMOCRM_RU,
            account="ourcompany.amocrm.ru",
            client_id="5f2d8c1e-7a4b-4e3f-9b6a-1c2d3e4f5a6b",
            redirect_uri="http://localhost:3000/api/v1/integrations/amo-crm/callback",
            account_id=31415926,
        )
    )
    listener = await listen("--no-secret")
    first = await listener.line()
    assert first["type"] == "listening"

    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(first["url"], content=payload("lead_update"), headers=AMO_HEADERS)
        assert answer.status_code == 200
        event = await listener.line()

    assert event["type"] == "event"
    assert event["account"] == {"id": "32427762", "subdomain": "etesttask"}
    assert event["foreign_account"] is True
    listener.process.send_signal(signal.SIGINT)
    assert await asyncio.wait_for(listener.process.wait(), 30) == 0


async def _record(home: Path, delivery_id: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
    from amo_desktop.core.paths import profile_dir
    from amo_desktop.core.webhooks.events import Delivery
    from amo_desktop.core.webhooks.journal import WebhookJournal, journal_folder

    journal = WebhookJournal(journal_folder(profile_dir(home, "default")))
    await journal.record_delivery(
        Delivery(delivery_id, 1.0, "127.0.0.1", "POST", "/hook", (), headers, payload("lead_add"))
    )
    await journal.close()


async def test_replay_resends_header_bytes_beyond_ascii_as_amocrm_sent_them(
    app_home: Path, backend_factory: Callable[..., Awaitable[Backend]]
) -> None:
    backend = await backend_factory()
    # The journal keeps header bytes as latin-1 text: "\xe9" is the single byte 0xE9.
    await _record(app_home, "odd-agent", (("User-Agent", "caf\xe9"),))
    code, _, err = await run_cli("events", "replay", "odd-agent", "--to", backend.url)
    assert (code, err) == (0, "")
    agent = (await backend.received.get()).headers["User-Agent"]
    # aiohttp hands undecodable header bytes over as surrogate escapes: undo that to compare.
    assert agent.encode("utf-8", "surrogateescape") == b"caf\xe9"


def test_a_failed_replay_prints_one_json_object_with_the_results(
    app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from amo_desktop.cli.main import main

    asyncio.run(_record(app_home, "undeliverable"))
    argv = ["--profile", "default", "--json", "events", "replay", "undeliverable"]
    # Port 1 on loopback refuses at once: the resend fails.
    assert main([*argv, "--to", "http://127.0.0.1:1/hook"]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 1, printed
    answer = json.loads(printed[0])
    assert answer["status"] == "error"
    assert answer["error"]["code"] == "webhook.replay_failed"
    assert [r["delivery_id"] for r in answer["results"]] == ["undeliverable"]


@pytest.mark.parametrize(
    "argv",
    [
        ["listen", "--no-secret", "--port", "0", "--forward-to", "backend:8000/hook"],
        ["listen", "--no-secret", "--port", "0", "--forward-to", "http://127.0.0.1:99999/hook"],
        ["events", "replay", "undeliverable", "--to", "notaurl"],
        ["events", "replay", "undeliverable", "--to", "http://127.0.0.1:0/hook"],
        ["events", "replay", "undeliverable", "--to", "http://127.0.0.1:80x/hook"],
        ["events", "export", "--format", "curl", "--to", "ftp://example.com/hook"],
        ["webhooks", "subscribe", "--destination", "example.com/hook"],
        ["webhooks", "unsubscribe", "--destination", "http://"],
    ],
)
def test_an_address_that_can_never_work_is_refused_before_anything_starts(
    argv: list[str], app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from amo_desktop.cli.main import main

    asyncio.run(_record(app_home, "undeliverable"))
    assert main(["--profile", "default", "--json", *argv]) == 2
    printed = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["error"]["code"] for line in printed] == ["config.invalid_url"]


def test_usage_errors_of_listen_and_replay_point_to_the_real_help_in_ukrainian(
    app_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from amo_desktop.cli.main import main

    asyncio.run(_record(app_home, "never-forwarded"))
    assert (
        main(["--profile", "default", "--lang", "uk", "events", "replay", "never-forwarded"]) == 2
    )
    replay = capsys.readouterr().err.splitlines()
    assert replay == [
        "Перевірте команду: Куди? Вкажіть --to URL (цю доставку ще не пересилали).",
        "Що зробити: Перегляньте параметри: amo-desktop events replay --help",
    ]

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    argv = ["--profile", "default", "--lang", "uk", "--json", "listen", "--secret-stdin"]
    assert main(argv) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["message"].startswith("--secret-stdin нічого не прочитав")
    assert error["hint"] == "Перегляньте параметри: amo-desktop listen --help"


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (
            ["webhooks", "subscribe", "--destination", "http://127.0.0.1:1/hook", "--events",
             "add_lead,bogus"],
            "amoCRM has no webhook event bogus; known names: default, contacts, ",
        ),
        (["events", "list", "--limit", "0"], "--limit must be 1 or more (got 0)."),
        (["events", "replay", "--limit", "-1"], "--limit must be 1 or more (got -1)."),
    ],
)  # fmt: skip
def test_values_that_can_never_work_are_refused_before_anything_is_sent(
    argv: list[str], problem: str, app_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from amo_desktop.cli.main import main

    assert main(["--profile", "default", "--lang", "en", "--json", *argv]) == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"].startswith(problem)


async def test_listen_speaks_ukrainian_to_people_about_refusals_and_dead_targets() -> None:
    with socket.socket() as probe:  # a port nothing listens on: the backend is down
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "amo_desktop", "--lang", "uk", "listen", "--port", "0",
        "--no-secret", "--forward-to", f"http://127.0.0.1:{dead_port}/hook",
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=ROOT, env=cli_env(),
    )  # fmt: skip
    assert process.stdout is not None
    try:
        url = ""
        while not url:
            line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
            assert line, "listen stopped before it was ready"
            if "http://127.0.0.1:" in line:
                url = line[line.index("http://") :].split()[0]

        async def next_line_with(marker: str) -> str:
            assert process.stdout is not None
            while True:
                line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
                assert line, f"listen stopped before printing {marker!r}"
                if marker in line:
                    return line

        async with httpx.AsyncClient(timeout=10) as http:
            assert (await http.get(url)).status_code == 405
            refused = await next_line_with("!!")
            answer = await http.post(url, content=payload("lead_update"), headers=AMO_HEADERS)
            assert answer.status_code == 200
            forward = await next_line_with("<--")
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.wait(), 30)

    assert "не POST-запит: GET" in refused and " від 127.0.0.1" in refused
    assert "method_not_allowed" not in refused
    assert "[---] не вдається з'єднатися" in forward
    assert "All connection attempts failed" not in forward


def _save_profile(home: Path, forward_to: str | None) -> None:
    from amo_desktop.core.config import ConfigStore, Profile, WebhookSettings
    from amo_desktop.core.platforms import Platform

    ConfigStore(home).save(
        Profile(
            name="default",
            platform=Platform.AMOCRM_RU,
            account="ourcompany.amocrm.ru",
            client_id="5f2d8c1e-7a4b-4e3f-9b6a-1c2d3e4f5a6b",
            redirect_uri="http://localhost:3000/api/v1/integrations/amo-crm/callback",
            webhook=WebhookSettings(forward_to=forward_to),
        )
    )


async def _record_forward(home: Path, delivery_id: str, target: str) -> None:
    from amo_desktop.core.paths import profile_dir
    from amo_desktop.core.webhooks.journal import WebhookJournal, journal_folder
    from amo_desktop.core.webhooks.records import ForwardResult

    journal = WebhookJournal(journal_folder(profile_dir(home, "default")))
    await journal.record_forward(ForwardResult(delivery_id, target, 200, 5.0, None, 2.0))
    await journal.close()


def _with_credentials(url: str) -> str:
    """``url`` with a user:password part and a signature in the query, as some backends need."""
    scheme, rest = url.split("://")
    return f"{scheme}://hook-user:pw-4f9c2e@{rest}?sig=sig-7d1a0b&v=2"


SECRETS = ("pw-4f9c2e", "sig-7d1a0b")


async def test_listen_never_prints_the_forward_targets_credentials(
    listen: Callable[..., Awaitable[Listener]],
    backend_factory: Callable[..., Awaitable[Backend]],
) -> None:
    backend = await backend_factory()
    target = _with_credentials(backend.url)
    listener = await listen("--no-secret", "--forward-to", target)
    listening = await listener.line()
    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(listening["url"], content=payload("lead_add"), headers=AMO_HEADERS)
        assert answer.status_code == 200
    arrived = await backend.received.get()
    assert arrived.query == "sig=sig-7d1a0b&v=2"  # the backend gets the full address
    assert arrived.headers["Authorization"].startswith("Basic ")
    await listener.line()  # the event
    assert (await listener.line())["type"] == "forward"
    listener.process.send_signal(signal.SIGINT)
    assert await asyncio.wait_for(listener.process.wait(), 30) == 0

    assert listening["forward_to"] == backend.url.replace("://", "://••••@") + "?sig=••••&v=••••"
    assert not [secret for secret in SECRETS if secret in json.dumps(listening)]

    # The same as a person sees it: "Forwarding to …" and the "<-- [200] POST …" line.
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "amo_desktop", "listen", "--port", "0", "--no-secret",
        "--forward-to", target,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, cwd=ROOT, env=cli_env(),
    )  # fmt: skip
    assert process.stdout is not None
    lines: list[str] = []
    try:
        while not any("<--" in line for line in lines):
            line = (await asyncio.wait_for(process.stdout.readline(), 60)).decode()
            assert line, f"listen stopped early: {lines}"
            lines.append(line)
            if line.startswith("Listening on "):
                async with httpx.AsyncClient(timeout=10) as http:
                    url = line.split()[-1]
                    await http.post(url, content=payload("lead_add"), headers=AMO_HEADERS)
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.wait(), 30)
    shown = "".join(lines)
    assert "Forwarding to http://••••@127.0.0.1:" in shown and "POST http://••••@" in shown
    assert not [secret for secret in SECRETS if secret in shown], shown


async def test_replay_without_to_uses_the_profiles_full_forward_target(
    app_home: Path, backend_factory: Callable[..., Awaitable[Backend]]
) -> None:
    backend = await backend_factory()
    target = _with_credentials(backend.url)
    _save_profile(app_home, forward_to=target)
    await _record(app_home, "forwarded-before")
    await _record_forward(app_home, "forwarded-before", target)  # the journal keeps it stripped

    code, out, err = await run_cli("events", "replay", "forwarded-before", "--json")
    assert (code, err) == (0, "")
    arrived = await backend.received.get()
    assert arrived.query == "sig=sig-7d1a0b&v=2"
    assert arrived.headers["Authorization"].startswith("Basic ")
    (result,) = json.loads(out)["results"]
    assert result["target"] == backend.url.replace("://", "://••••@") + "?sig=••••&v=••••"
    assert not [secret for secret in SECRETS if secret in out]


@pytest.mark.parametrize("configured", [None, "http://127.0.0.1:1/another-hook"])
async def test_replay_without_to_asks_for_it_when_the_full_target_is_not_known(
    app_home: Path, backend_factory: Callable[..., Awaitable[Backend]], configured: str | None
) -> None:
    backend = await backend_factory()
    _save_profile(app_home, forward_to=configured)
    await _record(app_home, "forwarded-before")
    await _record_forward(app_home, "forwarded-before", _with_credentials(backend.url))

    code, out, _ = await run_cli("events", "replay", "forwarded-before", "--json")
    assert code == 2
    error = json.loads(out)["error"]
    assert error["code"] == "cli.usage"
    assert error["message"].startswith(f"Where to? It was sent to {backend.url}, but the journal")
    assert "--to URL" in error["message"]
    assert backend.received.empty()
