"""Words for amoCRM's entity kinds and actions, as the table and the filters show them.

Unknown kinds and actions (amoCRM adds new ones) are shown as sent.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
    return QCoreApplication.translate("WebhookVocabulary", source) if source else kind


def action_label(action: str) -> str:
    source = ACTIONS.get(action)
    return QCoreApplication.translate("WebhookVocabulary", source) if source else action


# The receiver's stable reason words for a refused request.
REJECTION_REASONS = {
    "bad_secret": QT_TRANSLATE_NOOP("WebhookVocabulary", "wrong or missing secret"),
    "method_not_allowed": QT_TRANSLATE_NOOP("WebhookVocabulary", "not a POST request"),
    "unsupported_media_type": QT_TRANSLATE_NOOP(
        "WebhookVocabulary", "not a form body (wrong content type)"
    ),
    "empty_body": QT_TRANSLATE_NOOP("WebhookVocabulary", "empty body"),
    "too_large": QT_TRANSLATE_NOOP("WebhookVocabulary", "body too large"),
    "bad_body": QT_TRANSLATE_NOOP("WebhookVocabulary", "body is not a webhook form"),
    "not_found": QT_TRANSLATE_NOOP("WebhookVocabulary", "wrong path"),
}


def rejection_label(reason: str) -> str:
    source = REJECTION_REASONS.get(reason)
    return QCoreApplication.translate("WebhookVocabulary", source) if source else reason
