"""``doctor``: run the troubleshooting centre's checks and say what to fix.

Prints each check as it is known (in reading order) with ✓, ! or ✗ and the fix; exits 0 when
nothing failed, 1 otherwise. ``--json`` prints ``{"status": "ok"|"problems", "checks": [...]}``;
``--report`` adds the support report (all secrets masked). A settings file that cannot be read
is the configuration check's finding, so the doctor still runs (on ``default`` unless
``--profile`` names one) and still makes the report.
"""

from __future__ import annotations

import argparse
import json
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.config import Profile
    from amo_desktop.core.diagnostics import CheckResult
    from amo_desktop.core.service import ProfileSession

REPORT_LOG_LINES = 50
_HEADINGS = {
    "en": (
        "Checking profile “{profile}”…",
        "Fix: {fix}",
        "All checks passed.",
        "Problems found: {count}.",
    ),
    "uk": (
        "Перевіряю профіль «{profile}»…",
        "Що зробити: {fix}",
        "Усі перевірки пройдено.",
        "Знайдено проблем: {count}.",
    ),
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check settings, keyring, connection, tokens and webhooks; say what to fix",
        description=(
            "Run every troubleshooting check and print each result with what to do about it. "
            "Exits 0 when nothing failed (warnings are advice), 1 otherwise. A real token "
            "refresh replaces the token pair, so it runs only with --refresh."
        ),
    )
    parser.add_argument(
        "--refresh", action="store_true", help="really refresh the tokens (rotates the pair)"
    )
    parser.add_argument(
        "--report", action="store_true", help="also print the support report (secrets masked)"
    )


async def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from amo_desktop.core.diagnostics import DiagnosticsRunner, Outcome, overall_status
    from amo_desktop.core.diagnostics.context import webhook_setup_for

    out = ctx.out
    headings = _HEADINGS["uk" if ctx.language == "uk" else "en"]
    session = ctx.diagnosed_session()
    out.note(headings[0].format(profile=session.name))
    async with ctx.core.new_http_client() as http:
        runner = DiagnosticsRunner(
            session,
            ctx.core.credentials,
            http=http,
            language=ctx.language,
            refresh=args.refresh,
            webhooks=webhook_setup_for(_readable_profile(session)),
        )
        order = [check_id for check_id, _ in runner.planned()]
        printer = _InOrder(
            order, lambda result: _print(ctx, _said_the_command_line_way(ctx, result), headings[1])
        )
        results = [
            _said_the_command_line_way(ctx, result)
            for result in await runner.run(on_result=printer.add)
        ]
    status = overall_status(results)
    failures = sum(1 for result in results if result.outcome is Outcome.FAILED)
    report = await _report(ctx, session, results) if args.report else None
    human = [headings[2] if status == "ok" else headings[3].format(count=failures)]
    if report is not None:
        human += ["", report]
    payload: dict[str, object] = {
        "status": status,
        "checks": [_as_dict(ctx, result) for result in results],
    }
    if report is not None:
        payload["report"] = report
    out.result(human, payload)
    return 0 if status == "ok" else 1


def _said_the_command_line_way(ctx: CliContext, result: CheckResult) -> CheckResult:
    """``result`` with a fix that names commands where the core's fix names the window."""
    from dataclasses import replace

    from amo_desktop.cli.texts import cli_fix, cli_hint
    from amo_desktop.core.diagnostics.texts import worded_params

    out, language = ctx.out, ctx.language
    if not result.fix:
        return result
    said = result.fix_phrase
    fix: str | None = None
    if said is None:
        if result.error is not None:
            fix = cli_hint(result.error.code, language, out.profile_option)
    else:
        params = worded_params(said.params, language)
        fix = cli_fix(said.key, language, out.profile_option, **params)
    return result if fix is None else replace(result, fix=fix)


def _as_dict(ctx: CliContext, result: CheckResult) -> dict[str, object]:
    payload = result.as_dict(ctx.language)
    if result.error is not None:
        payload["error"] = ctx.out.localized(result.error).as_dict()
    return payload


class _InOrder:
    """Hands results on in reading order as soon as every earlier one is known."""

    def __init__(self, order: list[str], emit: Callable[[CheckResult], None]) -> None:
        self._waiting = deque(order)
        self._ready: dict[str, CheckResult] = {}
        self._emit = emit

    def add(self, result: CheckResult) -> None:
        self._ready[result.id] = result
        while self._waiting and self._waiting[0] in self._ready:
            self._emit(self._ready.pop(self._waiting.popleft()))


def _print(ctx: CliContext, result: CheckResult, fix_line: str) -> None:
    from amo_desktop.core.diagnostics.report import MARKS

    if ctx.out.json_mode:
        return
    ctx.out.note(f"{MARKS[result.outcome]} {result.title}: {result.detail}")
    if result.fix:
        ctx.out.note("   " + fix_line.format(fix=result.fix))


def _readable_profile(session: ProfileSession) -> Profile | None:
    """The profile's settings, or ``None`` when they cannot be read: the configuration check
    reports why, and the checks that need them say they were skipped."""
    from amo_desktop.core.errors import AmoError

    try:
        return session.profile()
    except AmoError:
        return None


async def _report(ctx: CliContext, session: ProfileSession, results: list[CheckResult]) -> str:
    from amo_desktop.core.diagnostics.report import ReportInputs, build_support_report

    inputs = ReportInputs(
        profile_name=session.name,
        profile=_readable_profile(session),
        recent_log=_last_lines(ctx.logbook.path, REPORT_LOG_LINES),
    )
    return await build_support_report(
        results, inputs, credentials=ctx.core.credentials, redactor=ctx.redactor
    )


def _last_lines(path: Path | None, count: int) -> list[str]:
    """The end of the activity log file, earlier runs included (entries are masked there)."""
    if path is None:
        return []
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            tail = deque(handle, maxlen=count)
    except OSError:
        return []
    return [_readable(line.rstrip("\n")) for line in tail]


def _readable(line: str) -> str:
    from amo_desktop.core.logbook import LogEntry

    try:
        data = json.loads(line)
        return LogEntry(float(data["time"]), data["kind"], str(data["message"])).format_line()
    except (ValueError, KeyError, TypeError):
        return line  # a line from another version: shown as it is (the report masks it)
