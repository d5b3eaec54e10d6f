"""Time from process start to the first painted window: amo-desktop vs a bare QWizard.

Each case runs in a fresh Python process. The parent notes the wall clock just before it
starts the process; the child notes it when the first window receives its first Paint
event (watched on each window as it is shown, the same way in both cases) and prints the
difference. The app case runs the real ``amo_desktop.gui.launcher.main``
(first run, so the setup wizard) in a throw-away home; the baseline is a bare PySide6
``QWizard`` with one page. Goal: the app needs at most 1.5 times the baseline.

Both cases load cached bytecode, as an installed copy does (pip byte-compiles on install):
the children get a private ``PYTHONPYCACHEPREFIX`` filled by one warm-up run each. Without it,
a shell with ``PYTHONDONTWRITEBYTECODE=1`` would compile our modules from source on every
start (but none of PySide's, whose bytecode came with the install), which no user's copy does.

So that the figure holds on a shared machine, every child runs pinned to the same single core
(set between fork and exec, so the interpreter's own start is pinned too; Qt's threads share
that core in both cases), and the two kinds take turns (ABAB…), so that load from elsewhere hits
both alike. The ratio is of the medians; the min–max of each kind shows the spread.

The app starts as a user's copy does: its home comes from platformdirs (in a fresh XDG config
folder, so a first run) and its language from ``--language`` (the app's own variable; English
needs no translators, Ukrainian loads them before the paint).

``--entry command`` starts where the ``amo-desktop`` command does (``amo_desktop.__main__``),
which first tries Qt in a child process so that it can explain a missing display or library.

Usage: ``python benchmarks/gui_startup.py [--runs N] [--cpu C] [--language en|uk]
[--entry launcher|command]`` (defaults: 11 runs each, the last core this process may use,
English, the launcher). Writes ``benchmarks/results/gui_startup[_uk][_command].json`` and
prints Markdown table rows.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_RUNS = 11
GOAL_RATIO = 1.5


def _child(kind: str, started_ns: int) -> None:
    """Runs in the child process: show a window, report the first paint, quit."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget, QWizard, QWizardPage

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                elapsed_ms = (time.time_ns() - started_ns) / 1e6
                print(f"FIRST_PAINT_MS {elapsed_ms:.1f}", flush=True)
                for window in QApplication.topLevelWidgets():
                    window.removeEventFilter(self)
                    window.close()
            return False

    # The watch goes on each window as it is shown, the same way in both cases. A filter on
    # the whole application would run Python for every event of every widget being built,
    # which charges the app for its widget count in a way that no real start pays.
    first_paint = FirstPaint()
    show = QWidget.show

    def show_and_watch(widget: QWidget) -> None:
        if widget.isWindow():
            widget.installEventFilter(first_paint)
        show(widget)

    QWidget.show = show_and_watch  # type: ignore[method-assign]
    if kind == "bare":
        app = QApplication(sys.argv[:1])
        wizard = QWizard()
        page = QWizardPage()
        page.setTitle("Welcome")
        wizard.addPage(page)
        wizard.resize(800, 600)
        wizard.show()
        app.exec()
        return

    if kind == "command":  # what ``amo-desktop`` runs, the Qt start-up probe included
        from amo_desktop.__main__ import start_gui

        start_gui()
        return
    from amo_desktop.gui import launcher

    launcher.main(sys.argv[:1])


def children_env(cache_dir: str, language: str) -> dict[str, str]:
    """The environment for children that keep their bytecode in ``cache_dir``."""
    unwanted = {"PYTHONDONTWRITEBYTECODE", "AMO_DESKTOP_HOME"}
    env = {k: v for k, v in os.environ.items() if k not in unwanted}
    env["PYTHONPYCACHEPREFIX"] = cache_dir
    env["AMO_DESKTOP_LANG"] = language
    return env


def _measure(kind: str, base_env: dict[str, str], cpu: int) -> float:
    with tempfile.TemporaryDirectory(prefix="amo-bench-") as config_home:
        # The app finds its home the way a user's copy does (platformdirs, under the XDG
        # config folder), so a fresh, empty folder means a first run.
        env = dict(base_env, XDG_CONFIG_HOME=config_home, QT_QPA_PLATFORM="offscreen")
        started_ns = time.time_ns()
        output = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(started_ns)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            # The parent has no threads, so running this between fork and exec is safe.
            preexec_fn=functools.partial(os.sched_setaffinity, 0, {cpu}),
        ).stdout
    for line in output.splitlines():
        if line.startswith("FIRST_PAINT_MS "):
            return float(line.split()[1])
    raise RuntimeError(f"{kind}: the child reported no paint:\n{output}")


def _summary(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples), 1),
        "min_ms": round(min(samples), 1),
        "max_ms": round(max(samples), 1),
    }


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        _child(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="runs of each kind")
    parser.add_argument("--cpu", type=int, default=max(os.sched_getaffinity(0)))
    parser.add_argument(
        "--entry",
        choices=("launcher", "command"),
        default="launcher",
        help="start at gui.launcher.main, or where the amo-desktop command starts the GUI",
    )
    parser.add_argument(
        "--language", choices=("en", "uk"), default="en", help="the app's interface language"
    )
    options = parser.parse_args()
    app_kind = "app" if options.entry == "launcher" else "command"
    samples: dict[str, list[float]] = {"bare": [], app_kind: []}
    with tempfile.TemporaryDirectory(prefix="amo-bench-pycache-") as cache_dir:
        env = children_env(cache_dir, options.language)
        for kind in samples:  # warm-up: fills the bytecode cache and the file cache
            _measure(kind, env, options.cpu)
        for _ in range(options.runs):  # ABAB…, so that machine load hits both alike
            for kind in samples:
                samples[kind].append(_measure(kind, env, options.cpu))
    bare = _summary(samples["bare"])
    app = _summary(samples[app_kind])
    ratio = app["median_ms"] / bare["median_ms"]
    result = {
        "runs": options.runs,
        "pinned_cpu": options.cpu,
        "language": options.language,
        "bare_qwizard_ms": samples["bare"],
        "entry": options.entry,
        "amo_desktop_ms": samples[app_kind],
        "bare": bare,
        "app": app,
        "ratio": round(ratio, 2),
        "goal_ratio": GOAL_RATIO,
        "met": ratio <= GOAL_RATIO,
    }
    suffix = "" if options.language == "en" else f"_{options.language}"
    suffix += "" if options.entry == "launcher" else f"_{options.entry}"
    results = RESULTS_DIR / f"gui_startup{suffix}.json"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print("| benchmark | amo-desktop | bare QWizard | ratio | goal |")
    print("|---|---|---|---|---|")
    verdict = "met" if result["met"] else "NOT met"
    print(
        f"| start to first painted window ({options.entry}, {options.language}), one core "
        f"(median of {options.runs}, min–max) "
        f"| {app['median_ms']:.0f} ms ({app['min_ms']:.0f}–{app['max_ms']:.0f}) "
        f"| {bare['median_ms']:.0f} ms ({bare['min_ms']:.0f}–{bare['max_ms']:.0f}) "
        f"| {ratio:.2f}× | ≤ {GOAL_RATIO}× ({verdict}) |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
