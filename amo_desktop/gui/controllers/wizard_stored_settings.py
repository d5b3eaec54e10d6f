"""Reads what the setup wizard may show of a profile that is already configured."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from amo_desktop.core.errors import AmoError
from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from amo_desktop.core.platforms import Platform
    from amo_desktop.core.service import AppCore

LOAD = "stored_settings"


@dataclass(frozen=True)
class StoredSettings:
    """A configured profile as the wizard fills it in: whether a secret is kept, never the
    secret itself."""

    profile: str
    platform: Platform
    account: str  # the host, or the base URL of a custom server (what the address field takes)
    client_id: str
    redirect_uri: str
    has_client_secret: bool


class StoredSettingsReader(AsyncController):
    """Loads a profile's stored settings so that "Sign in again" need not start blank.

    Signals:
        loaded(object): the profile's :class:`StoredSettings`; not sent for a profile that
            has no settings yet.
    Failures arrive through ``failed("stored_settings", AmoError)``.
    """

    loaded = Signal(object)

    def __init__(self, runner: TaskRunner, core: AppCore, parent: QObject | None = None) -> None:
        super().__init__(runner, parent)
        self._core = core

    @Slot(str)
    def load(self, profile_name: str) -> None:
        def found(settings: StoredSettings | None) -> None:
            if settings is not None:
                self.loaded.emit(settings)

        self._run(LOAD, self._read(profile_name), found)

    async def _read(self, profile_name: str) -> StoredSettings | None:
        # The config first: a new profile never builds the core (a first run's wizard is
        # shown before the core's modules are imported).
        profile = self._core.config.get(profile_name)
        if profile is None:
            return None
        # Only whether a secret is stored (never the secret itself reaches the wizard); a
        # keyring that can't be read only means the person types the secret again.
        try:
            has_client_secret = bool(await self._core.credentials.get_client_secret(profile_name))
        except AmoError as error:
            if not error.code.value.startswith("keyring."):
                raise
            has_client_secret = False
        return StoredSettings(
            profile=profile.name,
            platform=profile.platform,
            account=profile.account,
            client_id=profile.client_id,
            redirect_uri=profile.redirect_uri,
            has_client_secret=has_client_secret,
        )
