"""``amo-desktop status`` start-up against a bare ``python -c "import httpx"``.

Both run as fresh processes, N times each, interleaved; the row shows the medians and their
ratio. ``status`` reads a logged-in profile (config file + keyring), so run this under a
working keyring (``make bench`` uses scripts/with-keyring).

Both commands load cached bytecode, as an installed copy does (pip byte-compiles on install):
they share a private ``PYTHONPYCACHEPREFIX`` that the warm-up run fills. Without it, a shell
with ``PYTHONDONTWRITEBYTECODE=1`` would compile our modules from source on every start (but
none of httpx's, whose bytecode came with the install), which no user's copy does.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from amo_desktop.sandbox import ThreadedSandbox
from benchmarks.cli_support.runs import amo_desktop_command, interleaved_runs, report, signed_in_cli

RUNS = 15


def main() -> int:
    with (
        ThreadedSandbox() as sandbox,
        signed_in_cli(sandbox) as signed_in_env,
        tempfile.TemporaryDirectory(prefix="amo-bench-pycache-") as bytecode,
    ):
        env = {k: v for k, v in signed_in_env.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = bytecode
        status = [*amo_desktop_command(), "status"]
        bare = [sys.executable, "-c", "import httpx"]
        ours, baseline = interleaved_runs((status, env), (bare, env), RUNS)
    report(
        "cli_startup",
        '`amo-desktop status` start-up vs `python -c "import httpx"`',
        ours=("amo-desktop status", ours),
        baseline=('python -c "import httpx"', baseline),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
