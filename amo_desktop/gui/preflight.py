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

# Debian package -> the shared library (its soname) Qt's xcb platform plugin and Qt's GUI
# module load from it; the README's apt-get line lists the same packages.
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
    # Qt's GUI module itself needs these for any window (a minimal system may lack them too).
    "libegl1": "libEGL.so.1",
    "libgl1": "libGL.so.1",
    "libfontconfig1": "libfontconfig.so.1",
    "libxkbcommon0": "libxkbcommon.so.0",
}
X11_SOCKET_DIR = Path("/tmp/.X11-unix")  # noqa: S108 - where every X server puts its socket
X_TCP_BASE_PORT = 6000
# The texts in English and Ukrainian: Qt, and so its translations, is not loaded yet.
_TEXTS = {
    "title": (
        "amo-desktop can't open its window.",
        "amo-desktop не може відкрити вікно.",
    ),
    "no_display": (
        "There is no display: neither DISPLAY nor WAYLAND_DISPLAY is set (for example over "
        "SSH or in a container).\n  Run it inside a desktop session, or with a virtual display: "
        "xvfb-run amo-desktop",
        "Немає екрана: не задано ні DISPLAY, ні WAYLAND_DISPLAY (наприклад, через SSH або в "
        "контейнері).\n  Запустіть програму в сеансі робочого столу або з віртуальним екраном: "
        "xvfb-run amo-desktop",
    ),
    "display_silent": (
        "The display {display} does not answer: the X server is not running or refuses "
        "connections.\n  Log in to the desktop again, or use a virtual display: "
        "xvfb-run amo-desktop",
        "Екран {display} не відповідає: X-сервер не запущено або він не приймає з'єднань.\n"
        "  Увійдіть у робочий стіл ще раз або скористайтеся віртуальним екраном: "
        "xvfb-run amo-desktop",
    ),
    "libraries": (
        "Qt's X11 platform needs system libraries that are missing:\n"
        "  sudo apt-get install {packages}",
        "Для роботи Qt у X11 бракує системних бібліотек:\n  sudo apt-get install {packages}",
    ),
    "without_a_window": (
        "Every step also works without a window: amo-desktop --help",
        "Усі кроки доступні й без вікна: amo-desktop --help",
    ),
    "broken_install": (
        "amo-desktop can't open its window: {error}.\nReinstall the app (make run).",
        "amo-desktop не може відкрити вікно: {error}.\nПеревстановіть програму (make run).",
    ),
}
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


def text(key: str, language: str, **values: object) -> str:
    """One of this module's texts in ``language`` ("en" or "uk")."""
    english, ukrainian = _TEXTS[key]
    return (ukrainian if language == "uk" else english).format(**values)


def problems(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    can_load: Callable[[str], bool] = loadable,
    display_answers: Callable[[str], bool] = x_display_answers,
    language: str = "en",
) -> list[str]:
    """What stops a Qt window from opening, in ``language``; empty when nothing does."""
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
        found.append(text("no_display", language))
    elif display and not display_answers(display):
        found.append(text("display_silent", language, display=display))
    missing = missing_xcb_packages(can_load)
    if missing:
        found.append(text("libraries", language, packages=" ".join(missing)))
    return found


def explain(found: list[str], language: str = "en") -> str:
    """One paragraph for the terminal."""
    lines = [text("title", language)]
    lines.extend(f"- {problem}" for problem in found)
    lines.append(text("without_a_window", language))
    return "\n".join(lines)


def broken_install(error: ImportError, language: str = "en") -> str:
    """PySide6 is missing or damaged: what to do, in one paragraph."""
    return "\n".join(
        [text("broken_install", language, error=error), text("without_a_window", language)]
    )


def chosen_language(environ: Mapping[str, str] = os.environ) -> str:
    """The language picked in the app's settings, else the one the environment asks for."""
    from amo_desktop.core.config_summary import read_summary
    from amo_desktop.core.i18n import detect_language
    from amo_desktop.core.paths import app_home

    try:
        summary = read_summary(app_home(environ))
    except OSError:
        summary = None
    chosen = summary.language if summary is not None else None
    return chosen or detect_language(environ)


def main() -> int:
    language = chosen_language()
    found = problems(os.environ, language=language)
    if found:
        print(explain(found, language), file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
