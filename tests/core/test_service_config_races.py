"""``configure`` changes a stored profile without undoing what another program changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from amo_desktop.core.config import ConfigStore, Document, WebhookSettings
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.service import AppCore
from amo_desktop.sandbox import SandboxServer
from tests.core.service_helpers import configure_demo

NEW_REDIRECT_URI = "http://127.0.0.1:49001/callback"


async def test_configure_keeps_fields_another_program_changed_meanwhile(
    core: AppCore, sandbox: SandboxServer, app_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other program (``push-tokens``, the settings page) gets in as soon as the settings
    lock lets it: right after ``configure`` read the file if nothing holds the lock then, or
    else right after ``configure`` is done with it."""
    session = core.session()
    await configure_demo(session, sandbox)
    other = ConfigStore(app_home, lock_timeout=0)
    pending = True

    def change_elsewhere() -> None:
        other.update(
            "default",
            token_owner="backend",
            backend_url="http://127.0.0.1:8000",
            webhook=WebhookSettings(port=9001),
        )

    real_read = ConfigStore._read

    def read_then_let_the_other_in(store: ConfigStore) -> Document:
        nonlocal pending
        document = real_read(store)
        if store is core.config and pending:
            try:
                change_elsewhere()
                pending = False
            except AmoError as error:
                assert error.code is ErrorCode.CONFIG_LOCKED
        return document

    monkeypatch.setattr(ConfigStore, "_read", read_then_let_the_other_in)
    integration = sandbox.state.demo_integration
    await session.configure(
        domain="demo.amocrm.ru",
        client_id=integration.client_id,
        redirect_uri=NEW_REDIRECT_URI,
        client_secret=None,
    )
    if pending:
        change_elsewhere()
    monkeypatch.undo()
    stored = ConfigStore(app_home).load("default")
    assert stored.redirect_uri == NEW_REDIRECT_URI
    assert stored.token_owner == "backend"
    assert stored.backend_url == "http://127.0.0.1:8000"
    assert stored.webhook.port == 9001
