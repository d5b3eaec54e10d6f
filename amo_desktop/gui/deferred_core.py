"""The core, built on first use, so that the first window paints before the heavy imports.

``amo_desktop.core.service`` pulls in httpx, keyring and (on first use) aiohttp and the
JWT/crypto stack — about half a second of imports. None of it is needed to draw the wizard's
welcome page, so ``main()`` hands the controllers this stand-in: it builds the real
:class:`AppCore` when something first asks for it, and :meth:`preload` imports the modules in
a worker thread right after the first paint, so that by the time the user clicks, the import
is usually done and the window never froze. (The keyring backend is found by the credential
store itself, in its worker thread, on first use.)
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amo_desktop.core.config import ConfigStore
    from amo_desktop.core.service import AppCore

# The service itself, and what it imports only on first use (so that the CLI's ``status``
# stays light): the token manager (filelock), the browser sign-in (aiohttp) and PyJWT.
HEAVY_MODULES = (
    "amo_desktop.core.service",
    "amo_desktop.core.token_manager",
    "amo_desktop.core.browser_login",
    "jwt",
)


class DeferredCore:
    """Behaves like the ``AppCore`` that ``build`` returns, building it on first access."""

    def __init__(self, config: ConfigStore, build: Callable[[], AppCore]) -> None:
        # The config file is cheap to read and decides which window opens first; both
        # stores read and write the same file atomically.
        self.config = config
        self._build = build
        self._core: AppCore | None = None

    @property
    def built(self) -> bool:
        return self._core is not None

    def get(self) -> AppCore:
        if self._core is None:
            self._core = self._build()
        return self._core

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes this class lacks: everything the AppCore offers.
        return getattr(self.get(), name)

    async def preload(self) -> None:
        """Import the core's modules without blocking the event loop."""
        for module in HEAVY_MODULES:
            await asyncio.to_thread(importlib.import_module, module)

    async def aclose(self) -> None:
        if self._core is not None:
            await self._core.aclose()
