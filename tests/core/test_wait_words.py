"""amo's retry_after in the words an error shows, never shorter than amo asked."""

from __future__ import annotations

import pytest

from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.wait_words import wait_in_words


@pytest.mark.parametrize(
    ("retry_after", "english", "ukrainian"),
    [
        ("300", "5 minutes", "5 хвилин"),
        ("1", "1 second", "1 секунду"),
        ("3", "3 seconds", "3 секунди"),
        ("21", "21 seconds", "21 секунду"),
        ("12", "12 seconds", "12 секунд"),
        ("59.2", "1 minute", "1 хвилину"),  # rounded up, never down
        ("61", "2 minutes", "2 хвилини"),
        ("3600", "1 hour", "1 годину"),
        ("0.4", "a few seconds", "кілька секунд"),
        ("", "a while", "трохи"),
        ("inf", "a while", "трохи"),
    ],
)
def test_wait_in_words(retry_after: str, english: str, ukrainian: str) -> None:
    assert wait_in_words(retry_after, "en") == english
    assert wait_in_words(retry_after, "uk") == ukrainian


def test_the_rate_limited_error_says_how_long_and_why_not_sooner() -> None:
    error = AmoError(ErrorCode.RATE_LIMITED, {"retry_after": 300})
    english, ukrainian = error.localized("en"), error.localized("uk")
    assert "wait 5 minutes before the next request" in english.message
    assert "Asking sooner counts as another violation" in english.hint
    assert "block the account's API" in english.hint
    assert "зачекати 5 хвилин до наступного запиту" in ukrainian.message
    assert "блокує API акаунта" in ukrainian.hint


def test_an_unknown_wait_still_reads_naturally() -> None:
    error = AmoError(ErrorCode.RATE_LIMITED, {"retry_after": ""})
    assert "wait a while before the next request" in error.localized("en").message
    assert "Зачекайте трохи і тоді" in error.localized("uk").hint
