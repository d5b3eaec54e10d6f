"""The account's webhook subscriptions (``/api/v4/webhooks``) in words a person acts on.

amoCRM reports a switched-off hook only as ``disabled: true``; the reason is its documented
rule (more than 100 failed deliveries within two hours, the last one failed too), so that is
what :func:`disabled_reason` says, with the documented way back first (switching it on again
in the account settings) and subscribing again as the other (fact sheet 5.3). A plan or
rights refusal (402/403) becomes ``webhook.not_allowed`` with the way round it (adding the
hook by hand in amoCRM).
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Sequence
from typing import Final, Protocol, TypeVar

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.models import DEFAULT_WEBHOOK_EVENTS, WebhookSubscription

DEFAULT_EVENTS: Final = DEFAULT_WEBHOOK_EVENTS
CONTACT_EVENTS: Final = ("add_contact", "update_contact")
T = TypeVar("T")
# Shortcuts accepted wherever event names are: ``--events default,contacts``.
EVENT_GROUPS: Final = {"default": DEFAULT_EVENTS, "contacts": CONTACT_EVENTS}
# The webhook event names amoCRM documents (/api/v4/webhooks), plus the ones seen in real
# accounts' deliveries; anything else would only come back as amoCRM's 400.
KNOWN_EVENTS: Final = frozenset(
    {
        *(
            f"{action}_{entity}"
            for action in ("add", "update")
            for entity in ("lead", "contact", "company", "customer", "talk", "task")
        ),
        *(f"delete_{entity}" for entity in ("lead", "contact", "company", "customer", "task")),
        *(f"responsible_{entity}" for entity in ("lead", "contact", "company", "customer", "task")),
        *(f"restore_{entity}" for entity in ("lead", "contact", "company")),
        *(f"note_{entity}" for entity in ("lead", "contact", "company", "customer")),
        "status_lead",
        "add_chat_template_review",
        "add_message",
        "add_outgoing_message",
        "add_unsorted",
        "update_unsorted",
        "delete_unsorted",
    }
)

_REFUSALS: Final = {
    ErrorCode.PAYMENT_REQUIRED: 402,
    ErrorCode.INSUFFICIENT_RIGHTS: 403,
}
_DISABLED_REASON: Final = {
    "en": "amoCRM switched this webhook off: more than 100 deliveries failed within two "
    "hours and the last one failed too. Make the address answer 200 within 2 seconds, then "
    "switch the webhook back on in amoCRM: open Settings → Integrations → Web hooks, find it "
    "and enable it. Or subscribe the address again from this app.",
    "uk": "amoCRM вимкнула цей вебхук: понад 100 доставок за дві години були невдалими, і "
    "остання теж. Зробіть так, щоб адреса відповідала 200 протягом 2 секунд, а тоді знову "
    "ввімкніть вебхук в amoCRM: відкрийте Налаштування → Інтеграції → Web hooks, знайдіть "
    "його і ввімкніть. Або підпишіть адресу ще раз із цієї програми.",
}


class WebhookApi(Protocol):
    """What :class:`Subscriptions` needs; ``ProfileSession`` provides it."""

    async def list_webhooks(self) -> list[WebhookSubscription]: ...

    async def subscribe_webhook(
        self, destination: str, events: Sequence[str] = ...
    ) -> WebhookSubscription: ...

    async def unsubscribe_webhook(self, destination: str) -> None: ...


def expand_events(names: Iterable[str]) -> tuple[str, ...]:
    """``["default", "add_contact"]`` -> the event names, groups expanded, duplicates dropped."""
    expanded: list[str] = []
    for raw in names:
        for name in (part.strip() for part in raw.split(",")):
            for event in EVENT_GROUPS.get(name, (name,) if name else ()):
                if event not in expanded:
                    expanded.append(event)
    return tuple(expanded)


def disabled_reason(language: str = "en") -> str:
    return _DISABLED_REASON.get(language, _DISABLED_REASON["en"])


def find(
    subscriptions: Iterable[WebhookSubscription], destination: str
) -> WebhookSubscription | None:
    return next((s for s in subscriptions if s.destination == destination), None)


class Subscriptions:
    """List, subscribe and unsubscribe, with plan and rights refusals explained."""

    def __init__(self, api: WebhookApi) -> None:
        self._api = api

    async def list(self) -> list[WebhookSubscription]:
        """Switched-off hooks first: they are the ones that need attention."""
        found = await self._call(self._api.list_webhooks())
        return sorted(found, key=lambda s: not s.disabled)

    async def subscribe(
        self, destination: str, events: Sequence[str] = DEFAULT_EVENTS
    ) -> WebhookSubscription:
        """Subscribe (or, for a known destination, replace its events and switch it on)."""
        chosen = expand_events(events) or DEFAULT_EVENTS
        return await self._call(self._api.subscribe_webhook(destination, chosen))

    async def unsubscribe(self, destination: str) -> None:
        try:
            await self._call(self._api.unsubscribe_webhook(destination))
        except AmoError as error:
            if error.code is not ErrorCode.NOT_FOUND:
                raise
            # amo answers 404 for an address it has no hook for; say that, not "no such route".
            raise AmoError(
                ErrorCode.NOT_SUBSCRIBED, {"url": destination}, debug=error.debug
            ) from error

    @staticmethod
    async def _call(operation: Awaitable[T]) -> T:
        try:
            return await operation
        except AmoError as error:
            status = _REFUSALS.get(error.code)
            if status is None:
                raise
            raise AmoError(
                ErrorCode.WEBHOOKS_NOT_ALLOWED, {"status": status}, debug=error.debug
            ) from error
