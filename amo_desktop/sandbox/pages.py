"""HTML the sandbox serves: the branded consent and error pages (templates in
``resources/sandbox/``) and the bare nginx pages amoCRM's edge answers with."""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from string import Template

from aiohttp import web

from amo_desktop.sandbox.models import Account, Integration

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "sandbox"

SCOPE_TEXTS = {
    "crm": "читати й змінювати угоди, контакти та компанії",
    "files": "читати файли облікового запису",
    "files_delete": "видаляти файли",
    "notifications": "надсилати сповіщення",
    "push_notifications": "надсилати push-сповіщення",
}

NGINX_REASONS = {
    301: "Moved Permanently",
    402: "Payment Required",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Temporarily Unavailable",
    504: "Gateway Time-out",
}


@cache
def _template(name: str) -> Template:
    return Template((RESOURCES / name).read_text(encoding="utf-8"))


@cache
def _css() -> str:
    return (RESOURCES / "sandbox.css").read_text(encoding="utf-8")


def consent_page(
    integration: Integration, account: Account, account_host: str, nonce: str
) -> web.Response:
    scopes = "\n".join(
        f"      <li>{html.escape(SCOPE_TEXTS.get(scope, scope))}</li>"
        for scope in integration.scopes
    )
    body = _template("consent.html").substitute(
        css=_css(),
        integration_name=html.escape(integration.name),
        account_name=html.escape(account.name),
        account_host=html.escape(account_host),
        account_id=account.id,
        scopes=scopes,
        nonce=html.escape(nonce),
    )
    return web.Response(text=body, content_type="text/html", charset="utf-8")


def error_page(status: int, title: str, message: str, message_en: str) -> web.Response:
    body = _template("error.html").substitute(
        css=_css(),
        title=html.escape(title),
        message=html.escape(message),
        message_en=html.escape(message_en),
    )
    return web.Response(status=status, text=body, content_type="text/html", charset="utf-8")


def nginx_page(status: int) -> web.Response:
    """What amo's front servers say for a wrong host, a WAF block or an outage."""
    reason = NGINX_REASONS.get(status, "Error")
    body = (
        f"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
        f"<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n"
        "</body>\r\n</html>\r\n"
    )
    return web.Response(status=status, text=body, content_type="text/html")
