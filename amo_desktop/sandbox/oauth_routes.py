"""The consent page (``/oauth``) and the token endpoint (``/oauth2/access_token``).

Fact sheet 1.2-1.6 and checklist 10.1-10.2.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from aiohttp import web

from amo_desktop.sandbox.appkeys import CONSENTS, STATE, PendingConsent, current
from amo_desktop.sandbox.hosts import HostKind, RequestHost
from amo_desktop.sandbox.pages import consent_page, error_page, nginx_page
from amo_desktop.sandbox.problems import oauth_problem, unauthorized
from amo_desktop.sandbox.requests_json import BadBody, read_json_or_form
from amo_desktop.sandbox.state import OAuthLanguage, SandboxState
from amo_desktop.sandbox.tokens import OAuthProblem, ProblemKind

# league/oauth2-server's title and detail per error type: amo's Russian (fact sheet 1.6), and
# the English that Kommo probably sends (unconfirmed; league's own English words).
PROBLEM_WORDS: dict[OAuthLanguage, dict[ProblemKind, tuple[str, str]]] = {
    "ru": {
        "invalid_request": (
            "Некорректный запрос",
            "В запросе отсутствует ряд параметров или параметры невалидны",
        ),
        "invalid_client": ("Некорректный клиент", "Авторизация клиента не прошла"),
    },
    "en": {
        "invalid_request": (
            "Bad request",
            "The request is missing a required parameter, includes an invalid parameter "
            "value, includes a parameter more than once, or is otherwise malformed.",
        ),
        "invalid_client": ("Invalid client", "Client authentication failed"),
    },
}

routes = web.RouteTableDef()


def _redirect_to(base: str, params: list[tuple[str, str]]) -> str:
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}{urlencode(params)}"


@routes.get("/oauth")
async def consent(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    integration = state.integration(request.query.get("client_id"))
    if integration is None:
        return error_page(
            400,
            "Інтеграцію не знайдено",
            "Посилання містить невідомий client_id. Перевірте ID інтеграції в налаштуваннях.",
            "The link carries an unknown client_id. Check the integration ID in the settings.",
        )
    host = current().host
    # The referer names the account on the platform, even when the sandbox is on loopback.
    account_host = f"{state.account.subdomain}.{host.domain}"
    nonce = secrets.token_urlsafe(24)
    request.app[CONSENTS][nonce] = PendingConsent(
        client_id=integration.client_id,
        state=request.query.get("state"),
        referer=account_host,
        platform=host.platform_number,
    )
    return consent_page(integration, state.account, account_host, nonce)


@routes.post("/oauth/decision")
async def decision(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    pending = request.app[CONSENTS].pop(str(form.get("nonce", "")), None)
    state = request.app[STATE]
    integration = state.integration(pending.client_id) if pending else None
    if pending is None or integration is None:
        return error_page(
            400,
            "Сторінка застаріла",
            "Відкрийте посилання для авторизації ще раз.",
            "This page has expired. Open the authorization link again.",
        )
    if form.get("decision") == "allow":
        params = [("code", state.issue_authorization_code(integration))]
        if pending.state is not None:
            params.append(("state", pending.state))
        params += [
            ("referer", pending.referer),
            ("platform", str(pending.platform)),
            ("client_id", integration.client_id),
        ]
    else:
        params = [("error", "access_denied"), ("client_id", integration.client_id)]
        if pending.state is not None:
            params.append(("state", pending.state))
    return web.Response(
        status=302, headers={"Location": _redirect_to(integration.redirect_uri, params)}
    )


@routes.get("/oauth2/account/current/subdomain")
async def account_subdomain(request: web.Request) -> web.StreamResponse:
    """Which account a refresh token belongs to (asked on the shared ``api_domain`` host,
    e.g. after a subdomain rename; fact sheet 1.8)."""
    state = request.app[STATE]
    pair = state.tokens.live_refresh_pair(request.headers.get("X-Refresh-Token", ""))
    if pair is None:
        return unauthorized()
    account = state.account
    return web.json_response(
        {
            "id": account.id,
            "subdomain": account.subdomain,
            "domain": f"{account.subdomain}.{account.domain}",
            "top_level_domain": account.domain.rsplit(".", 1)[1],
        }
    )


@routes.post("/oauth2/access_token")
async def access_token(request: web.Request) -> web.StreamResponse:
    host = current().host
    if host.kind is HostKind.PORTAL:
        return nginx_page(404)
    try:
        return await _grant(request, host)
    except OAuthProblem as problem:
        language = request.app[STATE].oauth_language_for(host.domain)
        title, detail = PROBLEM_WORDS[language][problem.kind]
        return oauth_problem(problem.status, title, detail, problem.hint)


def _client_rejected(state: SandboxState, hint: str) -> OAuthProblem:
    """A wrong secret or redirect URI: newer amo names it in a hint, older amo answers
    league's invalid client, one hint-less 401 for both (fact sheet 1.6)."""
    if state.client_error_style == "older":
        return OAuthProblem(401, None, kind="invalid_client")
    return OAuthProblem(400, hint)


async def _grant(request: web.Request, host: RequestHost) -> web.StreamResponse:
    state = request.app[STATE]
    try:
        body = await read_json_or_form(request)
    except BadBody as error:
        raise OAuthProblem(400, "Check that all required parameters have been provided") from error
    integration = state.integration(str(body.get("client_id", "")))
    if integration is None:
        raise OAuthProblem(400, "Check the `client_id` parameter")
    current().client_id = integration.client_id
    if not secrets.compare_digest(str(body.get("client_secret", "")), integration.client_secret):
        raise _client_rejected(state, "Check the `client_secret` parameter")
    if host.kind is HostKind.FOREIGN:
        raise OAuthProblem(400, "Invalid account")
    redirect_uri = body.get("redirect_uri")
    grant_type = body.get("grant_type")
    if grant_type == "authorization_code":
        if not redirect_uri:
            raise OAuthProblem(400, "Check the `redirect_uri` parameter")
        if redirect_uri != integration.redirect_uri:
            raise _client_rejected(state, "Redirect URI is not associated with client")
        code = body.get("code")
        if not code:
            raise OAuthProblem(400, "Check the `code` parameter")
        pair = state.tokens.exchange_code(integration, str(code), host.domain)
    elif grant_type == "refresh_token":
        # amo lists redirect_uri for refresh too; when sent it must still match.
        if redirect_uri and redirect_uri != integration.redirect_uri:
            raise _client_rejected(state, "Redirect URI is not associated with client")
        refresh_token = body.get("refresh_token")
        if not refresh_token:
            raise OAuthProblem(400, "Check the `refresh_token` parameter")
        pair = state.tokens.refresh(integration, str(refresh_token), host.domain)
    else:
        raise OAuthProblem(400, "Check the `grant_type` parameter")
    return web.json_response(pair.token_response(state.clock.now_int()))
