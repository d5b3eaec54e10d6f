"""What every check can look at: the profile, the stored secrets, one shared host probe.

Facts that several checks need (the stored tokens, the client secret, the answer of the
account host) are fetched once per run and shared, so that independent checks can run at
the same time without asking the keyring or the network twice. Checks that call the amoCRM
API use the stored token as it is: only the refresh check, when asked to, renews the pair.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

import httpx

from amo_desktop.core.api import AmoApiClient
from amo_desktop.core.config import Profile, WebhookSettings
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.diagnostics.results import CheckResult
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.http_errors import error_from_exception
from amo_desktop.core.models import TokenInfo, TokenOwner
from amo_desktop.core.platforms import AccountAddress
from amo_desktop.core.ratelimit import RateLimiter
from amo_desktop.core.tokens import TokenSet

T = TypeVar("T")
BACKEND_OWNER: TokenOwner = "backend"


class DiagnosedSession(Protocol):
    """The part of :class:`amo_desktop.core.service.ProfileSession` the checks use."""

    @property
    def name(self) -> str: ...
    def profile(self) -> Profile | None: ...
    async def refresh_now(self) -> TokenInfo: ...


@dataclass(frozen=True)
class WebhookSetup:
    """Where webhooks flow, as far as this computer knows.

    Attributes:
        listener_url: the local URL our receiver listens on (without the secret).
        listener_expected: the person set a listener up or it is running, so silence there
            is a failure; otherwise the listener is only looked for.
        forward_url: where the receiver forwards events (the backend), if anywhere.
        destination: the address amoCRM should call (a tunnel or the backend), if known.
    """

    listener_url: str | None = None
    listener_expected: bool = False
    forward_url: str | None = None
    destination: str | None = None


def webhook_setup_for(profile: Profile | None) -> WebhookSetup:
    """What the profile's webhook settings promise (the CLI's view; the GUI knows more)."""
    if profile is None:
        return WebhookSetup()
    settings = profile.webhook
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "::", "") else settings.host  # noqa: S104
    host = f"[{host}]" if ":" in host else host
    path = "/" + settings.path.lstrip("/")
    return WebhookSetup(
        listener_url=f"http://{host}:{settings.port}{path}",
        listener_expected=settings != WebhookSettings(),
        forward_url=settings.forward_to,
    )


@dataclass(frozen=True)
class HostAnswer:
    """How the account host answered a plain GET."""

    status: int
    date_header: str | None
    received_at: float
    elapsed_ms: int


class _Once(Generic[T]):
    """A fact fetched at most once per run, however many checks wait for it."""

    def __init__(self, make: Callable[[], Awaitable[T]]) -> None:
        self._make = make
        self._task: asyncio.Future[T] | None = None

    async def get(self) -> T:
        if self._task is None:
            self._task = asyncio.ensure_future(self._make())
        # Shielded: one check's time-out must not cancel what another check waits for.
        return await asyncio.shield(self._task)

    def reset(self) -> None:
        self._task = None

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()


class StoredAccessToken:
    """The stored access token for the API checks, never refreshed.

    amoCRM rotates both tokens on every refresh, so a run that only looks must not renew
    them, not even one that has only minutes left or that amo refuses: an expired token is
    reported (the refresh check offers the real refresh), a refused one is amo's answer.
    """

    def __init__(self, context: DiagnosticsContext) -> None:
        self._context = context

    async def access_token(self) -> str:
        context = self._context
        tokens = await context.tokens()
        if tokens is None:
            raise AmoError(ErrorCode.NOT_LOGGED_IN, {"profile": context.profile_name})
        if tokens.is_expired(context.clock()):
            raise AmoError(
                ErrorCode.TOKEN_EXPIRED,
                {"profile": context.profile_name},
                debug="expired; a diagnostics run renews it only when asked to refresh",
            )
        return tokens.access_token

    async def refresh_after_unauthorized(self, used_token: str) -> str:
        raise AmoError(
            ErrorCode.UNAUTHORIZED,
            {"profile": self._context.profile_name},
            debug="amo refused the stored token; a diagnostics run does not renew it",
        )


class DiagnosticsContext:
    """Shared inputs of one diagnostics run; checks read it, never change the profile."""

    def __init__(
        self,
        session: DiagnosedSession,
        credentials: CredentialStore,
        http: httpx.AsyncClient,
        *,
        refresh: bool,
        webhooks: WebhookSetup,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.session = session
        self.credentials = credentials
        self.http = http
        self.refresh = refresh
        self.webhooks = webhooks
        self.clock = clock
        self.profile: Profile | None = None
        self.profile_error: AmoError | None = None
        try:
            self.profile = session.profile()
        except AmoError as error:  # an unreadable config file is a finding, not a crash
            self.profile_error = error
        self.results: dict[str, CheckResult] = {}
        self._tokens = _Once(lambda: credentials.get_tokens(session.name))
        self._client_secret = _Once(lambda: credentials.get_client_secret(session.name))
        self._host = _Once(self._probe_host)

    @property
    def profile_name(self) -> str:
        return self.session.name

    def address(self) -> AccountAddress | None:
        """The account address, or ``None`` when the settings are missing or invalid."""
        if self.profile is None:
            return None
        try:
            return self.profile.address
        except AmoError:
            return None

    async def tokens(self) -> TokenSet | None:
        """The stored token set (raises the keyring's :class:`AmoError`)."""
        return await self._tokens.get()

    def close(self) -> None:
        """Stop fetching facts nobody waits for any more (a hanging keyring call)."""
        for fact in (self._tokens, self._client_secret, self._host):
            fact.cancel()

    def tokens_owned_by_backend(self) -> bool:
        return self.profile is not None and self.profile.token_owner == BACKEND_OWNER

    def forget_tokens(self) -> None:
        """After a refresh: the next :meth:`tokens` reads the new pair."""
        self._tokens.reset()

    async def client_secret(self) -> str | None:
        return await self._client_secret.get()

    def api(self) -> AmoApiClient:
        """The account's API with the stored token as it is (needs valid settings)."""
        address = self.address()
        if address is None:
            raise RuntimeError("api() needs valid settings; check address() first")
        return AmoApiClient(self.http, address, StoredAccessToken(self), RateLimiter())

    async def host_answer(self) -> HostAnswer:
        """The account host's answer to ``GET /`` (raises a network :class:`AmoError`)."""
        return await self._host.get()

    async def _probe_host(self) -> HostAnswer:
        address = self.address()
        if address is None:
            raise RuntimeError("host_answer() needs valid settings; check address() first")
        started = time.monotonic()
        try:
            response = await self.http.get(address.account_url, follow_redirects=False)
        except httpx.HTTPError as error:
            raise error_from_exception(error) from None
        return HostAnswer(
            status=response.status_code,
            date_header=response.headers.get("date"),
            received_at=self.clock(),
            elapsed_ms=int((time.monotonic() - started) * 1000),
        )
