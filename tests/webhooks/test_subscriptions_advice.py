"""What a person is told about a webhook amoCRM switched off (fact sheet 5.3)."""

from __future__ import annotations

import pytest

from amo_desktop.core.webhooks.subscriptions import disabled_reason


@pytest.mark.parametrize(
    ("language", "settings_route", "subscribe_again"),
    [
        ("en", "Settings → Integrations → Web hooks", "subscribe the address again"),
        ("uk", "Налаштування → Інтеграції → Web hooks", "підпишіть адресу ще раз"),
    ],
)
def test_the_documented_settings_route_comes_first_and_subscribing_again_second(
    language: str, settings_route: str, subscribe_again: str
) -> None:
    advice = disabled_reason(language)
    assert settings_route in advice
    assert subscribe_again in advice.lower()
    assert advice.index(settings_route) < advice.lower().index(subscribe_again)
    assert "100" in advice and "2" in advice  # the rule that switched it off
