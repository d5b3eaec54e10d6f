"""The real start-up path: the welcome page first, and an abnormal end without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from amo_desktop.core.config import ConfigStore, Profile
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.platforms import Platform
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.launcher import first_run_and_language, show_welcome
from amo_desktop.gui.wizard.page_ids import PageId

# Runs the real launcher; once the app is up, Qt's loop is ended from outside the app, as
# when the display goes away or a library calls QApplication.quit().
QUIT_WHILE_RUNNING = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from amo_desktop.gui import app, launcher

original_start = app.DesktopApp.start

def start_then_quit(self, welcome=None):
    shown = original_start(self, welcome)
    QTimer.singleShot(50, QApplication.quit)
    return shown

app.DesktopApp.start = start_then_quit
raise SystemExit(launcher.main(["amo-desktop"]))
"""


def test_the_welcome_page_paints_alone_and_next_waits_for_the_other_pages(
    qapp: QApplication, qtbot: QtBot, languages: LanguageManager
) -> None:
    wizard = show_welcome(languages)
    qtbot.addWidget(wizard)
    assert wizard.isVisible()
    assert wizard.pageIds() == [PageId.WELCOME]
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isVisible() and not next_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    assert wizard.button(QWizard.WizardButton.CancelButton).isVisible()


def test_an_empty_home_is_a_first_run_in_the_detected_language(tmp_path: Path) -> None:
    assert first_run_and_language(tmp_path) == (True, None)


def test_a_configured_profile_is_no_first_run_and_keeps_its_language(tmp_path: Path) -> None:
    config = ConfigStore(tmp_path)
    config.save(
        Profile(
            name="shop",
            platform=Platform.AMOCRM_RU,
            account="shop.amocrm.ru",
            client_id="1a2b3c4d-1234-5678-9abc-0123456789ab",
            redirect_uri="https://example.com/callback",
        )
    )
    config.set_language("uk")
    assert first_run_and_language(tmp_path) == (False, "uk")
    config.set_current("shop")
    config.delete("shop")  # the current profile is gone: set it up again
    assert first_run_and_language(tmp_path) == (True, "uk")


def test_another_current_profile_than_the_configured_one_is_a_first_run(tmp_path: Path) -> None:
    document = {"version": 1, "current": "other", "language": "en", "profiles": {"shop": {}}}
    (tmp_path / "config.json").write_text(json.dumps(document), encoding="utf-8")
    assert first_run_and_language(tmp_path) == (True, "en")


def test_a_damaged_settings_file_is_reported_by_the_full_store(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(AmoError) as raised:
        first_run_and_language(tmp_path)
    assert raised.value.code is ErrorCode.CONFIG_UNREADABLE
    assert (tmp_path / "config.json.bak").read_text(encoding="utf-8") == "{not json"


def test_a_malformed_current_profile_is_reported_by_the_full_store(tmp_path: Path) -> None:
    document = {"version": 1, "current": "shop", "language": None, "profiles": {"shop": {}}}
    (tmp_path / "config.json").write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(AmoError) as raised:
        first_run_and_language(tmp_path)
    assert raised.value.code is ErrorCode.CONFIG_UNREADABLE


def test_a_loop_that_stops_early_ends_with_one_line_and_the_details_in_the_log(
    tmp_path: Path,
) -> None:
    env = dict(os.environ, AMO_DESKTOP_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env["AMO_DESKTOP_LANG"] = "en"
    finished = subprocess.run(
        [sys.executable, "-c", QUIT_WHILE_RUNNING],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 1, finished.stderr
    assert "Traceback" not in finished.stderr
    assert "Task was destroyed" not in finished.stderr
    assert "Something went wrong: An unexpected problem happened." in finished.stderr
    log_lines = (tmp_path / "logs" / "activity.log").read_text(encoding="utf-8").splitlines()
    messages = [json.loads(line)["message"] for line in log_lines]
    assert "the event loop stopped before the app had closed its windows" in messages
