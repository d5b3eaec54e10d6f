"""Splitting deliveries into events, and the one-line summaries in English and Ukrainian."""

from __future__ import annotations

import time
from pathlib import Path

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.models import Pipeline, Status
from amo_desktop.core.webhooks.events import AccountRef, Delivery, WebhookEvent, split_delivery
from amo_desktop.core.webhooks.summary import PipelineNames, summarize

PAYLOADS = Path(__file__).parent / "payloads"


def delivery(name: str, request_id: str = "req-1") -> Delivery:
    return Delivery(
        delivery_id=request_id,
        received_at=time.time(),
        remote="127.0.0.1",
        method="POST",
        path="/hook",
        query=(),
        headers=(("Content-Type", "application/x-www-form-urlencoded"),),
        body=(PAYLOADS / f"{name}.form").read_bytes().strip(),
    )


def only(events: list[WebhookEvent]) -> WebhookEvent:
    assert len(events) == 1
    return events[0]


def sales_pipeline() -> Pipeline:
    statuses = (
        Status(id=200, name="First contact", sort=10, type=0, color="#99ccff"),
        Status(id=142, name="Won", sort=10000, type=0, color="#CCFF66"),
    )
    return Pipeline(id=300, name="Sales", is_main=True, statuses=statuses)


def test_lead_add_becomes_one_add_lead_event_with_account() -> None:
    event = only(split_delivery(delivery("lead_add")))
    assert (event.entity, event.kind, event.action, event.name) == (
        "leads",
        "lead",
        "add",
        "add_lead",
    )
    assert event.entity_id == "32966269"
    assert event.account == AccountRef(id="32427762", subdomain="etesttask")
    assert event.fields["pipeline_id"] == "9621010"
    assert event.delivery_id == "req-1"


def test_contacts_split_into_contact_and_company_by_type() -> None:
    events = split_delivery(delivery("contact_update"))
    assert [(e.entity, e.kind, e.name, e.entity_id) for e in events] == [
        ("contacts", "contact", "update_contact", "37054081"),
        ("contacts", "company", "update_company", "37054099"),
    ]


def test_one_delivery_with_several_entities_keeps_unknown_ones() -> None:
    events = split_delivery(delivery("mixed_two_leads_and_status"))
    assert [(e.entity, e.action, e.entity_id) for e in events] == [
        ("leads", "add", "100"),
        ("leads", "add", "101"),
        ("leads", "status", "100"),
        ("unsorted", "delete", None),
        ("widget_thing", "something", None),
    ]
    assert events[-1].fields == {"value": "kept as is"}
    assert [e.index for e in events] == [0, 1, 2, 3, 4]


def test_note_and_message_events_find_their_entity() -> None:
    note = only(split_delivery(delivery("note_lead")))
    assert (note.name, note.entity_id) == ("note_lead", "32966269")
    message = only(split_delivery(delivery("message_add")))
    assert message.name == "add_message"


def test_foreign_account_is_flagged_only_when_known_and_different() -> None:
    mine = AccountRef(id="32427762", subdomain="etesttask")
    assert not only(split_delivery(delivery("lead_add"), mine)).foreign_account
    assert only(split_delivery(delivery("lead_add"), AccountRef(id="1"))).foreign_account
    other_sub = AccountRef(subdomain="ETESTTASK2")
    assert only(split_delivery(delivery("lead_add"), other_sub)).foreign_account
    assert not only(
        split_delivery(delivery("lead_add"), AccountRef(subdomain="ETestTask"))
    ).foreign_account


class CountingFetch:
    def __init__(self, pipelines: list[Pipeline], fail: bool = False) -> None:
        self.pipelines = pipelines
        self.calls = 0
        self.fail = fail

    async def __call__(self) -> list[Pipeline]:
        self.calls += 1
        if self.fail:
            raise AmoError(ErrorCode.NETWORK_ERROR)
        return self.pipelines


async def test_status_summary_in_both_languages_uses_pipeline_names() -> None:
    event = split_delivery(delivery("mixed_two_leads_and_status"))[2]
    names = PipelineNames(CountingFetch([sales_pipeline()]))
    event_named = WebhookEvent(
        **{**event.__dict__, "fields": {**event.fields, "name": "Ivan - Flat 3"}}
    )
    assert await summarize(event_named, "en", names) == (
        "Lead 100 “Ivan - Flat 3” moved from “First contact” to “Won” in “Sales”"
    )
    assert await summarize(event_named, "uk", names) == (
        "Угоду 100 «Ivan - Flat 3» переміщено з «First contact» до «Won» у воронці «Sales»"
    )


async def test_unknown_ids_fall_back_to_hash_and_142_is_won() -> None:
    event = split_delivery(delivery("mixed_two_leads_and_status"))[2]
    assert await summarize(event, "en") == "Lead 100 moved from “#200” to “Won” in “#300”"
    assert await summarize(event, "uk") == (
        "Угоду 100 переміщено з «#200» до «Успішно реалізовано» у воронці «#300»"
    )


async def test_other_summaries_read_naturally() -> None:
    add = only(split_delivery(delivery("lead_add")))
    assert await summarize(add, "en") == "New lead 32966269 “Test” in “#9621010”, stage “#76789230”"
    assert await summarize(add, "uk") == (
        "Нова угода 32966269 «Test» у воронці «#9621010», етап «#76789230»"
    )
    company = split_delivery(delivery("contact_update"))[1]
    assert await summarize(company, "en") == "Company 37054099 “ТОВ «Ромашка»” updated"
    assert await summarize(company, "uk") == "Компанію 37054099 «ТОВ «Ромашка»» змінено"
    note = only(split_delivery(delivery("note_lead")))
    assert await summarize(note, "uk") == (
        "До угоди 32966269 додано примітку: «Клієнт просить передзвонити»"
    )
    message = only(split_delivery(delivery("message_add")))
    assert await summarize(message, "en") == (
        "Incoming message from “Іван”: “Добрий день! Чи є квартира?”"
    )
    short = only(split_delivery(delivery("lead_status_short"), AccountRef(id="1")))
    assert (await summarize(short, "en")).endswith(" — from another account (drvorobjev)")


async def test_pipeline_names_are_cached_for_the_ttl_and_survive_a_failure() -> None:
    now = [0.0]
    fetch = CountingFetch([sales_pipeline()])
    names = PipelineNames(fetch, ttl=60, retry_after=10, clock=lambda: now[0])
    assert await names.status_name(300, 200) == "First contact"
    assert await names.pipeline_name(300) == "Sales"
    assert fetch.calls == 1
    now[0] = 61
    fetch.fail = True
    assert await names.pipeline_name(300) == "Sales"  # stale names beat no names
    assert fetch.calls == 2
    now[0] = 65
    assert await names.status_name(300, 999) is None
    assert fetch.calls == 2  # waits retry_after before asking again
