"""A sandbox on its own event loop in a background thread, for code that blocks:
sync tests, subprocess (CLI) tests and Qt tests whose loop is Qt's."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from types import TracebackType
from typing import TypeVar

from amo_desktop.sandbox.server import SandboxServer
from amo_desktop.sandbox.state import SandboxState

T = TypeVar("T")


class ThreadedSandbox:
    """``start()`` returns once the server listens; ``stop()`` shuts it and the thread down.

    The state lives on the sandbox thread; change it with :meth:`call` (or the
    ``/_sandbox/`` endpoints) so that changes never race with a request being served.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        state: SandboxState | None = None,
        webhook_time_scale: float = 1.0,
    ) -> None:
        self.server = SandboxServer(host, port, state=state, webhook_time_scale=webhook_time_scale)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def state(self) -> SandboxState:
        return self.server.state

    @property
    def base_url(self) -> str:
        return self.server.base_url

    @property
    def port(self) -> int:
        return self.server.port

    def start(self, timeout: float = 10.0) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="amo-sandbox", daemon=True)
        self._thread.start()
        try:
            self._submit(self.server.start()).result(timeout)
        except BaseException:
            self._shutdown_loop()
            raise

    def stop(self, timeout: float = 10.0) -> None:
        if self._loop is None:
            return
        try:
            self._submit(self.server.stop()).result(timeout)
        finally:
            self._shutdown_loop()

    def call(self, function: Callable[[SandboxState], T], timeout: float = 10.0) -> T:
        """Run ``function(state)`` on the sandbox loop, e.g.
        ``sandbox.call(lambda state: state.inject("/api/v4/leads", 503))``."""

        async def run() -> T:
            return function(self.server.state)

        return self._submit(run()).result(timeout)

    def run(self, coroutine: Awaitable[T], timeout: float = 30.0) -> T:
        async def run() -> T:
            return await coroutine

        return self._submit(run()).result(timeout)

    def settle_webhooks(self, timeout: float = 30.0) -> None:
        """Block until every queued webhook delivery, retries included, has finished."""
        future = self._submit(self.server.settle_webhooks())
        try:
            future.result(timeout)
        except TimeoutError:
            future.cancel()
            raise

    def _submit(self, coroutine: Awaitable[T]) -> Future[T]:
        if self._loop is None:
            raise RuntimeError("the sandbox thread is not running")

        async def run() -> T:
            return await coroutine

        return asyncio.run_coroutine_threadsafe(run(), self._loop)

    def _shutdown_loop(self) -> None:
        loop, thread = self._loop, self._thread
        self._loop = self._thread = None
        if loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(10)
        loop.close()

    def __enter__(self) -> ThreadedSandbox:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
