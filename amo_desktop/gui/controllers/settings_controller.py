"""Settings: profiles, language (live and persisted), backend URL, keyring backend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from amo_desktop.core.errors import AmoError
from amo_desktop.core.paths import validate_profile_name
from amo_desktop.core.web_address import backend_address
from amo_desktop.gui.controllers.base import AsyncController
from amo_desktop.gui.language import LanguageManager
from amo_desktop.gui.launcher import DEFAULT_PROFILE
from amo_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from amo_desktop.core.credentials import KeyringStatus
    from amo_desktop.core.service import AppCore
    from amo_desktop.gui.main_window.settings_page import SettingsPage


class SettingsController(AsyncController):
    """Keeps the current profile and the language, and edits profiles.

    Signals:
        profilesLoaded(object, str): the profile names (``list[str]``) and the current one.
        profileSwitched(str): the current profile changed.
        newProfileAccepted(str): a valid, unused name for "Add profile"; the app opens the
            wizard for it.
        backendUrlLoaded(str), backendUrlSaved(str), keyringBackendLoaded(str)
    Failures arrive through ``failed(action, AmoError)`` with the action names ``rename``,
    ``delete``, ``backend_url``, ``add_profile``, ``switch``, ``keyring``.
    """

    profilesLoaded = Signal(object, str)
    profileSwitched = Signal(str)
    newProfileAccepted = Signal(str)
    backendUrlLoaded = Signal(str)
    backendUrlSaved = Signal(str)
    keyringBackendLoaded = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        core: AppCore,
        languages: LanguageManager,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._core = core
        self._languages = languages
        self._current = core.config.current or DEFAULT_PROFILE

    def current_profile(self) -> str:
        return self._current

    def bind(self, page: SettingsPage) -> None:
        """Connect a settings page's intents and views to this controller."""
        page.switchProfileRequested.connect(self.switch_profile)
        page.renameProfileRequested.connect(self.rename_profile)
        page.deleteProfileRequested.connect(self.delete_profile)
        page.languageRequested.connect(self.set_language)
        page.backendUrlSaveRequested.connect(self.save_backend_url)
        self.profilesLoaded.connect(page.show_profiles)
        self.backendUrlLoaded.connect(page.show_backend_url)
        self.backendUrlSaved.connect(lambda _url: page.backend_url_saved())
        self.keyringBackendLoaded.connect(page.show_keyring_backend)
        self._languages.languageChanged.connect(page.set_language)
        self.failed.connect(lambda _action, error: page.show_error(error))

    @Slot()
    def load(self) -> None:
        names = [profile.name for profile in self._core.config.list()]
        self.profilesLoaded.emit(names, self._current)
        profile = self._core.session(self._current).profile()
        self.backendUrlLoaded.emit(profile.backend_url or "" if profile else "")
        # The keyring is found and probed in a worker thread: D-Bus may wait on an unlock.
        self._run("keyring", self._core.credentials.describe(), self._keyring_described)

    def _keyring_described(self, status: KeyringStatus) -> None:
        self.keyringBackendLoaded.emit(status.backend_name)
        if status.error is not None:
            self.failed.emit("keyring", status.error)

    @Slot(str)
    def set_language(self, language: str) -> None:
        self._languages.set_language(language)
        self._core.config.set_language(self._languages.language)

    @Slot(str)
    def switch_profile(self, name: str) -> None:
        try:
            self._core.config.set_current(name)
        except AmoError as error:
            self.failed.emit("switch", error)
            return
        self._current = name
        self.profileSwitched.emit(name)
        self.load()

    @Slot(str)
    def validate_new_profile(self, name: str) -> None:
        try:
            valid = validate_profile_name(name)
        except AmoError as error:
            self.failed.emit("add_profile", error)
            return
        self.newProfileAccepted.emit(valid)

    @Slot(str, str)
    def rename_profile(self, old: str, new: str) -> None:
        def renamed(_result: object) -> None:
            if old == self._current:
                self.switch_profile(new)
            else:
                self.load()

        self._run("rename", self._rename(old, new), renamed)

    async def _rename(self, old: str, new: str) -> None:
        # Through the session: it holds the token refresh lock while the secrets move.
        await self._core.session(old).rename(new)

    async def _delete(self, name: str) -> None:
        await self._core.session(name).delete()

    @Slot(str)
    def delete_profile(self, name: str) -> None:
        def deleted(_result: object) -> None:
            remaining = self._core.config.list()
            if name == self._current and remaining:
                self.switch_profile(remaining[0].name)
            elif name == self._current:
                # The only profile is gone: set it up again rather than leave the window
                # showing a profile that no longer exists.
                self.load()
                self.newProfileAccepted.emit(name)
            else:
                self.load()

        self._run("delete", self._delete(name), deleted)

    @Slot(str)
    def save_backend_url(self, url: str) -> None:
        try:
            address = backend_address(url) if url.strip() else None
            self._core.config.update(self._current, backend_url=address)
        except AmoError as error:
            self.failed.emit("backend_url", error)
            return
        self.backendUrlSaved.emit(address or "")
