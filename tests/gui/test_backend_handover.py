"""Keys from a backend ``.env``, and the Done page's hand-over: ``.env`` export and token push."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from aiohttp import web
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from amo_desktop.core.envfile import parse_env
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.gui.app import DesktopApp
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.wizard.done_page import DonePage
from amo_desktop.gui.wizard.page_ids import PageId
from amo_desktop.gui.wizard.setup_wizard import SetupWizard
from tests.gui.conftest import run
from tests.gui.driving import (
    authorize_by_paste,
    choose_file,
    click,
    named,
    next_page,
    open_sandbox_wizard,
    reach_authorize_page,
    sandbox_server,
    type_into,
    visible_child,
    wait_for,
    wait_label,
)

SET_TOKENS_PATH = "/api/v1/integrations/amo-crm/set-tokens"


class CapturingBackend:
    """A stand-in for the company's backend: records what reaches its set-tokens route."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, Any]]] = []
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def _set_tokens(self, request: web.Request) -> web.Response:
        self.received.append((request.path, await request.json()))
        return web.json_response({"ok": True})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post(SET_TOKENS_PATH, self._set_tokens)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.base_url = f"http://{host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def reach_done_page(qtbot: QtBot, desktop: DesktopApp) -> SetupWizard:
    wizard = open_sandbox_wizard(qtbot, desktop)
    reach_authorize_page(qtbot, wizard)
    authorize_by_paste(qtbot, desktop, wizard)
    next_page(qtbot, wizard, PageId.CHECK)
    next_page(qtbot, wizard, PageId.DONE)
    wait_for(qtbot, wizard, lambda: "—" in named(wizard, QLabel, "doneAccount").text())
    return wizard


def test_import_from_a_backend_env_fills_the_keys_and_the_secret_works(
    qtbot: QtBot, desktop: DesktopApp, tmp_path: Path, unused_tcp_port: int
) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    server = sandbox_server(desktop)
    redirect_uri = f"http://127.0.0.1:{unused_tcp_port}/callback"
    backend_app = server.state.add_integration(redirect_uri=redirect_uri, name="backend")
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# the backend's settings\nPORT=3000\n"
        f"AMO_DOMAIN={server.base_url}\n"
        f"AMO_CLIENT_ID={backend_app.client_id}\n"
        f"AMO_CLIENT_SECRET='{backend_app.client_secret}'\n"
        f"AMO_REDIRECT_URI={redirect_uri}\n",
        encoding="utf-8",
    )
    next_page(qtbot, wizard, PageId.ACCOUNT)
    next_page(qtbot, wizard, PageId.KEYS)

    click(qtbot, wizard, "importEnvButton")
    choose_file(qtbot, wizard, "importEnvDialog", str(env_file))
    keys = wizard.keys_page
    wait_for(qtbot, wizard, lambda: keys.client_id == backend_app.client_id)
    assert keys.redirect_uri == redirect_uri
    assert wizard.account_page.address_input.text() == server.base_url
    # The secret went straight to the keyring; the field stays empty and says so.
    assert keys.client_secret == ""
    assert "keyring" in keys.secret_input.placeholderText()
    assert run(qtbot, desktop.core.credentials.get_client_secret("default")) == (
        backend_app.client_secret
    )
    assert keys.isComplete()

    # The imported keys really work: authorize with them.
    next_page(qtbot, wizard, PageId.AUTHORIZE)
    wait_for(qtbot, wizard, wizard.authorize_page.code_input.isEnabled)
    authorize_by_paste(qtbot, desktop, wizard)


def test_a_broken_env_file_is_explained_on_the_keys_page(
    qtbot: QtBot, desktop: DesktopApp, tmp_path: Path
) -> None:
    wizard = open_sandbox_wizard(qtbot, desktop)
    next_page(qtbot, wizard, PageId.ACCOUNT)
    next_page(qtbot, wizard, PageId.KEYS)
    before = wizard.keys_page.client_id
    env_file = tmp_path / ".env"
    env_file.write_text("PORT=3000\n", encoding="utf-8")
    click(qtbot, wizard, "importEnvButton")
    choose_file(qtbot, wizard, "importEnvDialog", str(env_file))
    assert wait_label(qtbot, wizard, "keysErrorTitle")
    assert wizard.keys_page.client_id == before


def test_export_writes_a_private_env_and_asks_before_replacing_values(
    qtbot: QtBot, desktop: DesktopApp, tmp_path: Path
) -> None:
    wizard = reach_done_page(qtbot, desktop)
    client_id = wizard.keys_page.client_id
    secret = run(qtbot, desktop.core.credentials.get_client_secret("default"))
    assert secret

    fresh = tmp_path / "new.env"
    click(qtbot, wizard, "exportEnvButton")
    choose_file(qtbot, wizard, "exportEnvDialog", str(fresh))
    assert str(fresh) in wait_label(qtbot, wizard, "exportEnvResult", "✓")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    values = parse_env(fresh.read_text(encoding="utf-8"))
    assert values["AMO_CLIENT_ID"] == client_id
    assert values["AMO_CLIENT_SECRET"] == secret
    assert values["AMO_REDIRECT_URI"] == wizard.keys_page.redirect_uri

    existing = tmp_path / "backend.env"
    original = "# the backend's settings\nPORT=3000\nAMO_CLIENT_ID=old-id\n"
    existing.write_text(original, encoding="utf-8")

    # "Keep the file as it is": nothing changes.
    click(qtbot, wizard, "exportEnvButton")
    choose_file(qtbot, wizard, "exportEnvDialog", str(existing))
    confirm = visible_child(qtbot, wizard, QMessageBox, "exportEnvReplaceConfirm")
    assert str(existing) in confirm.text()
    confirm.button(QMessageBox.StandardButton.No).click()
    wait_label(qtbot, wizard, "exportEnvResult", "Nothing written")
    assert existing.read_text(encoding="utf-8") == original

    # "Replace": the AMO_* values change, the other lines stay, the file becomes private.
    click(qtbot, wizard, "exportEnvButton")
    choose_file(qtbot, wizard, "exportEnvDialog", str(existing))
    confirm = visible_child(qtbot, wizard, QMessageBox, "exportEnvReplaceConfirm")
    confirm.button(QMessageBox.StandardButton.Yes).click()
    wait_label(qtbot, wizard, "exportEnvResult", "✓")
    text = existing.read_text(encoding="utf-8")
    assert text.startswith("# the backend's settings\nPORT=3000\n")
    assert parse_env(text)["AMO_CLIENT_ID"] == client_id
    assert stat.S_IMODE(existing.stat().st_mode) == 0o600


def test_push_hands_the_tokens_to_the_backend_which_then_owns_them(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    backend = CapturingBackend()
    run(qtbot, backend.start())
    try:
        wizard = reach_done_page(qtbot, desktop)
        stored = run(qtbot, desktop.core.credentials.get_tokens("default"))
        assert stored is not None
        assert "owns and refreshes" in wizard.done_page.push_note.text()
        type_into(qtbot, wizard, "backendUrlInput", backend.base_url)
        click(qtbot, wizard, "pushTokensButton")
        wait_label(qtbot, wizard, "pushTokensResult", "✓")

        ((path, body),) = backend.received
        assert path == SET_TOKENS_PATH
        assert set(body) == {"access_token", "refresh_token", "expires_in"}
        assert body["access_token"] == stored.access_token
        assert body["refresh_token"] == stored.refresh_token
        assert 3600 < body["expires_in"] <= 86400
        profile = desktop.core.config.get("default")
        assert profile is not None and profile.token_owner == "backend"
        assert profile.backend_url == backend.base_url

        wizard.accept()
        window = desktop.main_window
        assert window is not None
        wait_label(qtbot, window, "tokenOwner", "backend")
        refresh = named(window, QAbstractButton, "refreshTokenButton")
        assert not refresh.isEnabled()
        reason = wait_label(qtbot, window, "refreshUnavailableReason", "backend")
        assert "refreshes them itself" in reason
    finally:
        run(qtbot, backend.stop())


def test_enter_in_the_backend_address_pushes_and_keeps_the_wizard_open(
    qtbot: QtBot, desktop: DesktopApp
) -> None:
    backend = CapturingBackend()
    run(qtbot, backend.start())
    try:
        wizard = reach_done_page(qtbot, desktop)
        type_into(qtbot, wizard, "backendUrlInput", backend.base_url)
        field = named(wizard, QLineEdit, "backendUrlInput")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        wait_label(qtbot, wizard, "pushTokensResult", "✓")
        assert [path for path, _ in backend.received] == [SET_TOKENS_PATH]
        assert wizard.isVisible() and wizard.currentId() == PageId.DONE
    finally:
        run(qtbot, backend.stop())


def test_push_waits_for_an_address_in_the_field_beside_it(qtbot: QtBot) -> None:
    page = DonePage()
    qtbot.addWidget(page)
    button = named(page, QAbstractButton, "pushTokensButton")
    assert not button.isEnabled()
    type_into(qtbot, page, "backendUrlInput", "   ")
    assert not button.isEnabled()
    type_into(qtbot, page, "backendUrlInput", "http://127.0.0.1:8000")
    assert button.isEnabled()
    named(page, QLineEdit, "backendUrlInput").clear()
    assert not button.isEnabled()


def test_a_missing_backend_address_points_to_the_field_not_to_settings(
    qtbot: QtBot, languages: LanguageManager
) -> None:
    """The catalogue's hint is shared with the dashboard and names Settings, which the wizard
    has not; the done page says where the address goes on this page."""
    page = DonePage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    languages.set_language("uk")
    page.show_error(AmoError(ErrorCode.BACKEND_NOT_CONFIGURED, {"profile": "default"}))
    shown = named(page, QLabel, "pushTokensResult").text()
    assert "полі поруч із кнопкою" in shown
    assert "Налаштуван" not in shown + named(page, QLabel, "doneErrorHint").text()
    languages.set_language("en")  # LanguageChange is posted: the page re-renders it soon
    result = named(page, QLabel, "pushTokensResult")
    qtbot.waitUntil(lambda: "field beside the button" in result.text())
