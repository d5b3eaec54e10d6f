"""A profile connected to the sandbox over loopback, and a helper that runs the doctor on it."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.diagnostics import CheckResult, DiagnosticsRunner
from amo_desktop.core.logbook import Logbook
from amo_desktop.core.memory_keyring import MemoryKeyring
from amo_desktop.core.platforms import Platform
from amo_desktop.core.redact import Redactor
from amo_desktop.sandbox import SandboxServer

if TYPE_CHECKING:
    from amo_desktop.core.service import AppCore, ProfileSession


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Doctor:
    """One profile against one sandbox, and how to diagnose it."""

    core: AppCore
    session: ProfileSession
    credentials: CredentialStore
    keyring: MemoryKeyring
    sandbox: SandboxServer

    async def run(self, **options: Any) -> dict[str, CheckResult]:
        runner = DiagnosticsRunner(self.session, self.credentials, **options)
        return {result.id: result for result in await runner.run()}

    async def configure(
        self,
        *,
        redirect_uri: str | None = None,
        base_url: str | None = None,
        secret: str | None = None,
    ) -> None:
        integration = self.sandbox.state.demo_integration
        await self.session.configure(
            domain=base_url or self.sandbox.base_url,
            client_id=integration.client_id,
            redirect_uri=redirect_uri or integration.redirect_uri,
            client_secret=secret or integration.client_secret,
            platform=Platform.CUSTOM,
        )

    async def login(self) -> None:
        code = self.sandbox.state.issue_authorization_code()
        await self.session.login_with_code(code)


@pytest.fixture
async def make_doctor(
    app_home: Path, sandbox: SandboxServer
) -> AsyncIterator[Callable[..., Awaitable[Doctor]]]:
    doctors: list[Doctor] = []

    async def make(
        *, keyring_timeout: float = 5.0, connected: bool = True, profile: str = "default"
    ) -> Doctor:
        from amo_desktop.core.service import AppCore

        keyring = MemoryKeyring()
        credentials = CredentialStore(keyring, timeout=keyring_timeout)
        core = AppCore(
            home=app_home,
            credentials=credentials,
            logbook=Logbook.under(app_home, redactor=Redactor()),
        )
        # Port 3000 (the sandbox's default) may be busy on a shared machine: use a free one.
        sandbox.state.demo_integration.redirect_uri = f"http://127.0.0.1:{free_port()}/callback"
        doctor = Doctor(core, core.session(profile), credentials, keyring, sandbox)
        doctors.append(doctor)
        if connected:
            await doctor.configure()
            await doctor.login()
        return doctor

    yield make
    for made in doctors:
        made.keyring.hang = False  # never leave a worker thread blocked
        made.keyring.locked = False
        await made.core.aclose()


@pytest.fixture
async def doctor(make_doctor: Callable[..., Awaitable[Doctor]]) -> Doctor:
    """A healthy, signed-in profile on the sandbox."""
    return await make_doctor()
