"""Every reason the listener refuses a request for has words for people, in both languages."""

from __future__ import annotations

from amo_desktop.cli.commands.listen import _REASONS
from amo_desktop.core.webhooks.records import RejectReason


def test_the_command_line_explains_every_refusal_reason_in_english_and_ukrainian() -> None:
    assert set(_REASONS) == {reason.value for reason in RejectReason}
    for english, ukrainian in _REASONS.values():
        assert english and ukrainian and english != ukrainian
