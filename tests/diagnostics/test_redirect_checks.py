"""Redirect URI and sign-in port checks, each made to fail for its real cause."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator

import pytest

from amo_desktop.core.diagnostics import Outcome
from amo_desktop.core.error_catalogue import localize
from amo_desktop.core.errors import ErrorCode
from tests.diagnostics.conftest import Doctor


async def test_a_trailing_slash_the_integration_does_not_have_is_caught(doctor: Doctor):
    registered = doctor.sandbox.state.demo_integration.redirect_uri
    await doctor.configure(redirect_uri=registered + "/")

    results = await doctor.run()

    redirect = results["redirect_uri"]
    assert redirect.outcome is Outcome.FAILED
    assert redirect.error is not None
    assert redirect.error.code is ErrorCode.REDIRECT_URI_MISMATCH
    assert redirect.fix == localize(ErrorCode.REDIRECT_URI_MISMATCH).hint
    assert "trailing slash" in redirect.fix
    assert results["configuration"].outcome is Outcome.PASSED  # well formed, just not theirs


async def test_a_wrong_secret_key_is_reported_before_the_redirect_can_be_compared(
    doctor: Doctor,
):
    await doctor.configure(secret="not-the-integration-secret")

    redirect = (await doctor.run())["redirect_uri"]

    assert redirect.outcome is Outcome.FAILED
    assert redirect.error is not None
    assert redirect.error.code is ErrorCode.INVALID_CLIENT_SECRET


@pytest.mark.parametrize("wrong", ["secret", "redirect_uri"])
async def test_the_older_answer_for_either_is_reported_with_both_causes(doctor: Doctor, wrong: str):
    """Older amo answers a wrong secret and a wrong redirect URI with the same 401."""
    doctor.sandbox.state.client_error_style = "older"
    registered = doctor.sandbox.state.demo_integration.redirect_uri
    if wrong == "secret":
        await doctor.configure(secret="not-the-integration-secret")
    else:
        await doctor.configure(redirect_uri=registered + "/")

    redirect = (await doctor.run())["redirect_uri"]

    assert redirect.outcome is Outcome.FAILED
    assert redirect.error is not None
    assert redirect.error.code is ErrorCode.CLIENT_REJECTED
    assert "secret key or the redirect URI" in redirect.detail
    assert redirect.fix == localize(ErrorCode.CLIENT_REJECTED).hint


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield int(holder.getsockname()[1])


async def test_a_taken_redirect_port_names_who_holds_it(doctor: Doctor, taken_port: int):
    uri = f"http://127.0.0.1:{taken_port}/callback"
    doctor.sandbox.state.demo_integration.redirect_uri = uri
    await doctor.configure(redirect_uri=uri)

    results = await doctor.run()

    port = results["redirect_port"]
    assert port.outcome is Outcome.WARNING
    assert port.error is not None and port.error.code is ErrorCode.PORT_IN_USE
    assert "Paste code" in port.fix
    assert str(taken_port) in port.detail
    # This test process holds the port; on Linux the check finds it by name and id.
    if sys.platform == "linux":
        assert f"(process {os.getpid()})" in port.detail
    assert results["redirect_uri"].outcome is Outcome.PASSED


async def test_a_free_redirect_port_passes(doctor: Doctor):
    port = (await doctor.run())["redirect_port"]

    assert port.outcome is Outcome.PASSED
    assert "free" in port.detail
