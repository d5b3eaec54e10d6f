"""What amoCRM puts in a lead webhook, field by field, in the captured order (fact sheet 5.2)."""

from __future__ import annotations

from typing import Any

from amo_desktop.sandbox.leads import StatusChange
from amo_desktop.sandbox.models import Account, Lead

# event name -> (top-level key, action key) of the body
EVENT_SECTIONS = {
    "add_lead": ("leads", "add"),
    "update_lead": ("leads", "update"),
    "status_lead": ("leads", "status"),
}


def account_block(account: Account) -> dict[str, Any]:
    return {
        "subdomain": account.subdomain,
        "id": account.id,
        "_links": {"self": f"https://{account.subdomain}.{account.domain}"},
    }


def _custom_fields(lead: Lead) -> list[dict[str, Any]]:
    fields = []
    for entry in lead.custom_fields_values or []:
        field: dict[str, Any] = {"id": entry["field_id"], "name": entry["field_name"]}
        if entry.get("field_code"):
            field["code"] = entry["field_code"]
        values = []
        for value in entry["values"]:
            item: dict[str, Any] = {"value": value.get("value", "")}
            if "enum_id" in value:
                item["enum"] = value["enum_id"]
            values.append(item)
        field["values"] = values
        fields.append(field)
    return fields


def lead_entry(lead: Lead, account: Account, change: StatusChange | None = None) -> dict[str, Any]:
    """One ``leads[<action>][N]`` element. ``change`` adds ``old_status_id``/``old_pipeline_id``."""
    entry: dict[str, Any] = {"id": lead.id, "name": lead.name, "status_id": lead.status_id}
    if change is not None:
        entry["old_status_id"] = change.old_status_id
    entry.update(
        {
            "price": lead.price,
            "responsible_user_id": lead.responsible_user_id,
            "last_modified": lead.updated_at,
            "modified_user_id": lead.updated_by,
            "created_user_id": lead.created_by,
            "date_create": lead.created_at,
            "pipeline_id": lead.pipeline_id,
        }
    )
    if change is not None:
        entry["old_pipeline_id"] = change.old_pipeline_id
    entry["account_id"] = account.id
    custom_fields = _custom_fields(lead)
    if custom_fields:
        entry["custom_fields"] = custom_fields
    if lead.tags:
        entry["tags"] = [{"id": tag["id"], "name": tag["name"]} for tag in lead.tags]
    entry["created_at"] = lead.created_at
    entry["updated_at"] = lead.updated_at
    return entry


def webhook_body(account: Account, event: str, entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole body: the account block first, then ``leads[<action>][0..n]``."""
    entity, action = EVENT_SECTIONS[event]
    return {"account": account_block(account), entity: {action: entries}}
