"""SystemBrowser reads BROWSER when it opens, not when Python first looked."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from amo_desktop.core.browser import SystemBrowser


def recorder(path: Path) -> str:
    script = f"import sys, pathlib; pathlib.Path({str(path)!r}).write_text(sys.argv[1])"
    return f'{sys.executable} -c "{script}" %s'


async def test_browser_variable_is_read_at_call_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = SystemBrowser()
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    monkeypatch.setenv("BROWSER", recorder(first))
    assert await browser.open("http://127.0.0.1:1/one")
    monkeypatch.setenv("BROWSER", recorder(second))
    assert await browser.open("http://127.0.0.1:1/two")
    assert first.read_text() == "http://127.0.0.1:1/one"
    assert second.read_text() == "http://127.0.0.1:1/two"


async def test_a_failing_command_means_not_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER", f'{sys.executable} -c "raise SystemExit(3)" %s')
    assert not await SystemBrowser().open("http://127.0.0.1:1/")
