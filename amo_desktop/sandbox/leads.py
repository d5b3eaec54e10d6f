"""Lead creation and updates with amoCRM's validation rules (fact sheet 4.1-4.3)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from amo_desktop.sandbox.models import (
    LOST_STATUS_ID,
    WON_STATUS_ID,
    CustomField,
    Lead,
    Pipeline,
)

NOT_A_CHOICE = "The value you selected is not a valid choice."


@dataclass
class FieldError:
    code: str
    path: str
    detail: str

    def as_json(self) -> dict[str, str]:
        return {"code": self.code, "path": self.path, "detail": self.detail}


@dataclass
class StatusChange:
    lead: Lead
    old_status_id: int
    old_pipeline_id: int


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class LeadRules:
    """Checks one input element against the account's pipelines, users and fields."""

    def __init__(
        self,
        pipelines: Sequence[Pipeline],
        user_ids: set[int],
        custom_fields: Sequence[CustomField],
    ) -> None:
        self._pipelines = pipelines
        self._user_ids = user_ids
        self._fields = {f.id: f for f in custom_fields}

    def main_pipeline(self) -> Pipeline:
        return next(p for p in self._pipelines if p.is_main)

    def pipeline(self, pipeline_id: int) -> Pipeline | None:
        return next((p for p in self._pipelines if p.id == pipeline_id), None)

    def check(self, element: object, *, updating: bool) -> list[FieldError]:
        if not isinstance(element, dict):
            return [FieldError("InvalidType", "", "This value should be of type object.")]
        errors: list[FieldError] = []
        if "name" in element and not isinstance(element["name"], str):
            errors.append(FieldError("InvalidType", "name", "This value should be of type string."))
        for key in (
            "price",
            "status_id",
            "pipeline_id",
            "responsible_user_id",
            "created_by",
            "updated_by",
            "created_at",
            "updated_at",
            "loss_reason_id",
        ):
            if key in element and element[key] is not None and not _is_int(element[key]):
                errors.append(FieldError("InvalidType", key, "This value should be of type int."))
        if updating and not _is_int(element.get("id")):
            errors.append(FieldError("NotBlank", "id", "This value should not be blank."))
        if _is_int(element.get("responsible_user_id")) and (
            element["responsible_user_id"] not in self._user_ids
        ):
            errors.append(FieldError("NotSupportedChoice", "responsible_user_id", NOT_A_CHOICE))
        errors.extend(self._check_custom_fields(element.get("custom_fields_values")))
        return errors

    def placement(
        self, element: dict[str, Any], current: tuple[int, int] | None
    ) -> tuple[tuple[int, int] | None, list[FieldError]]:
        """Where a lead lands: (pipeline_id, status_id), or errors.

        Without ``pipeline_id`` a regular status is found in whichever pipeline owns it
        (status ids are unique per account except 142/143, which stay in the current or the
        main pipeline). Without ``status_id`` the lead goes to the pipeline's first stage.
        """
        pipeline_id = element["pipeline_id"] if _is_int(element.get("pipeline_id")) else None
        status_id = element["status_id"] if _is_int(element.get("status_id")) else None
        if pipeline_id is None and status_id is None:
            if current is not None:
                return current, []
            main = self.main_pipeline()
            return (main.id, main.first_regular_status().id), []
        if pipeline_id is not None:
            pipeline = self.pipeline(pipeline_id)
            if pipeline is None:
                return None, [FieldError("NotSupportedChoice", "pipeline_id", NOT_A_CHOICE)]
        else:
            assert status_id is not None
            pipeline = self._pipeline_owning(status_id, current)
            if pipeline is None:
                return None, [FieldError("NotSupportedChoice", "status_id", NOT_A_CHOICE)]
        if status_id is None:
            return (pipeline.id, pipeline.first_regular_status().id), []
        if pipeline.status(status_id) is None:
            return None, [FieldError("NotSupportedChoice", "status_id", NOT_A_CHOICE)]
        return (pipeline.id, status_id), []

    def custom_field(self, field_id: int) -> CustomField | None:
        return self._fields.get(field_id)

    def _pipeline_owning(self, status_id: int, current: tuple[int, int] | None) -> Pipeline | None:
        if status_id in (WON_STATUS_ID, LOST_STATUS_ID):
            return self.pipeline(current[0]) if current else self.main_pipeline()
        return next((p for p in self._pipelines if p.status(status_id) is not None), None)

    def _check_custom_fields(self, values: object) -> list[FieldError]:
        if values is None:
            return []
        if not isinstance(values, list):
            return [
                FieldError(
                    "InvalidType", "custom_fields_values", "This value should be of type array."
                )
            ]
        errors: list[FieldError] = []
        for index, entry in enumerate(values):
            path = f"custom_fields_values.{index}"
            if not isinstance(entry, dict):
                errors.append(
                    FieldError("InvalidType", path, "This value should be of type object.")
                )
                continue
            if entry.get("field_id") not in self._fields:
                errors.append(FieldError("NotSupportedChoice", f"{path}.field_id", NOT_A_CHOICE))
            field_values = entry.get("values")
            if not isinstance(field_values, list) or not field_values:
                errors.append(
                    FieldError(
                        "InvalidType", f"{path}.values", "This value should be of type array."
                    )
                )
        return errors


class LeadStore:
    """The account's leads, with ids that grow like amo's."""

    def __init__(self, rules: LeadRules, account_id: int, now: Callable[[], int]) -> None:
        self.rules = rules
        self._account_id = account_id
        self._now = now
        self._leads: dict[int, Lead] = {}
        self._next_id = 40_000_001

    def get(self, lead_id: int) -> Lead | None:
        return self._leads.get(lead_id)

    def all(self) -> list[Lead]:
        return sorted(self._leads.values(), key=lambda lead: lead.id)

    def __len__(self) -> int:
        return len(self._leads)

    def validate_new(self, element: object) -> list[FieldError]:
        errors = self.rules.check(element, updating=False)
        if not errors and isinstance(element, dict):
            errors = self.rules.placement(element, None)[1]
        return errors

    def validate_update(self, element: object) -> list[FieldError]:
        errors = self.rules.check(element, updating=True)
        if errors or not isinstance(element, dict):
            return errors
        lead = self._leads.get(element["id"])
        if lead is None:
            return [FieldError("NotFound", "id", "Entity not found")]
        return self.rules.placement(element, (lead.pipeline_id, lead.status_id))[1]

    def create(self, element: dict[str, Any], acting_user_id: int) -> Lead:
        placement, _ = self.rules.placement(element, None)
        assert placement is not None, "validate_new() first"
        now = self._now()
        created_by = element.get("created_by", acting_user_id)
        lead = Lead(
            id=self._next_id,
            name=element.get("name") or f"Угода #{self._next_id}",
            price=element.get("price") or 0,
            pipeline_id=placement[0],
            status_id=placement[1],
            responsible_user_id=element.get("responsible_user_id", acting_user_id),
            created_by=created_by,
            updated_by=element.get("updated_by", created_by),
            created_at=element.get("created_at", now),
            updated_at=element.get("updated_at", now),
            custom_fields_values=self._stored_fields(element.get("custom_fields_values")),
            tags=self._tags(element),
        )
        if lead.status_id in (WON_STATUS_ID, LOST_STATUS_ID):
            lead.closed_at = lead.updated_at
        self._next_id += 2  # amo ids are not consecutive either
        self._leads[lead.id] = lead
        return lead

    def update(
        self, element: dict[str, Any], acting_user_id: int
    ) -> tuple[Lead, StatusChange | None]:
        lead = self._leads[element["id"]]
        placement, _ = self.rules.placement(element, (lead.pipeline_id, lead.status_id))
        assert placement is not None, "validate_update() first"
        old = (lead.pipeline_id, lead.status_id)
        if "name" in element:
            lead.name = element["name"]
        for key in ("price", "responsible_user_id", "loss_reason_id"):
            if key in element:
                setattr(lead, key, element[key])
        if "custom_fields_values" in element:
            lead.custom_fields_values = self._stored_fields(element["custom_fields_values"])
        lead.pipeline_id, lead.status_id = placement
        lead.updated_by = element.get("updated_by", acting_user_id)
        lead.updated_at = element.get("updated_at", self._now())
        change = None
        if placement != old:
            change = StatusChange(lead, old_status_id=old[1], old_pipeline_id=old[0])
            closing = lead.status_id in (WON_STATUS_ID, LOST_STATUS_ID)
            lead.closed_at = lead.updated_at if closing else None
        return lead, change

    def _stored_fields(self, values: object) -> list[dict[str, Any]] | None:
        # GET answers carry the field's name/code/type; `null`, not [], when nothing is set.
        if not isinstance(values, list) or not values:
            return None
        stored = []
        for entry in values:
            field = self.rules.custom_field(entry["field_id"])
            assert field is not None
            stored.append(
                {
                    "field_id": field.id,
                    "field_name": field.name,
                    "field_code": field.code,
                    "field_type": field.type,
                    "values": [dict(v) for v in entry["values"]],
                }
            )
        return stored

    def _tags(self, element: dict[str, Any]) -> list[dict[str, Any]]:
        embedded = element.get("_embedded")
        raw = embedded.get("tags") if isinstance(embedded, dict) else None
        if not isinstance(raw, list):
            return []
        tags = []
        for index, tag in enumerate(raw):
            if isinstance(tag, dict):
                name = str(tag.get("name", f"tag-{tag.get('id', index)}"))
                tags.append({"id": tag.get("id", 90_000 + index), "name": name})
        return tags

    def as_json(self, lead: Lead, base: str) -> dict[str, Any]:
        return {
            "id": lead.id,
            "name": lead.name,
            "price": lead.price,
            "responsible_user_id": lead.responsible_user_id,
            "group_id": 0,
            "status_id": lead.status_id,
            "pipeline_id": lead.pipeline_id,
            "loss_reason_id": lead.loss_reason_id,
            "created_by": lead.created_by,
            "updated_by": lead.updated_by,
            "created_at": lead.created_at,
            "updated_at": lead.updated_at,
            "closed_at": lead.closed_at,
            "closest_task_at": None,
            "is_deleted": False,
            "custom_fields_values": lead.custom_fields_values,
            "score": None,
            "account_id": self._account_id,
            "labor_cost": None,
            "_links": {"self": {"href": f"{base}/api/v4/leads/{lead.id}"}},
            "_embedded": {"tags": list(lead.tags), "companies": []},
        }
