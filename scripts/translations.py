#!/usr/bin/env python3
"""Update the Ukrainian translation sources and compile them (``make translations``).

Each GUI area has its own ``resources/i18n/<area>_uk.ts`` so that engineers working on
different areas never edit the same file; the app installs every ``*_uk.qm`` it finds.

    python scripts/translations.py            # lupdate (merge new strings) + lrelease
    python scripts/translations.py --check    # also fail if any string lacks a translation

``pyside6-lupdate`` merges: existing translations are kept, new source texts are added as
"unfinished", texts that disappeared from the code are dropped. Translate the unfinished
entries with Qt Linguist (``pyside6-linguist``) or any editor, then run the script again to
compile the ``.qm`` files, which are committed because the app loads them at run time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "amo_desktop" / "gui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("uk",)
# Areas with their own translation file; everything else under gui/ is "amo_desktop".
SEPARATE_AREAS = ("webhooks", "troubleshooting")


def area_sources() -> dict[str, list[Path]]:
    areas: dict[str, list[Path]] = {"amo_desktop": []}
    for source in sorted(GUI.rglob("*.py")):
        relative = source.relative_to(GUI)
        area = relative.parts[0] if relative.parts[0] in SEPARATE_AREAS else "amo_desktop"
        areas.setdefault(area, []).append(source)
    return {area: files for area, files in areas.items() if files}


def qt_tool(name: str) -> str:
    beside_python = Path(sys.executable).parent / name
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def unfinished(ts_file: Path) -> list[str]:
    """Source texts in ``ts_file`` without a finished translation."""
    missing = []
    # Our own file from our own tool, not untrusted input.
    for message in ElementTree.parse(ts_file).getroot().iter("message"):  # noqa: S314
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            missing.append(message.findtext("source") or "")
    return missing


def update_ts(lupdate: str, sources: list[Path], ts_file: Path, language: str) -> None:
    """Merge the source texts into ``ts_file`` (existing translations are kept)."""
    # Locations are left out so that moving code does not churn the .ts files.
    subprocess.run(  # noqa: S603 - Qt's own tools on our own files
        [
            lupdate,
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            f"{language}_UA",
            *(str(s.relative_to(ROOT)) for s in sources),
            "-ts",
            str(ts_file),
        ],
        check=True,
        cwd=ROOT,
    )


def release(lrelease: str, ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into the binary ``qm_file`` the app loads."""
    subprocess.run(  # noqa: S603 - Qt's own tools on our own files
        [lrelease, "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        cwd=ROOT,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args()
    I18N.mkdir(parents=True, exist_ok=True)
    lupdate, lrelease = qt_tool("pyside6-lupdate"), qt_tool("pyside6-lrelease")
    problems = 0
    for area, sources in area_sources().items():
        for language in LANGUAGES:
            ts_file = I18N / f"{area}_{language}.ts"
            update_ts(lupdate, sources, ts_file, language)
            release(lrelease, ts_file, ts_file.with_suffix(".qm"))
            missing = unfinished(ts_file)
            print(f"{ts_file.relative_to(ROOT)}: {len(missing)} untranslated")
            if args.check:
                for text in missing:
                    print(f"  untranslated: {text!r}")
                problems += len(missing)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
