"""Typed, translatable errors: every failure a person can see is an :class:`AmoError`.

The text lives in :mod:`amo_desktop.core.error_catalogue`; an error only carries its stable
code, format parameters (never secrets) and a technical note for logs and support reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    """Stable identifiers. Scripts match on these, so never rename one."""

    # Configuration and input
    NOT_CONFIGURED = "config.not_configured"
    INVALID_DOMAIN = "config.invalid_domain"
    API_DOMAIN_GIVEN = "config.api_domain_given"
    INVALID_BASE_URL = "config.invalid_base_url"
    INVALID_CLIENT_ID = "config.invalid_client_id"
    INVALID_REDIRECT_URI = "config.invalid_redirect_uri"
    MISSING_CLIENT_SECRET = "config.missing_client_secret"
    PROFILE_NOT_FOUND = "config.profile_not_found"
    PROFILE_EXISTS = "config.profile_exists"
    INVALID_PROFILE_NAME = "config.invalid_profile_name"
    CONFIG_UNREADABLE = "config.unreadable"
    ENV_FILE_NOT_FOUND = "config.env_file_not_found"
    ENV_FILE_EXISTS = "config.env_file_exists"
    ENV_FILE_INVALID = "config.env_file_invalid"
    INVALID_URL = "config.invalid_url"
    FILE_NOT_SAVED = "config.file_not_saved"
    CONFIG_NOT_WRITABLE = "config.not_writable"
    CONFIG_LOCKED = "config.locked"
    ENV_FILE_NOT_WRITABLE = "config.env_file_not_writable"
    # Keyring
    KEYRING_UNAVAILABLE = "keyring.unavailable"
    KEYRING_LOCKED = "keyring.locked"
    KEYRING_TIMEOUT = "keyring.timeout"
    KEYRING_WRITE_FAILED = "keyring.write_failed"
    KEYRING_ERROR = "keyring.error"
    TOKENS_NOT_SAVED = "keyring.tokens_not_saved"
    # Authorization
    NOT_LOGGED_IN = "auth.not_logged_in"
    STATE_MISMATCH = "auth.state_mismatch"
    ACCESS_DENIED = "auth.access_denied"
    AUTHORIZATION_ERROR = "auth.authorization_error"
    AUTH_TIMEOUT = "auth.timeout"
    AUTH_CANCELLED = "auth.cancelled"
    PORT_IN_USE = "auth.port_in_use"
    REDIRECT_NOT_LOOPBACK = "auth.redirect_not_loopback"
    INVALID_CODE_INPUT = "auth.invalid_code_input"
    CODE_EXPIRED = "auth.code_expired"
    CODE_REVOKED = "auth.code_revoked"
    CODE_INVALID = "auth.code_invalid"
    INVALID_CLIENT_ID_REJECTED = "auth.invalid_client_id"
    INVALID_CLIENT_SECRET = "auth.invalid_client_secret"
    REDIRECT_URI_MISMATCH = "auth.redirect_uri_mismatch"
    CLIENT_REJECTED = "auth.client_rejected"
    ACCOUNT_NOT_FOUND = "auth.account_not_found"
    UNTRUSTED_REFERER = "auth.untrusted_referer"
    REFRESH_FAILED = "auth.refresh_failed"
    REFRESH_TOKEN_REVOKED = "auth.refresh_token_revoked"
    REFRESH_TOKEN_EXPIRED = "auth.refresh_token_expired"
    REFRESH_TOKEN_FOREIGN = "auth.refresh_token_foreign"
    UNAUTHORIZED = "auth.unauthorized"
    LONG_LIVED_TOKEN_INVALID = "auth.long_lived_token_invalid"
    TOKEN_EXPIRED = "auth.token_expired"
    TOKENS_OWNED_BY_BACKEND = "auth.tokens_owned_by_backend"
    TOKENS_BUSY = "auth.tokens_busy"
    # amoCRM API
    PAYMENT_REQUIRED = "api.payment_required"
    ACCOUNT_BLOCKED = "api.account_blocked"
    INSUFFICIENT_RIGHTS = "api.insufficient_rights"
    WRONG_HOST = "api.wrong_host"
    NOT_FOUND = "api.not_found"
    RATE_LIMITED = "api.rate_limited"
    RATE_LIMIT_BLOCKED = "api.rate_limit_blocked"
    SERVER_ERROR = "api.server_error"
    VALIDATION_FAILED = "api.validation_failed"
    BAD_RESPONSE = "api.bad_response"
    # Network
    NETWORK_TIMEOUT = "net.timeout"
    DNS_FAILED = "net.dns"
    TLS_FAILED = "net.tls"
    CONNECTION_REFUSED = "net.connection_refused"
    PROXY_FAILED = "net.proxy"
    NETWORK_ERROR = "net.error"
    # The company's backend
    BACKEND_NOT_CONFIGURED = "backend.not_configured"
    BACKEND_UNREACHABLE = "backend.unreachable"
    BACKEND_REJECTED = "backend.rejected"
    BACKEND_URL_NOT_PLAIN = "backend.url_not_plain"
    BACKEND_NOT_API = "backend.not_api"
    BACKEND_NO_ANSWER = "backend.no_answer"
    TOKENS_ALREADY_HANDED_OVER = "backend.tokens_already_handed_over"
    # Webhooks
    LISTENER_PORT_IN_USE = "webhook.port_in_use"
    LISTENER_BIND_FAILED = "webhook.bind_failed"
    EVENT_NOT_FOUND = "webhook.event_not_found"
    REPLAY_FAILED = "webhook.replay_failed"
    SYNC_CHECK_FAILED = "webhook.sync_check_failed"
    WEBHOOKS_NOT_ALLOWED = "webhook.not_allowed"
    NOT_SUBSCRIBED = "webhook.not_subscribed"
    # Command line
    USAGE = "cli.usage"
    SECRET_IN_ARGUMENT = "cli.secret_in_argument"
    # Anything else
    UNEXPECTED = "internal.unexpected"


@dataclass(frozen=True)
class LocalizedError:
    """What a person reads: one language, formatted."""

    code: str
    title: str
    message: str
    hint: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "title": self.title, "message": self.message, "hint": self.hint}


class AmoError(Exception):
    """A failure with a stable code.

    Attributes:
        code: the stable :class:`ErrorCode`.
        details: format parameters for the catalogue text (for example ``port``,
            ``backend``, ``status``). Never a secret.
        debug: a technical note for logs and support reports (HTTP status, request id,
            the server's hint). Never a secret.
    """

    def __init__(
        self,
        code: ErrorCode,
        details: Mapping[str, object] | None = None,
        *,
        debug: str = "",
    ) -> None:
        self.code = code
        self.details: dict[str, str] = {k: str(v) for k, v in (details or {}).items()}
        self.debug = debug
        super().__init__(f"{code.value}{': ' + debug if debug else ''}")

    def localized(self, language: str = "en") -> LocalizedError:
        from amo_desktop.core.error_catalogue import localize

        return localize(self.code, self.details, language)
