"""The shipped translations match the GUI's sources: nothing new left untranslated, and
every compiled .qm file is what its .ts file compiles to (no one forgot to re-run
``make translations``)."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def translations_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_script", ROOT / "scripts" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = translations_script()
AREAS = sorted(SCRIPT.area_sources().items())


@pytest.mark.parametrize(("area", "sources"), AREAS, ids=[area for area, _ in AREAS])
def test_translation_file_is_current_and_complete(
    area: str, sources: list[Path], tmp_path: Path
) -> None:
    for language in SCRIPT.LANGUAGES:
        shipped_ts = SCRIPT.I18N / f"{area}_{language}.ts"
        assert shipped_ts.exists(), f"{shipped_ts.name} is missing: run make translations"
        fresh_ts = tmp_path / shipped_ts.name
        shutil.copyfile(shipped_ts, fresh_ts)
        SCRIPT.update_ts(SCRIPT.qt_tool("pyside6-lupdate"), sources, fresh_ts, language)
        assert fresh_ts.read_text(encoding="utf-8") == shipped_ts.read_text(encoding="utf-8"), (
            f"{shipped_ts.name} is behind the sources: run make translations"
        )
        assert SCRIPT.unfinished(shipped_ts) == []

        compiled = tmp_path / f"{area}_{language}.qm"
        SCRIPT.release(SCRIPT.qt_tool("pyside6-lrelease"), shipped_ts, compiled)
        shipped_qm = shipped_ts.with_suffix(".qm")
        assert compiled.read_bytes() == shipped_qm.read_bytes(), (
            f"{shipped_qm.name} is not compiled from {shipped_ts.name}: run make translations"
        )


# One Ukrainian word per thing across the windows, the command line and the doctor: a second
# word reads like a second thing. (The key is the word kept; the values are patterns of the
# ones replaced.)
UKRAINIAN_TERMS = {
    "приймач": ("прослуховувач",),  # the webhook listener
    "довгостроковий": ("довготривал",),  # the long-lived token
    # amoCRM's integration tab, «Ключи и доступы» in its Russian interface
    "ключі та доступи": (r"ключі та доступ(?!и)",),
}


@pytest.mark.parametrize("kept", sorted(UKRAINIAN_TERMS))
def test_each_thing_has_one_ukrainian_name_everywhere(kept: str) -> None:
    sources = [*(ROOT / "amo_desktop").rglob("*.py"), *(ROOT / "resources" / "i18n").glob("*.ts")]
    texts = {path: path.read_text(encoding="utf-8").lower() for path in sources}
    assert any(kept in text for text in texts.values())
    for replaced in UKRAINIAN_TERMS[kept]:
        assert [path.name for path, text in texts.items() if re.search(replaced, text)] == []
