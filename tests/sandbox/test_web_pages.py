"""The sandbox's own web pages: the account board at ``/`` and the lead card at
``/leads/detail/{id}``, where the app's "open in browser" links go."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from amo_desktop.sandbox import SandboxServer
from amo_desktop.sandbox.models import WON_STATUS_ID
from tests.fixtures.sandbox import sandbox_routing_transport
from tests.sandbox.steps import bearer
from tests.support.browser_agent import CHROMIUM_FLAGS

SALES = 7_700_100
SALES_NEGOTIATION = 61_000_102
PARTNERS = 7_700_200
PARTNERS_TERMS = 61_000_202
XSS_NAME = '<script>alert("pwn")</script><img src=x onerror=alert(1)> & Co'


@pytest.fixture
async def web(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    """A person's browser on the sandbox's own loopback address."""
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        yield http


async def create_lead(sandbox: SandboxServer, **fields: Any) -> int:
    """A lead made the way API callers make them: ``POST /api/v4/leads``."""
    token = sandbox.state.issue_long_lived_token()
    async with httpx.AsyncClient(base_url=sandbox.base_url, headers=bearer(token)) as api:
        answer = await api.post("/api/v4/leads", json=[fields])
    assert answer.status_code == 200, answer.text
    lead_id: int = answer.json()["_embedded"]["leads"][0]["id"]
    return lead_id


def section(page: str, marker: str, next_marker: str) -> str:
    """The page text from ``marker`` up to the next ``next_marker`` (or the end)."""
    start = page.index(marker)
    end = page.find(next_marker, start + len(marker))
    return page[start : end if end != -1 else len(page)]


def column(page: str, pipeline_id: int, status_id: int) -> str:
    board = section(page, f'data-pipeline-id="{pipeline_id}"', "data-pipeline-id=")
    return section(board, f'data-status-id="{status_id}"', 'class="column"')


def element_text(page: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">(.*?)</', page, re.S)
    assert found is not None, f"no #{element_id} on the page"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


async def test_board_lists_a_lead_created_through_the_api_under_its_status(
    sandbox: SandboxServer, web: httpx.AsyncClient
) -> None:
    older = await create_lead(sandbox, name="Перша угода", price=1500)
    sandbox.state.clock.advance(60)
    newer = await create_lead(
        sandbox, name="Друга угода", price=2_500_000, status_id=SALES_NEGOTIATION
    )
    sandbox.state.clock.advance(60)
    newest = await create_lead(sandbox, name="Третя угода", status_id=SALES_NEGOTIATION)

    answer = await web.get("/")

    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    page = answer.text
    negotiation = column(page, SALES, SALES_NEGOTIATION)
    assert f'data-lead-id="{newer}"' in negotiation
    assert f'href="/leads/detail/{newer}"' in negotiation
    assert "2\u00a0500\u00a0000\u00a0₴" in negotiation
    assert negotiation.index(f'data-lead-id="{newest}"') < negotiation.index(
        f'data-lead-id="{newer}"'
    ), "newest first"
    assert f'data-lead-id="{older}"' not in negotiation
    # Without a status the lead went to the main pipeline's first stage, as amo does.
    first_contact = column(page, SALES, SALES_NEGOTIATION - 1)
    assert f'data-lead-id="{older}"' in first_contact
    assert f'data-lead-id="{older}"' not in section(
        page, f'data-pipeline-id="{PARTNERS}"', "</main>"
    )


async def test_board_names_the_account_and_the_demo_integration_but_not_its_secret(
    sandbox: SandboxServer, web: httpx.AsyncClient
) -> None:
    state = sandbox.state

    page = (await web.get("/")).text

    assert element_text(page, "account-name") == state.account.name
    assert element_text(page, "account-id") == str(state.account.id)
    assert element_text(page, "client-id") == state.demo_integration.client_id
    assert element_text(page, "redirect-uri") == state.demo_integration.redirect_uri
    assert state.demo_integration.client_secret not in page
    assert "not a real amoCRM account" in page
    assert element_text(page, "no-leads").startswith("No leads yet")
    for pipeline in state.pipelines:
        board = section(page, f'data-pipeline-id="{pipeline.id}"', "data-pipeline-id=")
        assert html.escape(pipeline.name) in board
        assert board.count('class="column"') == len(pipeline.statuses)


async def test_lead_page_shows_its_pipeline_and_status_names(
    sandbox: SandboxServer, web: httpx.AsyncClient
) -> None:
    lead_id = await create_lead(
        sandbox,
        name="Партнерська заявка",
        price=9900,
        pipeline_id=PARTNERS,
        status_id=PARTNERS_TERMS,
    )

    answer = await web.get(f"/leads/detail/{lead_id}")

    assert answer.status_code == 200
    page = answer.text
    assert element_text(page, "lead-name") == "Партнерська заявка"
    assert element_text(page, "lead-id") == str(lead_id)
    assert element_text(page, "lead-price") == "9\u00a0900\u00a0₴"
    assert element_text(page, "lead-pipeline") == "Партнери"
    assert element_text(page, "lead-status") == "Узгодження умов"
    assert element_text(page, "lead-responsible") == "Олена Демченко"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d \(.+\)", element_text(page, "lead-created"))
    assert 'id="lead-closed"' not in page
    assert 'id="back-to-board" href="/"' in page


async def test_a_won_lead_shows_when_it_was_closed(
    sandbox: SandboxServer, web: httpx.AsyncClient
) -> None:
    lead_id = await create_lead(sandbox, name="Виграна", status_id=WON_STATUS_ID)

    page = (await web.get(f"/leads/detail/{lead_id}")).text

    assert element_text(page, "lead-pipeline") == "Продажі"
    assert element_text(page, "lead-status") == "Успішно реалізовано"
    assert 'id="lead-closed"' in page


@pytest.mark.parametrize(
    ("query", "accept_language", "language"),
    [
        ("", None, "en"),
        ("", "uk-UA,uk;q=0.9,en;q=0.8", "uk"),
        ("", "ru-RU,ru;q=0.9,uk;q=0.8,en;q=0.7", "uk"),  # the first language we speak
        ("", "en-US,en;q=0.9,uk;q=0.8", "en"),
        ("", "en;q=0.5,uk;q=0.9", "uk"),  # q-values, not the order, decide
        ("", "de-DE,de;q=0.9", "en"),
        ("", "uk;q=0", "en"),  # q=0 means "not this one"
        ("?lang=uk", "en-US", "uk"),
        ("?lang=en", "uk-UA", "en"),
        ("?lang=fr", "uk-UA", "uk"),  # an unknown choice falls back to the header
    ],
)
async def test_language_comes_from_the_query_then_accept_language_then_english(
    sandbox: SandboxServer,
    web: httpx.AsyncClient,
    query: str,
    accept_language: str | None,
    language: str,
) -> None:
    lead_id = await create_lead(sandbox, name="Мовна угода")
    headers = {"Accept-Language": accept_language} if accept_language else {}
    board_word, lead_word = {"en": ("Leads: 1", "Pipeline"), "uk": ("Угод: 1", "Воронка")}[language]

    board = await web.get(f"/{query}", headers=headers)
    lead = await web.get(f"/leads/detail/{lead_id}{query}", headers=headers)

    for answer, word in ((board, board_word), (lead, lead_word)):
        assert answer.headers["Content-Language"] == language
        assert f'<html lang="{language}">' in answer.text
        assert word in answer.text


async def test_a_language_chosen_by_query_follows_the_links(
    sandbox: SandboxServer, web: httpx.AsyncClient
) -> None:
    lead_id = await create_lead(sandbox, name="Угода")

    board = (await web.get("/?lang=uk")).text
    lead = (await web.get(f"/leads/detail/{lead_id}?lang=uk")).text

    assert f'href="/leads/detail/{lead_id}?lang=uk"' in board
    assert 'href="/?lang=en"' in board  # the switch to the other language
    assert 'id="back-to-board" href="/?lang=uk"' in lead


@pytest.mark.parametrize("lead_path", ["40000999", "not-a-number", "%3Cb%3Ex%3C%2Fb%3E"])
async def test_an_unknown_lead_gets_a_friendly_html_404(
    web: httpx.AsyncClient, lead_path: str
) -> None:
    answer = await web.get(f"/leads/detail/{lead_path}")

    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "Lead not found" in answer.text
    assert 'id="back-to-board" href="/"' in answer.text
    assert "<b>x</b>" not in answer.text


async def test_the_404_page_speaks_ukrainian_too(web: httpx.AsyncClient) -> None:
    answer = await web.get("/leads/detail/123", headers={"Accept-Language": "uk"})

    assert answer.status_code == 404
    assert "Угоду не знайдено" in answer.text
    assert "немає угоди з ID 123" in answer.text


async def test_names_from_api_callers_are_escaped(
    sandbox: SandboxServer, web: httpx.AsyncClient
) -> None:
    lead_id = await create_lead(sandbox, name=XSS_NAME)

    board = (await web.get("/")).text
    lead = (await web.get(f"/leads/detail/{lead_id}")).text

    for page in (board, lead):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert html.escape(XSS_NAME, quote=True) in page
    assert element_text(lead, "lead-name") == XSS_NAME


async def test_the_pages_live_on_the_account_host_not_on_www(sandbox: SandboxServer) -> None:
    transport = sandbox_routing_transport(sandbox)
    async with httpx.AsyncClient(transport=transport) as http:
        account = await http.get("https://demo.amocrm.ru/")
        portal = await http.get("https://www.amocrm.ru/")
        portal_lead = await http.get("https://www.amocrm.ru/leads/detail/1")
        portal_api = await http.get("https://www.amocrm.ru/api/v4/account")

    assert account.status_code == 200
    assert "demo.amocrm.ru" in account.text
    for answer in (portal, portal_lead, portal_api):
        assert answer.status_code == 404
        assert "<center>nginx</center>" in answer.text


@pytest.mark.browser
async def test_a_real_browser_clicks_from_the_board_to_the_lead(
    chromium: str, sandbox: SandboxServer
) -> None:
    from playwright.async_api import async_playwright

    lead_id = await create_lead(
        sandbox, name="Клієнт - Об'єкт", price=1200, status_id=SALES_NEGOTIATION
    )

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_FLAGS
        )
        try:
            page = await browser.new_page(locale="uk-UA")
            await page.goto(f"{sandbox.base_url}/", wait_until="load")
            assert await page.inner_text("#account-name") == sandbox.state.account.name
            async with page.expect_navigation(wait_until="load"):
                await page.click(f'[data-lead-id="{lead_id}"] a.lead-id')
            assert page.url == f"{sandbox.base_url}/leads/detail/{lead_id}"
            assert await page.inner_text("#lead-name") == "Клієнт - Об'єкт"
            assert await page.inner_text("#lead-status") == "Переговори"
            assert await page.inner_text("#back-to-board") == "← До дошки угод"
            async with page.expect_navigation(wait_until="load"):
                await page.click("#back-to-board")
            assert page.url == f"{sandbox.base_url}/"
        finally:
            await browser.close()
