"""Renaming and deleting profiles: the config entry, its folder and every keyring entry.

The config file only knows a profile's settings; its secrets (client secret, tokens, the
webhook secret and any other key, long values split into parts) live in the keyring under the
profile's name, and its journal and locks in a folder named after it. Both front ends rename
and delete through :class:`ProfileManager` so that nothing is left behind under the old name.
"""

from __future__ import annotations

import contextlib
import shutil

from amo_desktop.core.config import ConfigStore, Profile
from amo_desktop.core.credentials import CredentialStore
from amo_desktop.core.errors import AmoError, ErrorCode
from amo_desktop.core.paths import profile_dir, validate_profile_name


class ProfileManager:
    """Renames and deletes profiles together with their keyring entries and folder."""

    def __init__(self, config: ConfigStore, credentials: CredentialStore) -> None:
        self._config = config
        self._credentials = credentials

    async def rename(self, old: str, new: str, *, move_folder: bool = True) -> Profile:
        """Give profile ``old`` the name ``new``; its secrets and folder move with it.

        Raises PROFILE_NOT_FOUND, PROFILE_EXISTS, INVALID_PROFILE_NAME or a keyring error.
        The secrets are copied before anything else changes, so a keyring failure half-way
        leaves the old profile whole and nothing under the new name. With ``move_folder``
        False the caller moves the folder later (:meth:`move_folder`).
        """
        new = validate_profile_name(new)
        if self._config.get(old) is None:
            raise AmoError(ErrorCode.PROFILE_NOT_FOUND, {"profile": old})
        if self._config.get(new) is not None:
            raise AmoError(ErrorCode.PROFILE_EXISTS, {"profile": new})
        credentials = self._credentials
        # Entries left by an earlier profile of that name would mix into this one.
        await credentials.delete_profile(new)
        try:
            await self._copy_entries(old, new)
        except AmoError:
            with contextlib.suppress(AmoError):
                await credentials.delete_profile(new)
            raise
        renamed = self._config.rename(old, new)
        if move_folder:
            self.move_folder(old, new)
        await credentials.delete_profile(old)
        return renamed

    async def delete(self, name: str) -> bool:
        """Remove the profile, every keyring entry it had and its folder (webhook journal,
        locks); False if it was not configured.

        Keyring entries and the folder are removed even when the config has no such profile,
        so that leftovers of an interrupted deletion can be cleaned up by deleting again, and
        a new profile of the same name never inherits an old journal.
        """
        existed = self._config.get(name) is not None
        await self._credentials.delete_profile(name)
        self._config.delete(name)
        shutil.rmtree(profile_dir(self._config.home, name), ignore_errors=True)
        return existed

    async def _copy_entries(self, old: str, new: str) -> None:
        credentials = self._credentials
        for key in sorted(await credentials.keys(old)):
            value = await credentials.get(old, key)
            if value is not None:
                await credentials.set(new, key, value)

    def move_folder(self, old: str, new: str) -> None:
        """Move profile ``old``'s folder (webhook journal, locks) to the name ``new``."""
        source = profile_dir(self._config.home, old)
        target = profile_dir(self._config.home, new)
        # A folder already under the new name belongs to no profile; its journal is kept
        # rather than overwritten, and the old folder stays where it is.
        if source.is_dir() and not target.exists():
            source.rename(target)
