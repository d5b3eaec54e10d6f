"""``amo-desktop test`` against a raw httpx GET /api/v4/account to the same sandbox.

Both are fresh processes (a person or a script pays the start-up either way), run N times
each, interleaved; the row shows the medians and their ratio. Run it under a working keyring
(``make bench`` uses scripts/with-keyring).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amo_desktop.sandbox import ThreadedSandbox
from benchmarks.cli_support.runs import amo_desktop_command, interleaved_runs, report, signed_in_cli

RUNS = 15
RAW_REQUEST = (
    "import os, httpx\n"
    "headers = {'Authorization': 'Bearer ' + os.environ['BENCH_TOKEN']}\n"
    "httpx.get(os.environ['BENCH_URL'] + '/api/v4/account', headers=headers).raise_for_status()\n"
)


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
    with ThreadedSandbox() as sandbox:
        sandbox.call(lambda state: setattr(state, "rate_limit_per_second", None))
        with signed_in_cli(sandbox) as env:
            raw_env = {
                **env,
                "BENCH_URL": sandbox.base_url,
                "BENCH_TOKEN": token_for_the_baseline(sandbox),
            }
            test = [*amo_desktop_command(), "test"]
            raw = [sys.executable, "-c", RAW_REQUEST]
            ours, baseline = interleaved_runs((test, env), (raw, raw_env), RUNS)
    report(
        "cli_test_roundtrip",
        "`amo-desktop test` vs a raw httpx GET /api/v4/account, fresh processes",
        ours=("amo-desktop test", ours),
        baseline=("python -c 'httpx.get(.../api/v4/account)'", baseline),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
