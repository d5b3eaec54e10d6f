"""The wizard's page ids and which page fixes which error."""

from __future__ import annotations

from enum import IntEnum

from amo_desktop.core.errors import AmoError, ErrorCode


class PageId(IntEnum):
    WELCOME = 0
    ACCOUNT = 1
    KEYS = 2
    AUTHORIZE = 3
    CHECK = 4
    DONE = 5


_ACCOUNT_ERRORS = {
    ErrorCode.INVALID_DOMAIN,
    ErrorCode.API_DOMAIN_GIVEN,
    ErrorCode.INVALID_BASE_URL,
    ErrorCode.ACCOUNT_NOT_FOUND,
    ErrorCode.WRONG_HOST,
    ErrorCode.DNS_FAILED,
    ErrorCode.TLS_FAILED,
    ErrorCode.CONNECTION_REFUSED,
    ErrorCode.UNTRUSTED_REFERER,
}
_KEYS_ERRORS = {
    ErrorCode.INVALID_CLIENT_ID,
    ErrorCode.INVALID_REDIRECT_URI,
    ErrorCode.MISSING_CLIENT_SECRET,
    ErrorCode.INVALID_CLIENT_ID_REJECTED,
    ErrorCode.INVALID_CLIENT_SECRET,
    ErrorCode.REDIRECT_URI_MISMATCH,
    ErrorCode.CLIENT_REJECTED,
    ErrorCode.ENV_FILE_INVALID,
}
_AUTHORIZE_ERRORS = {
    ErrorCode.NOT_LOGGED_IN,
    ErrorCode.UNAUTHORIZED,
    ErrorCode.TOKEN_EXPIRED,
    ErrorCode.REFRESH_FAILED,
    ErrorCode.REFRESH_TOKEN_REVOKED,
    ErrorCode.REFRESH_TOKEN_EXPIRED,
    ErrorCode.REFRESH_TOKEN_FOREIGN,
    ErrorCode.LONG_LIVED_TOKEN_INVALID,
    ErrorCode.CODE_EXPIRED,
    ErrorCode.CODE_REVOKED,
    ErrorCode.CODE_INVALID,
}


def page_that_fixes(error: AmoError) -> PageId | None:
    """The page where the user can fix ``error``, or ``None`` if no page can."""
    if error.code in _ACCOUNT_ERRORS:
        return PageId.ACCOUNT
    if error.code in _KEYS_ERRORS:
        return PageId.KEYS
    if error.code in _AUTHORIZE_ERRORS:
        return PageId.AUTHORIZE
    return None
