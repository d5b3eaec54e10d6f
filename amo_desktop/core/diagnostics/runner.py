"""Runs the checks at the same time, each with its own time-out, and reports each as it ends."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Sequence

import httpx

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.diagnostics import texts
from amo_desktop.core.diagnostics.checks import ALL_CHECKS
from amo_desktop.core.diagnostics.context import DiagnosedSession, DiagnosticsContext, WebhookSetup
from amo_desktop.core.diagnostics.results import CheckResult, Outcome, Phrase, Verdict
from amo_desktop.core.diagnostics.spec import Check
from amo_desktop.core.errors import AmoError, ErrorCode

logger = logging.getLogger(__name__)


class DiagnosticsRunner:
    """The troubleshooting centre's engine, shared by ``doctor`` and the GUI.

    Args:
        session: the profile to diagnose (:class:`~amo_desktop.core.service.ProfileSession`).
        credentials: the keyring store the app uses.
        http: the HTTP client to use (proxy settings, test transports); by default one is
            made for the run and closed afterwards.
        language: ``"en"`` or ``"uk"`` for titles, details and fixes.
        refresh: really refresh the tokens (rotates the pair); otherwise only judge whether
            a refresh could work.
        webhooks: where the webhook listener, forward target and subscription are.
        clock: seconds since the epoch (tests move it).
        checks: which checks to run (all by default).
    """

    def __init__(
        self,
        session: DiagnosedSession,
        credentials: CredentialStore,
        *,
        http: httpx.AsyncClient | None = None,
        language: str = "en",
        refresh: bool = False,
        webhooks: WebhookSetup | None = None,
        clock: Callable[[], float] = time.time,
        checks: Sequence[Check] = ALL_CHECKS,
    ) -> None:
        self._session = session
        self._credentials = credentials
        self._http = http
        self.language = language
        self._refresh = refresh
        self._webhooks = webhooks or WebhookSetup()
        self._clock = clock
        self._checks = tuple(checks)

    def planned(self) -> list[tuple[str, str]]:
        """``(id, title)`` of every check in reading order, for rows shown before the run."""
        return [(check.id, texts.title(check.id, self.language)) for check in self._checks]

    async def run(
        self, on_result: Callable[[CheckResult], None] | None = None
    ) -> list[CheckResult]:
        """Run everything; ``on_result`` sees each result as it ends. Returns reading order."""
        finished: dict[str, CheckResult] = {}
        async for result in self.results():
            finished[result.id] = result
            if on_result is not None:
                on_result(result)
        return [finished[check.id] for check in self._checks]

    async def results(self) -> AsyncIterator[CheckResult]:
        """Each check's result as soon as it is known (completion order)."""
        own_http = self._http is None
        http = self._http or httpx.AsyncClient(timeout=10.0)
        ctx = DiagnosticsContext(
            self._session,
            self._credentials,
            http,
            refresh=self._refresh,
            webhooks=self._webhooks,
            clock=self._clock,
        )
        queue: asyncio.Queue[CheckResult] = asyncio.Queue()
        done = {check.id: asyncio.Event() for check in self._checks}
        tasks = [
            asyncio.create_task(self._run_one(ctx, check, done, queue), name=f"check {check.id}")
            for check in self._checks
        ]
        try:
            for _ in tasks:
                yield await queue.get()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            ctx.close()
            if own_http:
                await http.aclose()

    async def _run_one(
        self,
        ctx: DiagnosticsContext,
        check: Check,
        done: dict[str, asyncio.Event],
        queue: asyncio.Queue[CheckResult],
    ) -> None:
        for dependency in check.after:
            if dependency in done:
                await done[dependency].wait()
        started = time.monotonic()
        verdict = await self._verdict(ctx, check)
        result = self._word(check, verdict, int((time.monotonic() - started) * 1000))
        ctx.results[check.id] = result
        done[check.id].set()
        queue.put_nowait(result)

    async def _verdict(self, ctx: DiagnosticsContext, check: Check) -> Verdict:
        try:
            async with asyncio.timeout(check.timeout):
                return await check.run(ctx)
        except TimeoutError:
            return self._timed_out(check)
        except AmoError as error:
            return Verdict(Outcome.FAILED, Phrase("check_crashed"), error=error)
        except Exception as error:  # a bug in one check must not hide the other results
            logger.exception("diagnostics check %s failed", check.id)
            unexpected = AmoError(ErrorCode.UNEXPECTED, debug=f"{type(error).__name__}: {error}")
            return Verdict(Outcome.FAILED, Phrase("check_crashed"), error=unexpected)

    def _timed_out(self, check: Check) -> Verdict:
        detail = Phrase("timed_out", {"seconds": f"{check.timeout:g}"})
        if check.timeout_error is None:
            return Verdict(Outcome.FAILED, detail, Phrase("timed_out_fix"))
        details: dict[str, object] = {}
        if check.timeout_error is ErrorCode.KEYRING_TIMEOUT:
            details["backend"] = self._credentials.backend_name
        error = AmoError(
            check.timeout_error, details, debug=f"{check.id}: over {check.timeout:g} s"
        )
        return Verdict(Outcome.FAILED, detail, error=error)

    def _word(self, check: Check, verdict: Verdict, elapsed_ms: int) -> CheckResult:
        language = self.language
        if verdict.fix is not None:
            fix = texts.word(verdict.fix, language)
        elif verdict.error is not None and verdict.outcome in (Outcome.FAILED, Outcome.WARNING):
            fix = verdict.error.localized(language).hint
        else:
            fix = ""
        return CheckResult(
            id=check.id,
            title=texts.title(check.id, language),
            outcome=verdict.outcome,
            detail=texts.word(verdict.detail, language),
            error=verdict.error,
            fix=fix,
            elapsed_ms=elapsed_ms,
            fix_phrase=verdict.fix,
        )
