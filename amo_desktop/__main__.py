"""``python -m amo_desktop`` and ``amo-desktop``: a command runs the CLI, no command the GUI.

The GUI launcher lives here rather than in :mod:`amo_desktop.cli` so that the command line
never depends on Qt (the layer contract forbids it); the CLI receives it as a callable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

# The system libraries Qt's xcb platform plugin loads on Linux, with their Debian package names.
QT_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xinerama": "libxcb-xinerama0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}
ALL_XCB_PACKAGES = " ".join(QT_XCB_LIBRARIES.values())


# Qt aborts the whole process when its platform plugin can't start (missing libraries, a
# display that doesn't answer), so a child process tries first and we explain its failure.
_QT_PROBE = "from PySide6.QtWidgets import QApplication; QApplication([])"
_EVERY_STEP_WITHOUT_A_WINDOW = "Every step also works without a window: amo-desktop --help"


def _why_qt_cannot_start() -> str | None:
    """A human explanation when Qt can't open a window here, else None."""
    # Imported here, not at the top: every CLI command starts through this module too.
    import ctypes.util
    import subprocess

    linux = sys.platform.startswith("linux")
    if linux and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return (
                "amo-desktop can't open its window: there is no display (DISPLAY and "
                "WAYLAND_DISPLAY are empty, for example over SSH or in a container).\n"
                "Run it inside a desktop session, or with a virtual display: xvfb-run amo-desktop\n"
                + _EVERY_STEP_WITHOUT_A_WINDOW
            )
    try:
        probe = subprocess.run(  # noqa: S603 - our own interpreter with a fixed snippet
            [sys.executable, "-c", _QT_PROBE],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except subprocess.TimeoutExpired:
        reason = "Qt did not start within a minute"
    else:
        if probe.returncode == 0:
            return None
        lines = [line for line in probe.stderr.splitlines() if line.strip()]
        reason = lines[0].strip() if lines else f"Qt stopped with exit code {probe.returncode}"
    missing = [pkg for lib, pkg in QT_XCB_LIBRARIES.items() if not ctypes.util.find_library(lib)]
    if linux and missing:
        return (
            "amo-desktop can't open its window: Qt needs system libraries that are not "
            f"installed: {' '.join(missing)}.\n"
            f"On Debian or Ubuntu: sudo apt-get install {ALL_XCB_PACKAGES}\n"
            + _EVERY_STEP_WITHOUT_A_WINDOW
        )
    fix = (
        f"On Debian or Ubuntu check the libraries: sudo apt-get install {ALL_XCB_PACKAGES}\n"
        "or start it with a virtual display: xvfb-run amo-desktop\n"
        if linux
        else "Reinstall the app (make run).\n"
    )
    return f"amo-desktop can't open its window: {reason}\n{fix}{_EVERY_STEP_WITHOUT_A_WINDOW}"


def start_gui() -> int:
    """Start the desktop window, or explain in one paragraph why it can't start."""
    problem = _why_qt_cannot_start()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    try:
        from amo_desktop.gui import launcher
    except ImportError as error:  # a broken install; Qt itself started in the probe
        print(
            f"amo-desktop can't open its window: {error}.\n"
            f"Reinstall the app (make run). {_EVERY_STEP_WITHOUT_A_WINDOW}",
            file=sys.stderr,
        )
        return 1
    return int(launcher.main() or 0)


def main(argv: Sequence[str] | None = None) -> int:
    from amo_desktop.cli.main import main as cli_main

    return cli_main(argv, start_gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
