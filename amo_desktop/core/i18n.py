"""Detect the user's language. Only detection lives here: the language is passed explicitly."""

from __future__ import annotations

import os
from collections.abc import Mapping

SUPPORTED_LANGUAGES = ("en", "uk")
DEFAULT_LANGUAGE = "en"

# The same order gettext uses, with our own override first.
_LANGUAGE_VARIABLES = ("AMO_DESKTOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_locale(value: str) -> str:
    """``"uk_UA.UTF-8"`` -> ``"uk"``; everything else -> ``"en"``."""
    return "uk" if value.strip().lower().startswith("uk") else DEFAULT_LANGUAGE


def detect_language(environ: Mapping[str, str] = os.environ) -> str:
    """The first non-empty of AMO_DESKTOP_LANG, LC_ALL, LC_MESSAGES, LANG decides."""
    for name in _LANGUAGE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return language_from_locale(value)
    return DEFAULT_LANGUAGE
