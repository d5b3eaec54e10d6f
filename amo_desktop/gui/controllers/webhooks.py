"""The Webhooks page's controller: runs the listener and the forwarder, replays, manages the
account's subscriptions and runs the two-way check, reporting everything by signals."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
from PySide6.QtCore import QObject, Signal, Slot

from amo_desktop.core.config import Profile
from amo_desktop.core.diagnostics.context import WebhookSetup, webhook_setup_for
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.service import AppCore, ProfileSession
from amo_desktop.core.web_address import web_address
from amo_desktop.core.webhooks.events import AccountRef, Delivery, WebhookEvent
from amo_desktop.core.webhooks.forwarder import Forwarder
from amo_desktop.core.webhooks.journal import WebhookJournal, journal_folder
from amo_desktop.core.webhooks.receiver import DEFAULT_PATH, WebhookReceiver
from amo_desktop.core.webhooks.records import ForwardResult
from amo_desktop.core.webhooks.replay import replay
from amo_desktop.core.webhooks.subscriptions import Subscriptions
from amo_desktop.core.webhooks.summary import PipelineNames, summarize
from amo_desktop.core.webhooks.synccheck import EventWaiter, run_sync_check
from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.language import current_language
from amo_desktop.gui.tasks import TaskRunner
from amo_desktop.gui.webhooks.listener_panel import ListenerSettings
from amo_desktop.gui.webhooks.rows import EventRow

REPLAY_TIMEOUT = 10.0
# How long a summary waits for the account's stage names before it shows ids instead; the
# lookup goes on in the background and the events after it get the names.
NAMES_WAIT = 2.0


def backend_webhook_url(backend_url: str | None) -> str:
    """The seed backend's webhook endpoint under ``backend_url`` (empty when none is set)."""
    if not backend_url:
        return ""
    return backend_url.rstrip("/") + DEFAULT_PATH


def new_secret() -> str:
    """A fresh shared secret for the listener's address (URL-safe, 128 bits)."""
    return secrets.token_urlsafe(16)


class WebhooksController(AsyncController):
    """Serves the Webhooks page for one profile.

    Signals:
        profileChanged(str): the profile switched; everything shown for the old one is void.
        listening(str, int, str): host, real port and the full URL (with the secret).
        stopped(): the listener is down (after ``stop`` or a failed start).
        eventsReady(object): a ``list[EventRow]`` of one delivery, summaries included.
        rejected(object): a ``Rejection``.
        forwarded(object): a ``ForwardResult`` of the live forwarder.
        replayed(object): a ``ForwardResult`` of a replay.
        secretChanged(str): the listener's shared secret.
        forwardTargetSuggested(str): the backend's webhook URL, when a backend is set.
        subscriptionsReady(object): ``list[WebhookSubscription]``.
        subscribed(object): the ``WebhookSubscription`` just made.
        unsubscribed(str): the destination just removed.
        syncCheckFinished(object): the two-way check's report.
    Failures arrive through ``failed(action, AmoError)`` with the actions ``listen``,
    ``replay``, ``subscriptions``, ``subscribe``, ``unsubscribe`` and ``sync_check``.
    Outcomes of work started for an earlier profile are dropped.
    """

    profileChanged = Signal(str)
    listening = Signal(str, int, str)
    stopped = Signal()
    eventsReady = Signal(object)
    rejected = Signal(object)
    forwarded = Signal(object)
    replayed = Signal(object)
    secretChanged = Signal(str)
    forwardTargetSuggested = Signal(str)
    subscriptionsReady = Signal(object)
    subscribed = Signal(object)
    unsubscribed = Signal(str)
    syncCheckFinished = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        core: AppCore,
        profile_name: str,
        parent: QObject | None = None,
        *,
        journal_root: Callable[[str], Path],
        language: Callable[[], str] = current_language,
        http_client: httpx.AsyncClient | None = None,
        names_wait: float = NAMES_WAIT,
    ) -> None:
        super().__init__(runner, parent)
        self._core = core
        self._profile_name = profile_name
        self._journal_root = journal_root
        self._language = language
        self._client = http_client or httpx.AsyncClient(follow_redirects=False, trust_env=False)
        self._secret = new_secret()
        self._receiver: WebhookReceiver | None = None
        self._journal: WebhookJournal | None = None
        self._waiter = EventWaiter()
        self._forward_target = ""
        self._names: PipelineNames | None = None
        self._names_wait = names_wait
        self._lookups: set[asyncio.Task[str]] = set()
        # Summaries finish in any order (a lead's may wait for stage names), but the table
        # shows deliveries in arrival order: a finished one waits here for those before it.
        self._summaries_started = 0
        self._summaries_shown = 0
        self._summaries_finished: dict[int, tuple[int, list[EventRow] | None]] = {}

    # --- profile -----------------------------------------------------------------------------
    @property
    def session(self) -> ProfileSession:
        return self._core.session(self._profile_name)

    @property
    def secret(self) -> str:
        return self._secret

    @property
    def receiver(self) -> WebhookReceiver | None:
        return self._receiver

    def webhook_setup(self, profile: Profile | None) -> WebhookSetup:
        """Where webhooks flow: the receiver this app runs (on its real port) while it runs,
        else what ``profile``'s saved settings promise."""
        receiver = self._receiver
        if receiver is None:
            return webhook_setup_for(profile)
        return WebhookSetup(
            listener_url=receiver.public_url,
            listener_expected=True,
            forward_url=self._forward_target or None,
        )

    @Slot(str)
    def set_profile(self, name: str) -> None:
        """Follow a profile switch: stop listening for the old one, offer the new defaults."""
        receiver, self._receiver = self._receiver, None
        journal, self._journal = self._journal, None

        async def leave_profile() -> None:
            if receiver is not None:
                await receiver.stop()
            if journal is not None:
                await journal.close()

        self._profile_name = name
        self._names = None
        self._forget_profile_work()
        self.profileChanged.emit(name)
        self._run("listen", leave_profile(), lambda _none: self.stopped.emit())
        self.load_defaults()

    @Slot()
    def load_defaults(self) -> None:
        """Announce the secret and, when the profile has a backend, its webhook URL."""
        self.secretChanged.emit(self._secret)
        profile = self.session.profile()
        suggestion = backend_webhook_url(profile.backend_url if profile else None)
        if suggestion:
            self.forwardTargetSuggested.emit(suggestion)

    @Slot()
    def regenerate_secret(self) -> None:
        self._secret = new_secret()
        self.secretChanged.emit(self._secret)

    # --- listening ---------------------------------------------------------------------------
    @Slot(object)
    def start(self, settings: ListenerSettings) -> None:
        if self._receiver is not None:
            return
        if settings.forward_to:
            try:
                # Checked before anything starts: a target that can never work (no host, a
                # port like 99999) would otherwise fail every delivery sent to it.
                web_address(settings.forward_to)
            except AmoError as error:
                self.failed.emit("listen", error)
                return
        self._run_for_profile("listen", self._start(settings, self._generation), self._started)

    async def _start(self, settings: ListenerSettings, generation: int) -> WebhookReceiver:
        journal = self._open_journal()
        self._forward_target = settings.forward_to
        forwarder = (
            Forwarder(settings.forward_to, journal, client=self._client, on_result=self._forwarded)
            if settings.forward_to
            else None
        )
        receiver = WebhookReceiver(
            journal,
            host=settings.host,
            port=settings.port,
            path=settings.path,
            secret=settings.secret or None,
            forwarder=forwarder,
            expected_account=self._expected_account(),
            on_delivery=self._delivered,
            on_event=self._waiter.feed,
            on_rejected=self.rejected.emit,
        )
        await receiver.start()
        if generation != self._generation:  # the profile switched while it was starting
            await receiver.stop()
        else:
            self._receiver = receiver
        return receiver

    def _open_journal(self) -> WebhookJournal:
        # One journal per profile for the controller's life: replays are recorded in it
        # even after the listener has stopped.
        if self._journal is None:
            self._journal = WebhookJournal(journal_folder(self._journal_root(self._profile_name)))
        return self._journal

    def _started(self, receiver: WebhookReceiver) -> None:
        self.listening.emit(receiver.host, receiver.port, receiver.url)

    @Slot()
    def stop(self) -> None:
        receiver = self._receiver
        self._receiver = None
        if receiver is not None:
            self._run("listen", receiver.stop(), lambda _none: self.stopped.emit())

    async def _close_journal(self) -> None:
        journal, self._journal = self._journal, None
        if journal is not None:
            await journal.close()

    async def aclose(self) -> None:
        """Stop listening and close the HTTP client (the app calls this on exit)."""
        receiver, self._receiver = self._receiver, None
        if receiver is not None:
            await receiver.stop()
        for lookup in self._lookups:
            lookup.cancel()
        await asyncio.gather(*self._lookups, return_exceptions=True)
        await self._close_journal()
        await self._client.aclose()

    def _expected_account(self) -> AccountRef | None:
        profile = self.session.profile()
        if profile is None or profile.account_id is None:
            return None
        return AccountRef(id=str(profile.account_id))

    def _delivered(self, delivery: Delivery, events: list[WebhookEvent]) -> None:
        # Summaries may look up stage names through the API, so they run as a task; the
        # listener's callback must return at once.
        number = self._summaries_started
        self._summaries_started += 1
        generation = self._generation

        def finished(rows: list[EventRow] | None) -> None:
            self._summary_finished(number, generation, rows)

        def failed(error: AmoError) -> None:
            if generation == self._generation:
                self.failed.emit("summary", error)
            finished(None)

        self._runner.start(
            self._summarize(delivery, events), finished, failed, lambda: finished(None)
        )

    def _summary_finished(self, number: int, generation: int, rows: list[EventRow] | None) -> None:
        self._summaries_finished[number] = (generation, rows)
        while self._summaries_shown in self._summaries_finished:
            made_for, ready = self._summaries_finished.pop(self._summaries_shown)
            self._summaries_shown += 1
            if ready is not None and made_for == self._generation:
                self.eventsReady.emit(ready)

    async def _summarize(self, delivery: Delivery, events: list[WebhookEvent]) -> list[EventRow]:
        language = self._language()
        names = self._pipeline_names()
        forwarding = bool(self._forward_target)
        summaries = await asyncio.gather(
            *(self._summary(event, language, names) for event in events)
        )
        return [
            EventRow(delivery=delivery, event=event, summary=summary, forwarding=forwarding)
            for event, summary in zip(events, summaries, strict=True)
        ]

    async def _summary(
        self, event: WebhookEvent, language: str, names: PipelineNames | None
    ) -> str:
        if names is None:
            return await summarize(event, language)
        lookup = asyncio.ensure_future(summarize(event, language, names))
        try:
            done, _ = await asyncio.wait({lookup}, timeout=self._names_wait)
        except asyncio.CancelledError:
            lookup.cancel()
            raise
        if lookup in done:
            return lookup.result()
        # A slow or unreachable API must not hold the live view back: show ids now.
        self._lookups.add(lookup)
        lookup.add_done_callback(self._lookup_done)
        return await summarize(event, language)

    def _lookup_done(self, lookup: asyncio.Task[str]) -> None:
        self._lookups.discard(lookup)
        if not lookup.cancelled():
            lookup.exception()  # seen, so asyncio does not log it as never retrieved

    def _pipeline_names(self) -> PipelineNames | None:
        if self.session.profile() is None:
            return None
        if self._names is None:
            self._names = PipelineNames(self.session.pipelines)
        return self._names

    def _forwarded(self, result: ForwardResult) -> None:
        self.forwarded.emit(result)

    # --- replay ------------------------------------------------------------------------------
    @Slot(object, str)
    def replay(self, delivery: Delivery, url: str) -> None:
        """Send ``delivery`` again, byte for byte, to ``url`` or (empty) the forward target."""
        target = url or self._forward_target
        if not target:
            error = AmoError(ErrorCode.REPLAY_FAILED, {"url": "—"}, debug="no forward target")
            self.failed.emit("replay", error)
            return
        self._run_for_profile("replay", self._replay(delivery, target), self.replayed.emit)

    async def _replay(self, delivery: Delivery, target: str) -> ForwardResult:
        (result,) = await replay(
            self._open_journal(), [delivery], target, client=self._client, time_limit=REPLAY_TIMEOUT
        )
        return result

    # --- subscriptions -----------------------------------------------------------------------
    def _subscriptions(self) -> Subscriptions:
        """The same rules as the command line: disabled hooks first, refusals explained."""
        return Subscriptions(self.session)

    @Slot()
    def load_subscriptions(self) -> None:
        self._run_for_profile(
            "subscriptions", self._subscriptions().list(), self.subscriptionsReady.emit
        )

    @Slot(str, object)
    def subscribe(self, destination: str, events: Sequence[str]) -> None:
        def done(subscription: object) -> None:
            self.subscribed.emit(subscription)
            self.load_subscriptions()

        subscribing = self._subscriptions().subscribe(destination, tuple(events))
        self._run_for_profile("subscribe", subscribing, done)

    @Slot(str)
    def unsubscribe(self, destination: str) -> None:
        def done(_none: object) -> None:
            self.unsubscribed.emit(destination)
            self.load_subscriptions()

        self._run_for_profile("unsubscribe", self._subscriptions().unsubscribe(destination), done)

    # --- the two-way check -------------------------------------------------------------------
    @Slot()
    def run_sync_check(self) -> None:
        """Create a test lead, move it, and wait for both webhooks through the listener."""
        self._run_for_profile(
            "sync_check", run_sync_check(self.session, self._waiter), self.syncCheckFinished.emit
        )
