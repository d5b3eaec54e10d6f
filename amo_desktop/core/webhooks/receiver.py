"""The webhook listener: aiohttp's low-level server on the application's own event loop.

Each delivery is checked (path, secret, method, content type, size, a body-read time-out),
decoded, journaled durably, answered ``200``, and only then handed to the forwarder and the
callbacks, so neither a slow backend nor a slow consumer can make amoCRM wait. Every refused
request becomes a counted :class:`Rejection`; nothing a sender does stops the listener.
"""

from __future__ import annotations

import asyncio
import errno
import hmac
import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import quote

from aiohttp import HttpVersion11, hdrs, web
from aiohttp.abc import AbstractStreamWriter
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.http_parser import RawRequestMessage
from aiohttp.streams import StreamReader
from aiohttp.web_protocol import RequestHandler, RequestPayloadError

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.ports import bind_listening_socket
from amo_desktop.core.webhooks.events import (
    REQUEST_ID_HEADER,
    AccountRef,
    Delivery,
    WebhookEvent,
    masked_latin1_headers,
    new_delivery_id,
    split_tree,
    strip_secrets,
)
from amo_desktop.core.webhooks.formdecode import FormDecodeError, FormTree, decode
from amo_desktop.core.webhooks.forwarder import Forwarder
from amo_desktop.core.webhooks.journal import WebhookJournal
from amo_desktop.core.webhooks.records import Rejection, RejectReason

DEFAULT_PATH: Final = "/api/v1/integrations/amo-crm/webhook"
DEFAULT_MAX_BODY: Final = 1024 * 1024
DEFAULT_BODY_TIMEOUT: Final = 10.0
FORM_TYPE: Final = "application/x-www-form-urlencoded"
_WILDCARD_HOSTS: Final = frozenset({"0.0.0.0", "::", ""})  # noqa: S104 - only compared
_READ_CHUNK: Final = 64 * 1024

logger = logging.getLogger(__name__)


class _Refused(Exception):
    def __init__(
        self,
        reason: RejectReason,
        status: int,
        detail: str = "",
        size: int = 0,
        *,
        body_left: bool = False,
    ) -> None:
        self.reason = reason
        self.status = status
        self.detail = detail
        self.size = size
        # The rest of the body is never read: the connection must close after the answer.
        self.body_left = body_left or status in (408, 413)
        super().__init__(reason.value)


@dataclass
class ReceiverStats:
    """Counters since the listener started."""

    deliveries: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


class WebhookReceiver:
    """Receives amoCRM webhooks on ``http://host:port/path``.

    ``on_delivery`` gets each recorded delivery with its events, ``on_event`` each event and
    ``on_rejected`` each refused request; all run after the answer has been sent and must not
    block. Forward results come from the :class:`Forwarder`'s own ``on_result``.
    """

    def __init__(
        self,
        journal: WebhookJournal,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        path: str = DEFAULT_PATH,
        secret: str | None = None,
        forwarder: Forwarder | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        body_timeout: float = DEFAULT_BODY_TIMEOUT,
        expected_account: AccountRef | None = None,
        on_delivery: Callable[[Delivery, list[WebhookEvent]], None] | None = None,
        on_event: Callable[[WebhookEvent], None] | None = None,
        on_rejected: Callable[[Rejection], None] | None = None,
        recent_rejections: int = 200,
    ) -> None:
        self.journal = journal
        self.host = host
        self.path = "/" + path.strip("/")
        self.forwarder = forwarder
        self.max_body = max_body
        self.body_timeout = body_timeout
        self.expected_account = expected_account
        self.stats = ReceiverStats()
        self.recent_rejections: deque[Rejection] = deque(maxlen=recent_rejections)
        self._requested_port = port
        self._secret = secret
        self._on_delivery = on_delivery
        self._on_event = on_event
        self._on_rejected = on_rejected
        self._runner: web.ServerRunner | None = None
        self._port: int | None = None

    # Lifecycle -----------------------------------------------------------------------------

    async def start(self) -> None:
        try:
            sock = bind_listening_socket(self.host, self._requested_port)
        except OSError as error:
            details = {"host": self.host, "port": self._requested_port}
            code = (
                ErrorCode.LISTENER_PORT_IN_USE
                if error.errno == errno.EADDRINUSE
                else ErrorCode.LISTENER_BIND_FAILED
            )
            raise AmoError(code, details, debug=str(error)) from None
        self._port = int(sock.getsockname()[1])
        # aiohttp's low-level server: one endpoint needs no router, middleware or app
        # signals, and every request skips their cost. The handler routes and refuses itself.
        server = web.Server(self._handle, request_factory=self._make_request, access_log=None)
        self._runner = web.ServerRunner(server, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.SockSite(self._runner, sock).start()
        if self.forwarder is not None:
            self.forwarder.start()

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.forwarder is not None:
            await self.forwarder.aclose()

    async def __aenter__(self) -> WebhookReceiver:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the receiver is not started")
        return self._port

    @property
    def public_url(self) -> str:
        """The listener's URL without the secret (safe to log and show)."""
        host = "127.0.0.1" if self.host in _WILDCARD_HOSTS else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}{self.path}"

    @property
    def url(self) -> str:
        """The URL to paste into amoCRM: the only place the secret is ever shown."""
        if self._secret is None:
            return self.public_url
        return f"{self.public_url}?secret={quote(self._secret, safe='')}"

    # Handling ------------------------------------------------------------------------------

    def _make_request(
        self,
        message: RawRequestMessage,
        payload: StreamReader,
        protocol: RequestHandler,
        writer: AbstractStreamWriter,
        task: asyncio.Task[None],
    ) -> web.BaseRequest:
        return web.BaseRequest(
            message, payload, protocol, writer, task, task.get_loop(), client_max_size=self.max_body
        )

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        started = time.time()
        try:
            body = await self._admit(request)
            # Decoding stays before the answer so a malformed body gets its 400; it costs
            # microseconds (cached plans); splitting into events waits until after the answer.
            tree = decode(body)
        except _Refused as refusal:
            return await self._refuse(request, refusal, started)
        except FormDecodeError as error:
            bad_body = _Refused(RejectReason.BAD_BODY, 400, error.reason, len(body))
            return await self._refuse(request, bad_body, started)

        delivery = Delivery(
            delivery_id=new_delivery_id(request.headers.get(REQUEST_ID_HEADER)),
            received_at=started,
            remote=request.remote or "",
            method=request.method,
            path=request.path,
            query=strip_secrets(tuple(request.query.items())) if request.query_string else (),
            headers=masked_latin1_headers(request.raw_headers),
            body=body,
        )
        try:
            # The writer thread encodes, writes and syncs; this only waits for "durable".
            await self.journal.record_delivery(delivery)
        except OSError as error:
            logger.error("webhook journal write failed: %s", error)
            failed = _Refused(RejectReason.STORAGE_FAILED, 500, str(error), len(body))
            return await self._refuse(request, failed, started, journal=False)
        self.stats.deliveries += 1
        # Splitting and the consumers run after the answer, in arrival order (call_soon is FIFO).
        asyncio.get_running_loop().call_soon(self._dispatch, delivery, tree)
        return web.Response(text="OK")

    async def _admit(self, request: web.BaseRequest) -> bytes:
        if request.path.rstrip("/") != self.path.rstrip("/"):
            raise _Refused(RejectReason.NOT_FOUND, 404)
        if self._secret is not None and not any(
            hmac.compare_digest(given.encode(), self._secret.encode())
            for given in request.query.getall("secret", [])
        ):
            raise _Refused(RejectReason.BAD_SECRET, 403)
        if request.method != "POST":
            raise _Refused(RejectReason.METHOD_NOT_ALLOWED, 405, request.method)
        if request.content_type != FORM_TYPE:
            raise _Refused(RejectReason.UNSUPPORTED_MEDIA_TYPE, 415, request.content_type)
        declared = request.content_length
        if declared is not None and declared > self.max_body:
            raise _Refused(RejectReason.TOO_LARGE, 413, f"{declared} bytes", declared)
        expects = request.headers.get(hdrs.EXPECT, "").lower() == "100-continue"
        if expects and request.version == HttpVersion11:
            # curl and PHP clients ask before sending a body over 1 KiB; without an answer
            # they wait a second and send it anyway. Asked only once the request is admitted.
            # As aiohttp's router does (its handler is private): HTTP/1.1 only, and the
            # interim answer is not counted as the response's own output.
            await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            request.writer.output_size = 0
        body = await self._received_body(request, declared)
        if not body.strip():
            raise _Refused(RejectReason.EMPTY_BODY, 400)
        return body

    async def _received_body(self, request: web.BaseRequest, declared: int | None) -> bytes:
        """The whole body; every way it can fail to arrive is a counted refusal."""
        try:
            if declared is not None and request.content.is_eof():
                return await request.read()  # already all here: nothing to time out
            async with asyncio.timeout(self.body_timeout):
                return await self._read_body(request)
        except TimeoutError:
            raise _Refused(
                RejectReason.TIMEOUT, 408, f"body not received in {self.body_timeout:g} s"
            ) from None
        except web.HTTPRequestEntityTooLarge:  # a compressed body that grows past the limit
            raise _Refused(
                RejectReason.TOO_LARGE, 413, f"over {self.max_body} bytes once decompressed"
            ) from None
        except (RequestPayloadError, HttpProcessingError) as error:  # e.g. a broken gzip body
            cause = error.__cause__ or error
            detail = f"body could not be read: {type(cause).__name__}"
            # The stream is broken for good: marked finished, aiohttp does not try to read
            # the rest after the answer (and log the same error again as unhandled).
            request.content.feed_eof()
            raise _Refused(RejectReason.BAD_BODY, 400, detail, body_left=True) from None
        except ConnectionError:
            detail = "the sender hung up before the whole body came"
            raise _Refused(RejectReason.INCOMPLETE_BODY, 400, detail, body_left=True) from None

    async def _read_body(self, request: web.BaseRequest) -> bytes:
        if request.content_length is not None:  # already checked against max_body
            return await request.read()
        chunks: list[bytes] = []
        size = 0
        while chunk := await request.content.read(_READ_CHUNK):
            size += len(chunk)
            if size > self.max_body:
                raise _Refused(RejectReason.TOO_LARGE, 413, f"over {self.max_body} bytes", size)
            chunks.append(chunk)
        return b"".join(chunks)

    async def _refuse(
        self, request: web.BaseRequest, refused: _Refused, at: float, *, journal: bool = True
    ) -> web.Response:
        rejection = Rejection(
            reason=refused.reason.value,
            status=refused.status,
            method=request.method,
            path=request.path,
            size=refused.size or request.content_length or 0,
            remote=request.remote or "",
            at=at,
            detail=refused.detail,
        )
        self.stats.rejected[rejection.reason] += 1
        self.recent_rejections.append(rejection)
        if journal:
            try:
                await self.journal.record_rejection(rejection)
            except OSError as error:
                logger.error("webhook journal write failed: %s", error)
        if self._on_rejected is not None:
            self._guard(self._on_rejected, rejection)
        response = web.Response(status=refused.status, text=refused.reason.value)
        if refused.status == 405:
            response.headers["Allow"] = "POST"
        if refused.body_left:
            response.force_close()
        return response

    def _dispatch(self, delivery: Delivery, tree: FormTree) -> None:
        events = split_tree(tree, delivery, self.expected_account)
        self.stats.events += len(events)
        if self.forwarder is not None:
            self.forwarder.submit(delivery)
        if self._on_delivery is not None:
            self._guard(self._on_delivery, delivery, events)
        if self._on_event is not None:
            for event in events:
                self._guard(self._on_event, event)

    @staticmethod
    def _guard(callback: Callable[..., None], *args: object) -> None:
        # A consumer's bug must not take the listener down with it.
        try:
            callback(*args)
        except Exception:
            logger.exception("webhook callback failed")
