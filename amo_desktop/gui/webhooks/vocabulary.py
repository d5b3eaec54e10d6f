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


# The event names a webhook subscription lists (its "settings"), as whole phrases: a phrase
# reads better than an entity and an action glued together.
SUBSCRIPTION_EVENTS = {
    "add_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Lead created"),
    "update_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Lead changed"),
    "status_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Lead moved to another stage"),
    "responsible_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Lead owner changed"),
    "note_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Note added to a lead"),
    "delete_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Lead deleted"),
    "restore_lead": QT_TRANSLATE_NOOP("WebhookVocabulary", "Lead restored"),
    "add_contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "Contact created"),
    "update_contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "Contact changed"),
    "responsible_contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "Contact owner changed"),
    "note_contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "Note added to a contact"),
    "delete_contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "Contact deleted"),
    "restore_contact": QT_TRANSLATE_NOOP("WebhookVocabulary", "Contact restored"),
    "add_company": QT_TRANSLATE_NOOP("WebhookVocabulary", "Company created"),
    "update_company": QT_TRANSLATE_NOOP("WebhookVocabulary", "Company changed"),
    "responsible_company": QT_TRANSLATE_NOOP("WebhookVocabulary", "Company owner changed"),
    "note_company": QT_TRANSLATE_NOOP("WebhookVocabulary", "Note added to a company"),
    "delete_company": QT_TRANSLATE_NOOP("WebhookVocabulary", "Company deleted"),
    "restore_company": QT_TRANSLATE_NOOP("WebhookVocabulary", "Company restored"),
    "add_task": QT_TRANSLATE_NOOP("WebhookVocabulary", "Task created"),
    "update_task": QT_TRANSLATE_NOOP("WebhookVocabulary", "Task changed"),
    "delete_task": QT_TRANSLATE_NOOP("WebhookVocabulary", "Task deleted"),
}


def subscription_event_label(name: str) -> str:
    source = SUBSCRIPTION_EVENTS.get(name)
    return QCoreApplication.translate("WebhookVocabulary", str(source)) if source else name


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
