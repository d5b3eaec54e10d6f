"""The error catalogue as a list model, and a proxy that filters and ranks it with the
catalogue's own :func:`~amo_desktop.core.error_catalogue.search` (which knows the raw strings
people paste, such as amoCRM's ``"hint"`` values)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from amo_desktop.core.error_catalogue import CatalogueEntry, all_entries, normalize_language, search
from amo_desktop.core.errors import ErrorCode

AnyIndex = QModelIndex | QPersistentModelIndex

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
MESSAGE_ROLE = Qt.ItemDataRole.UserRole + 2
HINT_ROLE = Qt.ItemDataRole.UserRole + 3
ALIASES_ROLE = Qt.ItemDataRole.UserRole + 4

# What the catalogue's {placeholders} stand for, shown as "[account address]" while browsing
# (a real error fills them with its own details).
PLACEHOLDERS = {
    "backend": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "backend address"),
    "command": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "command"),
    "event_id": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "number"),
    "host": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "account address"),
    "option": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "option"),
    "path": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "file"),
    "port": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "port"),
    "problem": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "problem"),
    "profile": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "profile"),
    "status": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "code"),
    "text": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "entered text"),
    "uri": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "address"),
    "url": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "address"),
    "value": QT_TRANSLATE_NOOP("ErrorCatalogueModel", "entered value"),
}


def placeholder_words() -> dict[str, str]:
    """``{"host": "[account address]", …}`` in the current language."""
    return {
        name: "[" + QCoreApplication.translate("ErrorCatalogueModel", str(word)) + "]"
        for name, word in PLACEHOLDERS.items()
    }


class ErrorCatalogueModel(QAbstractListModel):
    """Every known error, titled in the current language; the other texts in roles."""

    def __init__(self, language: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[CatalogueEntry, ...] = all_entries()
        self._language = normalize_language(language)
        self._placeholders = placeholder_words()

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        language = normalize_language(language)
        if language == self._language:
            return
        self._language = language
        self._placeholders = placeholder_words()
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def entry_at(self, row: int) -> CatalogueEntry:
        return self._entries[row]

    def row_of(self, code: ErrorCode) -> int:
        return next((n for n, entry in enumerate(self._entries) if entry.code is code), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        text = entry.localized(self._language, self._placeholders)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return text.message
        if role == CODE_ROLE:
            return entry.code.value
        if role == MESSAGE_ROLE:
            return text.message
        if role == HINT_ROLE:
            return text.hint
        if role == ALIASES_ROLE:
            return list(entry.aliases)
        return None


class CatalogueSearchProxy(QSortFilterProxyModel):
    """Shows the entries :func:`search` finds for the query, best match first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._rank: dict[ErrorCode, int] | None = None  # None: no query, keep catalogue order

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        self._query = text
        self.refresh()

    def refresh(self) -> None:
        """Search again (after a new query or a language switch)."""
        source = self.sourceModel()
        language = source.language if isinstance(source, ErrorCatalogueModel) else "en"
        if self._query.strip():
            found = search(self._query, language, all_languages=True)
            self._rank = {entry.code: position for position, entry in enumerate(found)}
        else:
            self._rank = None
        self.invalidate()
        self.sort(0)

    def _code(self, row: int) -> ErrorCode | None:
        source = self.sourceModel()
        if not isinstance(source, ErrorCatalogueModel) or not 0 <= row < source.rowCount():
            return None
        return source.entry_at(row).code

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._rank is None:
            return True
        return self._code(source_row) in self._rank

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        if self._rank is None:
            return left.row() < right.row()
        missing = len(self._rank)
        left_code, right_code = self._code(left.row()), self._code(right.row())
        left_rank = self._rank.get(left_code, missing) if left_code else missing
        right_rank = self._rank.get(right_code, missing) if right_code else missing
        return left_rank < right_rank
