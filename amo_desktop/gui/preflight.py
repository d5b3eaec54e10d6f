"""Can Qt open a window here? Checked before Qt starts, with a clear answer when it can't.

On Linux, Qt's "xcb" platform needs a display that answers and a handful of X libraries that
minimal systems lack; without them Qt aborts the whole process with a cryptic "could not load
the Qt platform plugin". These checks never import Qt, so they cannot crash the same way, and
they are cheap (a ``dlopen`` per library, one socket connect), so every start can afford them.
macOS, Windows, Wayland and the offscreen platform pass.

``amo-desktop`` (no command) runs them before the window; ``make run`` runs this module.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Debian package -> the shared library (its soname) Qt's xcb platform plugin loads from it.
XCB_LIBRARIES = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-xinerama0": "libxcb-xinerama.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
}
X11_SOCKET_DIR = Path("/tmp/.X11-unix")  # noqa: S108 - where every X server puts its socket
X_TCP_BASE_PORT = 6000
WITHOUT_A_WINDOW = "Every step also works without a window: amo-desktop --help"
_DISPLAY = re.compile(r"^(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$")


def loadable(soname: str) -> bool:
    """Whether the dynamic linker finds and loads ``soname`` (what Qt's plugin will do)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_packages(can_load: Callable[[str], bool] = loadable) -> list[str]:
    return [package for package, soname in XCB_LIBRARIES.items() if not can_load(soname)]


def x_display_answers(display: str, socket_dir: Path = X11_SOCKET_DIR) -> bool:
    """Whether an X server accepts connections at ``display`` (``:0``, ``host:1.0``)."""
    match = _DISPLAY.match(display)
    if match is None:
        return True  # a form we don't know (e.g. launchd's path on macOS): let Qt decide
    host, number = match["host"], int(match["number"])
    if host in {"", "unix"}:
        target: tuple[int, str | tuple[str, int]] = (
            socket.AF_UNIX,
            str(socket_dir / f"X{number}"),
        )
    else:
        target = (socket.AF_INET, (host, X_TCP_BASE_PORT + number))
    family, address = target
    with contextlib.closing(socket.socket(family, socket.SOCK_STREAM)) as probe:
        probe.settimeout(2.0)
        try:
            probe.connect(address)
        except OSError:
            return False
    return True


def problems(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    can_load: Callable[[str], bool] = loadable,
    display_answers: Callable[[str], bool] = x_display_answers,
) -> list[str]:
    """What stops a Qt window from opening; empty when nothing does."""
    if not platform.startswith("linux"):
        return []
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa.startswith(("offscreen", "minimal", "vnc")):
        return []
    if qpa.startswith("wayland") or (not qpa and environ.get("WAYLAND_DISPLAY")):
        return []
    found: list[str] = []
    display = environ.get("DISPLAY", "")
    if not display and not environ.get("WAYLAND_DISPLAY"):
        found.append(
            "There is no display: neither DISPLAY nor WAYLAND_DISPLAY is set (for example "
            "over SSH or in a container).\n  Run it inside a desktop session, or with a "
            "virtual display: xvfb-run amo-desktop"
        )
    elif display and not display_answers(display):
        found.append(
            f"The display {display} does not answer: the X server is not running or refuses "
            "connections.\n  Log in to the desktop again, or use a virtual display: "
            "xvfb-run amo-desktop"
        )
    missing = missing_xcb_packages(can_load)
    if missing:
        found.append(
            "Qt's X11 platform needs system libraries that are missing:\n"
            f"  sudo apt-get install {' '.join(missing)}"
        )
    return found


def explain(found: list[str]) -> str:
    """One paragraph for the terminal."""
    lines = ["amo-desktop can't open its window."]
    lines.extend(f"- {problem}" for problem in found)
    lines.append(WITHOUT_A_WINDOW)
    return "\n".join(lines)


def main() -> int:
    found = problems(os.environ)
    if found:
        print(explain(found), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
