"""The local web page amoCRM redirects the browser to after the person clicks "Allow".

The listener binds exactly the redirect URI's loopback host and port, answers only on its
path, and ends the flow only for a request carrying the ``state`` we generated: a forged
request gets a warning page and is counted, and the real redirect can still arrive.
"""

from __future__ import annotations

import asyncio
import html
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from aiohttp import web

from amo_desktop.core.callback_texts import CALLBACK_MARKS, CALLBACK_TEXTS
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.oauth import AuthorizationResponse, authorization_error
from amo_desktop.core.platforms import is_loopback_host
from amo_desktop.core.ports import bind_listening_socket

PAGE_TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "pages" / "callback.html"
_LOOPBACK_HOSTS = {"127.0.0.1": ("127.0.0.1",), "::1": ("::1",), "localhost": ("127.0.0.1", "::1")}


@dataclass(frozen=True)
class CallbackPages:
    """The branded HTML answers shown in the browser, in one language."""

    success: str
    denied: str
    state_mismatch: str
    error: str

    @classmethod
    def load(cls, language: str, template: Path = PAGE_TEMPLATE) -> CallbackPages:
        chosen = "uk" if language.lower().startswith("uk") else "en"
        layout = Template(template.read_text(encoding="utf-8"))
        pages = {}
        for kind, texts in CALLBACK_TEXTS.items():
            text = texts[chosen]
            pages[kind] = layout.substitute(
                lang=chosen,
                kind=kind.replace("_", "-"),  # the page's CSS class and element id
                mark=CALLBACK_MARKS[kind],
                title=html.escape(text.title),
                message=html.escape(text.message),
                hint=html.escape(text.hint),
            )
        return cls(**pages)


@dataclass(frozen=True)
class CallbackAddress:
    """Where the listener binds: taken from the redirect URI, loopback only."""

    host: str
    port: int
    path: str

    @classmethod
    def from_redirect_uri(cls, redirect_uri: str) -> CallbackAddress:
        parts = urlsplit(redirect_uri.strip())
        host = (parts.hostname or "").lower()
        if parts.scheme != "http" or host not in _LOOPBACK_HOSTS:
            raise AmoError(ErrorCode.REDIRECT_NOT_LOOPBACK, {"uri": redirect_uri})
        try:
            port = parts.port or 80
        except ValueError:
            raise AmoError(ErrorCode.INVALID_REDIRECT_URI, {"uri": redirect_uri}) from None
        return cls(host=host, port=port, path=parts.path or "/")

    @property
    def bind_hosts(self) -> tuple[str, ...]:
        return _LOOPBACK_HOSTS[self.host]


class LoopbackCallbackListener:
    """Waits for the one browser redirect that belongs to the authorization we started.

    ``bind()`` (synchronous) takes the port right away so that a busy port is reported before
    the browser opens; ``wait()`` serves until the redirect, a denial, ``cancel()`` or the
    time-out, and closes the port before it returns.
    """

    def __init__(
        self,
        redirect_uri: str,
        expected_state: str,
        pages: CallbackPages,
        *,
        on_event: Callable[[str], object] | None = None,
    ) -> None:
        self.address = CallbackAddress.from_redirect_uri(redirect_uri)
        self._on_event = on_event
        self._expected_state = expected_state
        self._pages = pages
        self._sockets: list[socket.socket] = []
        self._runner: web.AppRunner | None = None
        self._outcome: AuthorizationResponse | AmoError | None = None
        self._finished: asyncio.Event | None = None
        self.forged_requests = 0

    @property
    def bound_addresses(self) -> list[tuple[str, int]]:
        """The (host, port) pairs actually listening (never a wildcard address)."""
        return [(str(s.getsockname()[0]), int(s.getsockname()[1])) for s in self._sockets]

    def bind(self) -> None:
        """Take the port now; raises PORT_IN_USE naming it."""
        if self._sockets:
            return
        primary, *others = self.address.bind_hosts
        try:
            self._sockets.append(bind_listening_socket(primary, self.address.port))
        except OSError as error:
            raise AmoError(
                ErrorCode.PORT_IN_USE,
                {"port": self.address.port},
                debug=f"bind {primary}:{self.address.port}: {error}",
            ) from None
        for host in others:  # "localhost" may resolve to ::1 in the browser; best effort
            try:
                self._sockets.append(bind_listening_socket(host, self.address.port))
            except OSError:
                continue

    async def start(self) -> None:
        """Bind (if not yet) and start answering requests."""
        if self._runner is not None:
            return
        self.bind()
        if self._finished is None:
            self._finished = asyncio.Event()
        if self._outcome is not None:
            self._finished.set()
        app = web.Application()
        # GET only: a HEAD (aiohttp's default companion) would end the flow with an empty page.
        app.router.add_get(self.address.path, self._handle, allow_head=False)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        for sock in self._sockets:
            await web.SockSite(self._runner, sock).start()

    async def wait(self, timeout: float = 300.0) -> AuthorizationResponse:  # noqa: ASYNC109
        """The redirect's parameters; raises ACCESS_DENIED, AUTH_TIMEOUT, STATE_MISMATCH,
        AUTH_CANCELLED. The port is closed when this returns."""
        try:
            await self.start()
            assert self._finished is not None
            try:
                await asyncio.wait_for(self._finished.wait(), timeout)
            except TimeoutError:
                code = ErrorCode.STATE_MISMATCH if self.forged_requests else ErrorCode.AUTH_TIMEOUT
                raise AmoError(
                    code,
                    {"seconds": int(timeout), "forged": self.forged_requests},
                    debug=f"no valid redirect within {timeout:.0f} s",
                ) from None
            if isinstance(self._outcome, AmoError):
                raise self._outcome
            assert self._outcome is not None
            return self._outcome
        finally:
            await self.close()

    def cancel(self) -> None:
        """Stop waiting; ``wait()`` then raises AUTH_CANCELLED."""
        self._finish(AmoError(ErrorCode.AUTH_CANCELLED))
        if self._runner is None:  # bound but never served: release the port right away
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    async def close(self) -> None:
        """Release the port (idempotent)."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
        for sock in self._sockets:
            sock.close()
        self._sockets.clear()

    def _finish(self, outcome: AuthorizationResponse | AmoError) -> None:
        if self._outcome is not None:
            return
        self._outcome = outcome
        if self._finished is not None:
            self._finished.set()

    def _addressed_to_us(self, request: web.Request) -> bool:
        """Is the Host header a loopback name with our port (not a DNS-rebound web page)?"""
        try:
            named = urlsplit(f"//{request.headers.get('Host', '')}")
            port = named.port or 80
        except ValueError:
            return False
        return is_loopback_host(named.hostname or "") and port == self.address.port

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        if not self._addressed_to_us(request):
            self._event("ignored a request addressed to another host name")
            return web.Response(status=421, text="Misdirected Request")
        state = request.query.get("state", "")
        if not secrets.compare_digest(state.encode(), self._expected_state.encode()):
            self.forged_requests += 1
            self._event("ignored a redirect with a wrong or missing state")
            return self._page(self._pages.state_mismatch, 400)
        received = AuthorizationResponse.from_query(dict(request.query))
        page: tuple[str, int]
        outcome: AuthorizationResponse | AmoError
        if received.error == "access_denied":
            page, outcome = (self._pages.denied, 200), AmoError(ErrorCode.ACCESS_DENIED)
        elif received.error is not None or received.code is None:
            page = (self._pages.error, 400)
            outcome = authorization_error(dict(request.query))
        else:
            page, outcome = (self._pages.success, 200), received
        response = self._page(*page)
        # Deliver the page before the flow ends and the port closes.
        await response.prepare(request)
        await response.write_eof()
        self._event("browser redirect received" if outcome is received else "authorization refused")
        self._finish(outcome)
        return response

    def _event(self, message: str) -> None:
        if self._on_event is not None:
            self._on_event(message)

    @staticmethod
    def _page(html: str, status: int) -> web.Response:
        return web.Response(
            text=html,
            status=status,
            content_type="text/html",
            headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
        )
