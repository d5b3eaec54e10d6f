"""The error catalogue tab: search box, the matching errors, and the chosen one explained."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from amo_desktop.gui.language import current_language, fill
from amo_desktop.gui.troubleshooting.catalogue_model import (
    ALIASES_ROLE,
    CODE_ROLE,
    HINT_ROLE,
    MESSAGE_ROLE,
    CatalogueSearchProxy,
    ErrorCatalogueModel,
)
from amo_desktop.gui.widgets.data_label import DataLabel


class CataloguePanel(QWidget):
    """Every known error with its plain explanation and fix, in the current language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("troubleshootingCatalogue")
        self.model = ErrorCatalogueModel(current_language(), self)
        self.proxy = CatalogueSearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("catalogueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count = QLabel(self)
        self.count.setObjectName("catalogueCount")
        self.list = QListView(self)
        self.list.setObjectName("catalogueList")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().selectionChanged.connect(self._selected)

        self.title = QLabel(self)
        self.title.setObjectName("catalogueTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 14px;")
        self.code = DataLabel("catalogueCode", self)
        self.code.setStyleSheet("color: #5f6368;")
        self.message_heading = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("catalogueMessage")
        self.hint_heading = QLabel(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("catalogueHint")
        self.aliases_heading = QLabel(self)
        self.aliases = DataLabel("catalogueAliases", self)
        for label in (self.title, self.message, self.hint):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for heading in (self.message_heading, self.hint_heading, self.aliases_heading):
            heading.setStyleSheet("font-weight: bold;")
        self.empty = QLabel(self)
        self.empty.setObjectName("catalogueEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        details = QFrame(self)
        details.setObjectName("catalogueDetails")
        details_layout = QVBoxLayout(details)
        for widget in (
            self.title,
            self.code,
            self.message_heading,
            self.message,
            self.hint_heading,
            self.hint,
            self.aliases_heading,
            self.aliases,
        ):
            if widget in (self.message_heading, self.hint_heading, self.aliases_heading):
                details_layout.addSpacing(8)
            details_layout.addWidget(widget)
        details_layout.addWidget(self.empty)
        details_layout.addStretch(1)
        self._detail_widgets = (
            self.title,
            self.code,
            self.message_heading,
            self.message,
            self.hint_heading,
            self.hint,
        )
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.count)
        left_layout.addWidget(self.list, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate_ui()
        self._show(QModelIndex())

    # --- searching ---------------------------------------------------------------------------
    def set_query(self, text: str) -> None:
        """Search for ``text`` (what typing into the box does)."""
        self.search.setText(text)

    def shown_codes(self) -> list[str]:
        return [
            str(self.proxy.index(row, 0).data(CODE_ROLE)) for row in range(self.proxy.rowCount())
        ]

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._after_filter()

    def _after_filter(self) -> None:
        self._update_count()
        first = self.proxy.index(0, 0)
        if first.isValid():
            self.list.setCurrentIndex(first)
        # Shown even when the selection stayed the same (a language switch re-words it).
        self._show(first)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(fill(self.tr("%1 known errors"), total))
        else:
            self.count.setText(fill(self.tr("%1 of %2 known errors match"), shown, total))

    # --- details -----------------------------------------------------------------------------
    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show(indexes[0] if indexes else self.list.currentIndex())

    def _show(self, index: QModelIndex) -> None:
        valid = index.isValid()
        for widget in self._detail_widgets:
            widget.setVisible(valid)
        aliases = list(index.data(ALIASES_ROLE) or []) if valid else []
        self.aliases_heading.setVisible(bool(aliases))
        self.aliases.setVisible(bool(aliases))
        self.empty.setVisible(not valid)
        if not valid:
            return
        self.title.setText(str(index.data(Qt.ItemDataRole.DisplayRole)))
        self.code.setText(str(index.data(CODE_ROLE)))
        self.message.setText(str(index.data(MESSAGE_ROLE)))
        self.hint.setText(str(index.data(HINT_ROLE)))
        self.aliases.setText("\n".join(f"“{alias}”" for alias in aliases))

    # --- language ----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.model.set_language(language)
        self.proxy.refresh()
        self._after_filter()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: paste an error message or type a word"))
        self.search.setAccessibleName(self.tr("Search the error catalogue"))
        self.list.setAccessibleName(self.tr("Known errors"))
        self.message_heading.setText(self.tr("What happened"))
        self.hint_heading.setText(self.tr("What to do"))
        self.aliases_heading.setText(self.tr("How it may appear elsewhere"))
        self.empty.setText(self.tr("No known error matches. Try fewer or other words."))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.set_language(current_language())
        super().changeEvent(event)
