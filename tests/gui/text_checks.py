"""Find untranslated and cut-off texts in a widget tree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
    QWizardPage,
)

from amo_desktop.gui.widgets.data_label import DATA_PROPERTY

# Latin text that is the same in Ukrainian: product names, technical terms, examples, URLs.
ALLOWED_LATIN = re.compile(
    r"https?://\S+|[\w-]+(?:\.[\w-]+)+|AMO_\*|\.env|amoCRM|Kommo|amo-desktop|OAuth|HTTP|URI"
    r"|UUID|ID|English|x{4,}[x-]*|mycompany|"
)


@dataclass(frozen=True)
class Finding:
    widget: str
    text: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.text!r}"


def _name(widget: QWidget) -> str:
    """The widget's own name, or its type inside the nearest named ancestor."""
    if widget.objectName():
        return widget.objectName()
    parent = widget.parentWidget()
    return f"{type(widget).__name__} in {_name(parent)}" if parent else type(widget).__name__


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def _is_data(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property(DATA_PROPERTY):
            return True
        widget = widget.parentWidget()
    return False


def interface_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """Every visible interface text under ``root`` (data widgets excluded)."""
    found: list[tuple[QWidget, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget, root) or _is_data(widget):
            continue
        texts: list[str] = []
        if widget.isWindow():
            texts.append(widget.windowTitle())
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(index) for index in range(widget.count()))
        elif isinstance(widget, QWizardPage):
            texts.extend((widget.title(), widget.subTitle()))
        texts.append(widget.accessibleName())
        found.extend((widget, text) for text in texts if text.strip())
    return found


def untranslated(root: QWidget, data: tuple[str, ...] = ()) -> list[Finding]:
    """Texts that still contain English words once the allowed Latin terms are removed.

    ``data`` are values shown inside interface texts (a profile name in the window title).
    """
    findings = []
    for widget, text in interface_texts(root):
        rest = text
        for value in data:
            rest = rest.replace(value, "")
        rest = ALLOWED_LATIN.sub("", rest)
        if re.search(r"[A-Za-z]{2,}", rest):
            findings.append(Finding(_name(widget), text))
    return findings


def cut_off(root: QWidget) -> list[Finding]:
    """Labels without word wrap and buttons that are narrower than their text."""
    findings = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            if widget.textFormat() == Qt.TextFormat.RichText:
                continue
            needed = widget.fontMetrics().horizontalAdvance(widget.text())
            if needed > widget.contentsRect().width():
                findings.append(Finding(_name(widget), widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() < widget.sizeHint().width():
                findings.append(Finding(_name(widget), widget.text()))
    return findings
