"""The support report carries the checks, versions and settings, and not one secret."""

from __future__ import annotations

import subprocess
import sys

from amo_desktop.core.diagnostics import DiagnosticsRunner
from amo_desktop.core.diagnostics.report import ReportInputs, build_support_report
from amo_desktop.core.redact import Redactor
from tests.diagnostics.conftest import Doctor


async def test_the_support_report_contains_everything_but_the_secrets(doctor: Doctor):
    tokens = await doctor.credentials.get_tokens("default")
    secret = await doctor.credentials.get_client_secret("default")
    assert tokens is not None and tokens.refresh_token is not None and secret
    await doctor.credentials.set("default", "webhook_secret", "hook-secret-value-1234")
    # A careless log line that quotes the secrets must still come out masked.
    leaky_log = [
        f"token answer: access={tokens.access_token} refresh {tokens.refresh_token}",
        f"posted secret {secret} to the token endpoint",
        "listener url http://127.0.0.1:8787/hook?secret=hook-secret-value-1234",
    ]
    results = await DiagnosticsRunner(doctor.session, doctor.credentials).run()
    inputs = ReportInputs(
        profile_name="default",
        profile=doctor.session.profile(),
        recent_log=leaky_log,
        extra_versions={"Qt": "6.12.0"},
    )

    report = await build_support_report(
        results, inputs, credentials=doctor.credentials, redactor=Redactor()
    )

    for value in (tokens.access_token, tokens.refresh_token, secret, "hook-secret-value-1234"):
        assert value not in report
        assert value[:24] not in report  # not even a recognisable piece
    client_id = doctor.sandbox.state.demo_integration.client_id
    assert client_id not in report
    assert f"client id: {client_id[:4]}…{client_id[-4:]}" in report
    for expected in (
        "== Checks ==",
        "[keyring]",
        "Python: 3.",
        "Qt: 6.12.0",
        "httpx:",
        "keyring backend: in-memory test keyring",
        "OS: ",
        "posted secret",
    ):
        assert expected in report


async def test_an_unreadable_token_entry_does_not_unmask_the_other_secrets(doctor: Doctor):
    secret = await doctor.credentials.get_client_secret("default")
    assert secret
    await doctor.credentials.set("default", "webhook_secret", "hook-secret-value-1234")
    await doctor.credentials.set("default", "tokens", "{damaged")  # get_tokens now raises
    inputs = ReportInputs(
        profile_name="default",
        profile=doctor.session.profile(),
        recent_log=[f"posted secret {secret} and hook-secret-value-1234"],
    )

    report = await build_support_report(
        [], inputs, credentials=doctor.credentials, redactor=Redactor()
    )

    assert "posted secret" in report
    assert secret not in report
    assert "hook-secret-value-1234" not in report


def test_versions_never_import_qt():
    script = (
        "import sys; from amo_desktop.core.diagnostics.report import versions; "
        "found = versions(); print('Qt' in found, 'PySide6' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["False", "False"]
