"""Connects the Webhooks page's intents to its controller and the controller's reports back."""

from __future__ import annotations

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.controllers.webhooks import WebhooksController
from amo_desktop.gui.language import current_language
from amo_desktop.gui.webhooks.page import WebhooksPage


def readable(error: AmoError) -> str:
    """The catalogue's title, message and hint as one line in the current language."""
    text = error.localized(current_language())
    return " ".join(part for part in (f"{text.title}.", text.message, text.hint) if part)


def connect_page(page: WebhooksPage, controller: WebhooksController) -> None:
    """Wire ``page`` and ``controller`` both ways; call once from the composition root."""
    listener = page.listener
    listener.startRequested.connect(controller.start)
    listener.stopRequested.connect(controller.stop)
    listener.newSecretRequested.connect(controller.regenerate_secret)
    page.details.replayRequested.connect(controller.replay)
    subscriptions = page.subscriptions
    subscriptions.refreshRequested.connect(controller.load_subscriptions)
    subscriptions.subscribeRequested.connect(controller.subscribe)
    subscriptions.unsubscribeRequested.connect(controller.unsubscribe)
    sync_check = page.sync_check
    sync_check.runRequested.connect(controller.run_sync_check)
    sync_check.set_available(False)

    def on_listening(host: str, port: int, url: str) -> None:
        listener.show_listening(host, port)
        page.details.set_has_forward_target(bool(listener.settings().forward_to))
        subscriptions.set_local_url(url)
        sync_check.set_available(True)

    def on_stopped() -> None:
        listener.show_stopped()
        sync_check.set_available(False)

    controller.profileChanged.connect(lambda _name: page.clear_profile())
    controller.listening.connect(on_listening)
    controller.stopped.connect(on_stopped)
    controller.secretChanged.connect(listener.set_secret)
    controller.forwardTargetSuggested.connect(page.set_forward_target)
    controller.forwardTargetSuggested.connect(subscriptions.suggest_destination)
    controller.eventsReady.connect(page.add_events)
    controller.rejected.connect(page.add_rejection)
    controller.forwarded.connect(page.set_forward_result)
    controller.replayed.connect(page.details.show_replay_result)
    controller.subscriptionsReady.connect(subscriptions.show_subscriptions)
    controller.subscribed.connect(subscriptions.show_subscribed)
    controller.unsubscribed.connect(subscriptions.show_unsubscribed)
    controller.syncCheckFinished.connect(sync_check.show_report)

    def on_busy(action: str, busy: bool) -> None:
        if action == "listen":
            listener.start_stop.setEnabled(not busy)
        elif action == "replay":
            page.details.set_replaying(busy)
        elif action in ("subscriptions", "subscribe", "unsubscribe"):
            subscriptions.set_busy(busy)
        elif action == "sync_check":
            sync_check.set_running(busy)
            if not busy:
                sync_check.set_available(controller.receiver is not None)

    def on_failed(action: str, error: AmoError) -> None:
        if action == "listen":
            listener.show_stopped(readable(error))
        elif action == "replay":
            page.details.show_replay_error(readable(error))
        elif action in ("subscriptions", "subscribe", "unsubscribe"):
            subscriptions.show_failure(readable(error))
        elif action == "sync_check":
            sync_check.show_failure(readable(error))

    controller.busyChanged.connect(on_busy)
    controller.failed.connect(on_failed)
