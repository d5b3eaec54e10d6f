"""The dashboard's controller: status, connection test, token refresh, test leads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from amo_desktop.core.browser import Browser
    from amo_desktop.core.service import AppCore, ProfileSession


class ConnectionController(AsyncController):
    """Serves the Connection page for the current profile.

    Signals (payloads are the core's models):
        profileChanged(str): the profile switched; everything shown for the old one is void.
        statusReady(object): ``ConnectionStatus`` (no network).
        tested(object): ``ConnectionTest``.
        refreshed(object): ``TokenInfo`` after "Refresh now".
        pipelinesReady(object): ``list[Pipeline]``.
        leadCreated(object): ``CreatedLead``.
        leadStatusChanged(int, int): lead id and its new status id.
        urlOpened(str, bool): a link was handed to the browser (False: none could start).
    Failures arrive through ``failed(action, AmoError)`` with the action names ``status``,
    ``test``, ``refresh``, ``pipelines``, ``create_lead``, ``set_lead_status``, ``open_url``.
    Answers and failures of work started for an earlier profile are dropped.
    """

    profileChanged = Signal(str)
    statusReady = Signal(object)
    tested = Signal(object)
    refreshed = Signal(object)
    pipelinesReady = Signal(object)
    leadCreated = Signal(object)
    leadStatusChanged = Signal(int, int)
    urlOpened = Signal(str, bool)

    def __init__(
        self,
        runner: TaskRunner,
        core: AppCore,
        profile_name: str,
        browser: Browser,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._core = core
        self._browser = browser
        self._profile_name = profile_name

    @property
    def profile_name(self) -> str:
        return self._profile_name

    @property
    def session(self) -> ProfileSession:
        return self._core.session(self._profile_name)

    @Slot(str)
    def set_profile(self, name: str) -> None:
        """Follow a profile switch; the page clears itself and asks for the new profile."""
        self._profile_name = name
        self._forget_profile_work()
        self.profileChanged.emit(name)

    @Slot()
    def load_status(self) -> None:
        self._run_for_profile("status", self.session.status(), self.statusReady.emit)

    @Slot()
    def test_connection(self) -> None:
        self._run_for_profile("test", self.session.test_connection(), self.tested.emit)

    @Slot()
    def refresh_now(self) -> None:
        def done(token: object) -> None:
            self.refreshed.emit(token)
            self.load_status()

        self._run_for_profile("refresh", self.session.refresh_now(), done)

    @Slot()
    def load_pipelines(self) -> None:
        self._run_for_profile("pipelines", self.session.pipelines(), self.pipelinesReady.emit)

    @Slot(str, int, object, object)
    def create_test_lead(
        self, name: str, price: int, pipeline_id: int | None, status_id: int | None
    ) -> None:
        coroutine = self.session.create_test_lead(
            name=name or None, price=price, pipeline_id=pipeline_id, status_id=status_id
        )
        self._run_for_profile("create_lead", coroutine, self.leadCreated.emit)

    @Slot(int, int, object)
    def set_lead_status(self, lead_id: int, status_id: int, pipeline_id: int | None) -> None:
        coroutine = self.session.set_lead_status(
            lead_id, status_id=status_id, pipeline_id=pipeline_id
        )
        self._run_for_profile(
            "set_lead_status",
            coroutine,
            lambda _none: self.leadStatusChanged.emit(lead_id, status_id),
        )

    @Slot(str)
    def open_url(self, url: str) -> None:
        self._run(
            "open_url", self._browser.open(url), lambda opened: self.urlOpened.emit(url, opened)
        )
