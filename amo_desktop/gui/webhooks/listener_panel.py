"""Listener controls: where the local webhook listener runs, its secret, where it forwards to."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from amo_desktop.core.webhooks.records import ForwardResult
from amo_desktop.gui.webhooks.forward_problems import forward_problem
from amo_desktop.gui.widgets.data_label import mark_as_data

DEFAULT_PATH = "/api/v1/integrations/amo-crm/webhook"
HIDDEN_VALUE = "••••••••"  # what the address shows instead of the secret
OK_STYLE = "color: #1b5e20; font-weight: bold;"
FAIL_STYLE = "color: #b3261e; font-weight: bold;"
IDLE_STYLE = "color: palette(mid);"
PORT_MIN_WIDTH = 110  # room for five digits and the arrows


@dataclass(frozen=True)
class ListenerSettings:
    """What the user asked the listener to be."""

    host: str
    port: int  # 0 lets the system pick a free port
    path: str
    secret: str
    forward_to: str  # empty: do not forward


def local_url(host: str, port: int, path: str, secret: str) -> str:
    """The address amoCRM (or a tunnel) must post to, secret included."""
    shown_host = f"[{host}]" if ":" in host else host
    query = f"?secret={quote(secret, safe='')}" if secret else ""
    return f"http://{shown_host}:{port}{path}{query}"


def _show(label: QLabel, text: str, style: str) -> None:
    # Forward results arrive per delivery; re-polishing a style sheet each time is costly.
    if label.text() != text:
        label.setText(text)
    if label.styleSheet() != style:
        label.setStyleSheet(style)


class ListenerPanel(QGroupBox):
    """Start/stop, address, secret and forward target of the local webhook listener.

    Signals:
        startRequested(object): ``ListenerSettings`` from the fields.
        stopRequested()
        newSecretRequested(): the user wants a fresh secret.
    """

    startRequested = Signal(object)
    stopRequested = Signal()
    newSecretRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookListener")
        self._listening = False
        self._url = ""
        self._secret = ""

        self.host = QLineEdit("127.0.0.1", self)
        self.host.setObjectName("webhookHost")
        mark_as_data(self.host)
        self.port = QSpinBox(self)
        self.port.setObjectName("webhookPort")
        self.port.setRange(0, 65535)
        self.port.setValue(0)
        self.path = QLineEdit(DEFAULT_PATH, self)
        self.path.setObjectName("webhookPath")
        mark_as_data(self.path)
        self.start_stop = QPushButton(self)
        self.start_stop.setObjectName("webhookStartStop")
        self.start_stop.clicked.connect(self._toggle)

        self.url = QLineEdit(self)
        self.url.setObjectName("webhookLocalUrl")
        self.url.setReadOnly(True)
        mark_as_data(self.url)
        self.copy_url = QPushButton(self)
        self.copy_url.setObjectName("webhookLocalUrlCopy")
        self.copy_url.clicked.connect(lambda: self._copy(self._url, self.copy_url))

        self.secret = QLineEdit(self)
        self.secret.setObjectName("webhookSecret")
        self.secret.setReadOnly(True)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        mark_as_data(self.secret)
        self.show_secret = QPushButton(self)
        self.show_secret.setObjectName("webhookSecretShow")
        self.show_secret.setCheckable(True)
        self.show_secret.toggled.connect(self._reveal)
        self.copy_secret = QPushButton(self)
        self.copy_secret.setObjectName("webhookSecretCopy")
        self.copy_secret.clicked.connect(lambda: self._copy(self._secret, self.copy_secret))
        self.new_secret = QPushButton(self)
        self.new_secret.setObjectName("webhookSecretNew")
        self.new_secret.clicked.connect(self.newSecretRequested)

        self.forward_to = QLineEdit(self)
        self.forward_to.setObjectName("webhookForwardTarget")
        self.forward_to.textChanged.connect(lambda _text: self._render_forward())
        mark_as_data(self.forward_to)

        self.listener_state = QLabel(self)
        self.listener_state.setObjectName("webhookListenerState")
        self.listener_state.setWordWrap(True)
        self.forward_state = QLabel(self)
        self.forward_state.setObjectName("webhookForwardState")
        self.forward_state.setWordWrap(True)

        address = QHBoxLayout()
        self.host_label = QLabel(self)
        self.port_label = QLabel(self)
        self.path_label = QLabel(self)
        for label, field, stretch in (
            (self.host_label, self.host, 1),
            (self.port_label, self.port, 0),
            (self.path_label, self.path, 3),
        ):
            label.setBuddy(field)
            address.addWidget(label)
            address.addWidget(field, stretch)
        address.addWidget(self.start_stop)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_url)
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        for button in (self.show_secret, self.copy_secret, self.new_secret):
            secret_row.addWidget(button)

        self.url_label = QLabel(self)
        self.secret_label = QLabel(self)
        self.forward_label = QLabel(self)
        self.forward_label.setBuddy(self.forward_to)
        self.state_label = QLabel(self)
        self.form = QFormLayout(self)
        self.form.addRow(address)
        self.form.addRow(self.url_label, url_row)
        self.form.addRow(self.secret_label, secret_row)
        self.form.addRow(self.forward_label, self.forward_to)
        states = QHBoxLayout()
        states.addWidget(self.listener_state, 1)
        states.addWidget(self.forward_state, 1)
        self.form.addRow(self.state_label, states)
        self._forward_result: ForwardResult | None = None
        self._listener_error = ""
        self.retranslate_ui()

    # --- state from the controller -----------------------------------------------------
    def settings(self) -> ListenerSettings:
        return ListenerSettings(
            host=self.host.text().strip() or "127.0.0.1",
            port=self.port.value(),
            path=self.path.text().strip() or DEFAULT_PATH,
            secret=self._secret,
            forward_to=self.forward_to.text().strip(),
        )

    def set_secret(self, secret: str) -> None:
        self._secret = secret
        self.secret.setText(secret)
        # "Copied" was about the old secret; the new one is not on the clipboard yet.
        self._render_copy_labels()
        self._render_url()

    def set_forward_target(self, url: str) -> None:
        self.forward_to.setText(url)

    def show_listening(self, host: str, port: int) -> None:
        """The listener is up; ``port`` is the real one (0 was resolved)."""
        self._listening = True
        self._listener_error = ""
        self.port.setValue(port)
        self.host.setText(host)
        self._forward_result = None
        self._render()

    def show_stopped(self, error: str = "") -> None:
        """The listener is down; ``error`` (translated) says why when it failed."""
        self._listening = False
        self._listener_error = error
        self._render()

    def show_forward_result(self, result: ForwardResult) -> None:
        self._forward_result = result
        self._render_forward()

    @property
    def is_listening(self) -> bool:
        return self._listening

    @property
    def full_url(self) -> str:
        return self._url

    # --- rendering -----------------------------------------------------------------------
    def _render(self) -> None:
        for field in (self.host, self.port, self.path, self.forward_to, self.new_secret):
            field.setEnabled(not self._listening)
        self.start_stop.setText(self.tr("Stop") if self._listening else self.tr("Start listening"))
        self.start_stop.setAccessibleName(self.start_stop.text())
        if self._listening:
            text = self.tr("Listening on %1").replace("%1", self._url_shown())
            _show(self.listener_state, text, OK_STYLE)
        elif self._listener_error:
            text = self.tr("Not listening: %1").replace("%1", self._listener_error)
            _show(self.listener_state, text, FAIL_STYLE)
        else:
            _show(self.listener_state, self.tr("Not listening"), IDLE_STYLE)
        self._render_url()
        self._render_forward()

    def _render_forward(self) -> None:
        result = self._forward_result
        target = self.forward_to.text().strip()
        if not target:
            text, style = self.tr("Forwarding is off: events are only shown here."), IDLE_STYLE
        elif not self._listening:
            text, style = self.tr("Forwarding starts when the listener starts."), IDLE_STYLE
        elif result is None:
            text, style = self.tr("Forwarding: waiting for the first event"), IDLE_STYLE
        elif result.ok:
            text = (
                self.tr("Forwarding healthy: last answer %1 in %2 ms")
                .replace("%1", str(result.status))
                .replace("%2", f"{result.elapsed_ms:.0f}")
            )
            style = OK_STYLE
        else:
            problem = (
                self.tr("answer %1").replace("%1", str(result.status))
                if result.status is not None
                else forward_problem(result.error or "")
            )
            text = self.tr("Forwarding failing: %1. Events are still recorded here.").replace(
                "%1", problem
            )
            style = FAIL_STYLE
        _show(self.forward_state, text, style)

    def _render_url(self) -> None:
        settings = self.settings()
        url = local_url(settings.host, settings.port, settings.path, settings.secret)
        if url != self._url:
            self._url = url
            self._render_copy_labels()
        # The real port is only known once the listener runs.
        self.url.setText(self._url_shown() if self._listening else "")
        self.url.setCursorPosition(0)
        self.copy_url.setEnabled(self._listening)

    def _url_shown(self) -> str:
        if self.show_secret.isChecked() or not self._secret:
            return self._url
        settings = self.settings()
        return local_url(settings.host, settings.port, settings.path, "") + (
            f"?secret={HIDDEN_VALUE}"
        )

    def _toggle(self) -> None:
        if self._listening:
            self.stopRequested.emit()
        else:
            self.startRequested.emit(self.settings())

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.secret.setEchoMode(mode)
        self.show_secret.setText(self.tr("Hide") if shown else self.tr("Show"))
        self._render()

    def _copy(self, text: str, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(text)
        button.setText(self.tr("Copied"))

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Local webhook listener"))
        self.host_label.setText(self.tr("&Host"))
        self.port_label.setText(self.tr("P&ort"))
        self.path_label.setText(self.tr("P&ath"))
        self.port.setSpecialValueText(self.tr("any free"))
        # Squeezed to its minimum the box would cut "any free" (longer in Ukrainian) short.
        self.port.setMinimumWidth(max(PORT_MIN_WIDTH, self.port.sizeHint().width()))
        self.url_label.setText(self.tr("Local URL"))
        self.secret_label.setText(self.tr("Secret"))
        self.forward_label.setText(self.tr("&Forward to"))
        self.state_label.setText(self.tr("State"))
        self.host.setAccessibleName(self.tr("Listener host"))
        self.port.setAccessibleName(self.tr("Listener port"))
        self.path.setAccessibleName(self.tr("Listener path"))
        self.url.setAccessibleName(self.tr("Local webhook URL"))
        self.url.setToolTip(self.tr("The full address of the listener, secret included."))
        self.url.setPlaceholderText(self.tr("The address appears here once the listener runs."))
        self.copy_url.setAccessibleName(self.tr("Copy the local webhook URL"))
        self.secret.setAccessibleName(self.tr("Shared secret"))
        self.secret.setToolTip(
            self.tr("Requests without this secret in the address are refused and counted.")
        )
        self.show_secret.setText(
            self.tr("Hide") if self.show_secret.isChecked() else self.tr("Show")
        )
        self.show_secret.setAccessibleName(self.tr("Show the shared secret"))
        self.copy_secret.setAccessibleName(self.tr("Copy the shared secret"))
        self.new_secret.setText(self.tr("New secret"))
        self.new_secret.setAccessibleName(self.tr("Generate a new shared secret"))
        self.forward_to.setPlaceholderText(self.tr("Optional: your backend's webhook URL"))
        self.forward_to.setAccessibleName(self.tr("Forward target"))
        self.forward_to.setToolTip(
            self.tr("Every event is re-sent to this address unchanged, as amoCRM sent it.")
        )
        self.listener_state.setAccessibleName(self.tr("Listener state"))
        self.forward_state.setAccessibleName(self.tr("Forwarding state"))
        self._render_copy_labels()
        self._render()

    def _render_copy_labels(self) -> None:
        self.copy_url.setText(self.tr("Copy URL"))
        self.copy_secret.setText(self.tr("Copy secret"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
