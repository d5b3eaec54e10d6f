"""One event in full: the decoded tree, the raw body and headers, and replay."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.core.web_address import is_web_address
from amo_desktop.core.webhooks.formdecode import (
    SHOWN_DEPTH,
    FormDecodeError,
    FormNode,
    FormTree,
    bracketed,
    decode,
    flatten,
)
from amo_desktop.core.webhooks.records import ForwardResult
from amo_desktop.gui.webhooks.forward_problems import forward_problem
from amo_desktop.gui.webhooks.listener_panel import FAIL_STYLE, OK_STYLE
from amo_desktop.gui.webhooks.rows import EventRow
from amo_desktop.gui.widgets.data_label import DataLabel, mark_as_data


def _fill(root: QStandardItem, node: FormNode, *, max_depth: int = SHOWN_DEPTH) -> None:
    """The tree as rows under ``root``; a branch ``max_depth`` levels down is shown flat.

    Built with its own stack, as :func:`~amo_desktop.core.webhooks.formdecode.with_lists`
    is: a body may nest a key thousands of levels deep, and the view must still open.
    """
    if isinstance(node, str):
        return
    pending: list[tuple[QStandardItem, FormTree, int]] = [(root, node, 0)]
    while pending:
        parent, branch, depth = pending.pop()
        if depth >= max_depth:
            for path, value in flatten(branch):
                parent.appendRow(_row(bracketed(path), value))
            continue
        for key, child in branch.items():
            key_item, value_item = _row(key, child if isinstance(child, str) else "")
            parent.appendRow([key_item, value_item])
            if not isinstance(child, str):
                pending.append((key_item, child, depth + 1))


def _row(key: str, value: str) -> list[QStandardItem]:
    items = [QStandardItem(key), QStandardItem(value)]
    for item in items:
        item.setEditable(False)
    return items


class EventDetailPane(QWidget):
    """Shows the selected event's delivery and offers to replay it.

    Signals:
        replayRequested(object, str): the ``Delivery`` and the target URL (empty: the
            forward target).
    """

    replayRequested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookDetails")
        self._row: EventRow | None = None
        self._replay_result: ForwardResult | None = None
        self._has_forward_target = False
        self._replaying = False

        self.summary = DataLabel("webhookDetailsSummary", self)
        self.summary.setStyleSheet("font-weight: bold;")
        self.delivery = DataLabel("webhookDetailsDelivery", self)

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("webhookDetailsTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("webhookDetailsRawBody")
        self.headers = QPlainTextEdit(self)
        self.headers.setObjectName("webhookDetailsHeaders")
        for text in (self.body, self.headers):
            text.setReadOnly(True)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            mark_as_data(text)
        self.copy_body = QPushButton(self)
        self.copy_body.setObjectName("webhookDetailsCopyBody")
        self.copy_body.clicked.connect(lambda: self._copy(self.body, self.copy_body))
        self.copy_headers = QPushButton(self)
        self.copy_headers.setObjectName("webhookDetailsCopyHeaders")
        self.copy_headers.clicked.connect(lambda: self._copy(self.headers, self.copy_headers))

        body_page = QWidget(self)
        body_layout = QVBoxLayout(body_page)
        body_layout.addWidget(self.body, 1)
        body_layout.addWidget(self.copy_body)
        headers_page = QWidget(self)
        headers_layout = QVBoxLayout(headers_page)
        headers_layout.addWidget(self.headers, 1)
        headers_layout.addWidget(self.copy_headers)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("webhookDetailsTabs")
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(body_page, "")
        self.tabs.addTab(headers_page, "")

        self.replay = QPushButton(self)
        self.replay.setObjectName("webhookReplay")
        self.replay.clicked.connect(self._replay_to_forward_target)
        self.replay_url = QLineEdit(self)
        self.replay_url.setObjectName("webhookReplayUrl")
        mark_as_data(self.replay_url)
        self.replay_url.returnPressed.connect(self._replay_to_url)
        self.replay_url.textChanged.connect(lambda _text: self._update_buttons())
        self.replay_to = QPushButton(self)
        self.replay_to.setObjectName("webhookReplayTo")
        self.replay_to.clicked.connect(self._replay_to_url)
        self.replay_result = QLabel(self)
        self.replay_result.setObjectName("webhookReplayResult")
        self.replay_result.setWordWrap(True)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("webhookDetailsEmpty")
        self.placeholder.setWordWrap(True)

        replay_row = QHBoxLayout()
        replay_row.addWidget(self.replay)
        replay_row.addWidget(self.replay_url, 1)
        replay_row.addWidget(self.replay_to)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.summary)
        layout.addWidget(self.delivery)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(replay_row)
        layout.addWidget(self.replay_result)
        self.retranslate_ui()
        self.show_event(None)

    @property
    def current(self) -> EventRow | None:
        return self._row

    def set_has_forward_target(self, has_target: bool) -> None:
        self._has_forward_target = has_target
        self._update_buttons()

    def show_event(self, row: EventRow | None) -> None:
        self._row = row
        self._replay_result = None
        self.replay_result.clear()
        self.placeholder.setVisible(row is None)
        for widget in (self.summary, self.delivery, self.tabs):
            widget.setVisible(row is not None)
        self.tree_model.removeRows(0, self.tree_model.rowCount())
        if row is None:
            self.body.clear()
            self.headers.clear()
            self._update_buttons()
            return
        delivery = row.delivery
        self.summary.setText(row.summary)
        self.delivery.setText(delivery.delivery_id)
        try:
            _fill(self.tree_model.invisibleRootItem(), decode(delivery.body))
        except FormDecodeError:
            pass  # the raw body is still shown; the receiver already flagged it
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.body.setPlainText(delivery.body.decode("utf-8", errors="replace"))
        query = "&".join(f"{key}={value}" for key, value in delivery.query)
        request_line = f"{delivery.method} {delivery.path}{'?' + query if query else ''}"
        self.headers.setPlainText(
            "\n".join([request_line, *(f"{name}: {value}" for name, value in delivery.headers)])
        )
        self._update_buttons()

    def set_replaying(self, busy: bool) -> None:
        self._replaying = busy
        if busy:
            self.replay_result.setStyleSheet("")
            self.replay_result.setText(self.tr("Replaying…"))
        self._update_buttons()

    def show_replay_result(self, result: ForwardResult) -> None:
        self._replay_result = result
        self._render_replay_result()

    def show_replay_error(self, text: str) -> None:
        self.replay_result.setStyleSheet(FAIL_STYLE)
        self.replay_result.setText(text)

    def _render_replay_result(self) -> None:
        result = self._replay_result
        if result is None:
            return
        if result.status is not None:
            text = (
                self.tr("Replayed to %1: answer %2 in %3 ms")
                .replace("%1", result.target)
                .replace("%2", str(result.status))
                .replace("%3", f"{result.elapsed_ms:.0f}")
            )
        else:
            text = (
                self.tr("Replay to %1 failed: %2")
                .replace("%1", result.target)
                .replace("%2", forward_problem(result.error or ""))
            )
        self.replay_result.setStyleSheet(OK_STYLE if result.ok else FAIL_STYLE)
        self.replay_result.setText(text)

    def _can_replay_to_forward_target(self) -> bool:
        return self._row is not None and self._has_forward_target

    def _update_buttons(self) -> None:
        idle = not self._replaying
        self.replay.setEnabled(idle and self._can_replay_to_forward_target())
        has_url = bool(self.replay_url.text().strip())
        self.replay_to.setEnabled(idle and self._row is not None and has_url)
        self.copy_body.setEnabled(self._row is not None)
        self.copy_headers.setEnabled(self._row is not None)

    def _replay_to_forward_target(self) -> None:
        if self._row is not None:
            self.replayRequested.emit(self._row.delivery, "")

    def _replay_to_url(self) -> None:
        url = self.replay_url.text().strip()
        if self._row is None or not url or self._replaying:
            return
        if not is_web_address(url):
            self._replay_result = None
            self.show_replay_error(
                self.tr(
                    "“%1” is not a web address. Enter the full address, starting with http://"
                    " or https://, for example http://localhost:3000/webhook"
                ).replace("%1", url)
            )
            return
        self.replayRequested.emit(self._row.delivery, url)

    def _copy(self, text: QPlainTextEdit, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(text.toPlainText())
        button.setText(self.tr("Copied"))

    def retranslate_ui(self) -> None:
        self.tree_model.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.tabs.setTabText(0, self.tr("Decoded"))
        self.tabs.setTabText(1, self.tr("Raw body"))
        self.tabs.setTabText(2, self.tr("Headers"))
        self.tree.setAccessibleName(self.tr("Decoded event"))
        self.body.setAccessibleName(self.tr("Raw body"))
        self.headers.setAccessibleName(self.tr("Request headers"))
        self.copy_body.setText(self.tr("Copy body"))
        self.copy_headers.setText(self.tr("Copy headers"))
        self.replay.setText(self.tr("Replay"))
        self.replay.setToolTip(
            self.tr("Send this delivery to the forward target again, unchanged.")
        )
        self.replay.setAccessibleName(self.tr("Replay to the forward target"))
        self.replay_url.setPlaceholderText(self.tr("another URL, e.g. http://localhost:3000/…"))
        self.replay_url.setAccessibleName(self.tr("Replay URL"))
        self.replay_to.setText(self.tr("Replay to this URL"))
        self.replay_to.setAccessibleName(self.tr("Replay to this URL"))
        self.placeholder.setText(self.tr("Select an event to see what amoCRM sent."))
        self._render_replay_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
