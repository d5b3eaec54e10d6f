"""Running the real ``amo-desktop`` in a child process, with a keyring the children share."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend

from amo_desktop.sandbox import ThreadedSandbox

SECRET_SERVICE = "keyring.backends.SecretService.Keyring"


@dataclass
class CliResult:
    """One finished ``amo-desktop`` run."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict[str, object]:
        data: dict[str, object] = json.loads(self.stdout)
        return data

    def __str__(self) -> str:
        return (
            f"amo-desktop {' '.join(self.args)} -> {self.returncode}\n"
            f"stdout: {self.stdout}\nstderr: {self.stderr}"
        )


class Cli:
    """Runs ``python -m amo_desktop`` as a person or a script would, and keeps every output."""

    def __init__(self, home: Path, profile: str, env: dict[str, str]) -> None:
        self.home = home
        self.profile = profile
        self.env = env
        self.runs: list[CliResult] = []

    def __call__(
        self,
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        profile: bool = True,
        timeout: float = 60.0,
    ) -> CliResult:
        argv = [*(["--profile", self.profile] if profile else []), *args]
        completed = subprocess.run(
            [sys.executable, "-m", "amo_desktop", *argv],
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            # Read os.environ now: fixtures such as browser_agent set variables after this one.
            env={**os.environ, **self.env, **(env or {})},
            timeout=timeout,
            check=False,
        )
        result = CliResult(argv, completed.returncode, completed.stdout, completed.stderr)
        self.runs.append(result)
        return result

    def outputs(self) -> Iterable[str]:
        for run in self.runs:
            yield run.stdout
            yield run.stderr


@pytest.fixture
def shared_keyring(secret_service_keyring: KeyringBackend) -> KeyringBackend:
    """The real Secret Service: the keyring child processes share (it skips loudly without one).

    The fixture it builds on removes every entry the test wrote.
    """
    return secret_service_keyring


@pytest.fixture
def cli(app_home: Path, shared_keyring: KeyringBackend) -> Cli:
    """``cli("status", "--json")``; a profile name of its own keeps keyring entries apart."""
    env = {
        "PYTHON_KEYRING_BACKEND": SECRET_SERVICE,
        "AMO_DESKTOP_HOME": str(app_home),
        "AMO_DESKTOP_LANG": "en",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return Cli(app_home, f"t{uuid.uuid4().hex[:10]}", env)


def files_under(root: Path) -> Iterator[Path]:
    yield from (path for path in root.rglob("*") if path.is_file())


def assert_no_secret_anywhere(
    secrets: Iterable[str],
    texts: Iterable[str],
    roots: Iterable[Path],
    allowed: Iterable[Path] = (),
) -> None:
    """Fail if any secret appears in the texts or in a file under the roots (except ``allowed``)."""
    secrets = [secret for secret in secrets if secret]
    allowed_files = {path.resolve() for path in allowed}
    for text in texts:
        for secret in secrets:
            assert secret not in text, "a secret reached the output"
    for root in roots:
        for path in files_under(root):
            if path.resolve() in allowed_files:
                continue
            content = path.read_bytes()
            for secret in secrets:
                assert secret.encode() not in content, f"a secret was written to {path.name}"


@dataclass
class TokenReceiver:
    """A stand-in for the company's backend: records what ``push-tokens`` POSTs to it."""

    base_url: str
    received: list[dict[str, object]]


@pytest.fixture
def token_receiver() -> Iterator[TokenReceiver]:
    from aiohttp import web

    received: list[dict[str, object]] = []

    async def set_tokens(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_post("/api/v1/integrations/amo-crm/set-tokens", set_tokens)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, access_log=None)
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    async def start() -> int:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        return int(runner.addresses[0][1])

    port = asyncio.run_coroutine_threadsafe(start(), loop).result(10)
    try:
        yield TokenReceiver(f"http://127.0.0.1:{port}", received)
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


@dataclass
class Keys:
    """An integration registered in the sandbox, as its Keys and access tab shows it."""

    base_url: str
    client_id: str
    client_secret: str
    redirect_uri: str


@pytest.fixture
def keys(threaded_sandbox: ThreadedSandbox, unused_tcp_port: int) -> Keys:
    redirect_uri = f"http://127.0.0.1:{unused_tcp_port}/callback"
    registered = threaded_sandbox.call(
        lambda state: state.add_integration(redirect_uri=redirect_uri)
    )
    return Keys(
        threaded_sandbox.base_url, registered.client_id, registered.client_secret, redirect_uri
    )


def issue_code(sandbox: ThreadedSandbox, keys: Keys) -> str:
    return sandbox.call(
        lambda state: state.issue_authorization_code(state.integration(keys.client_id))
    )


def configure_args(keys: Keys) -> list[str]:
    return [
        "configure",
        "--domain",
        keys.base_url,
        "--client-id",
        keys.client_id,
        "--redirect-uri",
        keys.redirect_uri,
    ]
