"""Live language switching through Qt's own translators.

Every area of the GUI keeps its Ukrainian texts in ``resources/i18n/<area>_uk.qm`` (see
``docs/translations.md``); this manager installs all of them for the chosen language. English
is the source language, so it needs no translator. Installing or removing a translator makes
Qt send ``QEvent.LanguageChange`` to every widget, which re-translates itself in
``changeEvent``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)

SUPPORTED_LANGUAGES = ("en", "uk")
_QT_LOCALES = {"en": "en_US", "uk": "uk_UA"}


def current_language() -> str:
    """The GUI's language (``"en"`` or ``"uk"``), as set by :class:`LanguageManager`."""
    return "uk" if QLocale().language() == QLocale.Language.Ukrainian else "en"


def fill(template: str, *values: object) -> str:
    """Qt-style placeholders: ``fill(self.tr("%1 of %2"), 1, 2)``."""
    for number, value in reversed(list(enumerate(values, start=1))):
        template = template.replace(f"%{number}", str(value))
    return template


class LanguageManager(QObject):
    """Installs the translators of one language for the whole application.

    Signals:
        languageChanged(str): emitted after the switch, with the new language code.
    """

    languageChanged = Signal(str)

    def __init__(self, app: QCoreApplication, translations_dir: Path) -> None:
        super().__init__(app)
        self._app = app
        self._translations_dir = translations_dir
        self._installed: list[QTranslator] = []
        self._language = "en"

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Switch every window to ``language`` (unknown codes fall back to English)."""
        language = language if language in SUPPORTED_LANGUAGES else "en"
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(_QT_LOCALES[language]))
        if language != "en":
            # Qt's own texts (file dialogs, context menus) come with Qt; ours from resources.
            qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
            qm_files = [qt_dir / f"qtbase_{language}.qm"]
            qm_files += sorted(self._translations_dir.glob(f"*_{language}.qm"))
            for qm_file in qm_files:
                translator = QTranslator(self)
                if translator.load(str(qm_file)):
                    self._app.installTranslator(translator)
                    self._installed.append(translator)
        changed = language != self._language
        self._language = language
        if changed:
            self.languageChanged.emit(language)
