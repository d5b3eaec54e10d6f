"""The Connection page: account and token cards, the connection test and test leads."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.errors import AmoError
from amo_desktop.core.models import ConnectionStatus, ConnectionTest, CreatedLead, Pipeline
from amo_desktop.gui.controllers.connection_controller import ConnectionController
from amo_desktop.gui.language import fill
from amo_desktop.gui.main_window.account_card import AccountCard
from amo_desktop.gui.main_window.lead_panel import LeadPanel
from amo_desktop.gui.main_window.token_card import TokenCard
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.error_panel import ErrorPanel
from amo_desktop.gui.wizard.page_ids import PageId, page_that_fixes

# The actions that ask amoCRM: when one of them succeeds, amoCRM answered, so an error that
# another one showed before it started (a 503, a timeout, refused tokens) is no longer true.
AMO_ACTIONS = frozenset({"test", "refresh", "pipelines", "create_lead", "set_lead_status"})


class ConnectionPage(QScrollArea):
    """Renders the :class:`ConnectionController`'s state and forwards the user's intents.

    Signals:
        signInRequested(str): sign this profile in again (the setup wizard); offered by an
            error that only new tokens fix.
    """

    signInRequested = Signal(str)

    def __init__(self, controller: ConnectionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionPage")
        self.setWidgetResizable(True)
        self._controller = controller
        self._test: ConnectionTest | None = None
        self._loaded = False  # for the current profile; a hidden page loads on its next show
        # Which action showed the error and when, against when each action last started,
        # by a count of the page's events: a success clears only errors older than its start.
        self._events = 0
        self._started: dict[str, int] = {}
        self._error_action: str | None = None
        self._error_at = 0
        body = QWidget(self)
        self.account = AccountCard(body)
        self.token = TokenCard(body)
        self.test_box = QGroupBox(body)
        self.test_button = QPushButton(self.test_box)
        self.test_button.setObjectName("testConnectionButton")
        self.test_result = QLabel(self.test_box)
        self.test_result.setObjectName("testConnectionResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout(self.test_box)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        self.leads = LeadPanel(body)
        self.busy = BusyIndicator("connectionBusy", body)
        self.error = ErrorPanel("connectionError", body)

        grid = QGridLayout()
        grid.addWidget(self.account, 0, 0)
        grid.addWidget(self.token, 0, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(grid)
        layout.addWidget(self.test_box)
        layout.addWidget(self.leads)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.setWidget(body)

        self.test_button.clicked.connect(controller.test_connection)
        self.token.refreshRequested.connect(controller.refresh_now)
        self.account.openRequested.connect(controller.open_url)
        self.leads.openRequested.connect(controller.open_url)
        self.leads.pipelinesRequested.connect(controller.load_pipelines)
        self.leads.createRequested.connect(controller.create_test_lead)
        self.leads.statusChangeRequested.connect(controller.set_lead_status)
        self.error.actionRequested.connect(self._sign_in_clicked)
        controller.profileChanged.connect(self._profile_changed)
        controller.statusReady.connect(self._status_ready)
        controller.tested.connect(self._tested)
        controller.refreshed.connect(lambda _token: self._succeeded("refresh"))
        controller.pipelinesReady.connect(self._pipelines_ready)
        controller.leadCreated.connect(self._lead_created)
        controller.leadStatusChanged.connect(self._lead_moved)
        controller.busyChanged.connect(self._busy_changed)
        controller.failed.connect(self._failed)
        self.retranslate_ui()

    def load(self) -> None:
        """Fill the page: status from the keyring and config, then ask amoCRM."""
        self._loaded = True
        self._clear_error()
        self._controller.load_status()
        self._controller.test_connection()
        self._controller.load_pipelines()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    def _profile_changed(self, _name: str) -> None:
        # Nothing shown so far belongs to the new profile, down to the pipeline and status
        # ids a new lead would be created with.
        self._clear_test()
        self.account.clear()
        self.token.clear()
        self.leads.clear()
        self._clear_error()
        self._loaded = False
        if self.isVisible():
            self.load()

    def _status_ready(self, status: ConnectionStatus) -> None:
        self.account.show_status(status)
        self.token.show_token(status.token)
        self._succeeded("status")

    def _tested(self, test: ConnectionTest) -> None:
        self._test = test
        self.account.show_account(test.account)
        self._render_test()
        self._succeeded("test")

    def _pipelines_ready(self, pipelines: list[Pipeline]) -> None:
        self.leads.show_pipelines(pipelines)
        self._succeeded("pipelines")

    def _lead_created(self, lead: CreatedLead) -> None:
        self.leads.show_created(lead)
        self._succeeded("create_lead")

    def _lead_moved(self, lead_id: int, status_id: int) -> None:
        self.leads.show_moved(lead_id, status_id)
        self._succeeded("set_lead_status")

    def _next_event(self) -> int:
        self._events += 1
        return self._events

    def _started_action(self, action: str) -> None:
        """Clear what the new run of ``action`` supersedes: its last result and error."""
        self._started[action] = self._next_event()
        if self._error_action == action:
            self._clear_error()
        if action == "test":
            self._clear_test()
        if action == "set_lead_status":
            self.leads.clear_move_result()

    def _succeeded(self, action: str) -> None:
        if self._error_action is None or self._started.get(action, 0) <= self._error_at:
            return
        if action == self._error_action or {action, self._error_action} <= AMO_ACTIONS:
            self._clear_error()

    def _busy_changed(self, action: str, busy: bool) -> None:
        if busy:
            self._started_action(action)
        texts = {
            "test": self.tr("Testing the connection…"),
            "refresh": self.tr("Refreshing the token…"),
            "pipelines": self.tr("Loading pipelines…"),
            "create_lead": self.tr("Creating the lead…"),
            "set_lead_status": self.tr("Changing the lead's status…"),
        }
        if action not in texts:
            return
        if busy:
            self.busy.start(texts[action])
        elif not any(self._controller.is_busy(name) for name in texts):
            self.busy.stop()
        if action == "test":
            self.test_button.setEnabled(not busy)
        if action == "refresh":
            self.token.set_refreshing(busy)
        if action in {"create_lead", "set_lead_status", "pipelines"}:
            self.leads.set_enabled_actions(not busy)

    def _failed(self, action: str, error: AmoError) -> None:
        if action == "test":
            self._clear_test()
        self._error_action = action
        self._error_at = self._next_event()
        self.error.show_error(error)
        self._offer_fix()

    def _clear_test(self) -> None:
        self._test = None
        self.test_result.setText("")

    def _clear_error(self) -> None:
        self._error_action = None
        self.error.clear()

    def _offer_fix(self) -> None:
        error = self.error.error
        # The tokens are gone or refused when the wizard would send the person to sign in.
        needs_sign_in = error is not None and page_that_fixes(error) is PageId.AUTHORIZE
        self.error.set_action(self.tr("Sign in again") if needs_sign_in else None)

    def _sign_in_clicked(self) -> None:
        self.signInRequested.emit(self._controller.profile_name)

    def _render_test(self) -> None:
        if self._test is not None:
            self.test_result.setText(
                fill(
                    self.tr("✓ Connected to “%1” in %2 ms."),
                    self._test.account.name,
                    self._test.elapsed_ms,
                )
            )

    def retranslate_ui(self) -> None:
        self.test_box.setTitle(self.tr("Connection test"))
        self.test_button.setText(self.tr("Test connection"))
        self._render_test()
        self._offer_fix()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
