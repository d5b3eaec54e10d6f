"""Why forwarding or a replay failed, in the interface language.

The forwarder words its failures in English for the journal and the logs
(:func:`amo_desktop.core.webhooks.forwarder.send_delivery`); the known kinds are translated
here, an unfamiliar note is shown as it is after a translated lead-in.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_NO_ANSWER = re.compile(r"no answer within (?P<seconds>[0-9.]+) s")


def forward_problem(note: str) -> str:
    """``note`` (a ``ForwardResult.error``) as the person reads it."""
    if found := _NO_ANSWER.match(note):
        return QCoreApplication.translate("WebhookForwardProblem", "no answer within %1 s").replace(
            "%1", found["seconds"]
        )
    if note.startswith("cannot connect"):
        # httpx's reason ("All connection attempts failed") adds nothing a person can act on.
        return QCoreApplication.translate("WebhookForwardProblem", "cannot connect to the address")
    if note.startswith("forward queue full"):
        return QCoreApplication.translate(
            "WebhookForwardProblem", "the target is too slow, deliveries are piling up"
        )
    if note.startswith("could not send it: "):
        return QCoreApplication.translate("WebhookForwardProblem", "could not send it: %1").replace(
            "%1", note.removeprefix("could not send it: ")
        )
    return QCoreApplication.translate("WebhookForwardProblem", "sending failed: %1").replace(
        "%1", note
    )
