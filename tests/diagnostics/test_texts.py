"""The diagnostics' own words read correctly in both languages."""

from __future__ import annotations

from pathlib import Path

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


def test_the_long_lived_token_has_one_ukrainian_name_across_the_app():
    ukrainian = " ".join(pair[1] for pair in texts.PHRASES.values()).lower()
    assert "довгостроков" in ukrainian
    # The catalogue, the command line, the doctor and the windows all say "довгостроковий"
    # (amoCRM's own "долгосрочный"); a second word would read like a second kind of token.
    root = Path(__file__).resolve().parents[2]
    sources = [*(root / "amo_desktop").rglob("*.py"), *(root / "resources" / "i18n").glob("*.ts")]
    assert not [path for path in sources if "довготривал" in path.read_text("utf-8").lower()]
