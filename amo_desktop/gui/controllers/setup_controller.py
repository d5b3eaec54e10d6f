"""The first-run wizard's controller: configure, authorize, check, export, push."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Signal, Slot

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.platforms import Platform
from amo_desktop.core.ports import port_is_free, who_listens
from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from amo_desktop.core.browser_login import BrowserLogin
    from amo_desktop.core.service import AppCore, ProfileSession

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def browser_path_problem(redirect_uri: str) -> AmoError | None:
    """Why the browser path cannot receive the answer on ``redirect_uri``, or ``None``."""
    parts = urlsplit(redirect_uri)
    host = (parts.hostname or "").lower()
    if host not in LOOPBACK_HOSTS:
        return AmoError(ErrorCode.REDIRECT_NOT_LOOPBACK, {"uri": redirect_uri})
    port = parts.port or (443 if parts.scheme == "https" else 80)
    bind_host = "::1" if ":" in host else "127.0.0.1"
    if not port_is_free(bind_host, port):
        owner = who_listens(port)
        details = {"port": port, "program": owner.name if owner else ""}
        return AmoError(ErrorCode.PORT_IN_USE, details)
    return None


class SetupController(AsyncController):
    """Drives one profile from nothing to a tested connection.

    Signals (each carries a core model from ``core/models.py`` or ``core/config.py``):
        configured(object): the profile was saved (``Profile``).
        envImported(object): a backend ``.env`` filled the profile (``Profile``).
        statusReady(object): ``ConnectionStatus`` of the profile (no network).
        browserLoginStarted(str): the listener waits; the authorize URL to show.
        browserOpened(bool): whether a browser could be started (False: the user opens
            the URL by hand).
        authorized(object): tokens were obtained and saved (``TokenInfo``).
        loginCancelled(): the browser wait was cancelled by the user.
        connectionTested(object): ``ConnectionTest`` (account, time taken).
        envExported(str): the path of the written ``.env``.
        exportNeedsConfirmation(str): the ``.env`` at this path holds other AMO_* values;
            export again with ``force`` only if the person agrees to replace them.
        tokensPushed(object): ``PushResult``.
    Failures arrive through ``failed(action, AmoError)`` with these action names:
    ``configure``, ``import_env``, ``status``, ``browser_login``, ``code_login``,
    ``token_login``, ``test``, ``export_env``, ``push_tokens``.
    """

    configured = Signal(object)
    envImported = Signal(object)
    statusReady = Signal(object)
    browserLoginStarted = Signal(str)
    browserOpened = Signal(bool)
    authorized = Signal(object)
    loginCancelled = Signal()
    connectionTested = Signal(object)
    envExported = Signal(str)
    exportNeedsConfirmation = Signal(str)
    tokensPushed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        core: AppCore,
        profile_name: str = "default",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._core = core
        self.profile_name = profile_name
        self._browser_login: BrowserLogin | None = None

    @property
    def session(self) -> ProfileSession:
        return self._core.session(self.profile_name)

    @Slot(str, str, str, str, object)
    def configure(
        self,
        domain: str,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        platform: Platform | None,
    ) -> None:
        """Save the profile; an empty secret keeps the one already in the keyring."""
        coroutine = self.session.configure(
            domain=domain,
            client_id=client_id,
            redirect_uri=redirect_uri,
            client_secret=client_secret or None,
            platform=platform,
        )
        self._run("configure", coroutine, self.configured.emit)

    @Slot(str)
    def import_env(self, path: str) -> None:
        self._run("import_env", self.session.import_env(Path(path)), self.envImported.emit)

    @Slot()
    def load_status(self) -> None:
        self._run("status", self.session.status(), self.statusReady.emit)

    def browser_path_problem(self, redirect_uri: str) -> AmoError | None:
        return browser_path_problem(redirect_uri)

    @property
    def browser_login(self) -> BrowserLogin | None:
        return self._browser_login

    @Slot()
    def start_browser_login(self) -> None:
        """Bind the loopback listener, open the browser and wait for the answer."""
        if self._browser_login is not None:
            return
        try:
            login = self.session.begin_browser_login(open_browser=True)
        except AmoError as error:
            self.failed.emit("browser_login", error)
            return
        self._browser_login = login
        self.browserLoginStarted.emit(login.authorize_url)
        self._runner.start(login.browser_opened(), self.browserOpened.emit, lambda _error: None)

        def forget() -> None:
            self._browser_login = None

        def cancelled() -> None:
            forget()
            self.loginCancelled.emit()

        def done(token: object) -> None:
            forget()
            self.authorized.emit(token)

        def failed(error: AmoError) -> None:
            forget()
            if error.code == ErrorCode.AUTH_CANCELLED:
                self.loginCancelled.emit()
            else:
                self.failed.emit("browser_login", error)

        self._run("browser_login", login.wait(), done, on_cancelled=cancelled, on_error=failed)

    @Slot()
    def cancel_browser_login(self) -> None:
        if self._browser_login is not None:
            self._browser_login.cancel()

    @Slot(str)
    def login_with_code(self, code_or_url: str) -> None:
        self._run("code_login", self.session.login_with_code(code_or_url), self.authorized.emit)

    @Slot(str)
    def login_with_long_lived_token(self, token: str) -> None:
        coroutine = self.session.login_with_long_lived_token(token)
        self._run("token_login", coroutine, self.authorized.emit)

    @Slot()
    def test_connection(self) -> None:
        self._run("test", self.session.test_connection(), self.connectionTested.emit)

    @Slot(str, bool)
    def export_env(self, path: str, force: bool) -> None:
        """Merge the AMO_* keys into ``path``; values that differ are replaced only with
        ``force`` (else ``exportNeedsConfirmation`` asks the person first)."""

        def refused(error: AmoError) -> None:
            if error.code == ErrorCode.ENV_FILE_EXISTS and not force:
                self.exportNeedsConfirmation.emit(path)
            else:
                self.failed.emit("export_env", error)

        coroutine = self.session.export_env(Path(path), force=force)
        self._run(
            "export_env",
            coroutine,
            lambda written: self.envExported.emit(str(written)),
            on_error=refused,
        )

    @Slot(str)
    def push_tokens(self, backend_url: str) -> None:
        coroutine = self.session.push_tokens(backend_url or None)
        self._run("push_tokens", coroutine, self.tokensPushed.emit)
