"""The core, the sandbox and the CLI stay Qt-free (the CLI must start fast and headless)."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import amo_desktop.core

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    finished = subprocess.run(
        [lint_imports, "--no-cache"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        info.name for info in pkgutil.walk_packages(amo_desktop.core.__path__, "amo_desktop.core.")
    ]
    assert "amo_desktop.core.credentials" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = {'PySide6', 'qasync', 'shiboken6'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in qt))\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert finished.stdout.strip() == "[]"
