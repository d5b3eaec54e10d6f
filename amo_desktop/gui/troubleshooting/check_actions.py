"""Which button a finished check offers, and the intent it sends to the main window."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from amo_desktop.core.diagnostics import CheckResult, Outcome
from amo_desktop.core.errors import ErrorCode

CONTEXT = "CheckAction"


class CheckAction(StrEnum):
    """Intents a check's button sends; the composition root routes them to a window."""

    SETUP = "setup"  # the setup wizard: address, keys, redirect URI
    SIGN_IN = "sign_in"  # the setup wizard again, to get new tokens
    CONNECTION = "connection"  # the Connection page (Refresh now)
    WEBHOOKS = "webhooks"  # the Webhooks page
    SETTINGS = "settings"  # the Settings page (backend URL)


LABELS = {
    CheckAction.SETUP: QT_TRANSLATE_NOOP("CheckAction", "Open setup"),
    CheckAction.SIGN_IN: QT_TRANSLATE_NOOP("CheckAction", "Sign in again"),
    CheckAction.CONNECTION: QT_TRANSLATE_NOOP("CheckAction", "Open Connection"),
    CheckAction.WEBHOOKS: QT_TRANSLATE_NOOP("CheckAction", "Open Webhooks"),
    CheckAction.SETTINGS: QT_TRANSLATE_NOOP("CheckAction", "Open settings"),
}

_SETUP_CHECKS = {"configuration", "redirect_uri", "account_host"}
_TOKEN_CHECKS = {"token", "refresh_token_age", "refresh", "api"}
_WEBHOOK_CHECKS = {"webhook_listener", "forward_target", "webhook_subscription"}
# Network trouble, a locked storage and amo's own limits are fixed outside the app (or by
# waiting): a button would only lead nowhere.
_OUTSIDE_THE_APP = {
    ErrorCode.NETWORK_TIMEOUT,
    ErrorCode.DNS_FAILED,
    ErrorCode.TLS_FAILED,
    ErrorCode.CONNECTION_REFUSED,
    ErrorCode.PROXY_FAILED,
    ErrorCode.NETWORK_ERROR,
    ErrorCode.KEYRING_UNAVAILABLE,
    ErrorCode.KEYRING_LOCKED,
    ErrorCode.KEYRING_TIMEOUT,
    ErrorCode.TOKENS_NOT_SAVED,
    ErrorCode.SERVER_ERROR,
    ErrorCode.RATE_LIMITED,
    ErrorCode.RATE_LIMIT_BLOCKED,
}


def action_for(result: CheckResult) -> CheckAction | None:
    """The one place in the app where ``result`` can be fixed, if there is one."""
    if result.outcome not in (Outcome.FAILED, Outcome.WARNING):
        return None
    code = result.error.code if result.error else None
    if code in _OUTSIDE_THE_APP:
        return None
    if code is ErrorCode.TOKENS_OWNED_BY_BACKEND:
        return CheckAction.SETTINGS
    if result.id in _SETUP_CHECKS and result.outcome is Outcome.FAILED:
        return CheckAction.SETUP
    if result.id == "api" and (code is None or not code.value.startswith("auth.")):
        return None  # the account's plan or rights: nothing to change in this app
    if code is ErrorCode.MISSING_CLIENT_SECRET:
        return CheckAction.SETUP
    if result.id in _TOKEN_CHECKS:
        if result.outcome is Outcome.WARNING:
            return CheckAction.CONNECTION  # still renewable: "Refresh now" is enough
        return CheckAction.SIGN_IN
    if result.id in _WEBHOOK_CHECKS:
        return CheckAction.WEBHOOKS
    return None


def action_label(action: CheckAction) -> str:
    return QCoreApplication.translate(CONTEXT, str(LABELS[action]))
