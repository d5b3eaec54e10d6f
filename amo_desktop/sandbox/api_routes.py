"""API v4: account, pipelines and leads (fact sheet 2-4, checklist 10.3-10.8).

The middleware has already checked the host, the bearer token and the rate limit.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from amo_desktop.sandbox.appkeys import DELIVERY, STATE, current
from amo_desktop.sandbox.hosts import account_origin
from amo_desktop.sandbox.leads import FieldError, StatusChange
from amo_desktop.sandbox.models import Lead, Pipeline, Status
from amo_desktop.sandbox.problems import hal, invalid_type, problem, validation_failed
from amo_desktop.sandbox.requests_json import EMPTY, BadBody, read_json
from amo_desktop.sandbox.state import SandboxState
from amo_desktop.sandbox.webhook_payloads import lead_entry

MAX_BATCH = 250
DEFAULT_PAGE_SIZE = 50

routes = web.RouteTableDef()


def base_url(request: web.Request) -> str:
    return account_origin(request.app[STATE].account, current().host)


def no_content() -> web.Response:
    return web.Response(status=204)


def _with(request: web.Request) -> set[str]:
    return {part.strip() for part in request.query.get("with", "").split(",") if part.strip()}


# --- account -------------------------------------------------------------------------


@routes.get("/api/v4/account")
async def account(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    acc = state.account
    extras = _with(request)
    body: dict[str, Any] = {
        "id": acc.id,
        "name": acc.name,
        "subdomain": acc.subdomain,
        "created_at": acc.created_at,
        "created_by": 0,
        "updated_at": acc.created_at,
        "updated_by": 0,
        "current_user_id": acc.current_user_id,
        "country": acc.country,
        "currency": acc.currency,
        "currency_symbol": acc.currency_symbol,
        "customers_mode": "disabled",
        "is_unsorted_on": True,
        "mobile_feature_version": 0,
        "is_loss_reason_enabled": True,
        "is_helpbot_enabled": False,
        "is_technical_account": False,
        "contact_name_display_order": 1,
    }
    if "amojo_id" in extras:
        body["amojo_id"] = acc.amojo_id
    if "uuid" in extras:
        body["uuid"] = acc.uuid
    if "version" in extras:
        body["version"] = 15
    if "drive_url" in extras:
        body["drive_url"] = f"https://drive-b.{acc.domain}"
    if "is_api_filter_enabled" in extras:
        body["is_api_filter_enabled"] = True
    body["_links"] = {"self": {"href": f"{base_url(request)}/api/v4/account"}}
    embedded: dict[str, Any] = {}
    if "amojo_rights" in extras:
        embedded["amojo_rights"] = {"can_direct": True, "can_create_groups": True}
    if "users_groups" in extras:
        embedded["users_groups"] = [{"id": 0, "name": "Відділ продажів", "uuid": None}]
    if "task_types" in extras:
        embedded["task_types"] = [
            {"id": 1, "name": "Зв'язатися", "color": None, "icon_id": None, "code": "FOLLOW_UP"},
            {"id": 2, "name": "Зустріч", "color": None, "icon_id": None, "code": "MEETING"},
        ]
    if "datetime_settings" in extras:
        embedded["datetime_settings"] = {
            "date_pattern": "d.m.Y H:i",
            "short_date_pattern": "d.m.Y",
            "short_time_pattern": "H:i",
            "date_format": "d.m.Y",
            "time_format": "H:i:s",
            "timezone": acc.timezone,
            "timezone_offset": "+02:00",
        }
    if embedded:
        body["_embedded"] = embedded
    return hal(body)


# --- pipelines -----------------------------------------------------------------------


def _status_json(
    status: Status, pipeline: Pipeline, state: SandboxState, base: str
) -> dict[str, Any]:
    return {
        "id": status.id,
        "name": status.name,
        "sort": status.sort,
        "is_editable": status.is_editable,
        "pipeline_id": pipeline.id,
        "color": status.color,
        "type": status.type,
        "account_id": state.account.id,
        "_links": {
            "self": {"href": f"{base}/api/v4/leads/pipelines/{pipeline.id}/statuses/{status.id}"}
        },
    }


def _pipeline_json(pipeline: Pipeline, state: SandboxState, base: str) -> dict[str, Any]:
    return {
        "id": pipeline.id,
        "name": pipeline.name,
        "sort": pipeline.sort,
        "is_main": pipeline.is_main,
        "is_unsorted_on": pipeline.is_unsorted_on,
        "is_archive": pipeline.is_archive,
        "account_id": state.account.id,
        "_links": {"self": {"href": f"{base}/api/v4/leads/pipelines/{pipeline.id}"}},
        "_embedded": {
            "statuses": [_status_json(s, pipeline, state, base) for s in pipeline.statuses]
        },
    }


def _pipeline_or_404(request: web.Request) -> Pipeline:
    pipeline = request.app[STATE].leads.rules.pipeline(int(request.match_info["pipeline_id"]))
    if pipeline is None:
        raise web.HTTPNotFound()
    return pipeline


@routes.get("/api/v4/leads/pipelines")
async def pipelines(request: web.Request) -> web.StreamResponse:
    state, base = request.app[STATE], base_url(request)
    return hal(
        {
            "_total_items": len(state.pipelines),
            "_links": {"self": {"href": f"{base}/api/v4/leads/pipelines"}},
            "_embedded": {"pipelines": [_pipeline_json(p, state, base) for p in state.pipelines]},
        }
    )


@routes.get(r"/api/v4/leads/pipelines/{pipeline_id:\d+}")
async def pipeline(request: web.Request) -> web.StreamResponse:
    return hal(_pipeline_json(_pipeline_or_404(request), request.app[STATE], base_url(request)))


@routes.get(r"/api/v4/leads/pipelines/{pipeline_id:\d+}/statuses")
async def statuses(request: web.Request) -> web.StreamResponse:
    found, state, base = _pipeline_or_404(request), request.app[STATE], base_url(request)
    return hal(
        {
            "_total_items": len(found.statuses),
            "_links": {"self": {"href": f"{base}/api/v4/leads/pipelines/{found.id}/statuses"}},
            "_embedded": {
                "statuses": [_status_json(s, found, state, base) for s in found.statuses]
            },
        }
    )


@routes.get(r"/api/v4/leads/pipelines/{pipeline_id:\d+}/statuses/{status_id:\d+}")
async def status(request: web.Request) -> web.StreamResponse:
    found = _pipeline_or_404(request)
    one = found.status(int(request.match_info["status_id"]))
    if one is None:
        raise web.HTTPNotFound()
    return hal(_status_json(one, found, request.app[STATE], base_url(request)))


# --- leads ---------------------------------------------------------------------------


def _request_id(element: object, index: int) -> str:
    given = element.get("request_id") if isinstance(element, dict) else None
    return str(given) if given is not None else str(index)


def _batch_errors(elements: list[Any], check: Any) -> list[dict[str, Any]]:
    failures = []
    for index, element in enumerate(elements):
        errors: list[FieldError] = check(element)
        if errors:
            failures.append(
                {"request_id": _request_id(element, index), "errors": [e.as_json() for e in errors]}
            )
    return failures


async def _batch_body(request: web.Request) -> list[Any] | web.Response:
    try:
        data = await read_json(request)
    except BadBody:
        return problem(400, "Request body is not valid JSON")
    if data is EMPTY or data in ([], {}):
        return problem(400, "Request data can not be empty")
    if not isinstance(data, list):
        return invalid_type("array")
    if len(data) > MAX_BATCH:
        return problem(422, f"Limit {MAX_BATCH} per page")
    return data


def _publish_updates(request: web.Request, updated: list[tuple[Lead, StatusChange | None]]) -> None:
    state, delivery = request.app[STATE], request.app[DELIVERY]
    delivery.publish(
        "update_lead", [lead_entry(lead, state.account, change) for lead, change in updated]
    )
    delivery.publish(
        "status_lead",
        [
            lead_entry(change.lead, state.account, change)
            for _, change in updated
            if change is not None
        ],
    )


@routes.post("/api/v4/leads")
async def create_leads(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    data = await _batch_body(request)
    if isinstance(data, web.Response):
        return data
    failures = _batch_errors(data, state.leads.validate_new)
    if failures:
        return validation_failed(failures)
    acting_user = state.account.current_user_id
    created = [state.leads.create(element, acting_user) for element in data]
    request.app[DELIVERY].publish("add_lead", [lead_entry(lead, state.account) for lead in created])
    base = base_url(request)
    return hal(
        {
            "_links": {"self": {"href": f"{base}/api/v4/leads"}},
            "_embedded": {
                "leads": [
                    {
                        "id": lead.id,
                        "request_id": _request_id(element, index),
                        "_links": {"self": {"href": f"{base}/api/v4/leads/{lead.id}"}},
                    }
                    for index, (lead, element) in enumerate(zip(created, data, strict=True))
                ]
            },
        }
    )


@routes.patch("/api/v4/leads")
async def update_leads(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    data = await _batch_body(request)
    if isinstance(data, web.Response):
        return data
    failures = _batch_errors(data, state.leads.validate_update)
    if failures:
        return validation_failed(failures)
    acting_user = state.account.current_user_id
    updated = [state.leads.update(element, acting_user) for element in data]
    _publish_updates(request, updated)
    base = base_url(request)
    return hal(
        {
            "_links": {"self": {"href": f"{base}/api/v4/leads"}},
            "_embedded": {
                "leads": [
                    {
                        "id": lead.id,
                        "updated_at": lead.updated_at,
                        "request_id": _request_id(element, index),
                        "_links": {"self": {"href": f"{base}/api/v4/leads/{lead.id}"}},
                    }
                    for index, ((lead, _), element) in enumerate(zip(updated, data, strict=True))
                ]
            },
        }
    )


@routes.patch(r"/api/v4/leads/{lead_id:\d+}")
async def update_lead(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    try:
        element = await read_json(request)
    except BadBody:
        return problem(400, "Request body is not valid JSON")
    if element is EMPTY or element == {}:
        return problem(400, "Request data can not be empty")
    if isinstance(element, dict):
        element = {**element, "id": int(request.match_info["lead_id"])}
    failures = _batch_errors([element], state.leads.validate_update)
    if failures:
        return validation_failed(failures)
    lead, change = state.leads.update(element, state.account.current_user_id)
    _publish_updates(request, [(lead, change)])
    body: dict[str, Any] = {"id": lead.id, "updated_at": lead.updated_at}
    if "request_id" in element:
        body["request_id"] = str(element["request_id"])
    body["_links"] = {"self": {"href": f"{base_url(request)}/api/v4/leads/{lead.id}"}}
    return hal(body)


@routes.get(r"/api/v4/leads/{lead_id:\d+}")
async def get_lead(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    lead = state.leads.get(int(request.match_info["lead_id"]))
    if lead is None:
        return no_content()
    body = state.leads.as_json(lead, base_url(request))
    if "contacts" in _with(request):
        body["_embedded"]["contacts"] = []
    return hal(body)


def _positive_int(text: str | None, default: int) -> int:
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return value if value > 0 else default


@routes.get("/api/v4/leads")
async def list_leads(request: web.Request) -> web.StreamResponse:
    state, query = request.app[STATE], request.query
    page = _positive_int(query.get("page"), 1)
    limit = min(_positive_int(query.get("limit"), DEFAULT_PAGE_SIZE), MAX_BATCH)
    leads = state.leads.all()
    wanted_ids = {
        int(v)
        for v in query.getall("filter[id][]", []) + query.getall("filter[id]", [])
        if v.isdigit()
    }
    if wanted_ids:
        leads = [lead for lead in leads if lead.id in wanted_ids]
    if search := query.get("query"):
        leads = [lead for lead in leads if search.lower() in lead.name.lower()]
    for key in ("id", "created_at", "updated_at"):
        direction = query.get(f"order[{key}]")
        if direction in ("asc", "desc"):
            leads.sort(key=attrgetter(key), reverse=direction == "desc")
    chunk = leads[(page - 1) * limit : page * limit]
    if not chunk:
        return no_content()
    base = base_url(request)

    def page_link(number: int) -> dict[str, str]:
        params = [(k, v) for k, v in query.items() if k not in ("page", "limit")]
        params += [("limit", str(limit)), ("page", str(number))]
        return {"href": f"{base}/api/v4/leads?{urlencode(params)}"}

    links = {"self": page_link(page)}
    if page * limit < len(leads):
        links["next"] = page_link(page + 1)
    return hal(
        {
            "_page": page,
            "_links": links,
            "_embedded": {"leads": [state.leads.as_json(lead, base) for lead in chunk]},
        }
    )
