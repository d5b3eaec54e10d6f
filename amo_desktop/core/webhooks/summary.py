"""One plain-language line per webhook event, in English or Ukrainian.

``Lead 12345 “Ivan - Flat 3” moved from “First contact” to “Won” in “Sales”`` /
``Угоду 12345 «Іван - Квартира 3» переміщено з «Перший контакт» до «Успішно» у воронці
«Продажі»``. Pipeline and stage names come from a :class:`StatusNameResolver` (the account's
pipelines, cached); an unknown id shows as ``#id``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from amo_desktop.core.errors import AmoError
from amo_desktop.core.models import LOST_STATUS_ID, WON_STATUS_ID, Pipeline
from amo_desktop.core.webhooks.events import WebhookEvent
from amo_desktop.core.webhooks.formdecode import FormNode

_NAME_LIMIT: Final = 60
_CLOSING_NAMES: Final = {
    "en": {WON_STATUS_ID: "Won", LOST_STATUS_ID: "Lost"},
    "uk": {WON_STATUS_ID: "Успішно реалізовано", LOST_STATUS_ID: "Закрито й не реалізовано"},
}


class StatusNameResolver(Protocol):
    """Names for pipeline and stage ids; ``None`` when unknown."""

    async def pipeline_name(self, pipeline_id: int) -> str | None: ...

    async def status_name(self, pipeline_id: int, status_id: int) -> str | None: ...


class PipelineNames:
    """A :class:`StatusNameResolver` over the account's pipelines, refetched after ``ttl``.

    ``fetch`` is usually ``ProfileSession.pipelines``. If it fails, the last known names stay
    in use and the next attempt waits ``retry_after`` seconds, so a summary never waits on a
    broken connection more than once in a while.
    """

    def __init__(
        self,
        fetch: Callable[[], Awaitable[Sequence[Pipeline]]],
        *,
        ttl: float = 300.0,
        retry_after: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._ttl = ttl
        self._retry_after = retry_after
        self._clock = clock
        self._pipelines: dict[int, Pipeline] = {}
        self._fresh_until = float("-inf")
        self._lock = asyncio.Lock()

    async def pipeline_name(self, pipeline_id: int) -> str | None:
        pipeline = (await self._catalog()).get(pipeline_id)
        return pipeline.name if pipeline else None

    async def status_name(self, pipeline_id: int, status_id: int) -> str | None:
        pipeline = (await self._catalog()).get(pipeline_id)
        if pipeline is None:
            return None
        return next((s.name for s in pipeline.statuses if s.id == status_id), None)

    async def _catalog(self) -> dict[int, Pipeline]:
        if self._clock() < self._fresh_until:
            return self._pipelines
        async with self._lock:
            if self._clock() >= self._fresh_until:
                try:
                    self._pipelines = {p.id: p for p in await self._fetch()}
                    self._fresh_until = self._clock() + self._ttl
                except AmoError:
                    self._fresh_until = self._clock() + self._retry_after
        return self._pipelines


@dataclass(frozen=True)
class _Noun:
    en: str  # "Lead"
    uk_new: str  # "Нова угода"
    uk_nominative: str  # "Угода"
    uk_accusative: str  # "угоду"
    uk_genitive: str  # "угоди"


_NOUNS: Final = {
    "lead": _Noun("Lead", "Нова угода", "Угода", "угоду", "угоди"),
    "contact": _Noun("Contact", "Новий контакт", "Контакт", "контакт", "контакту"),
    "company": _Noun("Company", "Нова компанія", "Компанія", "компанію", "компанії"),
    "task": _Noun("Task", "Нове завдання", "Завдання", "завдання", "завдання"),
    "customer": _Noun("Customer", "Новий покупець", "Покупець", "покупця", "покупця"),
    "unsorted": _Noun(
        "Unsorted request", "Нова заявка в «Нерозібраному»", "Заявка", "заявку", "заявки"
    ),
    "talk": _Noun("Conversation", "Нова бесіда", "Бесіда", "бесіду", "бесіди"),
    "message": _Noun(
        "Message", "Нове повідомлення", "Повідомлення", "повідомлення", "повідомлення"
    ),
    "catalog": _Noun(
        "Catalog item",
        "Новий елемент каталогу",
        "Елемент каталогу",
        "елемент каталогу",
        "елемента каталогу",
    ),
}


def _noun(kind: str) -> _Noun:
    return _NOUNS.get(kind) or _Noun(
        f"“{kind}” item",
        f"Новий об’єкт «{kind}»",
        f"Об’єкт «{kind}»",
        f"об’єкт «{kind}»",
        f"об’єкта «{kind}»",
    )


async def summarize(
    event: WebhookEvent, language: str = "en", names: StatusNameResolver | None = None
) -> str:
    """The event in one line of plain ``language`` (``"en"`` or ``"uk"``)."""
    uk = language == "uk"
    noun = _noun(event.kind)
    fields = event.fields
    ident = f" {event.entity_id}" if event.entity_id else ""
    name = _quote(_text(fields.get("name")), uk)
    name_part = f" {name}" if name else ""
    lower_acc = f"{noun.uk_accusative}{ident}{name_part}"
    subject_uk = lower_acc[:1].upper() + lower_acc[1:]
    subject_en = f"{noun.en}{ident}{name_part}"
    action = event.action

    if action == "add" and event.kind == "message":
        line = _message_line(fields, uk)
    elif action == "add":
        where = await _where(fields, uk, names)
        line = (
            f"{noun.uk_new}{ident}{name_part}{where}"
            if uk
            else (f"New {noun.en.lower()}{ident}{name_part}{where}")
        )
    elif action == "status":
        moved = await _moved(fields, uk, names)
        line = f"{subject_uk} переміщено{moved}" if uk else f"{subject_en} moved{moved}"
    elif action == "note":
        note = fields.get("note")
        text = _quote(_text(note.get("text")) if isinstance(note, dict) else None, uk)
        tail = f": {text}" if text else ""
        line = (
            f"До {noun.uk_genitive}{ident} додано примітку{tail}"
            if uk
            else f"Note added to {noun.en.lower()}{ident}{tail}"
        )
    elif action == "responsible":
        user = _text(fields.get("responsible_user_id")) or "?"
        line = (
            f"{subject_uk} передано користувачу {user}"
            if uk
            else f"{subject_en} assigned to user {user}"
        )
    elif action in _PLAIN_ACTIONS:
        en_verb, uk_verb = _PLAIN_ACTIONS[action]
        line = f"{subject_uk} {uk_verb}" if uk else f"{subject_en} {en_verb}"
    else:
        label = action or "?"
        line = (
            f"{noun.uk_nominative}{ident}{name_part}: подія «{label}»"
            if uk
            else f"{subject_en}: “{label}” event"
        )
    if event.foreign_account:
        who = event.account.subdomain or event.account.id or "?"
        line += f" — з іншого акаунта ({who})" if uk else f" — from another account ({who})"
    return line


_PLAIN_ACTIONS: Final = {
    "update": ("updated", "змінено"),
    "delete": ("deleted", "видалено"),
    "restore": ("restored", "відновлено"),
}


async def _where(fields: dict[str, FormNode], uk: bool, names: StatusNameResolver | None) -> str:
    pipeline_id = _int(fields.get("pipeline_id"))
    status_id = _int(fields.get("status_id"))
    if pipeline_id is None:
        return ""
    pipeline = _quote(await _pipeline(pipeline_id, names), uk)
    if status_id is None:
        return f" у воронці {pipeline}" if uk else f" in {pipeline}"
    status = _quote(await _status(pipeline_id, status_id, uk, names), uk)
    return f" у воронці {pipeline}, етап {status}" if uk else f" in {pipeline}, stage {status}"


async def _moved(fields: dict[str, FormNode], uk: bool, names: StatusNameResolver | None) -> str:
    pipeline_id = _int(fields.get("pipeline_id"))
    status_id = _int(fields.get("status_id"))
    old_status_id = _int(fields.get("old_status_id"))
    old_pipeline_id = _int(fields.get("old_pipeline_id")) or pipeline_id
    if pipeline_id is None or status_id is None:
        return ""
    new_status = _quote(await _status(pipeline_id, status_id, uk, names), uk)
    pipeline = _quote(await _pipeline(pipeline_id, names), uk)
    if old_status_id is None or old_pipeline_id is None:
        return f" до {new_status} у воронці {pipeline}" if uk else f" to {new_status} in {pipeline}"
    old_status = _quote(await _status(old_pipeline_id, old_status_id, uk, names), uk)
    if old_pipeline_id == pipeline_id:
        return (
            f" з {old_status} до {new_status} у воронці {pipeline}"
            if uk
            else f" from {old_status} to {new_status} in {pipeline}"
        )
    old_pipeline = _quote(await _pipeline(old_pipeline_id, names), uk)
    return (
        f" з {old_status} (воронка {old_pipeline}) до {new_status} (воронка {pipeline})"
        if uk
        else f" from {old_status} in {old_pipeline} to {new_status} in {pipeline}"
    )


def _message_line(fields: dict[str, FormNode], uk: bool) -> str:
    outgoing = fields.get("type") == "outgoing"
    author = fields.get("author")
    who = _quote(_text(author.get("name")) if isinstance(author, dict) else None, uk)
    text = _quote(_text(fields.get("text")), uk)
    if uk:
        line = "Вихідне повідомлення" if outgoing else "Вхідне повідомлення"
        line += f" від {who}" if who else ""
    else:
        line = "Outgoing message" if outgoing else "Incoming message"
        line += f" from {who}" if who else ""
    return f"{line}: {text}" if text else line


async def _pipeline(pipeline_id: int, names: StatusNameResolver | None) -> str:
    known = await names.pipeline_name(pipeline_id) if names else None
    return known or f"#{pipeline_id}"


async def _status(
    pipeline_id: int, status_id: int, uk: bool, names: StatusNameResolver | None
) -> str:
    known = await names.status_name(pipeline_id, status_id) if names else None
    if known:
        return known
    return _CLOSING_NAMES["uk" if uk else "en"].get(status_id, f"#{status_id}")


def _quote(text: str | None, uk: bool) -> str:
    if not text:
        return ""
    if len(text) > _NAME_LIMIT:
        text = text[: _NAME_LIMIT - 1] + "…"
    return f"«{text}»" if uk else f"“{text}”"


def _text(node: FormNode | None) -> str | None:
    return node.strip() if isinstance(node, str) and node.strip() else None


def _int(node: FormNode | None) -> int | None:
    text = _text(node)
    return int(text) if text and text.isascii() and text.isdigit() else None
