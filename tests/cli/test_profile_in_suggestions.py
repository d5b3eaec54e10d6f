"""Suggested commands name ``--profile`` whenever a bare command would use another profile."""

from __future__ import annotations

from pathlib import Path

import pytest

from amo_desktop.cli.context import CliContext
from amo_desktop.core.config import ConfigStore, Profile
from amo_desktop.core.platforms import Platform


def save_profiles(home: Path, *names: str, current: str) -> None:
    store = ConfigStore(home)
    for name in names:
        store.save(
            Profile(
                name=name,
                platform=Platform.AMOCRM_RU,
                account=f"{name}.amocrm.ru",
                client_id="5f2d8c1e-7a4b-4e3f-9b6a-1c2d3e4f5a6b",
                redirect_uri="https://example.com/callback",
            )
        )
    store.set_current(current)


def option_for(home: Path, profile: str | None) -> str:
    return CliContext(profile=profile, json_mode=False, language="en", home=home).out.profile_option


def test_default_is_named_when_another_profile_is_current(tmp_path: Path) -> None:
    save_profiles(tmp_path, "shop", "default", current="shop")
    assert option_for(tmp_path, "default") == " --profile default"
    out = CliContext(profile="default", json_mode=False, language="en", home=tmp_path).out
    assert "Run: amo-desktop --profile default login --browser" in out.t("status_token_none")


@pytest.mark.parametrize(
    ("profiles", "current", "requested"),
    [
        (("shop", "default"), "shop", None),  # a bare command: the current profile
        (("shop", "default"), "shop", "shop"),  # the current profile, named
        (("shop", "default"), "default", "default"),
    ],
)
def test_no_option_when_a_bare_command_picks_the_same_profile(
    tmp_path: Path, profiles: tuple[str, ...], current: str, requested: str | None
) -> None:
    save_profiles(tmp_path, *profiles, current=current)
    assert option_for(tmp_path, requested) == ""


def test_without_settings_a_bare_command_means_default(tmp_path: Path) -> None:
    assert option_for(tmp_path, "default") == ""
    assert option_for(tmp_path, None) == ""
    assert option_for(tmp_path, "shop") == " --profile shop"


def test_a_damaged_settings_file_keeps_the_named_profile(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"current": "default", "profiles": {', "utf-8")
    # Nobody can tell what a bare command would pick: naming the profile is always right.
    assert option_for(tmp_path, "default") == " --profile default"
