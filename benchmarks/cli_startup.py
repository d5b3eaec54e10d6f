"""``amo-desktop status`` start-up against a bare ``python -c "import httpx"``.

Both run as fresh processes, N times each, interleaved; the row shows the medians and their
ratio. ``status`` reads a logged-in profile (config file + keyring), so run this under a
working keyring (``make bench`` uses scripts/with-keyring).
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

from amo_desktop.sandbox import ThreadedSandbox

RUNS = 15
HERE = Path(__file__).resolve().parent


def amo_desktop_command() -> list[str]:
    script = Path(sys.executable).with_name("amo-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "amo_desktop"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


def logged_in_home(sandbox: ThreadedSandbox, env: dict[str, str]) -> None:
    keys = sandbox.state.demo_integration
    cli = amo_desktop_command()
    subprocess.run(
        [*cli, "configure", "--domain", sandbox.base_url, "--client-id", keys.client_id,
         "--redirect-uri", keys.redirect_uri, "--client-secret-stdin"],
        input=keys.client_secret, text=True, env=env, check=True, capture_output=True,
    )  # fmt: skip
    code = sandbox.call(lambda state: state.issue_authorization_code())
    subprocess.run([*cli, "login", "--code", code], env=env, check=True, capture_output=True)


def main() -> int:
    with tempfile.TemporaryDirectory() as home, ThreadedSandbox() as sandbox:
        env = {**os.environ, "AMO_DESKTOP_HOME": home, "AMO_DESKTOP_LANG": "en"}
        logged_in_home(sandbox, env)
        ours, baseline = [], []
        status = [*amo_desktop_command(), "status"]
        bare = [sys.executable, "-c", "import httpx"]
        timed(status, env), timed(bare, env)  # warm the file cache for both
        for _ in range(RUNS):
            ours.append(timed(status, env))
            baseline.append(timed(bare, env))
        subprocess.run([*amo_desktop_command(), "logout"], env=env, check=True, capture_output=True)
    result = {
        "name": "cli_startup",
        "runs": RUNS,
        "ours": "amo-desktop status",
        "baseline": 'python -c "import httpx"',
        "ours_median_ms": round(statistics.median(ours), 1),
        "baseline_median_ms": round(statistics.median(baseline), 1),
    }
    result["ratio"] = round(result["ours_median_ms"] / result["baseline_median_ms"], 2)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "cli_startup.json").write_text(json.dumps(result, indent=2) + "\n")
    print("| Benchmark | Ours (median) | Baseline (median) | Ratio |")
    print("|---|---|---|---|")
    print(
        f'| `amo-desktop status` start-up vs `python -c "import httpx"` ({RUNS} runs each) '
        f"| {result['ours_median_ms']} ms | {result['baseline_median_ms']} ms "
        f"| {result['ratio']}× |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
