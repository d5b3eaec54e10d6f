"""Time the CLI and its baseline as fresh processes, interleaved, and report their medians."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from amo_desktop.sandbox import ThreadedSandbox

RESULTS = Path(__file__).resolve().parents[1] / "results"


def amo_desktop_command() -> list[str]:
    script = Path(sys.executable).with_name("amo-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "amo_desktop"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    """Milliseconds one fresh process takes from start to exit."""
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return (time.perf_counter() - started) * 1000


@contextmanager
def signed_in_cli(sandbox: ThreadedSandbox) -> Iterator[dict[str, str]]:
    """A fresh app home signed in to the sandbox's demo integration through the CLI.

    Yields the environment to run the CLI in; signs out (clearing the keyring) afterwards.
    """
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "AMO_DESKTOP_HOME": home, "AMO_DESKTOP_LANG": "en"}
        keys = sandbox.state.demo_integration
        cli = amo_desktop_command()
        subprocess.run(
            [*cli, "configure", "--domain", sandbox.base_url, "--client-id", keys.client_id,
             "--redirect-uri", keys.redirect_uri, "--client-secret-stdin"],
            input=keys.client_secret, text=True, env=env, check=True, capture_output=True,
        )  # fmt: skip
        code = sandbox.call(lambda state: state.issue_authorization_code())
        subprocess.run([*cli, "login", "--code", code], env=env, check=True, capture_output=True)
        yield env
        subprocess.run([*cli, "logout"], env=env, check=True, capture_output=True)


def interleaved_runs(
    ours: tuple[list[str], dict[str, str]],
    baseline: tuple[list[str], dict[str, str]],
    runs: int,
) -> tuple[list[float], list[float]]:
    """``runs`` timings of each (argv, env), alternating, after one warm-up run of each."""
    timed(*ours), timed(*baseline)  # warm the file cache for both
    ours_ms, baseline_ms = [], []
    for _ in range(runs):
        ours_ms.append(timed(*ours))
        baseline_ms.append(timed(*baseline))
    return ours_ms, baseline_ms


def report(
    name: str, title: str, *, ours: tuple[str, list[float]], baseline: tuple[str, list[float]]
) -> None:
    """Write ``results/<name>.json`` and print the Markdown row comparing the medians.

    ``ours`` and ``baseline`` are (what was run, its timings in ms).
    """
    (ours_label, ours_ms), (baseline_label, baseline_ms) = ours, baseline
    ours_median = round(statistics.median(ours_ms), 1)
    baseline_median = round(statistics.median(baseline_ms), 1)
    result = {
        "name": name,
        "runs": len(ours_ms),
        "ours": ours_label,
        "baseline": baseline_label,
        "ours_median_ms": ours_median,
        "baseline_median_ms": baseline_median,
        "ratio": round(ours_median / baseline_median, 2),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    print("| Benchmark | Ours (median) | Baseline (median) | Ratio |")
    print("|---|---|---|---|")
    print(
        f"| {title} ({len(ours_ms)} runs each) | {ours_median} ms | {baseline_median} ms "
        f"| {result['ratio']}× |"
    )
