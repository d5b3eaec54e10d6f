""" "Copy support report" and "Save to file…": checks, versions, keyring backend, masked
settings and recent activity as one text, without any of the run's secrets."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from amo_desktop.core.tokens import TokenSet
from tests.gui.conftest import run
from tests.gui.driving import WAIT_MS, click, label_text
from tests.gui_troubleshooting.conftest import Centre, connect_to_sandbox
from tests.gui_troubleshooting.driving import RUN_MS, controller_of, run_all_checks


def secrets_of(qtbot: QtBot, centre: Centre) -> list[str]:
    """The run's client secret and both tokens, as the keyring holds them now."""
    tokens: TokenSet | None = run(
        qtbot, centre.desktop.core.credentials.get_tokens(centre.session.name)
    )
    assert tokens is not None and tokens.refresh_token is not None
    return [
        centre.sandbox.state.demo_integration.client_secret,
        tokens.access_token,
        tokens.refresh_token,
    ]


def assert_no_secret(report: str, secrets: list[str]) -> None:
    for value in secrets:
        assert value not in report
        assert value[:24] not in report  # not even a recognisable piece


def test_the_copied_report_has_the_checks_versions_and_log_but_no_secret(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    page = centre.page
    QGuiApplication.clipboard().clear()

    # No checks have run yet: the report runs them first, then lands on the clipboard.
    with qtbot.waitSignal(controller_of(centre).reportReady, timeout=RUN_MS):
        click(qtbot, page, "copyReportButton")

    report = QGuiApplication.clipboard().text()
    assert report == page.last_report
    assert page.check_model.finished_count() == page.check_model.rowCount() > 0
    for expected in (
        "amo-desktop support report",
        "== Checks ==",
        "status: ok",
        "[keyring]",
        "[redirect_uri]",
        "Python: 3.",
        "Qt: 6.",
        "PySide6: 6.",
        "keyring backend: in-memory test keyring",
        "== Settings ==",
        "redirect URI: http://127.0.0.1:",
        "== Recent activity ==",
        "GET /api/v4/account -> 200",
    ):
        assert expected in report, expected
    client_id = centre.sandbox.state.demo_integration.client_id
    assert client_id not in report  # only its first and last characters
    assert_no_secret(report, secrets_of(qtbot, centre))
    assert "clipboard" in label_text(page, "reportResult")


def test_a_report_after_a_real_refresh_masks_the_old_and_the_new_tokens(
    qtbot: QtBot, open_centre
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    old = secrets_of(qtbot, centre)
    run_all_checks(qtbot, centre, refresh=True)
    new = secrets_of(qtbot, centre)
    assert new[2] != old[2]

    with qtbot.waitSignal(controller_of(centre).reportReady, timeout=RUN_MS):
        click(qtbot, centre.page, "copyReportButton")

    report = QGuiApplication.clipboard().text()
    assert "✓ Token refresh [refresh]" in report
    assert_no_secret(report, old + new)


def test_save_to_file_writes_the_report_for_the_owner_only(
    qtbot: QtBot, open_centre, tmp_path: Path
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    run_all_checks(qtbot, centre)
    target = tmp_path / "report.txt"

    click(qtbot, centre.page, "saveReportButton")
    dialog = centre.page.findChild(QFileDialog, "saveReportDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    with qtbot.waitSignal(controller_of(centre).reportSaved, timeout=RUN_MS) as saved:
        dialog.selectFile(str(target))
        dialog.accept()

    assert saved.args == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert "== Checks ==" in text and "[token]" in text
    assert_no_secret(text, secrets_of(qtbot, centre))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in label_text(centre.page, "reportResult")


def test_a_folder_that_cannot_be_written_is_explained(
    qtbot: QtBot, open_centre, tmp_path: Path
) -> None:
    centre = open_centre(configure=connect_to_sandbox)
    run_all_checks(qtbot, centre)
    missing = tmp_path / "no-such-folder" / "report.txt"

    with qtbot.waitSignal(controller_of(centre).failed, timeout=RUN_MS):
        centre.page.saveReportRequested.emit(str(missing))

    assert label_text(centre.page, "reportErrorTitle") == "File not saved"
    assert "Choose a folder" in label_text(centre.page, "reportErrorHint")
