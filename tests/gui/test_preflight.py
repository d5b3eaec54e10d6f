"""Before Qt starts: the checks that turn Qt's abort into a sentence a person can act on."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from amo_desktop.gui.preflight import (
    XCB_LIBRARIES,
    chosen_language,
    explain,
    loadable,
    problems,
    text,
    x_display_answers,
)

ROOT = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}


def everything_loads(_: str) -> bool:
    return True


def answering(_: str) -> bool:
    return True


def test_nothing_to_say_off_linux_or_offscreen_or_on_wayland() -> None:
    assert problems({}, platform="darwin") == []
    assert problems({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") == []
    assert problems({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux") == []


def test_a_healthy_x11_desktop_passes() -> None:
    assert problems(X11, "linux", everything_loads, answering) == []


def test_no_display_is_explained_with_xvfb_run() -> None:
    (found,) = problems({}, "linux", everything_loads, answering)
    assert "no display" in found and "xvfb-run amo-desktop" in found


def test_a_display_that_does_not_answer_is_explained() -> None:
    (found,) = problems(X11, "linux", everything_loads, lambda _: False)
    assert "The display :0 does not answer" in found


def test_missing_libraries_are_named_by_their_debian_packages() -> None:
    absent = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    (found,) = problems(X11, "linux", lambda soname: soname not in absent, answering)
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in found


def test_every_problem_is_explained_in_ukrainian_too() -> None:
    absent = {"libxcb-cursor.so.0"}
    found = problems({}, "linux", lambda soname: soname not in absent, answering, language="uk")
    paragraph = explain(found, "uk")
    assert paragraph.startswith("amo-desktop не може відкрити вікно.")
    assert "Немає екрана" in paragraph and "sudo apt-get install libxcb-cursor0" in paragraph
    assert "Усі кроки доступні й без вікна: amo-desktop --help" in paragraph
    silent = problems(X11, "linux", everything_loads, lambda _: False, language="uk")
    assert silent == [text("display_silent", "uk", display=":0")]
    assert "Екран :0 не відповідає" in silent[0]


def test_the_language_chosen_in_the_app_wins_over_the_environment(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert chosen_language({"AMO_DESKTOP_HOME": str(home), "LANG": "uk_UA.UTF-8"}) == "uk"
    home.mkdir()
    (home / "config.json").write_text('{"version": 1, "profiles": {}, "language": "en"}')
    assert chosen_language({"AMO_DESKTOP_HOME": str(home), "LANG": "uk_UA.UTF-8"}) == "en"


def test_library_check_uses_the_dynamic_linker() -> None:
    assert loadable("libc.so.6") if sys.platform.startswith("linux") else True
    assert not loadable("libamo-desktop-does-not-exist.so.0")
    assert set(XCB_LIBRARIES) >= {"libxcb-cursor0", "libxkbcommon-x11-0"}


def test_x_display_answers_only_when_a_server_listens(tmp_path: Path) -> None:
    assert not x_display_answers(":7", socket_dir=tmp_path)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(tmp_path / "X7"))
        server.listen(1)
        assert x_display_answers(":7", socket_dir=tmp_path)
        assert x_display_answers("unix:7.0", socket_dir=tmp_path)
    finally:
        server.close()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
        tcp.bind(("127.0.0.1", 0))
        free_display = tcp.getsockname()[1] - 6000
    if free_display >= 0:
        assert not x_display_answers(f"127.0.0.1:{free_display}")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [({}, "no display"), ({"DISPLAY": ":987"}, "The display :987 does not answer")],
)
def test_amo_desktop_without_a_usable_display_explains_and_exits_1(
    environment: dict[str, str], expected: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(environment, AMO_DESKTOP_HOME=str(tmp_path), AMO_DESKTOP_LANG="en")
    run = subprocess.run(
        [sys.executable, "-m", "amo_desktop"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    assert "amo-desktop can't open its window." in run.stderr
    assert expected in run.stderr
    assert "amo-desktop --help" in run.stderr
    assert "Traceback" not in run.stderr


def test_without_a_display_it_explains_in_the_users_language(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(AMO_DESKTOP_HOME=str(tmp_path), AMO_DESKTOP_LANG="uk")
    run = subprocess.run(
        [sys.executable, "-m", "amo_desktop"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.startswith("amo-desktop не може відкрити вікно.")
    assert "Немає екрана" in run.stderr and "Traceback" not in run.stderr


def test_the_readmes_install_line_names_every_library_the_check_looks_for() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("sudo apt-get install libxcb") :].split("```")[0]
    assert set(block.replace("\\", " ").split()) >= set(XCB_LIBRARIES)
