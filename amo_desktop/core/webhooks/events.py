"""What arrived: a :class:`Delivery` (one HTTP request, byte-exact) and its :class:`WebhookEvent`s.

One amoCRM delivery can carry several events and several entities
(``leads[add][0]``, ``leads[add][1]``, ``leads[status][0]`` ...); :func:`split_delivery` turns
the decoded form into one event per entity item, keeping unknown entities and odd shapes as
they are instead of dropping them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from amo_desktop.core.webhooks.formdecode import FormNode, FormTree, decode, is_indexed

REQUEST_ID_HEADER: Final = "X-Amocrm-Requestid"
# Header values that may carry credentials are masked before a delivery is kept anywhere.
MASKED_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "cookie", "x-api-key", "x-auth-token"}
)
MASK: Final = "***"
SECRET_QUERY_KEYS: Final = frozenset({"secret"})

# Top-level keys and the singular kind of entity they carry.
_KINDS: Final = {
    "leads": "lead",
    "contacts": "contact",
    "companies": "company",
    "task": "task",
    "tasks": "task",
    "customers": "customer",
    "unsorted": "unsorted",
    "talk": "talk",
    "message": "message",
    "catalogs": "catalog",
}


@dataclass(frozen=True)
class AccountRef:
    """``account[id]`` and ``account[subdomain]`` as the sender stated them (may be missing)."""

    id: str | None = None
    subdomain: str | None = None


@dataclass(frozen=True)
class Delivery:
    """One received request, kept byte for byte (headers as latin-1 text, which is lossless).

    ``query`` has the ``secret`` parameter removed and ``headers`` have credential values
    masked: this object may be journaled, shown and exported.
    """

    delivery_id: str
    received_at: float
    remote: str
    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first value of a header, matched case-insensitively."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def content_type(self) -> str:
        return self.header("Content-Type") or "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class WebhookEvent:
    """One entity change inside a delivery.

    ``entity`` is the top-level key as sent (``leads``, ``contacts``, ``task``, or an unknown
    one); ``kind`` is the singular entity (``lead``, ``contact``/``company`` by ``[type]``);
    ``name`` is amoCRM's subscription name for it, such as ``add_lead`` or ``status_lead``.
    """

    delivery_id: str
    index: int
    received_at: float
    entity: str
    kind: str
    action: str
    entity_id: str | None
    fields: FormTree
    account: AccountRef
    foreign_account: bool = False

    @property
    def name(self) -> str:
        return f"{self.action}_{self.kind}" if self.action else self.kind


def new_delivery_id(request_id: str | None) -> str:
    """amoCRM's request id when sent, else a local one (manual tests often omit it)."""
    return request_id.strip() if request_id and request_id.strip() else f"local-{uuid.uuid4()}"


def masked_latin1_headers(
    raw_headers: Iterable[tuple[bytes, bytes]],
) -> tuple[tuple[str, str], ...]:
    """Raw header bytes as lossless latin-1 text, credential values masked, in one pass."""
    headers: list[tuple[str, str]] = []
    for raw_name, raw_value in raw_headers:
        name = raw_name.decode("latin-1")
        masked = name.lower() in MASKED_HEADERS
        headers.append((name, MASK if masked else raw_value.decode("latin-1")))
    return tuple(headers)


def strip_secrets(query: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((key, value) for key, value in query if key.lower() not in SECRET_QUERY_KEYS)


def account_of(tree: FormTree) -> AccountRef:
    block = tree.get("account")
    if not isinstance(block, dict):
        return AccountRef()
    return AccountRef(id=_text(block.get("id")), subdomain=_text(block.get("subdomain")))


def is_foreign(account: AccountRef, expected: AccountRef | None) -> bool:
    """True when the sender's account is known and differs from the connected profile's."""
    if expected is None:
        return False
    if expected.id and account.id and expected.id != account.id:
        return True
    return bool(
        expected.subdomain
        and account.subdomain
        and expected.subdomain.lower() != account.subdomain.lower()
    )


def split_delivery(delivery: Delivery, expected: AccountRef | None = None) -> list[WebhookEvent]:
    """Decode the body and split it into events (raises ``FormDecodeError`` on a bad body)."""
    return split_tree(decode(delivery.body), delivery, expected)


def split_tree(
    tree: FormTree, delivery: Delivery, expected: AccountRef | None = None
) -> list[WebhookEvent]:
    account = account_of(tree)
    foreign = is_foreign(account, expected)
    events: list[WebhookEvent] = []

    def add(entity: str, action: str, fields: FormTree) -> None:
        events.append(
            WebhookEvent(
                delivery_id=delivery.delivery_id,
                index=len(events),
                received_at=delivery.received_at,
                entity=entity,
                kind=_kind(entity, fields),
                action=action,
                entity_id=_entity_id(fields),
                fields=fields,
                account=account,
                foreign_account=foreign,
            )
        )

    for entity, actions in tree.items():
        if entity == "account":
            continue
        if isinstance(actions, str):
            add(entity, "", {"value": actions})
            continue
        for action, items in actions.items():
            if is_indexed(items) and all(isinstance(item, dict) for item in _values(items)):
                for item in _values(items):
                    assert isinstance(item, dict)
                    add(entity, action, item)
            else:
                add(entity, action, items if isinstance(items, dict) else {"value": items})
    return events


def _values(node: FormNode) -> list[FormNode]:
    return list(node.values()) if isinstance(node, dict) else []


def _kind(entity: str, fields: FormTree) -> str:
    if entity == "contacts" and fields.get("type") == "company":
        return "company"
    return _KINDS.get(entity, entity)


def _entity_id(fields: FormTree) -> str | None:
    for key in ("id", "talk_id", "chat_id"):
        value = _text(fields.get(key))
        if value:
            return value
    note = fields.get("note")
    if isinstance(note, dict):
        return _text(note.get("element_id")) or _text(note.get("id"))
    return None


def _text(node: FormNode | None) -> str | None:
    return node if isinstance(node, str) else None
