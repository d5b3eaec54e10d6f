"""Two programs refreshing one profile at the same time: exactly one refresh reaches amo."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import filelock
import httpx
import pytest
from keyring.backend import KeyringBackend

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.token_manager import LOCK_FILE_NAME
from amo_desktop.core.tokens import TokenSet
from amo_desktop.sandbox import ThreadedSandbox
from tests.core.token_helpers import DEMO, PROFILE, TOKEN_PATH
from tests.support.routing_transport import SandboxRoutingSyncTransport

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.secret_service
@pytest.mark.slow
def test_two_processes_refresh_once_and_both_get_a_working_token(
    threaded_sandbox: ThreadedSandbox, secret_service_keyring: KeyringBackend, tmp_path: Path
) -> None:
    integration = threaded_sandbox.state.demo_integration
    code = threaded_sandbox.call(lambda state: state.issue_authorization_code())
    transport = SandboxRoutingSyncTransport(threaded_sandbox.base_url)
    with httpx.Client(transport=transport) as http:
        answer = http.post(
            DEMO.token_url,
            json={
                "client_id": integration.client_id,
                "client_secret": integration.client_secret,
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": integration.redirect_uri,
            },
        )
        assert answer.status_code == 200
        tokens = TokenSet.from_oauth_response(answer.json(), time.time())
        # Two minutes left: inside the refresh margin for both programs.
        stale = replace(tokens, expires_at=time.time() + 120)
        store = CredentialStore(secret_service_keyring, timeout=20)
        asyncio.run(store.set_tokens(PROFILE, stale))

        lock_dir = tmp_path / "profile"
        lock_dir.mkdir()
        settings = json.dumps(
            {
                "sandbox": threaded_sandbox.base_url,
                "client_id": integration.client_id,
                "client_secret": integration.client_secret,
                "redirect_uri": integration.redirect_uri,
                "profile": PROFILE,
                "lock_dir": str(lock_dir),
            }
        )
        # Hold the lock until both programs are about to refresh, so they really race.
        gate = filelock.FileLock(lock_dir / LOCK_FILE_NAME)
        gate.acquire()
        workers = []
        try:
            for _ in range(2):
                worker = subprocess.Popen(
                    [sys.executable, "-m", "tests.core.refresh_worker"],
                    cwd=ROOT,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                assert worker.stdin is not None
                worker.stdin.write(settings + "\n")
                worker.stdin.close()
                workers.append(worker)
            for worker in workers:
                assert worker.stdout is not None
                line = worker.stdout.readline().strip()
                assert line == "ready", worker.stderr.read() if worker.stderr else ""
        finally:
            gate.release()
        results = []
        for worker in workers:
            assert worker.stdout is not None and worker.stderr is not None
            out, err = worker.stdout.read(), worker.stderr.read()
            assert worker.wait(timeout=60) == 0, err
            results.append(out.strip())

        refreshes = threaded_sandbox.call(lambda state: state.request_count(TOKEN_PATH, "POST")) - 1
        assert refreshes == 1
        assert results[0] == results[1] != stale.access_token
        for token in results:
            account = http.get(
                DEMO.api_url("account"), headers={"Authorization": f"Bearer {token}"}
            )
            assert account.status_code == 200
        stored = asyncio.run(store.get_tokens(PROFILE))
        assert stored is not None and stored.access_token == results[0]
