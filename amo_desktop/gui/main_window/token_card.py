"""The token card: kind, owner, a live "expires in" countdown and Refresh now."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QWidget

from amo_desktop.core.models import TokenInfo
from amo_desktop.gui.language import fill


class TokenCard(QGroupBox):
    """Signals: refreshRequested(). When refreshing is not possible, the card says why."""

    refreshRequested = Signal()

    def __init__(
        self, parent: QWidget | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tokenCard")
        self._clock = clock
        self._token: TokenInfo | None = None
        self._known = False  # False until the profile's status arrives: nothing to say yet
        self.kind_label, self.kind = QLabel(self), QLabel(self)
        self.kind.setObjectName("tokenKind")
        self.owner_label, self.owner = QLabel(self), QLabel(self)
        self.owner.setObjectName("tokenOwner")
        self.expires_label, self.expires = QLabel(self), QLabel(self)
        self.expires.setObjectName("tokenExpiresIn")
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshTokenButton")
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.refresh_note = QLabel(self)
        self.refresh_note.setObjectName("refreshUnavailableReason")
        self.refresh_note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.owner_label, self.owner)
        form.addRow(self.expires_label, self.expires)
        form.addRow(self.refresh_button)
        form.addRow(self.refresh_note)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._render_countdown)
        self.retranslate_ui()

    def show_token(self, token: TokenInfo | None) -> None:
        self._token = token
        self._known = True
        self._render()
        if token is None:
            self.ticker.stop()
        else:
            self.ticker.start()

    def clear(self) -> None:
        """Show nothing until the (new) profile's token is known."""
        self._token = None
        self._known = False
        self.ticker.stop()
        self._render()

    def set_refreshing(self, busy: bool) -> None:
        if busy:
            self.refresh_button.setEnabled(False)
        else:
            self._render()

    def _render(self) -> None:
        token = self._token
        if not self._known:
            for value in (self.kind, self.owner, self.expires):
                value.setText("—")
            self.refresh_button.setEnabled(False)
            self._show_refresh_note("")
            return
        if token is None:
            self.kind.setText(self.tr("no token — authorize first"))
            self.owner.setText("—")
            self.expires.setText("—")
            self.refresh_button.setEnabled(False)
            self._show_refresh_note(self.tr("Authorize first: there is nothing to refresh yet."))
            return
        self.kind.setText(
            self.tr("long-lived token") if token.kind == "long_lived" else self.tr("OAuth tokens")
        )
        self.owner.setText(
            self.tr("your backend (it refreshes them)")
            if token.owner == "backend"
            else self.tr("this app")
        )
        if token.owner == "backend":
            reason = self.tr(
                "Your backend owns these tokens and refreshes them itself. Refreshing here "
                "would use up its refresh token and sign the backend out."
            )
        elif token.kind == "long_lived":
            reason = self.tr(
                "A long-lived token cannot be refreshed: make a new one in amoCRM before this "
                "one expires."
            )
        else:
            reason = ""
        self.refresh_button.setEnabled(not reason)
        self._show_refresh_note(reason)
        self._render_countdown()

    def _show_refresh_note(self, reason: str) -> None:
        self.refresh_note.setText(reason)
        self.refresh_note.setVisible(bool(reason))
        self.refresh_button.setToolTip(reason)

    def _render_countdown(self) -> None:
        if self._token is None:
            return
        left = int(self._token.expires_at - self._clock())
        if left <= 0:
            self.expires.setText(self.tr("expired"))
            return
        days, rest = divmod(left, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, seconds = divmod(rest, 60)
        if days:
            text = fill(self.tr("%1 d %2 h"), days, hours)
        elif hours:
            text = fill(self.tr("%1 h %2 min"), hours, minutes)
        else:
            text = fill(self.tr("%1 min %2 s"), minutes, seconds)
        self.expires.setText(text)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Token"))
        self.kind_label.setText(self.tr("Kind:"))
        self.owner_label.setText(self.tr("Refreshed by:"))
        self.expires_label.setText(self.tr("Expires in:"))
        self.refresh_button.setText(self.tr("Refresh now"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
