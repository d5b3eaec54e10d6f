"""Starts the built-in amoCRM emulator on the app's own event loop ("try the sandbox")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from amo_desktop.core.ports import bind_listening_socket
from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from amo_desktop.sandbox.server import SandboxServer

CALLBACK_PATH = "/api/v1/integrations/amo-crm/callback"


@dataclass(frozen=True)
class SandboxDemo:
    """Everything the wizard needs to connect to the running sandbox."""

    base_url: str
    client_id: str
    client_secret: str
    redirect_uri: str


def default_sandbox() -> SandboxServer:
    # Imported on first use: the emulator (aiohttp, JWT keys) would slow every start-up.
    from amo_desktop.sandbox.server import SandboxServer

    return SandboxServer()


def free_loopback_redirect_uri() -> str:
    """A callback address on a port nobody uses right now (the backend may hold 3000)."""
    probe = bind_listening_socket("127.0.0.1", 0)
    try:
        port = probe.getsockname()[1]
    finally:
        probe.close()
    return f"http://127.0.0.1:{port}{CALLBACK_PATH}"


class SandboxController(AsyncController):
    """Owns at most one in-process :class:`SandboxServer`.

    Signals:
        started(object): the sandbox answers; carries a :class:`SandboxDemo`. Every listener
            hears it, so a wizard takes it only when it asked for the sandbox itself.
    Failures arrive through ``failed("sandbox", AmoError)``.
    """

    started = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        server_factory: Callable[[], SandboxServer] = default_sandbox,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._server_factory = server_factory
        self._server: SandboxServer | None = None
        self._demo: SandboxDemo | None = None

    @property
    def demo(self) -> SandboxDemo | None:
        return self._demo

    @property
    def server(self) -> SandboxServer | None:
        """The running emulator, for tests and the render script to steer."""
        return self._server

    @Slot()
    def start(self) -> None:
        """Start the sandbox once; asked again, announce the running one through ``started``."""
        if self._demo is not None:
            self.started.emit(self._demo)
            return
        if self.is_busy("sandbox"):
            return  # the start under way announces the sandbox when it answers
        self._run("sandbox", self._start(), self.started.emit)

    async def _start(self) -> SandboxDemo:
        server = self._server or self._server_factory()
        self._server = server
        await server.start()
        integration = server.state.add_integration(
            redirect_uri=free_loopback_redirect_uri(), name="amo-desktop"
        )
        self._demo = SandboxDemo(
            base_url=server.base_url,
            client_id=integration.client_id,
            client_secret=integration.client_secret,
            redirect_uri=integration.redirect_uri,
        )
        return self._demo

    async def aclose(self) -> None:
        if self._server is not None:
            await self._server.stop()
            self._server = None
            self._demo = None
