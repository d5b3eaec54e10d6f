"""``amo-desktop test`` against a raw httpx GET /api/v4/account to the same sandbox.

Both are fresh processes (a person or a script pays the start-up either way), run N times
each, interleaved; the row shows the medians and their ratio. Run it under a working keyring
(``make bench`` uses scripts/with-keyring).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from amo_desktop.sandbox import ThreadedSandbox

RUNS = 15
HERE = Path(__file__).resolve().parent
RAW_REQUEST = (
    "import os, httpx\n"
    "headers = {'Authorization': 'Bearer ' + os.environ['BENCH_TOKEN']}\n"
    "httpx.get(os.environ['BENCH_URL'] + '/api/v4/account', headers=headers).raise_for_status()\n"
)


def amo_desktop_command() -> list[str]:
    script = Path(sys.executable).with_name("amo-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "amo_desktop"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def login_with_the_cli(sandbox: ThreadedSandbox, env: dict[str, str]) -> None:
    keys = sandbox.state.demo_integration
    cli = amo_desktop_command()
    subprocess.run(
        [*cli, "configure", "--domain", sandbox.base_url, "--client-id", keys.client_id,
         "--redirect-uri", keys.redirect_uri, "--client-secret-stdin"],
        input=keys.client_secret, text=True, env=env, check=True, capture_output=True,
    )  # fmt: skip
    code = sandbox.call(lambda state: state.issue_authorization_code())
    subprocess.run([*cli, "login", "--code", code], env=env, check=True, capture_output=True)


def token_for_the_baseline(sandbox: ThreadedSandbox) -> str:
    keys = sandbox.state.demo_integration
    code = sandbox.call(lambda state: state.issue_authorization_code())
    response = httpx.post(
        f"{sandbox.base_url}/oauth2/access_token",
        json={
            "client_id": keys.client_id,
            "client_secret": keys.client_secret,
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": keys.redirect_uri,
        },
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def main() -> int:
    with tempfile.TemporaryDirectory() as home, ThreadedSandbox() as sandbox:
        sandbox.call(lambda state: setattr(state, "rate_limit_per_second", None))
        env = {**os.environ, "AMO_DESKTOP_HOME": home, "AMO_DESKTOP_LANG": "en"}
        login_with_the_cli(sandbox, env)
        raw_env = {
            **env,
            "BENCH_URL": sandbox.base_url,
            "BENCH_TOKEN": token_for_the_baseline(sandbox),
        }
        test = [*amo_desktop_command(), "test"]
        raw = [sys.executable, "-c", RAW_REQUEST]
        timed(test, env), timed(raw, raw_env)  # warm the file cache for both
        ours, baseline = [], []
        for _ in range(RUNS):
            ours.append(timed(test, env))
            baseline.append(timed(raw, raw_env))
        subprocess.run([*amo_desktop_command(), "logout"], env=env, check=True, capture_output=True)
    result = {
        "name": "cli_test_roundtrip",
        "runs": RUNS,
        "ours": "amo-desktop test",
        "baseline": "python -c 'httpx.get(.../api/v4/account)'",
        "ours_median_ms": round(statistics.median(ours), 1),
        "baseline_median_ms": round(statistics.median(baseline), 1),
    }
    result["ratio"] = round(result["ours_median_ms"] / result["baseline_median_ms"], 2)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "cli_test_roundtrip.json").write_text(json.dumps(result, indent=2) + "\n")
    print("| Benchmark | Ours (median) | Baseline (median) | Ratio |")
    print("|---|---|---|---|")
    print(
        f"| `amo-desktop test` vs a raw httpx GET /api/v4/account, fresh processes "
        f"({RUNS} runs each) | {result['ours_median_ms']} ms | {result['baseline_median_ms']} ms "
        f"| {result['ratio']}× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
