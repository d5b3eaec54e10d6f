"""Runs every benchmark script in this folder, one after another, and prints their rows.

Each script compares our code against a baseline measured on the same machine in the same run
and prints Markdown table rows; this runner only collects them for the README.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The runs the README's rows come from, for scripts that measure more than one thing; every
# other script runs once, with no arguments.
RUNS = {
    "gui_startup": (
        ("--entry", "command"),
        ("--entry", "command", "--language", "uk"),
    ),
}


def main() -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in {"run_all.py", "__init__.py"})
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    failures = 0
    for script in scripts:
        for arguments in RUNS.get(script.stem, ((),)):
            print(f"## {' '.join((script.stem, *arguments))}", flush=True)
            result = subprocess.run(
                [sys.executable, str(script), *arguments], env=env, cwd=HERE.parent, check=False
            )
            if result.returncode != 0:
                failures += 1
                print(f"(failed with exit code {result.returncode})", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
