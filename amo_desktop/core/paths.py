"""Where amo-desktop keeps its files, and which profile names are allowed."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from amo_desktop.core.errors import AmoError, ErrorCode

APP_NAME = "amo-desktop"
HOME_VARIABLE = "AMO_DESKTOP_HOME"
CONFIG_FILE_NAME = "config.json"

# A profile name becomes a folder name and part of keyring entry names, so it stays plain
# ASCII and never contains the ':' '@' '/' separators used there.
_PROFILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}")


def app_home(environ: Mapping[str, str] = os.environ) -> Path:
    """``$AMO_DESKTOP_HOME`` if set, else the platform's user config folder."""
    override = environ.get(HOME_VARIABLE, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file(home: Path) -> Path:
    return home / CONFIG_FILE_NAME


def validate_profile_name(name: str) -> str:
    """Return ``name`` if it is allowed, else raise INVALID_PROFILE_NAME."""
    if not _PROFILE_NAME.fullmatch(name) or name in {".", ".."}:
        raise AmoError(ErrorCode.INVALID_PROFILE_NAME, {"profile": name})
    return name


def profiles_dir(home: Path) -> Path:
    return home / "profiles"


def profile_dir(home: Path, name: str) -> Path:
    """The folder for one profile's files (journal, logs, locks). Not created here."""
    return profiles_dir(home) / validate_profile_name(name)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents readable by the owner only, and return it.

    ``mkdir(parents=True, mode=...)`` applies the mode to the last folder only; the parents
    would get the umask's usual 0755, so each missing folder is created on its own.
    Folders that already exist keep their mode.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path
