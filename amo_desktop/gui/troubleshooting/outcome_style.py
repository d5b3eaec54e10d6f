"""How an outcome looks: a glyph, a colour and a word, so that it never relies on colour alone."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from amo_desktop.core.diagnostics import Outcome

CONTEXT = "CheckOutcome"


@dataclass(frozen=True)
class OutcomeStyle:
    """The look of one outcome: glyph on a coloured disc, the word and its colours."""

    glyph: str
    word: str  # untranslated source text (context ``CheckOutcome``)
    colour: str  # the disc and the word
    background: str  # the card behind a result


STYLES = {
    Outcome.PASSED: OutcomeStyle(
        "✓", str(QT_TRANSLATE_NOOP("CheckOutcome", "Passed")), "#1e7d32", "#edf7ee"
    ),
    Outcome.WARNING: OutcomeStyle(
        "!", str(QT_TRANSLATE_NOOP("CheckOutcome", "Warning")), "#a15c00", "#fff5e0"
    ),
    Outcome.FAILED: OutcomeStyle(
        "✗", str(QT_TRANSLATE_NOOP("CheckOutcome", "Failed")), "#b3261e", "#fdecea"
    ),
    Outcome.SKIPPED: OutcomeStyle(
        "–", str(QT_TRANSLATE_NOOP("CheckOutcome", "Skipped")), "#5f6368", "#f3f4f5"
    ),
}
PENDING = OutcomeStyle(
    "…", str(QT_TRANSLATE_NOOP("CheckOutcome", "Checking…")), "#1a5fb4", "#ffffff"
)


def style_of(outcome: Outcome | None) -> OutcomeStyle:
    """The style of ``outcome``; ``None`` is a check still running."""
    return PENDING if outcome is None else STYLES[outcome]


def outcome_word(outcome: Outcome | None) -> str:
    """ "Passed", "Warning", "Failed", "Skipped" or "Checking…" in the current language."""
    return QCoreApplication.translate(CONTEXT, style_of(outcome).word)


def outcome_pixmap(outcome: Outcome | None, size: int = 22) -> QPixmap:
    """The glyph in white on a disc of the outcome's colour."""
    style = style_of(outcome)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.colour))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, style.glyph)
    painter.end()
    return pixmap


def outcome_icon(outcome: Outcome | None) -> QIcon:
    return QIcon(outcome_pixmap(outcome))
