"""Step 4: authorize — in the browser, by pasting the code, or with a long-lived token."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.language import current_language, fill
from amo_desktop.gui.widgets.busy_indicator import BusyIndicator
from amo_desktop.gui.widgets.copy_field import CopyableField
from amo_desktop.gui.widgets.error_panel import ErrorPanel

if TYPE_CHECKING:  # the models load after the first paint
    from amo_desktop.core.models import TokenInfo


class AuthorizePage(QWizardPage):
    """Three ways to authorize; complete once tokens are saved.

    Signals:
        entered(): the page was shown; the wizard saves the settings first.
        browserLoginRequested(), browserCancelRequested()
        codeSubmitted(str): the pasted code or final address.
        tokenSubmitted(str): the pasted long-lived token.
        fixRequested(): the user wants to go to the page that fixes the shown error.
    """

    entered = Signal()
    browserLoginRequested = Signal()
    browserCancelRequested = Signal()
    codeSubmitted = Signal(str)
    tokenSubmitted = Signal(str)
    fixRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authorizePage")
        self._authorized = False
        self._ready = False
        self._browser_problem: AmoError | None = None
        self._browser_opened: bool | None = None
        self._token: TokenInfo | None = None
        self._paths_enabled = False
        self.time_left: Callable[[], float] = lambda: 0.0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_time_left)

        # Browser path.
        self.browser_box = QGroupBox(self)
        self.browser_note = QLabel(self.browser_box)
        self.browser_note.setWordWrap(True)
        self.browser_button = QPushButton(self.browser_box)
        self.browser_button.setObjectName("browserLoginButton")
        self.browser_button.clicked.connect(self._browser_clicked)
        self.browser_unavailable = QLabel(self.browser_box)
        self.browser_unavailable.setObjectName("browserLoginUnavailable")
        self.browser_unavailable.setWordWrap(True)
        self.browser_unavailable.setStyleSheet("color: #7a5200;")
        self.url_hint = QLabel(self.browser_box)
        self.url_hint.setWordWrap(True)
        self.url_field = CopyableField("authorizeUrl", self.browser_box)
        self.time_left_label = QLabel(self.browser_box)
        self.time_left_label.setObjectName("browserTimeLeft")
        self.cancel_button = QPushButton(self.browser_box)
        self.cancel_button.setObjectName("browserCancelButton")
        self.cancel_button.clicked.connect(self.browserCancelRequested)
        waiting_row = QHBoxLayout()
        waiting_row.addWidget(self.time_left_label, 1)
        waiting_row.addWidget(self.cancel_button)
        browser_layout = QVBoxLayout(self.browser_box)
        browser_layout.addWidget(self.browser_note)
        browser_layout.addWidget(self.browser_button)
        browser_layout.addWidget(self.browser_unavailable)
        browser_layout.addWidget(self.url_hint)
        browser_layout.addWidget(self.url_field)
        browser_layout.addLayout(waiting_row)

        # Paste path.
        self.code_box = QGroupBox(self)
        self.code_note = QLabel(self.code_box)
        self.code_note.setWordWrap(True)
        self.code_input = QLineEdit(self.code_box)
        self.code_input.setObjectName("codeInput")
        self.code_button = QPushButton(self.code_box)
        self.code_button.setObjectName("codeSubmitButton")
        self.code_button.clicked.connect(self._code_clicked)
        # Enter in the field submits it (the wizard's Next is disabled until authorized).
        self.code_input.returnPressed.connect(self.code_button.click)
        self.code_input.textChanged.connect(self._update_submit_buttons)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_input, 1)
        code_row.addWidget(self.code_button)
        code_layout = QVBoxLayout(self.code_box)
        code_layout.addWidget(self.code_note)
        code_layout.addLayout(code_row)

        # Long-lived token path.
        self.token_box = QGroupBox(self)
        self.token_note = QLabel(self.token_box)
        self.token_note.setWordWrap(True)
        self.token_input = QLineEdit(self.token_box)
        self.token_input.setObjectName("longLivedTokenInput")
        self.token_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_button = QPushButton(self.token_box)
        self.token_button.setObjectName("longLivedTokenSubmitButton")
        self.token_button.clicked.connect(self._token_clicked)
        self.token_input.returnPressed.connect(self.token_button.click)
        self.token_input.textChanged.connect(self._update_submit_buttons)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_input, 1)
        token_row.addWidget(self.token_button)
        token_layout = QVBoxLayout(self.token_box)
        token_layout.addWidget(self.token_note)
        token_layout.addLayout(token_row)

        self.busy = BusyIndicator("authorizeBusy", self)
        self.result = QLabel(self)
        self.result.setObjectName("authorizeResult")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #1e6b2f; font-weight: bold;")
        self.error = ErrorPanel("authorizeError", self)
        self.error.actionRequested.connect(self.fixRequested)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser_box)
        layout.addWidget(self.code_box)
        layout.addWidget(self.token_box)
        layout.addWidget(self.busy)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show_waiting(False)
        self.retranslate_ui()

    # QWizardPage
    def initializePage(self) -> None:
        self._authorized = False
        self._ready = False
        self.result.clear()
        self.error.clear()
        self._set_paths_enabled(False)
        self.busy.start(self.tr("Saving the settings…"))
        self.entered.emit()

    def cleanupPage(self) -> None:
        if self._countdown.isActive():
            self.browserCancelRequested.emit()

    def isComplete(self) -> bool:
        return self._authorized

    # What the wizard reports.
    def settings_saved(self, browser_problem: AmoError | None) -> None:
        self._ready = True
        self._browser_problem = browser_problem
        self.busy.stop()
        self._set_paths_enabled(True)
        self._render_browser_problem()

    def show_error(self, error: AmoError, fix_text: str | None) -> None:
        self.busy.stop()
        self._show_waiting(False)
        self.error.show_error(error)
        self.error.set_action(fix_text)
        if self._ready:
            self._set_paths_enabled(True)

    def select_pasted(self, text_kind: str) -> None:
        """Focus the code or token field (``code`` or ``token``) with its text selected, so
        that the next paste replaces what was refused."""
        field = self.code_input if text_kind == "code" else self.token_input
        field.setFocus()
        field.selectAll()

    def browser_started(self, url: str) -> None:
        self.url_field.set_text(url)
        self._browser_opened = None
        self._render_url_hint()
        self._show_waiting(True)
        self._show_time_left()
        self._countdown.start()

    def browser_opened(self, opened: bool) -> None:
        self._browser_opened = opened
        self._render_url_hint()

    def browser_stopped(self) -> None:
        self._show_waiting(False)
        self._set_paths_enabled(self._ready)

    def authorized(self, token: TokenInfo) -> None:
        self._authorized = True
        self.busy.stop()
        self._show_waiting(False)
        self.error.clear()
        self._token = token
        self._render_result()
        self._set_paths_enabled(True)
        self.completeChanged.emit()

    def set_waiting(self, text_kind: str) -> None:
        """Show progress for the code or token paths (``code`` or ``token``)."""
        self.error.clear()
        self._set_paths_enabled(False)
        if text_kind == "code":
            self.busy.start(self.tr("Exchanging the code for tokens…"))
        else:
            self.busy.start(self.tr("Checking the token…"))

    def stop_waiting(self) -> None:
        self.busy.stop()
        self._set_paths_enabled(self._ready)

    # Internals.
    def _browser_clicked(self) -> None:
        self.error.clear()
        self.result.clear()
        self.browserLoginRequested.emit()

    def _code_clicked(self) -> None:
        if self.code_input.text().strip():
            self.codeSubmitted.emit(self.code_input.text().strip())

    def _token_clicked(self) -> None:
        if self.token_input.text().strip():
            self.tokenSubmitted.emit(self.token_input.text().strip())

    def _set_paths_enabled(self, enabled: bool) -> None:
        waiting = self._countdown.isActive()
        self._paths_enabled = enabled and not waiting
        self.browser_button.setEnabled(self._paths_enabled and self._browser_problem is None)
        for widget in (self.code_input, self.token_input):
            widget.setEnabled(self._paths_enabled)
        self._update_submit_buttons()

    def _update_submit_buttons(self) -> None:
        # A submit button with an empty field would do nothing: keep it off and say why.
        for field, button, reason in (
            (self.code_input, self.code_button, self.tr("Paste the code or the address first.")),
            (self.token_input, self.token_button, self.tr("Paste the token first.")),
        ):
            filled = bool(field.text().strip())
            button.setEnabled(self._paths_enabled and filled)
            button.setToolTip("" if filled else reason)

    def _show_waiting(self, waiting: bool) -> None:
        if not waiting:
            self._countdown.stop()
        for widget in (self.url_hint, self.url_field, self.time_left_label, self.cancel_button):
            widget.setVisible(waiting)
        if waiting:
            self._set_paths_enabled(False)

    def _show_time_left(self) -> None:
        seconds = max(0, int(self.time_left()))
        self.time_left_label.setText(
            fill(
                self.tr("Waiting for your answer in the browser… %1:%2 left"),
                seconds // 60,
                f"{seconds % 60:02d}",
            )
        )

    def _render_browser_problem(self) -> None:
        problem = self._browser_problem
        self.browser_unavailable.setVisible(problem is not None)
        if problem is not None:
            text = problem.localized(current_language())
            self.browser_unavailable.setText(
                fill(self.tr("Not available: %1 %2"), text.message, text.hint)
            )

    def _render_url_hint(self) -> None:
        if self._browser_opened is None:
            self.url_hint.setText(self.tr("Opening your browser…"))
        elif self._browser_opened:
            self.url_hint.setText(
                self.tr("The browser is open. If you don't see it, open this address yourself:")
            )
        else:
            self.url_hint.setText(
                self.tr("No browser could be opened. Open this address in your browser:")
            )

    def _render_result(self) -> None:
        token = self._token
        if not self._authorized or token is None:
            return
        if token.kind == "long_lived":
            self.result.setText(self.tr("✓ Authorized with the long-lived token."))
        else:
            self.result.setText(self.tr("✓ Authorized. The tokens are saved in the keyring."))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Authorize"))
        self.setSubTitle(self.tr("Let amoCRM give this app access. Choose one way."))
        self.browser_box.setTitle(self.tr("In the browser (recommended)"))
        self.browser_note.setText(
            self.tr(
                "Opens amoCRM in your browser; after you press Allow, the answer comes back to "
                "this app by itself."
            )
        )
        self.browser_button.setText(self.tr("Open the browser and allow access"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.code_box.setTitle(self.tr("Paste code"))
        self.code_note.setText(
            self.tr(
                "Paste the authorization code from the integration's Keys tab, or the whole "
                "address the browser ended on. A code is valid for 20 minutes only."
            )
        )
        self.code_input.setAccessibleName(self.tr("Authorization code or final address"))
        self.code_input.setPlaceholderText(self.tr("Code or address"))
        self.code_button.setText(self.tr("Use this code"))
        self.token_box.setTitle(self.tr("Long-lived token"))
        self.token_note.setText(
            self.tr(
                "If your integration gives a long-lived token, paste it here; it needs no "
                "refreshing until it expires."
            )
        )
        self.token_input.setAccessibleName(self.tr("Long-lived token"))
        self.token_button.setText(self.tr("Use this token"))
        self._update_submit_buttons()
        self._render_browser_problem()
        self._render_url_hint()
        self._render_result()
        if self._countdown.isActive():
            self._show_time_left()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
