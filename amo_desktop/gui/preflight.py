"""Can Qt open a window here? Run by ``make run`` before the app, with a clear answer.

On Linux the Qt "xcb" platform needs a display and a handful of X libraries that minimal
systems lack; without them Qt aborts with a cryptic "could not load the Qt platform plugin".
This check says what is missing and how to install it. It never imports Qt widgets, so it
cannot crash the same way. macOS, Windows, Wayland and the offscreen platform pass.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# Debian package -> the shared library Qt's xcb platform plugin loads from it.
XCB_LIBRARIES = {
    "libxcb-cursor0": "xcb-cursor",
    "libxcb-icccm4": "xcb-icccm",
    "libxcb-image0": "xcb-image",
    "libxcb-keysyms1": "xcb-keysyms",
    "libxcb-randr0": "xcb-randr",
    "libxcb-render-util0": "xcb-render-util",
    "libxcb-shape0": "xcb-shape",
    "libxcb-xinerama0": "xcb-xinerama",
    "libxcb-xkb1": "xcb-xkb",
    "libxkbcommon-x11-0": "xkbcommon-x11",
}


def missing_xcb_packages(find_library: Callable[[str], str | None]) -> list[str]:
    return [package for package, lib in XCB_LIBRARIES.items() if find_library(lib) is None]


def problems(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
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
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        found.append(
            "No display: neither DISPLAY nor WAYLAND_DISPLAY is set, so there is no screen "
            "to open the window on.\n  On a server run it in a virtual display: xvfb-run make run"
        )
    missing = missing_xcb_packages(find_library)
    if missing:
        found.append(
            "Qt's X11 platform needs system libraries that are missing:\n"
            f"  sudo apt-get install {' '.join(missing)}"
        )
    return found


def main() -> int:
    found = problems(os.environ)
    for problem in found:
        print(f"amo-desktop cannot open its window. {problem}", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
