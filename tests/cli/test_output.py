"""Rendering: values inside error texts are masked, our own sentences are left alone."""

from __future__ import annotations

import io
import json

from amo_desktop.cli.output import Output
from amo_desktop.cli.texts import cli_fix, text
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.redact import Redactor

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXBhcnQ"


def rendered(error: AmoError, *, json_mode: bool, known: str = "") -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    output = Output(
        json_mode=json_mode,
        language="en",
        redact=Redactor([known]).mask,
        stdout=stdout,
        stderr=stderr,
    )
    output.error(error)
    return stdout.getvalue(), stderr.getvalue()


def test_a_token_in_an_error_detail_is_masked_but_the_hint_keeps_its_example() -> None:
    error = AmoError(ErrorCode.INVALID_DOMAIN, {"text": f"https://x.amocrm.ru/?t={JWT}"})
    out, err = rendered(error, json_mode=False)
    assert out == ""
    assert JWT not in err
    assert "eyJh…" in err
    hint = rendered(AmoError(ErrorCode.INVALID_CODE_INPUT), json_mode=False)[1]
    assert "(it contains “code=”)" in hint


def test_a_known_secret_is_masked_in_json_errors_too() -> None:
    secret = "client-secret-value-0123456789"
    out, err = rendered(
        AmoError(ErrorCode.INVALID_CLIENT_ID, {"value": secret}), json_mode=True, known=secret
    )
    assert err == ""
    body = json.loads(out)
    assert body["status"] == "error"
    assert secret not in out
    assert body["error"]["code"] == "config.invalid_client_id"


def test_a_not_configured_hint_names_the_command_for_this_profile() -> None:
    stdout, stderr = io.StringIO(), io.StringIO()
    Output(
        json_mode=False, language="uk", stdout=stdout, stderr=stderr, profile_option=" --profile b"
    ).error(AmoError(ErrorCode.NOT_CONFIGURED, {"profile": "b"}))
    title, hint = stderr.getvalue().strip().splitlines()
    assert title == "Ще не налаштовано: Профіль «b» ще не має налаштувань підключення до amoCRM."
    assert hint.startswith("Що зробити: Виконайте: amo-desktop --profile b configure --domain")


def test_the_browser_wait_is_told_in_seconds_or_minutes_as_given() -> None:
    from amo_desktop.cli.formatting import duration

    english = Output(json_mode=False, language="en")
    ukrainian = Output(json_mode=False, language="uk")
    assert english.t("login_waiting", duration=duration(20, english)).endswith("gives up in 20 s)")
    assert english.t("login_waiting", duration=duration(300, english)).endswith("in 5 min)")
    assert "20 с" in ukrainian.t("login_waiting", duration=duration(20, ukrainian))


def test_hints_that_name_the_window_are_said_the_command_line_way() -> None:
    gui_words = ("Paste code", "Вставити код", "webhook settings", "налаштуваннях вебхуків",
                 "live list", "списку або журналу")  # fmt: skip
    errors = [
        AmoError(ErrorCode.AUTH_TIMEOUT),
        AmoError(ErrorCode.LISTENER_PORT_IN_USE, {"port": 8787}),
        AmoError(ErrorCode.EVENT_NOT_FOUND, {"event_id": "nope"}),
    ]
    for language in ("en", "uk"):
        for error in errors:
            stderr = io.StringIO()
            Output(json_mode=False, language=language, stderr=stderr).error(error)
            hint = stderr.getvalue().strip().splitlines()[-1]
            assert "amo-desktop" in hint or "--port" in hint, hint
            assert not any(word in hint for word in gui_words), hint


def test_the_long_lived_token_has_the_cores_ukrainian_name_on_the_command_line() -> None:
    assert text("token_kind_long_lived", "uk").startswith("довгостроковий")
    fix = cli_fix("token_expires_soon_fix", "uk", "")
    assert fix is not None and "довгостроковий токен" in fix
    assert "довготривал" not in fix
