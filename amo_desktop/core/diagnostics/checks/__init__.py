"""Every check of the troubleshooting centre, in the order people read them."""

from __future__ import annotations

from amo_desktop.core.diagnostics.checks import network, redirect, setup, tokens, webhooks
from amo_desktop.core.diagnostics.spec import Check
from amo_desktop.core.errors import ErrorCode

_NET = ErrorCode.NETWORK_TIMEOUT

ALL_CHECKS: tuple[Check, ...] = (
    Check(
        "configuration", setup.configuration, timeout=15.0, timeout_error=ErrorCode.KEYRING_TIMEOUT
    ),
    Check("keyring", setup.keyring, timeout=20.0, timeout_error=ErrorCode.KEYRING_TIMEOUT),
    Check("account_host", network.account_host, timeout=15.0, timeout_error=_NET),
    Check("clock", network.clock, timeout=15.0, timeout_error=_NET),
    Check("token", tokens.token, timeout=15.0, timeout_error=ErrorCode.KEYRING_TIMEOUT),
    Check(
        "refresh_token_age",
        tokens.refresh_token_age,
        timeout=15.0,
        timeout_error=ErrorCode.KEYRING_TIMEOUT,
    ),
    # A refresh replaces the pair the API check uses, so the API check waits for it.
    Check("refresh", tokens.refresh, timeout=30.0, timeout_error=_NET),
    Check("api", network.api, timeout=20.0, after=("refresh",), timeout_error=_NET),
    Check("redirect_uri", redirect.redirect_uri, timeout=15.0, timeout_error=_NET),
    Check("redirect_port", redirect.redirect_port, timeout=10.0),
    Check("webhook_listener", webhooks.webhook_listener, timeout=10.0, timeout_error=_NET),
    Check("forward_target", webhooks.forward_target, timeout=10.0, timeout_error=_NET),
    Check(
        "webhook_subscription",
        webhooks.webhook_subscription,
        timeout=20.0,
        after=("api",),
        timeout_error=_NET,
    ),
)
