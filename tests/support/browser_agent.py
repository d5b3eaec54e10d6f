"""A stand-in for a person at a real browser: Debian's chromium, driven by Playwright.

Used as the ``BROWSER`` command (``python browser_agent.py --action allow --result F %s &``)
so that the app opens it exactly as it would open the system browser. It loads the URL,
acts on the sandbox consent page, follows the redirect to our loopback listener, and writes
what it saw to the result file as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str:
    return os.environ.get("AMO_TEST_CHROMIUM", "/usr/bin/chromium")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--action", choices=["allow", "deny", "visit"], default="allow")
    parser.add_argument("--result", required=True, type=Path)
    parser.add_argument("url")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    outcome: dict[str, object] = {"opened": args.url}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), headless=True, args=CHROMIUM_FLAGS
            )
            page = browser.new_page()
            page.goto(args.url, wait_until="load")
            if args.action in {"allow", "deny"}:
                with page.expect_navigation(wait_until="load"):
                    page.click(f"#{args.action}")
            outcome["final_url"] = page.url
            outcome["title"] = page.title()
            outcome["text"] = page.inner_text("body")
            browser.close()
    except Exception as error:  # the test reads this file; a crash must still say why
        outcome["error"] = f"{type(error).__name__}: {error}"
    tmp = args.result.with_suffix(".tmp")
    tmp.write_text(json.dumps(outcome, ensure_ascii=False), encoding="utf-8")
    tmp.replace(args.result)
    return 0 if "error" not in outcome else 1


if __name__ == "__main__":
    sys.exit(main())
