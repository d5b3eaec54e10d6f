"""Everything the sandbox knows: the demo account, integrations, tokens, leads, webhooks,
plus the knobs tests turn (clock, failure injection, rate limit, webhook rules)."""

from __future__ import annotations

import secrets
import uuid
from typing import Any, Literal, get_args

from amo_desktop.sandbox.clock import SandboxClock
from amo_desktop.sandbox.jwt_keys import SigningKey
from amo_desktop.sandbox.leads import LeadRules, LeadStore
from amo_desktop.sandbox.models import (
    LOST_STATUS_ID,
    UNSORTED_STATUS_TYPE,
    WON_STATUS_ID,
    Account,
    CustomField,
    DeliveryAttempt,
    Injection,
    Integration,
    Pipeline,
    RequestRecord,
    Status,
    User,
    Webhook,
)
from amo_desktop.sandbox.ratelimit import ApiBlock
from amo_desktop.sandbox.tokens import TokenAuthority

DEMO_CLIENT_ID = "5f2d8c1e-7a4b-4e3f-9b6a-1c2d3e4f5a6b"
DEFAULT_REDIRECT_URI = "http://localhost:3000/api/v1/integrations/amo-crm/callback"
DEMO_USER_ID = 8_800_555
# Kommo documents the rotation grace (fact sheet 1.5); amocrm.com is Kommo's former name.
DOCUMENTED_GRACE_DOMAINS = frozenset({"kommo.com", "amocrm.com"})

ClientErrorStyle = Literal["newer", "older"]
OAuthLanguage = Literal["ru", "en"]


def _statuses(base_id: int, names: list[str]) -> list[Status]:
    palette = ["#99ccff", "#ffff99", "#ffcc66", "#deff81", "#ccc8f9"]
    statuses = [Status(base_id, "Неразібране", 10, "#c1c1c1", UNSORTED_STATUS_TYPE, False)]
    for index, name in enumerate(names, start=1):
        statuses.append(Status(base_id + index, name, 10 + index * 10, palette[index - 1]))
    statuses.append(Status(WON_STATUS_ID, "Успішно реалізовано", 10000, "#CCFF66", 0, False))
    statuses.append(Status(LOST_STATUS_ID, "Закрито і не реалізовано", 11000, "#D5D8DB", 0, False))
    return statuses


def demo_pipelines() -> list[Pipeline]:
    return [
        Pipeline(
            7_700_100,
            "Продажі",
            1,
            True,
            _statuses(61_000_100, ["Перший контакт", "Переговори", "Ухвалення рішення"]),
        ),
        Pipeline(
            7_700_200,
            "Партнери",
            2,
            False,
            _statuses(
                61_000_200, ["Нова заявка", "Узгодження умов", "Підписання договору", "Запуск"]
            ),
        ),
    ]


class SandboxState:
    """The emulated account and the controls tests use.

    One state per server. Not thread-safe: from another thread, change it through
    :class:`~amo_desktop.sandbox.threaded.ThreadedSandbox` or the ``/_sandbox/`` endpoints.
    """

    def __init__(
        self,
        *,
        clock: SandboxClock | None = None,
        demo_client_secret: str | None = None,
        demo_redirect_uri: str = DEFAULT_REDIRECT_URI,
        signing_key: SigningKey | None = None,
    ) -> None:
        self.clock = clock or SandboxClock()
        self.signing_key = signing_key or SigningKey()
        self.account = Account(
            id=31_415_926,
            name="Демо-компанія",
            subdomain="demo",
            domain="amocrm.ru",
            created_at=self.clock.now_int() - 90 * 86400,
            current_user_id=DEMO_USER_ID,
            amojo_id=str(uuid.uuid4()),
            uuid=str(uuid.uuid4()),
        )
        self.users = [User(DEMO_USER_ID, "Олена Демченко", "olena@example.com")]
        self.pipelines = demo_pipelines()
        self.custom_fields = [
            CustomField(752_001, "Джерело", "text"),
            CustomField(752_003, "Коментар", "textarea"),
            CustomField(752_005, "Кількість", "numeric"),
        ]
        self.integrations: dict[str, Integration] = {}
        # The token endpoint's unconfirmed variants (fact sheet 1.5, 1.6), each switchable so
        # tests prove the client under both. Rotation grace: None follows the platform (on
        # where Kommo documents it, off on amocrm.ru where it is unconfirmed); True/False
        # forces it everywhere.
        self.refresh_grace: bool | None = None
        # "newer": a wrong secret or redirect URI gets a 400 whose hint names it; "older":
        # league's hint-less 401 invalid client, the same for both.
        self.client_error_style: ClientErrorStyle = "newer"
        # The words of title/detail: None follows the platform (English on kommo.com, which
        # is unconfirmed, Russian elsewhere); "ru" or "en" forces it everywhere.
        self.oauth_language: OAuthLanguage | None = None
        self.tokens = TokenAuthority(
            self.clock, self.signing_key, self.account, grace_on=self.grace_applies
        )
        self.leads = LeadStore(
            LeadRules(self.pipelines, {u.id for u in self.users}, self.custom_fields),
            self.account.id,
            self.clock.now_int,
        )
        self.webhooks: list[Webhook] = []
        self.max_webhooks = 100
        # Auto-disable: more than `threshold` invalid answers within `window` seconds.
        self.webhook_disable_threshold = 100
        self.webhook_disable_window = 2 * 60 * 60.0
        self.webhook_timeout = 2.0
        self.deliveries: list[DeliveryAttempt] = []
        self.injections: list[Injection] = []
        self.requests: list[RequestRecord] = []
        # Per integration; None switches the limiter off (benchmarks), 0 refuses every call
        # (as when other programs have used up the integration's share).
        self.rate_limit_per_second: int | None = 7
        # The documented 429 body asks for minutes, not a second (fact sheet 6.1).
        self.rate_limit_retry_after = 300
        # Repeated 429s block the account's whole API with 403: this many within the window
        # start a block of rate_limit_block_seconds. Generous, so only floods reach it;
        # None switches the escalation off.
        self.rate_limit_block_after: int | None = 50
        self.rate_limit_block_window = 60.0
        self.rate_limit_block_seconds = 15 * 60.0
        self.api_block = ApiBlock(self.clock.now)
        self._next_webhook_id = 1_056_001
        self.demo_integration = self.add_integration(
            redirect_uri=demo_redirect_uri,
            client_id=DEMO_CLIENT_ID,
            client_secret=demo_client_secret,
            name="Демо-інтеграція",
        )

    # --- integrations and tokens -------------------------------------------------------

    def add_integration(
        self,
        redirect_uri: str,
        client_id: str | None = None,
        client_secret: str | None = None,
        name: str = "Приватна інтеграція",
    ) -> Integration:
        integration = Integration(
            client_id=client_id or str(uuid.uuid4()),
            client_secret=client_secret or secrets.token_urlsafe(48),
            redirect_uri=redirect_uri,
            name=name,
        )
        self.integrations[integration.client_id] = integration
        return integration

    def integration(self, client_id: str | None) -> Integration | None:
        return self.integrations.get(client_id or "")

    def issue_authorization_code(self, integration: Integration | None = None) -> str:
        """The 20-minute code a private integration's "Keys" tab shows."""
        return self.tokens.issue_code(integration or self.demo_integration)

    def issue_long_lived_token(
        self, integration: Integration | None = None, days: int = 365
    ) -> str:
        pair = self.tokens.issue_long_lived(
            integration or self.demo_integration, days, self.account.domain
        )
        return pair.access_token

    def revoke_tokens(self, client_id: str | None = None) -> int:
        return self.tokens.revoke_all(client_id)

    def grace_applies(self, domain: str) -> bool:
        """Whether a refreshed pair's predecessor lives on until the new pair is first used."""
        if self.refresh_grace is not None:
            return self.refresh_grace
        return domain in DOCUMENTED_GRACE_DOMAINS

    def oauth_language_for(self, domain: str) -> OAuthLanguage:
        if self.oauth_language is not None:
            return self.oauth_language
        return "en" if domain == "kommo.com" else "ru"

    def configure_oauth(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Set any of ``refresh_grace``, ``client_error_style``, ``oauth_language`` (checked;
        ValueError names a bad one) and return all three."""
        unknown = set(changes) - {"refresh_grace", "client_error_style", "oauth_language"}
        if unknown:
            raise ValueError(f"unknown OAuth switches: {', '.join(sorted(unknown))}")
        grace = changes.get("refresh_grace", self.refresh_grace)
        style = changes.get("client_error_style", self.client_error_style)
        language = changes.get("oauth_language", self.oauth_language)
        if grace is not None and not isinstance(grace, bool):
            raise ValueError("refresh_grace is true, false or null (per platform)")
        if style not in get_args(ClientErrorStyle):
            raise ValueError("client_error_style is 'newer' or 'older'")
        if language is not None and language not in get_args(OAuthLanguage):
            raise ValueError("oauth_language is 'ru', 'en' or null (per platform)")
        self.refresh_grace, self.client_error_style, self.oauth_language = grace, style, language
        return self.oauth_switches()

    def oauth_switches(self) -> dict[str, Any]:
        return {
            "refresh_grace": self.refresh_grace,
            "client_error_style": self.client_error_style,
            "oauth_language": self.oauth_language,
        }

    # --- failure injection and request log ---------------------------------------------

    def inject(
        self,
        path_prefix: str,
        status: int | None,
        body_kind: str = "json",
        times: int = 1,
        retry_after: int | None = None,
        *,
        delay: float = 0.0,
        method: str | None = None,
    ) -> Injection:
        """Force the next ``times`` matching requests to get ``status`` (``None``: answer
        normally, after ``delay`` seconds). ``body_kind`` is "json" (problem json) or "html"
        (an nginx page, as amo's WAF and wrong hosts send)."""
        if body_kind not in ("json", "html"):
            raise ValueError("body_kind is 'json' or 'html'")
        injection = Injection(path_prefix, status, body_kind, times, retry_after, delay, method)
        self.injections.append(injection)
        return injection

    def take_injection(self, method: str, path: str) -> Injection | None:
        for injection in self.injections:
            if injection.matches(method, path):
                injection.times -= 1
                if injection.times <= 0:
                    self.injections.remove(injection)
                return injection
        return None

    def note_rate_limit_violation(self) -> None:
        """One more 429 from the limiter; enough of them block the account's API."""
        self.api_block.violation(
            self.rate_limit_block_after,
            self.rate_limit_block_window,
            self.rate_limit_block_seconds,
        )

    def request_count(self, path: str, method: str | None = None) -> int:
        return sum(
            1
            for r in self.requests
            if r.path == path and (method is None or r.method == method.upper())
        )

    # --- webhooks ----------------------------------------------------------------------

    def new_webhook_id(self) -> int:
        self._next_webhook_id += 2
        return self._next_webhook_id

    def webhook_by_destination(self, destination: str) -> Webhook | None:
        return next((w for w in self.webhooks if w.destination == destination), None)

    # --- summary -----------------------------------------------------------------------

    def summary(self, *, include_secret: bool = False) -> dict[str, Any]:
        return {
            "account": {
                "id": self.account.id,
                "name": self.account.name,
                "subdomain": self.account.subdomain,
                "domain": self.account.domain,
            },
            "demo_integration": self.demo_integration.public_view(include_secret=include_secret),
            "integrations": [i.public_view() for i in self.integrations.values()],
            "pipelines": [
                {"id": p.id, "name": p.name, "is_main": p.is_main} for p in self.pipelines
            ],
            "clock": self.clock.now(),
            "leads": len(self.leads),
            "webhooks": [
                {
                    "id": w.id,
                    "destination": w.destination,
                    "settings": w.settings,
                    "disabled": w.disabled,
                    "disabled_reason": w.disabled_reason,
                }
                for w in self.webhooks
            ],
            "deliveries": len(self.deliveries),
            "rate_limit_per_second": self.rate_limit_per_second,
            "api_blocked": self.api_block.active(),
            "oauth": self.oauth_switches(),
        }
