"""Where the GUI finds its files under ``resources/`` (translations, icons)."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS_DIR = RESOURCES_DIR / "i18n"
ICONS_DIR = RESOURCES_DIR / "icons"


def icon_path(name: str) -> Path:
    """The path of ``resources/icons/<name>``."""
    return ICONS_DIR / name
