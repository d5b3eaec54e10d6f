"""Opening the consent page in the person's own browser."""

from __future__ import annotations

import asyncio
import os
import webbrowser
from typing import Protocol


class Browser(Protocol):
    """Something that can show a URL to the person (the GUI may use QDesktopServices)."""

    async def open(self, url: str) -> bool:
        """True when a browser was started; False means: show the URL to the person."""
        ...


def _open_blocking(url: str) -> bool:
    # webbrowser reads BROWSER once, when first used; read it ourselves on every call so that
    # a changed setting (or a test's) is honoured.
    choices = [choice for choice in os.environ.get("BROWSER", "").split(os.pathsep) if choice]
    for choice in choices:
        try:
            if webbrowser.get(choice).open(url):
                return True
        except webbrowser.Error:
            continue
    if choices:
        return False
    try:
        return webbrowser.open(url)
    except webbrowser.Error:
        return False


class SystemBrowser:
    """The system browser via :mod:`webbrowser`, honouring ``BROWSER`` at call time."""

    async def open(self, url: str) -> bool:
        # A plain BROWSER command waits for the program to exit; never block the event loop.
        return await asyncio.to_thread(_open_blocking, url)
