"""The facade the CLI and the GUI call: one :class:`ProfileSession` per profile.

It ties together the config file, the keyring, OAuth, the token manager and the API client,
so that a front end only renders the frozen results of :mod:`amo_desktop.core.models` and
the typed :class:`AmoError`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import httpx

from amo_desktop.core import envfile
from amo_desktop.core.api import AmoApiClient
from amo_desktop.core.browser import Browser, SystemBrowser
from amo_desktop.core.config import ConfigStore, Profile, ProfileChanges, TokenOwner
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.http_errors import error_from_exception, error_from_response
from amo_desktop.core.i18n import detect_language
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.models import (
    DEFAULT_WEBHOOK_EVENTS,
    ConnectionStatus,
    ConnectionTest,
    CreatedLead,
    Lead,
    Pipeline,
    PushResult,
    TokenInfo,
    WebhookSubscription,
)
from amo_desktop.core.oauth import (
    AuthorizationResponse,
    build_authorize_url,
    exchange_code,
    new_state,
    parse_code_input,
    refresh_tokens,
    token_host_for,
)
from amo_desktop.core.paths import profile_dir, validate_profile_name
from amo_desktop.core.platforms import (
    Platform,
    parse_account_address,
    validate_client_id,
    validate_redirect_uri,
)
from amo_desktop.core.profiles import ProfileManager
from amo_desktop.core.ratelimit import RateLimiter
from amo_desktop.core.redact import url_to_show
from amo_desktop.core.tokens import TokenSet
from amo_desktop.core.web_address import backend_address

if TYPE_CHECKING:
    from amo_desktop.core.browser_login import BrowserLogin
    from amo_desktop.core.token_manager import TokenManager

READY_MESSAGE = "AMO CRM integration is ready"
SET_TOKENS_PATH = "/api/v1/integrations/amo-crm/set-tokens"
TEST_CLIENT_NAME = "Тестовий клієнт"
TEST_OBJECT_NAME = "Тестовий об'єкт"
CONNECT_TIMEOUT = 5.0


def _token_info(tokens: TokenSet, profile: Profile | None) -> TokenInfo:
    return TokenInfo(
        kind=tokens.kind,
        owner=profile.token_owner if profile is not None else "desktop",
        expires_at=tokens.expires_at,
        obtained_at=tokens.obtained_at,
        account_id=tokens.account_id,
    )


def _backend_to_show(url: str | None) -> str | None:
    # Settings saved before plain addresses were required may still hold a login or key.
    return url_to_show(url) if url else None


def _set_tokens_url(base: str) -> httpx.URL:
    # Joined on the parsed path, so the endpoint can never land after a query or fragment.
    address = httpx.URL(base)
    return address.copy_with(path=address.path.rstrip("/") + SET_TOKENS_PATH)


class AppCore:
    """Everything the front ends share: config, keyring, activity log, HTTP settings."""

    def __init__(
        self,
        *,
        home: Path,
        credentials: CredentialStore,
        logbook: Logbook,
        browser: Browser | None = None,
        http_timeout: float = 20.0,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        language: str | None = None,
    ) -> None:
        self.home = home
        self.config = ConfigStore(home)
        self.credentials = credentials
        self.logbook = logbook
        self.browser: Browser = browser or SystemBrowser()
        self.http_timeout = http_timeout
        self.transport = transport
        self.clock = clock
        self._language = language
        self._sessions: dict[str, ProfileSession] = {}

    @property
    def language(self) -> str:
        """The language for pages shown in the browser: explicit, then saved, then system."""
        return self._language or self.config.language or detect_language()

    def session(self, profile: str = "default") -> ProfileSession:
        name = validate_profile_name(profile)
        if name not in self._sessions:
            self._sessions[name] = ProfileSession(self, name)
        return self._sessions[name]

    def new_http_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=httpx.Timeout(self.http_timeout, connect=CONNECT_TIMEOUT),
            transport=self.transport,
            event_hooks=self.logbook.httpx_hooks(),
            headers={"User-Agent": "amo-desktop/0.1"},
        )

    async def aclose(self) -> None:
        sessions, self._sessions = list(self._sessions.values()), {}
        for session in sessions:
            await session.aclose()


class ProfileSession:
    """What a person can do with one profile. Every failure is an :class:`AmoError`."""

    def __init__(self, core: AppCore, name: str) -> None:
        self._core = core
        self.name = name
        self._http: httpx.AsyncClient | None = None
        self._limiter = RateLimiter()

    # -- plumbing ---------------------------------------------------------------------------

    @cached_property
    def _tokens(self) -> TokenManager:
        # Made on first use: it needs filelock, and ``status`` or a first window never do.
        from amo_desktop.core.token_manager import TokenManager

        core = self._core
        return TokenManager(
            self.name,
            core.credentials,
            self._refresh,
            profile_dir(core.home, self.name),
            core.clock,
            owner=self._owner,
            logbook=core.logbook,
        )

    @property
    def http(self) -> httpx.AsyncClient:
        if self._http is None or self._http.is_closed:
            self._http = self._core.new_http_client()
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    def profile(self) -> Profile | None:
        return self._core.config.get(self.name)

    def _require_profile(self) -> Profile:
        profile = self.profile()
        if profile is None:
            raise AmoError(ErrorCode.NOT_CONFIGURED, {"profile": self.name})
        return profile

    def _owner(self) -> TokenOwner:
        profile = self.profile()
        return profile.token_owner if profile is not None else "desktop"

    async def _client_secret(self) -> str:
        secret = await self._core.credentials.get_client_secret(self.name)
        if not secret:
            raise AmoError(ErrorCode.MISSING_CLIENT_SECRET, {"profile": self.name})
        self._core.logbook.redactor.add(secret)
        return secret

    async def _refresh(self, refresh_token: str) -> TokenSet:
        profile = self._require_profile()
        fresh = await refresh_tokens(
            self.http,
            profile.address,
            profile.client_id,
            await self._client_secret(),
            refresh_token,
            profile.redirect_uri,
            clock=self._core.clock,
        )
        self._core.logbook.redactor.add(fresh.access_token, fresh.refresh_token)
        return fresh

    def api(self) -> AmoApiClient:
        """The API client for this profile's account (for webhooks and diagnostics)."""
        profile = self._require_profile()
        return AmoApiClient(
            self.http, profile.address, self._tokens, self._limiter, self._core.logbook
        )

    # -- settings ---------------------------------------------------------------------------

    async def configure(
        self,
        *,
        domain: str,
        client_id: str,
        redirect_uri: str,
        client_secret: str | None,
        platform: Platform | None = None,
        backend_url: str | None = None,
    ) -> Profile:
        """Validate everything, keep the secret in the keyring, save the profile."""
        address = parse_account_address(domain, platform)
        checked_id = validate_client_id(client_id)
        checked_uri = validate_redirect_uri(redirect_uri)
        backend = backend_address(backend_url) if backend_url else None
        secret = client_secret.strip() if client_secret is not None else None
        if secret:
            self._core.logbook.redactor.add(secret)
            await self._core.credentials.set_client_secret(self.name, secret)
        elif not await self._core.credentials.get_client_secret(self.name):
            raise AmoError(ErrorCode.MISSING_CLIENT_SECRET, {"profile": self.name})
        account = address.base_url if address.platform is Platform.CUSTOM else address.host

        def connect(stored: Profile | None) -> Profile:
            # Decided on the profile as stored under the settings lock: token owner, webhook
            # and anything else another program changed meanwhile are kept as they are now.
            if stored is None:
                return Profile(
                    name=self.name,
                    platform=address.platform,
                    account=account,
                    client_id=checked_id,
                    redirect_uri=checked_uri,
                    backend_url=backend,
                )
            same_account = stored.account == account
            return dataclasses.replace(
                stored,
                platform=address.platform,
                account=account,
                client_id=checked_id,
                redirect_uri=checked_uri,
                backend_url=backend or stored.backend_url,
                account_id=stored.account_id if same_account else None,
                account_name=stored.account_name if same_account else None,
            )

        profile = self._core.config.edit(self.name, connect)
        self._core.logbook.note(f"profile {self.name} configured for {account}")
        return profile

    async def import_env(self, path: Path) -> Profile:
        """Read a backend ``.env`` (AMO_* keys); the secret goes to the keyring."""
        found = envfile.read_env(path)
        if not found.domain or not found.client_id or not found.redirect_uri:
            raise AmoError(
                ErrorCode.ENV_FILE_INVALID,
                {"path": str(path)},
                debug="needs AMO_DOMAIN, AMO_CLIENT_ID and AMO_REDIRECT_URI",
            )
        if found.client_secret:
            self._core.logbook.redactor.add(found.client_secret)
        return await self.configure(
            domain=found.domain,
            client_id=found.client_id,
            redirect_uri=found.redirect_uri,
            client_secret=found.client_secret,
        )

    async def export_env(self, path: Path, *, force: bool = False) -> Path:
        """Write the backend's AMO_* keys into ``path`` (other lines are kept)."""
        profile = self._require_profile()
        secret = await self._client_secret()
        tokens = await self._core.credentials.get_tokens(self.name)
        values = {
            "AMO_DOMAIN": profile.address.host,
            "AMO_CLIENT_ID": profile.client_id,
            "AMO_CLIENT_SECRET": secret,
            "AMO_REDIRECT_URI": profile.redirect_uri,
        }
        account_id = profile.account_id or (tokens.account_id if tokens else None)
        if account_id is not None:
            values["AMO_ACCOUNT_ID"] = str(account_id)
        if tokens is not None and tokens.api_domain:
            values["AMO_API_DOMAIN"] = tokens.api_domain
        written = envfile.merge_env(path, values, force=force)
        self._core.logbook.note(f"settings exported to {written}")
        return written

    async def status(self, *, tolerate_keyring_errors: bool = False) -> ConnectionStatus:
        """What is stored, without any network call.

        A keyring that can't be read raises, unless ``tolerate_keyring_errors``: then the
        settings are still reported and ``keyring_error`` says why the secret and token are
        unknown (the command line's "what is configured" view wants that). That view also
        probes the keyring when there is no profile to read, so that it never calls an
        untried keyring usable.
        """
        profile = self.profile()
        credentials = self._core.credentials
        has_secret, tokens, keyring_error = False, None, None
        if profile is None and tolerate_keyring_errors:
            keyring_error = (await credentials.describe()).error
        elif profile is not None:
            try:
                # Two independent keyring reads (a D-Bus round trip each): side by side.
                secret, tokens = await asyncio.gather(
                    credentials.get_client_secret(self.name), credentials.get_tokens(self.name)
                )
            except AmoError as error:
                if not tolerate_keyring_errors or not error.code.value.startswith("keyring."):
                    raise
                keyring_error = error
            else:
                has_secret = bool(secret)
        return ConnectionStatus(
            profile=self.name,
            configured=profile is not None,
            platform=profile.platform.value if profile else None,
            account_host=profile.address.host if profile else None,
            client_id=profile.client_id if profile else None,
            redirect_uri=profile.redirect_uri if profile else None,
            backend_url=_backend_to_show(profile.backend_url) if profile else None,
            has_client_secret=has_secret,
            token=_token_info(tokens, profile) if tokens else None,
            keyring_backend=credentials.backend_name,
            keyring_error=keyring_error,
        )

    # -- authorization ----------------------------------------------------------------------

    def begin_browser_login(
        self, *, open_browser: bool = True, timeout: float = 300.0
    ) -> BrowserLogin:
        """Bind the redirect URI's loopback port and open the consent page."""
        # Imported here: the listener needs aiohttp (a quarter of a second to import), and
        # most runs (``status``, ``test``, the GUI's first window) never sign in this way.
        from amo_desktop.core.browser_login import BrowserLogin
        from amo_desktop.core.loopback import CallbackPages, LoopbackCallbackListener

        profile = self._require_profile()
        state = new_state()
        logbook = self._core.logbook
        listener = LoopbackCallbackListener(
            profile.redirect_uri,
            state,
            CallbackPages.load(self._core.language),
            on_event=lambda message: logbook.record("listener", message),
        )
        listener.bind()
        url = build_authorize_url(profile.address, profile.client_id, state)
        self._core.logbook.record("listener", f"waiting for the browser on {profile.redirect_uri}")

        return BrowserLogin(
            authorize_url=url,
            redirect_uri=profile.redirect_uri,
            listener=listener,
            complete=self._exchange,
            timeout=timeout,
            browser=self._core.browser if open_browser else None,
        )

    async def login_with_code(
        self, code_or_url: str, *, expected_state: str | None = None
    ) -> TokenInfo:
        """Exchange a pasted code (or the whole final address) for tokens."""
        received = parse_code_input(code_or_url)
        if expected_state is not None and received.state != expected_state:
            raise AmoError(ErrorCode.STATE_MISMATCH, debug="pasted address has another state")
        return await self._exchange(received)

    async def _exchange(self, received: AuthorizationResponse) -> TokenInfo:
        profile = self._require_profile()
        # The referer check comes first: the secret must not travel to a foreign host.
        target = token_host_for(profile.address, received.referer)
        assert received.code is not None
        tokens = await exchange_code(
            self.http,
            target,
            profile.client_id,
            await self._client_secret(),
            received.code,
            profile.redirect_uri,
            clock=self._core.clock,
        )
        self._core.logbook.redactor.add(tokens.access_token, tokens.refresh_token)
        return await self._save_login(profile, tokens, target.host)

    async def _save_login(self, profile: Profile, tokens: TokenSet, host: str) -> TokenInfo:
        tokens = dataclasses.replace(tokens, account_host=host)
        changes: ProfileChanges = {"token_owner": "desktop"}
        if profile.platform is not Platform.CUSTOM and host != profile.account:
            # The person picked another account on the consent page: the tokens work there.
            changes.update({"account": host, "account_id": None, "account_name": None})
            self._core.logbook.note(f"profile {self.name} now points to {host}")
        if tokens.account_id is not None:
            changes["account_id"] = tokens.account_id
        # Under the refresh lock: a refresh of the old pair elsewhere finishes first, and the
        # new pair and its owner are in place before the next one starts.
        async with self._tokens.exclusive():
            await self._core.credentials.set_tokens(self.name, tokens)
            updated = self._core.config.update(self.name, **changes)
        self._tokens.forget()
        self._core.logbook.record("token", f"signed in ({tokens.kind}) to {host}")
        return _token_info(tokens, updated)

    async def login_with_long_lived_token(self, token: str) -> TokenInfo:
        """Check the token with one API call, then keep it (it is never refreshed)."""
        profile = self._require_profile()
        try:
            tokens = TokenSet.from_long_lived(
                token, self._core.clock(), account_host=profile.address.host
            )
        except AmoError as error:
            if error.code is ErrorCode.TOKEN_EXPIRED:
                raise
            raise AmoError(ErrorCode.LONG_LIVED_TOKEN_INVALID, debug=error.debug) from None
        self._core.logbook.redactor.add(tokens.access_token)
        response = await self._probe(profile, tokens.access_token)
        if response.status_code == 401:
            raise AmoError(ErrorCode.LONG_LIVED_TOKEN_INVALID, debug="amo answered 401")
        if not response.is_success:
            raise error_from_response(response)
        return await self._save_login(profile, tokens, profile.address.host)

    async def _probe(self, profile: Profile, access_token: str) -> httpx.Response:
        try:
            # Through the session's limiter: amo counts this call like any other.
            async with self._limiter.slot():
                return await self.http.get(
                    profile.address.api_url("account"),
                    headers={"Authorization": f"Bearer {access_token}"},
                )
        except httpx.HTTPError as error:
            raise error_from_exception(error) from None

    async def refresh_now(self) -> TokenInfo:
        tokens = await self._tokens.refresh_now()
        return _token_info(tokens, self.profile())

    async def logout(self) -> None:
        """Forget the tokens (the client secret stays)."""
        # Under the refresh lock, or a refresh running elsewhere would save its new pair
        # after the deletion and the signed-out profile would have live tokens again.
        async with self._tokens.exclusive():
            await self._core.credentials.delete_tokens(self.name)
            if self.profile() is not None:
                self._core.config.update(self.name, token_owner="desktop")  # noqa: S106
        self._tokens.forget()
        self._core.logbook.record("token", f"signed out of profile {self.name}")

    async def delete(self) -> bool:
        """Remove the profile, its folder and every keyring entry it had (leftovers of an
        interrupted deletion too); False if the profile was not configured."""
        # Under the refresh lock, as for logout(). The lock file goes with the folder; a
        # program still waiting for it then finds no tokens and saves nothing.
        async with self._tokens.exclusive():
            existed = await self._profiles().delete(self.name)
        self._tokens.forget()
        await self.aclose()
        self._core.logbook.note(f"profile {self.name} deleted")
        return existed

    async def rename(self, new: str) -> Profile:
        """Give the profile the name ``new``; its secrets and folder move with it."""
        profiles = self._profiles()
        # Under the refresh lock, or a refresh elsewhere could save its new pair under the old
        # name after the copy, and the renamed profile would hold the spent one.
        async with self._tokens.exclusive():
            renamed = await profiles.rename(self.name, new, move_folder=False)
        # Outside the lock: its file is in that folder, and Windows cannot move a folder
        # with an open file in it. A program waiting for it finds no tokens under the old name.
        profiles.move_folder(self.name, renamed.name)
        self._tokens.forget()
        await self.aclose()
        self._core.logbook.note(f"profile {self.name} renamed to {renamed.name}")
        return renamed

    def _profiles(self) -> ProfileManager:
        return ProfileManager(self._core.config, self._core.credentials)

    # -- amoCRM -----------------------------------------------------------------------------

    async def test_connection(self) -> ConnectionTest:
        """GET /api/v4/account; remembers the account's id and name."""
        started = time.perf_counter()
        account = await self.api().account()
        elapsed = round((time.perf_counter() - started) * 1000)
        self._core.config.update(self.name, account_id=account.id, account_name=account.name)
        return ConnectionTest(account=account, elapsed_ms=elapsed, message=READY_MESSAGE)

    async def pipelines(self) -> list[Pipeline]:
        return await self.api().pipelines()

    async def create_test_lead(
        self,
        *,
        name: str | None = None,
        price: int = 0,
        pipeline_id: int | None = None,
        status_id: int | None = None,
        client_name: str | None = None,
        object_name: str | None = None,
    ) -> CreatedLead:
        """A lead named like the backend's seed data ("<client> - <object>")."""
        api = self.api()
        if status_id is None:
            pipeline_id, status_id = self._first_stage(await api.pipelines(), pipeline_id)
        if name is None:
            stamp = time.strftime("%H:%M:%S", time.localtime(self._core.clock()))
            client = client_name or TEST_CLIENT_NAME
            name = f"{client} - {object_name or TEST_OBJECT_NAME} {stamp}"
        return await api.create_lead(
            name, price=price, pipeline_id=pipeline_id, status_id=status_id
        )

    def _first_stage(
        self, pipelines: Sequence[Pipeline], pipeline_id: int | None
    ) -> tuple[int, int]:
        if pipeline_id is not None:
            chosen = next((p for p in pipelines if p.id == pipeline_id), None)
        else:
            chosen = next((p for p in pipelines if p.is_main), None) or next(iter(pipelines), None)
        stage = chosen.first_regular_status() if chosen is not None else None
        if chosen is None or stage is None:
            raise AmoError(
                ErrorCode.VALIDATION_FAILED,
                {"fields": "pipeline_id"},
                debug=f"no pipeline {pipeline_id or '(main)'} with a regular stage",
            )
        return chosen.id, stage.id

    async def set_lead_status(
        self, lead_id: int, *, status_id: int, pipeline_id: int | None = None
    ) -> None:
        fields: dict[str, int] = {"status_id": status_id}
        if pipeline_id is not None:
            fields["pipeline_id"] = pipeline_id
        await self.api().update_lead(lead_id, **fields)

    async def get_lead(self, lead_id: int) -> Lead | None:
        return await self.api().get_lead(lead_id)

    async def list_webhooks(self) -> list[WebhookSubscription]:
        return await self.api().list_webhooks()

    async def subscribe_webhook(
        self, destination: str, events: Sequence[str] = DEFAULT_WEBHOOK_EVENTS
    ) -> WebhookSubscription:
        return await self.api().subscribe_webhook(destination, events)

    async def unsubscribe_webhook(self, destination: str) -> None:
        await self.api().unsubscribe_webhook(destination)

    # -- the company's backend --------------------------------------------------------------

    async def push_tokens(self, backend_url: str | None = None) -> PushResult:
        """Hand the tokens to the backend; from then on the backend refreshes them."""
        profile = self._require_profile()
        url = backend_url or profile.backend_url
        if not url:
            raise AmoError(ErrorCode.BACKEND_NOT_CONFIGURED, {"profile": self.name})
        base = backend_address(url)
        # The lock is held from reading the pair until the backend owns it: a refresh elsewhere
        # either finishes first (its new pair is the one handed over) or starts afterwards and
        # sees the backend's ownership; it never rotates the pair the backend just took.
        async with self._tokens.exclusive() as held:
            if self._owner() != "desktop":
                # The backend has refreshed the pair since: the one stored here may be spent,
                # and sending it would replace the backend's live pair with a dead one.
                raise AmoError(ErrorCode.TOKENS_ALREADY_HANDED_OVER, {"profile": self.name})
            tokens = await held.fresh()  # hand over a pair with a full day ahead
            response = await self._send_tokens(base, tokens)
            self._core.config.update(self.name, token_owner="backend", backend_url=base)  # noqa: S106
        self._tokens.forget()
        self._core.logbook.record("token", f"tokens handed to the backend at {base}")
        return PushResult(backend_url=base, status_code=response.status_code)

    async def _send_tokens(self, base: str, tokens: TokenSet) -> httpx.Response:
        payload = {
            "access_token": tokens.access_token,
            "refresh_token": tokens.refresh_token,
            "expires_in": max(0, int(tokens.expires_at - self._core.clock())),
        }
        try:
            response = await self.http.post(_set_tokens_url(base), json=payload)
        except (httpx.ReadTimeout, httpx.RemoteProtocolError) as error:
            # The request went out: the backend may have kept the pair without answering.
            timeout = self.http.timeout.read
            raise AmoError(
                ErrorCode.BACKEND_NO_ANSWER,
                {"url": base, "seconds": f"{timeout:g}" if timeout else "?"},
                debug=f"POST {SET_TOKENS_PATH}: {type(error).__name__}: {error}",
            ) from None
        except httpx.HTTPError as error:
            raise AmoError(
                ErrorCode.BACKEND_UNREACHABLE,
                {"url": base},
                debug=f"POST {SET_TOKENS_PATH}: {type(error).__name__}: {error}",
            ) from None
        if response.is_success and "html" in response.headers.get("content-type", "").lower():
            # A website or frontend on that address answers 200 to anything: nothing kept the
            # tokens, and the backend must not be taken to own them.
            raise AmoError(
                ErrorCode.BACKEND_NOT_API,
                {"url": base, "status": response.status_code},
                debug=f"POST {SET_TOKENS_PATH} -> HTTP {response.status_code}, an HTML page",
            )
        if not response.is_success:
            raise AmoError(
                ErrorCode.BACKEND_REJECTED,
                {"url": base, "status": response.status_code},
                debug=f"POST {SET_TOKENS_PATH} -> HTTP {response.status_code}",
            )
        return response
