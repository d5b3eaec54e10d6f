"""The settings file's format, and a quick look at it that needs nothing but ``json``.

``config.json`` in the app home is
``{"version": 1, "current": "default", "language": null, "profiles": {"default": {...}}}``.
:mod:`amo_desktop.core.config` reads and writes it in full (migrations, validated profiles,
backups of damaged files, locked atomic writes) and takes the format's constants from here.

The GUI decides which window to paint first, and in which language, before it loads the
rest of the app; :func:`read_summary` answers that from the file with ``json`` alone. It
never judges anything unusual (a damaged file, another version, an unreadable folder): it
returns None and the caller asks :class:`~amo_desktop.core.config.ConfigStore`, which reports
the problem the usual way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from amo_desktop.core.i18n import SUPPORTED_LANGUAGES
from amo_desktop.core.paths import config_file

CONFIG_VERSION = 1
VERSION_KEY = "version"
CURRENT_KEY = "current"
LANGUAGE_KEY = "language"
PROFILES_KEY = "profiles"


def empty_document() -> dict[str, Any]:
    """The settings of an app that has never saved any."""
    return {VERSION_KEY: CONFIG_VERSION, CURRENT_KEY: None, LANGUAGE_KEY: None, PROFILES_KEY: {}}


class ConfigSummary(NamedTuple):
    """What the settings file says, read without validating the profiles themselves."""

    current: str | None
    language: str | None
    profile_names: frozenset[str]


def _parsed(path: Path) -> object:
    """The file's JSON value, the empty settings if there is no file, None if unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return empty_document()
    except (OSError, ValueError):  # ValueError: not UTF-8
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def read_summary(home: Path) -> ConfigSummary | None:
    """The summary of ``home``'s settings file; None if it needs the full ``ConfigStore``.

    A missing file is a first run: no profiles, no language chosen.
    """
    document = _parsed(config_file(home))
    if not isinstance(document, dict):
        return None
    version = document.get(VERSION_KEY)
    profiles = document.get(PROFILES_KEY, {})
    # bool is an int too; a ``true`` version is for the full store to judge.
    if type(version) is not int or version != CONFIG_VERSION or not isinstance(profiles, dict):
        return None
    current = document.get(CURRENT_KEY)
    language = document.get(LANGUAGE_KEY)
    return ConfigSummary(
        current=current if isinstance(current, str) else None,
        language=language if language in SUPPORTED_LANGUAGES else None,
        profile_names=frozenset(profiles),
    )
