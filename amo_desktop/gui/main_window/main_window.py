"""The main window: a sidebar with Connection, Webhooks, Troubleshooting and Settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from amo_desktop.gui.main_window.placeholder_page import PlaceholderPage


class MainWindow(QMainWindow):
    """Holds the pages it is given; Webhooks and Troubleshooting default to placeholders.

    The composition root passes the real ``gui/webhooks`` and ``gui/troubleshooting`` page
    widgets once they exist; the window does not import those areas itself.
    """

    CONNECTION, WEBHOOKS, TROUBLESHOOTING, SETTINGS = range(4)

    def __init__(
        self,
        connection_page: QWidget,
        settings_page: QWidget,
        webhooks_page: QWidget | None = None,
        troubleshooting_page: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._profile = ""
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 6px; }")
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.connection_page = connection_page
        self.webhooks_page = webhooks_page or PlaceholderPage("webhooksPage")
        self.troubleshooting_page = troubleshooting_page or PlaceholderPage("troubleshootingPage")
        self.settings_page = settings_page
        for page in (
            self.connection_page,
            self.webhooks_page,
            self.troubleshooting_page,
            self.settings_page,
        ):
            self.pages.addWidget(_scrollable(page))
            self.sidebar.addItem("")
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.sidebar.setCurrentRow(self.CONNECTION)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.retranslate_ui()

    def sizeHint(self) -> QSize:
        return QSize(900, 680)

    def show_page(self, index: int) -> None:
        self.sidebar.setCurrentRow(index)

    def set_profile(self, name: str) -> None:
        self._profile = name
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = self.tr("amo-desktop")
        self.setWindowTitle(f"{title} — {self._profile}" if self._profile else title)
        names = (
            self.tr("Connection"),
            self.tr("Webhooks"),
            self.tr("Troubleshooting"),
            self.tr("Settings"),
        )
        for row, name in enumerate(names):
            item = self.sidebar.item(row)
            item.setText(name)
        self.sidebar.setAccessibleName(self.tr("Sections"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _scrollable(page: QWidget) -> QWidget:
    """The page inside a scroll area, so a wide page (the webhooks tables and filters) scrolls
    instead of making the whole window too wide for a 1024×768 screen."""
    if isinstance(page, QAbstractScrollArea):
        return page
    area = QScrollArea()
    area.setObjectName(f"{page.objectName()}Scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(page)
    return area
