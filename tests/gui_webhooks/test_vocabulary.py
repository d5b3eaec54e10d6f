"""The Webhooks page names every refusal reason in both languages."""

from __future__ import annotations

from amo_desktop.core.webhooks.records import RejectReason
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.webhooks.vocabulary import REJECTION_REASONS, rejection_label


def test_every_refusal_reason_has_a_label_in_english_and_ukrainian(
    languages: LanguageManager,
) -> None:
    assert set(REJECTION_REASONS) == set(RejectReason)
    english = {reason: rejection_label(reason) for reason in RejectReason}
    languages.set_language("uk")
    try:
        for reason in RejectReason:
            assert rejection_label(reason) != english[reason] != reason.value
    finally:
        languages.set_language("en")
