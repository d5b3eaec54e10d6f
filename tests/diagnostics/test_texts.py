"""The diagnostics' own words read correctly in both languages."""

from __future__ import annotations

import pytest

from amo_desktop.core.diagnostics import texts
from amo_desktop.core.diagnostics.results import Phrase


@pytest.mark.parametrize(
    ("direction", "english", "ukrainian"),
    [
        (
            "clock_ahead",
            "The clock is 400 s ahead of the amoCRM server's.",
            "Годинник поспішає на 400 с порівняно з годинником сервера amoCRM.",
        ),
        (
            "clock_behind",
            "The clock is 400 s behind the amoCRM server's.",
            "Годинник відстає на 400 с порівняно з годинником сервера amoCRM.",
        ),
    ],
)
def test_a_clock_off_reads_naturally_both_ways(direction: str, english: str, ukrainian: str):
    finding = Phrase("clock_off", {"direction": Phrase(direction), "seconds": 400})

    assert texts.word(finding, "en") == english
    assert texts.word(finding, "uk") == ukrainian


def test_the_long_lived_token_has_one_ukrainian_name():
    ukrainian = " ".join(pair[1] for pair in texts.PHRASES.values()).lower()

    assert "довготривал" in ukrainian
    assert "довгостроков" not in ukrainian
