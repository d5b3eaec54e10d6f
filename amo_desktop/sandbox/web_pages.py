"""The sandbox's own web pages, where amo-desktop's "open in browser" links lead.

``GET /`` is the demo account's overview (its pipelines as a board of leads) and
``GET /leads/detail/{id}`` a lead's card, as on a real amoCRM account. Both are for the
account's own host (loopback, an IP, or ``demo.amocrm.ru`` through the routing transport);
``www`` and other accounts' hosts get amo's bare nginx 404, as for any page they don't serve.
Every value is HTML-escaped: lead names come from whoever called the API.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from functools import cache
from string import Template
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from aiohttp import web

from amo_desktop.sandbox.appkeys import STATE, current
from amo_desktop.sandbox.hosts import HostKind
from amo_desktop.sandbox.models import Lead, Pipeline, Status
from amo_desktop.sandbox.pages import RESOURCES, nginx_page
from amo_desktop.sandbox.state import SandboxState
from amo_desktop.sandbox.web_texts import TEXTS, PageTexts, page_texts

BOARD_PATH = "/"
LEAD_PATH = "/leads/detail/{lead_id}"
LEAD_ID = re.compile(r"[0-9]{1,18}")
# Status colours are account data; anything but a plain hex colour stays out of style="".
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")
NEUTRAL_COLOUR = "#c1c1c1"

routes = web.RouteTableDef()


@cache
def _template(name: str) -> Template:
    return Template((RESOURCES / name).read_text(encoding="utf-8"))


@cache
def _css() -> str:
    return "\n".join(
        (RESOURCES / name).read_text(encoding="utf-8") for name in ("sandbox.css", "web.css")
    )


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _colour(status: Status) -> str:
    return status.color if HEX_COLOUR.fullmatch(status.color) else NEUTRAL_COLOUR


def _price(amount: int, currency_symbol: str) -> str:
    grouped = f"{amount:,}".replace(",", "\u00a0")  # a no-break space groups thousands
    return f"{grouped}\u00a0{currency_symbol}"


def _moment(timestamp: int, timezone: str) -> str:
    try:
        zone: tzinfo = ZoneInfo(timezone)
    except ZoneInfoNotFoundError:  # a system without tz data still shows a time
        zone, timezone = UTC, "UTC"
    moment = datetime.fromtimestamp(timestamp, zone)
    return f"{moment:%Y-%m-%d %H:%M} ({timezone})"


def _newest_first(leads: Iterable[Lead]) -> list[Lead]:
    return sorted(leads, key=lambda lead: (lead.created_at, lead.id), reverse=True)


class _Links:
    """Hrefs between the pages; a language picked by ``?lang=`` travels along."""

    def __init__(self, request: web.Request, texts: PageTexts) -> None:
        self._texts = texts
        self._sticky = request.query.get("lang", "").strip().lower() in TEXTS

    def _with_language(self, path: str, language: str | None) -> str:
        return f"{path}?{urlencode({'lang': language})}" if language else path

    def board(self) -> str:
        return self._with_language(BOARD_PATH, self._texts.language if self._sticky else None)

    def lead(self, lead_id: int) -> str:
        path = LEAD_PATH.format(lead_id=lead_id)
        return self._with_language(path, self._texts.language if self._sticky else None)

    def other_language(self, path: str) -> str:
        return self._with_language(path, self._texts.other_language)


def _page(body: str, texts: PageTexts, status: int = 200) -> web.Response:
    response = web.Response(status=status, text=body, content_type="text/html", charset="utf-8")
    response.headers["Content-Language"] = texts.language
    response.headers["Vary"] = "Accept-Language"
    response.headers["Cache-Control"] = "no-store"  # a reload shows leads created since
    return response


def _common(texts: PageTexts) -> dict[str, str]:
    return {
        "css": _css(),
        "lang": texts.language,
        "ribbon": _e(texts.ribbon),
        "title_suffix": _e(texts.title_suffix),
        "other_language": texts.other_language,
        "other_language_name": _e(texts.other_language_name),
        "back_to_board": _e(texts.back_to_board),
    }


# --- the board ---------------------------------------------------------------------------


def _lead_item(lead: Lead, currency_symbol: str, links: _Links) -> str:
    href = _e(links.lead(lead.id))
    return (
        f'<li class="lead-item" data-lead-id="{lead.id}">'
        f'<a class="lead-name" href="{href}">{_e(lead.name)}</a>'
        f'<span class="lead-meta"><span>{_e(_price(lead.price, currency_symbol))}</span>'
        f'<a class="lead-id" href="{href}">#{lead.id}</a></span></li>'
    )


def _column(
    status: Status, leads: list[Lead], currency_symbol: str, texts: PageTexts, links: _Links
) -> str:
    if leads:
        items = "".join(_lead_item(lead, currency_symbol, links) for lead in leads)
        body = f"<ol>{items}</ol>"
    else:
        body = f'<p class="empty">{_e(texts.no_leads_in_status)}</p>'
    return (
        f'<div class="column" data-status-id="{status.id}" '
        f'style="--status-color: {_colour(status)}">'
        f'<h3><span class="status-name">{_e(status.name)}</span>'
        f'<span class="count">{len(leads)}</span></h3>{body}</div>'
    )


def _pipeline_section(
    pipeline: Pipeline,
    leads_by_status: dict[int, list[Lead]],
    currency_symbol: str,
    texts: PageTexts,
    links: _Links,
) -> str:
    statuses = sorted(pipeline.statuses, key=lambda status: status.sort)
    columns = "".join(
        _column(status, leads_by_status.get(status.id, []), currency_symbol, texts, links)
        for status in statuses
    )
    total = sum(len(leads) for leads in leads_by_status.values())
    main = f'<span class="tag">{_e(texts.main_pipeline)}</span>' if pipeline.is_main else ""
    count = _e(texts.leads_count.format(count=total))
    return (
        f'  <section class="panel pipeline" data-pipeline-id="{pipeline.id}">\n'
        f'    <div class="pipeline-head"><h2>{_e(pipeline.name)}</h2>{main}'
        f'<span class="muted">{count}</span></div>\n'
        f'    <div class="board">{columns}</div>\n'
        "  </section>"
    )


def _board_sections(state: SandboxState, texts: PageTexts, links: _Links) -> str:
    placed: dict[int, dict[int, list[Lead]]] = defaultdict(lambda: defaultdict(list))
    for lead in _newest_first(state.leads.all()):
        placed[lead.pipeline_id][lead.status_id].append(lead)
    symbol = state.account.currency_symbol
    return "\n".join(
        _pipeline_section(pipeline, placed[pipeline.id], symbol, texts, links)
        for pipeline in sorted(state.pipelines, key=lambda pipeline: pipeline.sort)
    )


@routes.get(BOARD_PATH)
async def board(request: web.Request) -> web.StreamResponse:
    if current().host.kind is not HostKind.ACCOUNT:
        return nginx_page(404)
    state = request.app[STATE]
    texts = page_texts(request)
    links = _Links(request, texts)
    account = state.account
    integration = state.demo_integration
    empty_hint = (
        ""
        if len(state.leads)
        else f'  <p class="note" id="no-leads">{_e(texts.no_leads_at_all)}</p>'
    )
    body = _template("board.html").substitute(
        _common(texts),
        other_language_href=_e(links.other_language(BOARD_PATH)),
        account_name=_e(account.name),
        account_host=_e(f"{account.subdomain}.{current().host.domain}"),
        account_id_label=_e(texts.account_id),
        account_id=account.id,
        sandbox_note=_e(texts.sandbox_note),
        integration_heading=_e(texts.integration_heading),
        client_id_label=_e(texts.client_id),
        client_id=_e(integration.client_id),
        redirect_uri_label=_e(texts.redirect_uri),
        redirect_uri=_e(integration.redirect_uri),
        hidden_key_note=_e(texts.hidden_key_note),
        empty_hint=empty_hint,
        pipelines=_board_sections(state, texts, links),
    )
    return _page(body, texts)


# --- the lead card -----------------------------------------------------------------------


def _row(label: str, value: str, element_id: str) -> str:
    return f'      <dt>{_e(label)}</dt>\n      <dd id="{element_id}">{_e(value)}</dd>'


def _lead_card(state: SandboxState, lead: Lead, texts: PageTexts, links: _Links) -> str:
    pipeline = next((p for p in state.pipelines if p.id == lead.pipeline_id), None)
    status = pipeline.status(lead.status_id) if pipeline else None
    user = next((u for u in state.users if u.id == lead.responsible_user_id), None)
    timezone = state.account.timezone
    return _template("lead.html").substitute(
        _common(texts),
        other_language_href=_e(links.other_language(LEAD_PATH.format(lead_id=lead.id))),
        lead_label=_e(texts.lead),
        lead_id=lead.id,
        lead_name=_e(lead.name),
        price_label=_e(texts.price),
        price=_e(_price(lead.price, state.account.currency_symbol)),
        pipeline_label=_e(texts.pipeline),
        pipeline_name=_e(pipeline.name if pipeline else f"#{lead.pipeline_id}"),
        status_label=_e(texts.status),
        status_color=_colour(status) if status else NEUTRAL_COLOUR,
        status_name=_e(status.name if status else f"#{lead.status_id}"),
        responsible=_row(texts.responsible, user.name, "lead-responsible") if user else "",
        created_label=_e(texts.created),
        created=_e(_moment(lead.created_at, timezone)),
        updated_label=_e(texts.updated),
        updated=_e(_moment(lead.updated_at, timezone)),
        closed=(
            _row(texts.closed, _moment(lead.closed_at, timezone), "lead-closed")
            if lead.closed_at is not None
            else ""
        ),
        board_href=_e(links.board()),
    )


def _missing_lead(raw_id: str, texts: PageTexts, links: _Links) -> str:
    return _template("lead_missing.html").substitute(
        _common(texts),
        other_language_href=_e(
            links.other_language(LEAD_PATH.format(lead_id=quote(raw_id, safe="")))
        ),
        title=_e(texts.not_found_title),
        message=_e(texts.not_found_message.format(lead_id=raw_id)),
        board_href=_e(links.board()),
    )


@routes.get(LEAD_PATH)
async def lead_detail(request: web.Request) -> web.StreamResponse:
    if current().host.kind is not HostKind.ACCOUNT:
        return nginx_page(404)
    state = request.app[STATE]
    texts = page_texts(request)
    links = _Links(request, texts)
    raw_id = request.match_info["lead_id"]
    lead = state.leads.get(int(raw_id)) if LEAD_ID.fullmatch(raw_id) else None
    if lead is None:
        return _page(_missing_lead(raw_id, texts, links), texts, status=404)
    return _page(_lead_card(state, lead, texts, links), texts)
