"""Words for amoCRM's entity kinds and actions, as the table and the filters show them.

Unknown kinds and actions (amoCRM adds new ones) are shown as sent.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from amo_desktop.core.webhooks.records import RejectReason

ENTITY_KINDS = {
    "lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "lead"),
    "contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "contact"),
    "company": QT_TRANSLATE_NOOP("WebhookVocabulary", "company"),
    "task": QT_TRANSLATE_NOOP("WebhookVocabulary", "task"),
    "customer": QT_TRANSLATE_NOOP("WebhookVocabulary", "customer"),
    "unsorted": QT_TRANSLATE_NOOP("WebhookVocabulary", "incoming lead"),
    "talk": QT_TRANSLATE_NOOP("WebhookVocabulary", "conversation"),
    "message": QT_TRANSLATE_NOOP("WebhookVocabulary", "message"),
    "catalog": QT_TRANSLATE_NOOP("WebhookVocabulary", "catalog item"),
}

ACTIONS = {
    "add": QT_TRANSLATE_NOOP("WebhookVocabulary", "created"),
    "update": QT_TRANSLATE_NOOP("WebhookVocabulary", "changed"),
    "status": QT_TRANSLATE_NOOP("WebhookVocabulary", "stage changed"),
    "responsible": QT_TRANSLATE_NOOP("WebhookVocabulary", "owner changed"),
    "delete": QT_TRANSLATE_NOOP("WebhookVocabulary", "deleted"),
    "restore": QT_TRANSLATE_NOOP("WebhookVocabulary", "restored"),
    "note": QT_TRANSLATE_NOOP("WebhookVocabulary", "note added"),
}


def entity_label(kind: str) -> str:
    source = ENTITY_KINDS.get(kind)
    return QCoreApplication.translate("WebhookVocabulary", str(source)) if source else kind


def action_label(action: str) -> str:
    source = ACTIONS.get(action)
    return QCoreApplication.translate("WebhookVocabulary", str(source)) if source else action


# Keyed by the plain string too: RejectReason is a StrEnum, and callers pass what they stored.
REJECTION_REASONS: dict[str, object] = {
    RejectReason.BAD_SECRET: QT_TRANSLATE_NOOP("WebhookVocabulary", "wrong or missing secret"),
    RejectReason.METHOD_NOT_ALLOWED: QT_TRANSLATE_NOOP("WebhookVocabulary", "not a POST request"),
    RejectReason.UNSUPPORTED_MEDIA_TYPE: QT_TRANSLATE_NOOP(
        "WebhookVocabulary", "not a form body (wrong content type)"
    ),
    RejectReason.EMPTY_BODY: QT_TRANSLATE_NOOP("WebhookVocabulary", "empty body"),
    RejectReason.BAD_BODY: QT_TRANSLATE_NOOP("WebhookVocabulary", "body is not a webhook form"),
    RejectReason.TOO_LARGE: QT_TRANSLATE_NOOP("WebhookVocabulary", "body too large"),
    RejectReason.TIMEOUT: QT_TRANSLATE_NOOP("WebhookVocabulary", "the sender was too slow"),
    RejectReason.INCOMPLETE_BODY: QT_TRANSLATE_NOOP(
        "WebhookVocabulary", "the sender hung up before the whole body came"
    ),
    RejectReason.NOT_FOUND: QT_TRANSLATE_NOOP("WebhookVocabulary", "wrong path"),
    RejectReason.STORAGE_FAILED: QT_TRANSLATE_NOOP(
        "WebhookVocabulary", "could not be saved to the journal"
    ),
}


def rejection_label(reason: str) -> str:
    source = REJECTION_REASONS.get(reason)
    return QCoreApplication.translate("WebhookVocabulary", str(source)) if source else reason
