"""How long amoCRM asks us to wait, in the words a person reads ("5 minutes", "5 хвилин").

The catalogue fills ``{wait}`` from an error's ``retry_after`` detail (whole seconds) with
:func:`wait_in_words`. Waits are rounded up, never down: telling someone to come back sooner
than amo asked would make them commit the very violation that gets the account's API blocked.
"""

from __future__ import annotations

import math

# English: (one, many). Ukrainian: the accusative after "зачекайте": (1, 2-4, 5+).
_UNITS_EN = {
    "second": ("second", "seconds"),
    "minute": ("minute", "minutes"),
    "hour": ("hour", "hours"),
}
_UNITS_UK = {
    "second": ("секунду", "секунди", "секунд"),
    "minute": ("хвилину", "хвилини", "хвилин"),
    "hour": ("годину", "години", "годин"),
}
_UNKNOWN = {"en": "a while", "uk": "трохи"}
_MOMENT = {"en": "a few seconds", "uk": "кілька секунд"}


def _ukrainian_form(count: int, forms: tuple[str, str, str]) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return forms[0]
    if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
        return forms[1]
    return forms[2]


def _amount(seconds: float) -> tuple[int, str]:
    """Seconds below a minute, whole hours when exact, otherwise minutes (rounded up)."""
    whole = math.ceil(seconds)
    if whole < 60:
        return whole, "second"
    minutes = math.ceil(whole / 60)
    if minutes >= 60 and minutes % 60 == 0:
        return minutes // 60, "hour"
    return minutes, "minute"


def wait_in_words(retry_after: str, language: str) -> str:
    """``"300"`` -> "5 minutes" / "5 хвилин"; an empty or unreadable value -> "a while"."""
    lang = "uk" if language == "uk" else "en"
    try:
        seconds = float(retry_after)
    except ValueError:
        return _UNKNOWN[lang]
    if not math.isfinite(seconds) or seconds < 0:
        return _UNKNOWN[lang]
    if seconds < 1:
        return _MOMENT[lang]
    count, unit = _amount(seconds)
    if lang == "uk":
        return f"{count} {_ukrainian_form(count, _UNITS_UK[unit])}"
    one, many = _UNITS_EN[unit]
    return f"{count} {one if count == 1 else many}"
