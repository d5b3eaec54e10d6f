"""The blocking helper, the ``/_sandbox/`` controls and the foreground runner."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from amo_desktop.sandbox import DEMO_CLIENT_ID, ThreadedSandbox
from amo_desktop.sandbox.banner import SandboxIntro, say
from amo_desktop.sandbox.server import is_local_caller

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin(threaded_sandbox: ThreadedSandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=threaded_sandbox.base_url) as http:
        yield http


def test_state_summary_hides_the_secret_unless_asked(
    threaded_sandbox: ThreadedSandbox, admin: httpx.Client
) -> None:
    summary = admin.get("/_sandbox/state").json()
    demo = summary["demo_integration"]
    assert demo["client_id"] == DEMO_CLIENT_ID
    assert demo["redirect_uri"] == "http://localhost:3000/api/v1/integrations/amo-crm/callback"
    assert "client_secret" not in demo
    assert (
        threaded_sandbox.state.demo_integration.client_secret
        not in admin.get("/_sandbox/state").text
    )
    with_secret = admin.get("/_sandbox/state", params={"include_secret": "1"}).json()
    assert with_secret["demo_integration"]["client_secret"] == (
        threaded_sandbox.state.demo_integration.client_secret
    )
    assert summary["account"] == {
        "id": 31415926,
        "name": "Демо-компанія",
        "subdomain": "demo",
        "domain": "amocrm.ru",
    }


def test_a_whole_flow_driven_from_outside(admin: httpx.Client) -> None:
    integration = admin.post(
        "/_sandbox/integrations", json={"redirect_uri": "http://127.0.0.1:8765/callback"}
    ).json()
    code = admin.post(
        "/_sandbox/authorization-code", json={"client_id": integration["client_id"]}
    ).json()
    assert code["referer"] == "demo.amocrm.ru"
    tokens = admin.post(
        "/oauth2/access_token",
        json={
            "client_id": integration["client_id"],
            "client_secret": integration["client_secret"],
            "grant_type": "authorization_code",
            "code": code["code"],
            "redirect_uri": integration["redirect_uri"],
        },
    ).json()
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert admin.get("/api/v4/account", headers=auth).status_code == 200

    admin.post("/_sandbox/inject", json={"path_prefix": "/api/v4/account", "status": 503})
    assert admin.get("/api/v4/account", headers=auth).status_code == 503
    log = admin.get("/_sandbox/requests", params={"path_prefix": "/api/"}).json()["requests"]
    assert [r["status"] for r in log] == [200, 503]

    assert admin.post("/_sandbox/revoke", json={}).json()["revoked"] == 1
    assert admin.get("/api/v4/account", headers=auth).status_code == 401


def test_clock_and_long_lived_token_controls(admin: httpx.Client) -> None:
    token = admin.post("/_sandbox/long-lived-token", json={"days": 1}).json()["access_token"]
    auth = {"Authorization": f"Bearer {token}"}
    assert admin.get("/api/v4/account", headers=auth).status_code == 200
    code = admin.post("/_sandbox/authorization-code", json={}).json()["code"]
    admin.post("/_sandbox/clock/advance", json={"seconds": 3 * 86400})
    assert admin.get("/api/v4/account", headers=auth).status_code == 401
    state = admin.get("/_sandbox/state", params={"include_secret": "1"}).json()
    expired = admin.post(
        "/oauth2/access_token",
        json={
            "client_id": DEMO_CLIENT_ID,
            "client_secret": state["demo_integration"]["client_secret"],
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": state["demo_integration"]["redirect_uri"],
        },
    )
    assert expired.json()["hint"] == "Authorization code has expired"


def test_admin_rejects_bad_input_with_a_400(admin: httpx.Client) -> None:
    answer = admin.post("/_sandbox/authorization-code", json={"client_id": "nope"})
    assert answer.status_code == 400
    assert "unknown client_id" in answer.json()["error"]
    assert admin.post("/_sandbox/long-lived-token", json={"days": 0}).status_code == 400


def test_rate_limit_control_and_settling_deliveries(
    threaded_sandbox: ThreadedSandbox, admin: httpx.Client
) -> None:
    assert (
        admin.post("/_sandbox/rate-limit", json={"per_second": None}).json()["per_second"] is None
    )
    assert threaded_sandbox.call(lambda state: state.rate_limit_per_second) is None
    block = {"block_after": 3, "block_window": 10.0, "block_seconds": 120.0}
    answer = admin.post("/_sandbox/rate-limit", json=block).json()
    assert {key: answer[key] for key in block} == block
    assert threaded_sandbox.call(lambda state: state.rate_limit_block_after) == 3
    switched_off = admin.post("/_sandbox/rate-limit", json={"block_after": None}).json()
    assert switched_off["block_after"] is None
    settled = admin.post("/_sandbox/deliveries/settle", json={"timeout": 5}).json()
    assert settled == {"settled": True, "deliveries": 0}
    threaded_sandbox.settle_webhooks(timeout=5)


def test_oauth_switches_are_set_from_outside_and_checked(
    threaded_sandbox: ThreadedSandbox, admin: httpx.Client
) -> None:
    defaults = {"refresh_grace": None, "client_error_style": "newer", "oauth_language": None}
    assert admin.get("/_sandbox/state").json()["oauth"] == defaults
    changed = admin.post(
        "/_sandbox/oauth", json={"refresh_grace": True, "client_error_style": "older"}
    ).json()
    assert changed == {**defaults, "refresh_grace": True, "client_error_style": "older"}
    assert threaded_sandbox.call(lambda state: state.grace_applies("amocrm.ru")) is True
    assert admin.post("/_sandbox/oauth", json={"oauth_language": "en"}).json() == {
        "refresh_grace": True,
        "client_error_style": "older",
        "oauth_language": "en",
    }
    # A wrong secret now gets the older, English invalid client.
    code = admin.post("/_sandbox/authorization-code", json={}).json()["code"]
    answer = admin.post(
        "/oauth2/access_token",
        json={
            "client_id": DEMO_CLIENT_ID,
            "client_secret": "wrong",
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": threaded_sandbox.call(lambda s: s.demo_integration.redirect_uri),
        },
    )
    assert (answer.status_code, answer.json()["title"]) == (401, "Invalid client")
    for bad in (
        {"refresh_grace": "yes"},
        {"client_error_style": "oldest"},
        {"oauth_language": "uk"},
        {"grace": True},
    ):
        refused = admin.post("/_sandbox/oauth", json=bad)
        assert refused.status_code == 400, bad
        assert refused.json()["error"]
    per_platform = admin.post("/_sandbox/oauth", json={"refresh_grace": None}).json()
    assert per_platform["refresh_grace"] is None
    assert threaded_sandbox.call(lambda state: state.grace_applies("amocrm.ru")) is False
    assert threaded_sandbox.call(lambda state: state.grace_applies("kommo.com")) is True


def test_threaded_sandbox_stops_and_frees_its_port() -> None:
    running = ThreadedSandbox()
    running.start()
    url = running.base_url
    assert httpx.get(f"{url}/_sandbox/state").status_code == 200
    running.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/_sandbox/state")


@pytest.mark.slow
def test_python_m_sandbox_prints_keys_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "amo_desktop.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert process.stdout is not None
        banner = ""
        for line in process.stdout:
            banner += line
            if line.strip() == "amo-desktop test-lead":  # the banner's last line
                break
        found = re.search(r"running at (http://127\.0\.0\.1:\d+)", banner)
        assert found, banner
        summary = httpx.get(
            f"{found.group(1)}/_sandbox/state", params={"include_secret": "1"}
        ).json()
        secret = summary["demo_integration"]["client_secret"]
        assert secret in banner  # the sandbox's own demo keys are meant to be shown
        assert f"--client-id {DEMO_CLIENT_ID}" in banner
        assert "--client-secret-stdin" in banner
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert "The sandbox has stopped." in out
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("remote", "allowed"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("192.168.1.20", False),
        ("10.0.0.5", False),
        ("::ffff:192.168.1.20", False),
        ("fe80::1%eth0", False),
        ("", False),
        (None, False),
        ("localhost", False),  # aiohttp gives addresses, never names: a name is not trusted
    ],
)
def test_admin_controls_answer_only_this_computer(remote: str | None, allowed: bool) -> None:
    assert is_local_caller(remote) is allowed


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(
    ("base_url", "exposed"),
    [
        ("http://127.0.0.1:8765", False),
        ("http://localhost:8765", False),
        ("http://[::1]:8765", False),
        ("http://0.0.0.0:8765", True),
        ("http://[::]:8765", True),
        ("http://192.168.1.20:8765", True),
    ],
)
def test_banner_warns_when_the_sandbox_listens_beyond_this_computer(
    base_url: str, exposed: bool, language: str
) -> None:
    intro = SandboxIntro(
        base_url=base_url,
        account_name="Demo",
        account_id=1,
        client_id=DEMO_CLIENT_ID,
        client_secret="demo-secret",
        redirect_uri="http://127.0.0.1:3001/callback",
        authorization_code="def50200abc",
    )
    lines = intro.banner(language)
    warning = say("exposed", language, host=urlsplit(base_url).hostname)
    assert (warning in lines) is exposed
    if exposed:
        assert lines.index(warning) == 1  # right under "running at", before the keys
        assert lines[-1].strip() == "amo-desktop test-lead"


@pytest.mark.parametrize("port", ["99999", "in-use"])
def test_python_m_sandbox_explains_a_port_it_cannot_listen_on(port: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        chosen = str(taken.getsockname()[1]) if port == "in-use" else port
        done = subprocess.run(
            [sys.executable, "-m", "amo_desktop.sandbox", "--port", chosen],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    assert done.returncode in (1, 2)
    assert "Traceback" not in done.stderr
    assert "0 to 65535" in done.stderr if port == "99999" else "can't listen on" in done.stderr
