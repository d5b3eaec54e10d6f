"""``amo-desktop doctor`` in a child process against the threaded sandbox, with the real
Secret Service shared between the children (skips loudly without it, fails under CI)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.fixtures.environment import require_system_piece

pytestmark = pytest.mark.secret_service


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def amo(app_home: Path):
    require_system_piece(
        os.environ.get("AMO_SECRET_SERVICE_READY") == "1",
        "a Secret Service (gnome-keyring on D-Bus)",
        "run the tests through scripts/with-keyring (make test does)",
    )
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
        "AMO_DESKTOP_HOME": str(app_home),
        "AMO_DESKTOP_LANG": "en",
    }
    profile = f"doc{uuid.uuid4().hex[:8]}"
    outputs: list[str] = []

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "amo_desktop", "--profile", profile, *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        outputs.extend((done.stdout, done.stderr))
        return done

    run.outputs = outputs  # type: ignore[attr-defined]
    yield run
    run("profiles", "delete", profile)


def test_doctor_json_reports_a_healthy_profile_then_a_revoked_token(amo, threaded_sandbox):
    redirect_uri = f"http://127.0.0.1:{free_port()}/callback"
    integration = threaded_sandbox.call(lambda state: state.add_integration(redirect_uri))
    configured = amo(
        "configure",
        "--domain",
        threaded_sandbox.base_url,
        "--client-id",
        integration.client_id,
        "--redirect-uri",
        redirect_uri,
        "--client-secret-stdin",
        stdin=integration.client_secret + "\n",
    )
    assert configured.returncode == 0, configured.stderr
    code = threaded_sandbox.call(lambda state: state.issue_authorization_code(integration))
    assert amo("login", "--code", code).returncode == 0

    healthy = amo("doctor", "--json")

    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    body = json.loads(healthy.stdout)
    assert body["status"] == "ok"
    outcomes = {check["id"]: check["outcome"] for check in body["checks"]}
    for check_id in ("configuration", "keyring", "account_host", "token", "api", "redirect_uri"):
        assert outcomes[check_id] == "passed", body
    assert outcomes["refresh"] == "skipped"

    threaded_sandbox.call(lambda state: state.revoke_tokens(integration.client_id))
    broken = amo("doctor", "--json")

    assert broken.returncode == 1
    body = json.loads(broken.stdout)
    assert body["status"] == "problems"
    api = next(check for check in body["checks"] if check["id"] == "api")
    assert api["outcome"] == "failed"
    assert api["error"]["code"] == "auth.unauthorized"
    assert api["fix"]

    human = amo("doctor", "--report")
    assert human.returncode == 1
    assert "✗ amoCRM API" in human.stdout
    assert "== Settings ==" in human.stdout
    assert "[http] GET /api/v4/account -> 401" in human.stdout  # the activity log, readable
    for text in amo.outputs:
        assert integration.client_secret not in text
