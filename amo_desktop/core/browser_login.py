"""One browser authorization in progress: the consent page is open, the listener waits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from amo_desktop.core.browser import Browser
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.loopback import LoopbackCallbackListener
from amo_desktop.core.models import TokenInfo
from amo_desktop.core.oauth import AuthorizationResponse

Completion = Callable[[AuthorizationResponse], Awaitable[TokenInfo]]


class BrowserLogin:
    """Created by ``ProfileSession.begin_browser_login()`` with the port already bound.

    ``wait()`` serves the redirect, checks the state, exchanges the code and saves the tokens.
    The browser is launched in the background; ``opened`` tells whether it started (it is
    ``False`` until the launch finished) and ``await browser_opened()`` waits for that answer,
    so a front end can show the URL when no browser could be started.
    """

    def __init__(
        self,
        *,
        authorize_url: str,
        redirect_uri: str,
        listener: LoopbackCallbackListener,
        complete: Completion,
        timeout: float,
        browser: Browser | None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.authorize_url = authorize_url
        self.redirect_uri = redirect_uri
        self._listener = listener
        self._complete = complete
        self._clock = clock
        self._deadline = clock() + timeout
        self._browser = browser
        self._launch: asyncio.Task[bool] | None = None
        self._opened = False
        self._cancelled = False
        if browser is not None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:  # no loop yet: launched when wait() starts
                pass
            else:
                self._launch = loop.create_task(self._open(browser))

    async def _open(self, browser: Browser) -> bool:
        try:
            self._opened = await browser.open(self.authorize_url)
        except Exception:  # a broken browser setting must not end the authorization
            self._opened = False
        return self._opened

    @property
    def opened(self) -> bool:
        return self._opened

    async def browser_opened(self) -> bool:
        """Wait for the browser launch; False means: show ``authorize_url`` to the person."""
        if self._launch is None and self._browser is not None:
            self._launch = asyncio.get_running_loop().create_task(self._open(self._browser))
        if self._launch is None:
            return False
        return await self._launch

    @property
    def seconds_left(self) -> float:
        return max(0.0, self._deadline - self._clock())

    async def wait(self) -> TokenInfo:
        """Tokens saved; raises ACCESS_DENIED, AUTH_TIMEOUT, STATE_MISMATCH, AUTH_CANCELLED,
        or the token endpoint's error."""
        if self._launch is None and self._browser is not None and not self._cancelled:
            self._launch = asyncio.get_running_loop().create_task(self._open(self._browser))
        try:
            received = await self._listener.wait(timeout=self.seconds_left)
        finally:
            await self._listener.close()
        if self._cancelled:
            raise AmoError(ErrorCode.AUTH_CANCELLED)
        return await self._complete(received)

    def cancel(self) -> None:
        """Stop waiting; ``wait()`` raises AUTH_CANCELLED and the port is released."""
        self._cancelled = True
        self._listener.cancel()
