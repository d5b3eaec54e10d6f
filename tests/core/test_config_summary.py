"""The quick look at the settings file agrees with the full store, or leaves the file to it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from amo_desktop.core.config import ConfigStore, Profile
from amo_desktop.core.config_summary import ConfigSummary, read_summary
from amo_desktop.core.platforms import Platform


def profile(name: str) -> Profile:
    return Profile(
        name=name,
        platform=Platform.KOMMO,
        account="shop.kommo.com",
        client_id="1a2b3c4d-1234-5678-9abc-0123456789ab",
        redirect_uri="https://example.com/callback/",
    )


def write(home: Path, document: object) -> None:
    (home / "config.json").write_text(json.dumps(document), encoding="utf-8")


def test_no_file_is_a_home_without_settings(tmp_path: Path) -> None:
    assert read_summary(tmp_path) == ConfigSummary(None, None, frozenset())
    assert not (tmp_path / "config.json").exists()


def test_it_agrees_with_the_store_on_a_file_the_store_wrote(tmp_path: Path) -> None:
    store = ConfigStore(tmp_path)
    store.save(profile("shop"))
    store.save(profile("office"))
    store.set_current("office")
    store.set_language("uk")
    assert read_summary(tmp_path) == ConfigSummary(
        current=store.current,
        language=store.language,
        profile_names=frozenset(p.name for p in store.list()),
    )
    assert store.current == "office" and store.language == "uk"


@pytest.mark.parametrize(
    ("current", "language", "expected_current", "expected_language"),
    [(None, None, None, None), (7, "de", None, None), ("shop", "en", "shop", "en")],
)
def test_odd_values_read_as_the_store_reads_them(
    tmp_path: Path,
    current: object,
    language: object,
    expected_current: str | None,
    expected_language: str | None,
) -> None:
    write(tmp_path, {"version": 1, "current": current, "language": language, "profiles": {}})
    store = ConfigStore(tmp_path)
    assert (store.current, store.language) == (expected_current, expected_language)
    summary = read_summary(tmp_path)
    assert summary is not None
    assert (summary.current, summary.language) == (expected_current, expected_language)


def test_profiles_are_listed_by_name_without_judging_them(tmp_path: Path) -> None:
    write(tmp_path, {"version": 1, "current": "shop", "profiles": {"shop": {"broken": True}}})
    summary = read_summary(tmp_path)
    assert summary is not None and summary.profile_names == {"shop"}


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        json.dumps({"version": 2, "profiles": {}}),  # a newer app's file
        json.dumps({"profiles": {}}),  # no version: the store's migrations decide
        json.dumps({"version": True, "profiles": {}}),
        json.dumps({"version": "1", "profiles": {}}),
        json.dumps({"version": 1, "profiles": []}),
    ],
)
def test_anything_unusual_is_left_to_the_full_store(tmp_path: Path, content: str) -> None:
    (tmp_path / "config.json").write_text(content, encoding="utf-8")
    assert read_summary(tmp_path) is None
    assert not (tmp_path / "config.json.bak").exists()  # only the store makes backups


def test_a_file_that_is_not_utf8_is_left_to_the_full_store(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_bytes(b'{"version": 1, "current": "\xff"}')
    assert read_summary(tmp_path) is None


def test_an_unreadable_file_is_left_to_the_full_store(tmp_path: Path) -> None:
    (tmp_path / "config.json").mkdir()
    assert read_summary(tmp_path) is None
