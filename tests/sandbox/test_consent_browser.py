"""A real headless Chromium presses the consent page's buttons (``#allow`` / ``#deny``)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from aiohttp import web

from amo_desktop.sandbox import SandboxServer
from tests.sandbox.steps import login

AGENT = Path(__file__).resolve().parents[1] / "support" / "browser_agent.py"

pytestmark = pytest.mark.browser


@pytest.fixture
async def callback() -> AsyncIterator[tuple[str, list[dict[str, str]]]]:
    """A stand-in for the app's loopback listener: records the query it was sent."""
    seen: list[dict[str, str]] = []

    async def handle(request: web.Request) -> web.Response:
        seen.append(dict(request.query))
        return web.Response(
            text="<html><title>done</title><body>done</body></html>", content_type="text/html"
        )

    app = web.Application()
    app.router.add_get("/callback", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}/callback", seen
    await runner.cleanup()


async def run_agent(action: str, url: str, result: Path) -> dict[str, object]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(AGENT), "--action", action, "--result", str(result), url
    )
    async with asyncio.timeout(90):
        await process.wait()
    outcome: dict[str, object] = json.loads(result.read_text(encoding="utf-8"))
    assert "error" not in outcome, outcome
    return outcome


async def test_allow_in_a_real_browser_reaches_the_callback_with_a_working_code(
    chromium: str,
    sandbox: SandboxServer,
    callback: tuple[str, list[dict[str, str]]],
    tmp_path: Path,
) -> None:
    redirect_uri, seen = callback
    integration = sandbox.state.add_integration(redirect_uri=redirect_uri)
    url = f"{sandbox.base_url}/oauth?client_id={integration.client_id}&state=s-42&mode=popup"

    outcome = await run_agent("allow", url, tmp_path / "allow.json")

    assert str(outcome["final_url"]).startswith(redirect_uri + "?code=")
    assert len(seen) == 1
    assert seen[0]["state"] == "s-42"
    assert seen[0]["referer"] == "demo.amocrm.ru"
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        tokens = await login(http, integration, seen[0]["code"])
    assert tokens["token_type"] == "Bearer"


async def test_deny_in_a_real_browser(
    chromium: str,
    sandbox: SandboxServer,
    callback: tuple[str, list[dict[str, str]]],
    tmp_path: Path,
) -> None:
    redirect_uri, seen = callback
    integration = sandbox.state.add_integration(redirect_uri=redirect_uri)
    url = f"{sandbox.base_url}/oauth?client_id={integration.client_id}&state=s-43"

    await run_agent("deny", url, tmp_path / "deny.json")

    assert seen == [{"error": "access_denied", "client_id": integration.client_id, "state": "s-43"}]
