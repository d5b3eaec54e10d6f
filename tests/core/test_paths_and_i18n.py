"""Language detection and the app's file locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.i18n import SUPPORTED_LANGUAGES, detect_language
from amo_desktop.core.paths import app_home, profile_dir, validate_profile_name


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "uk_UA.UTF-8"}, "uk"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "uk_UA.UTF-8"}, "en"),
        ({"LC_MESSAGES": "uk_UA", "LANG": "en_US"}, "uk"),
        ({"AMO_DESKTOP_LANG": "uk", "LC_ALL": "en_US.UTF-8"}, "uk"),
        ({"AMO_DESKTOP_LANG": "", "LC_ALL": "uk_UA.UTF-8"}, "uk"),
        ({"AMO_DESKTOP_LANG": "fr"}, "en"),
    ],
)
def test_detect_language(environ: dict[str, str], expected: str) -> None:
    assert detect_language(environ) == expected
    assert expected in SUPPORTED_LANGUAGES


def test_app_home_prefers_the_override(tmp_path: Path) -> None:
    assert app_home({"AMO_DESKTOP_HOME": str(tmp_path)}) == tmp_path
    default = app_home({})
    assert default.name == "amo-desktop"


@pytest.mark.parametrize("name", ["default", "shop", "test-1", "a.b_c", "X" * 40])
def test_valid_profile_names(name: str, tmp_path: Path) -> None:
    assert validate_profile_name(name) == name
    assert profile_dir(tmp_path, name).parent.parent == tmp_path


@pytest.mark.parametrize("name", ["", ".", "..", "-x", "a/b", "a:b", "a@b", "має", "X" * 41, " a"])
def test_invalid_profile_names(name: str, tmp_path: Path) -> None:
    with pytest.raises(AmoError) as caught:
        profile_dir(tmp_path, name)
    assert caught.value.code is ErrorCode.INVALID_PROFILE_NAME
