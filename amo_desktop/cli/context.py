"""The command line's composition root: one :class:`CliContext` per run.

It builds the core the CLI talks to (``AppCore`` with the real keyring's ``CredentialStore``,
a ``Logbook`` under the app home and the system browser), owns the output and the redactor,
and turns every failure into one rendered error and an exit code. Heavy modules are imported
only when a command first needs them, so ``--help`` and usage errors stay instant.
"""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Coroutine, Iterator
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from amo_desktop.cli.output import Output
from amo_desktop.core.errors import AmoError, ErrorCode

if TYPE_CHECKING:
    from amo_desktop.core.logbook import Logbook
    from amo_desktop.core.redact import Redactor
    from amo_desktop.core.service import AppCore, ProfileSession

DEFAULT_PROFILE = "default"
INTERRUPTED_EXIT_CODE = 130


class CliContext:
    """Everything a command needs for one run: its profile, output, core and input."""

    def __init__(
        self,
        *,
        profile: str | None,
        json_mode: bool,
        language: str,
        home: Path | None = None,
        stdin: TextIO | None = None,
    ) -> None:
        from amo_desktop.core.paths import app_home

        self.home = home if home is not None else app_home()
        self.language = language
        self._requested_profile = profile
        self._stdin = stdin or sys.stdin
        self._core: AppCore | None = None
        self._profile_name: str | None = None
        self.out = Output(
            json_mode=json_mode,
            language=language,
            redact=self._redact,
            profile_option=self._profile_option(profile),
        )

    # -- the profile and the core ------------------------------------------------------------

    def _profile_option(self, requested: str | None) -> str:
        """``" --profile NAME"`` when a bare command would use another profile, else ``""``.

        Suggested commands are copied as they are, so they must reach the same profile even
        when ``default`` is asked for while another one is current.
        """
        if not requested:
            return ""
        from amo_desktop.core.config import ConfigStore

        try:
            bare = ConfigStore(self.home).current or DEFAULT_PROFILE
        except AmoError:  # a damaged settings file: naming the profile is right either way
            bare = None
        return "" if requested == bare else f" --profile {requested}"

    @property
    def profile_name(self) -> str:
        """``--profile``, else the config's current profile, else ``default``."""
        if self._profile_name is None:
            self._profile_name = self._chosen_profile()
        return self._profile_name

    def _chosen_profile(self) -> str:
        if self._requested_profile:
            from amo_desktop.core.paths import validate_profile_name

            return validate_profile_name(self._requested_profile)
        from amo_desktop.core.config import ConfigStore

        return ConfigStore(self.home).current or DEFAULT_PROFILE

    @property
    def core(self) -> AppCore:
        if self._core is None:
            self._core = self._build_core()
        return self._core

    def session(self) -> ProfileSession:
        return self.core.session(self.profile_name)

    def diagnosed_session(self) -> ProfileSession:
        """The session ``doctor`` examines: a settings file that cannot be read is one of its
        findings, not a reason to stop, so the profile falls back to ``default`` then."""
        try:
            return self.session()
        except AmoError as error:
            if error.code is not ErrorCode.CONFIG_UNREADABLE:
                raise
        self._profile_name = DEFAULT_PROFILE
        return self.session()

    def _build_core(self) -> AppCore:
        from amo_desktop.core.browser import SystemBrowser
        from amo_desktop.core.credentials import CredentialStore
        from amo_desktop.core.keyring_backend import system_keyring
        from amo_desktop.core.service import AppCore

        return AppCore(
            home=self.home,
            # The backend remembered from an earlier run, found on first use: keyring's
            # full discovery would cost every command a few hundred milliseconds.
            credentials=CredentialStore(resolve=partial(system_keyring, self.home)),
            logbook=self.logbook,
            browser=SystemBrowser(),
            language=self.language,
        )

    @cached_property
    def logbook(self) -> Logbook:
        from amo_desktop.core.logbook import Logbook

        return Logbook.under(self.home, redactor=self.redactor)

    # -- secrets -----------------------------------------------------------------------------

    @cached_property
    def redactor(self) -> Redactor:
        from amo_desktop.core.redact import Redactor

        return Redactor()

    def remember_secret(self, secret: str) -> None:
        """Mask ``secret`` in everything this run prints or logs."""
        self.redactor.add(secret)

    def _redact(self, text: str) -> str:
        return self.redactor.mask(text)

    # -- input -------------------------------------------------------------------------------

    def read_stdin(self) -> str:
        """All of a pipe, or one line typed on a terminal (Enter ends it, not Ctrl-D)."""
        return self._stdin.readline() if self._stdin.isatty() else self._stdin.read()

    def stdin_is_terminal(self) -> bool:
        return self._stdin.isatty()

    def ask_hidden(self, prompt: str) -> str | None:
        """What the person types without echo; ``None`` when nothing was (Enter or Ctrl-D).

        Ctrl-C raises ``KeyboardInterrupt`` at once, as in any blocking read: the prompt
        blocks the event loop, whose own SIGINT handler only cancels the running task and so
        would wait until the typing ends.
        """
        with _ctrl_c_interrupts():
            try:
                # The prompt goes to stderr so that stdout stays clean for --json.
                answer = getpass.getpass(prompt, stream=sys.stderr)
            except (EOFError, KeyboardInterrupt) as stopped:
                sys.stderr.write("\n")  # getpass ends the prompt's line only after an answer
                if isinstance(stopped, KeyboardInterrupt):
                    raise
                answer = ""
        return answer.strip() or None

    # -- running and failing -----------------------------------------------------------------

    async def run_async(self, command: Coroutine[Any, Any, int]) -> int:
        """Await a command, then close the core's HTTP clients."""
        try:
            return int(await command)
        finally:
            if self._core is not None:
                await self._core.aclose()

    def guard(self, command: Callable[[], int]) -> int:
        """Run ``command``; any failure becomes one rendered error and an exit code."""
        from amo_desktop.cli.main import exit_code_for

        try:
            return command()
        except AmoError as error:
            self._log_failure(error.code, error.debug)
            self._report(error)
            return exit_code_for(error)
        except KeyboardInterrupt:
            self.out.warn(self.out.t("cancelled"))
            return INTERRUPTED_EXIT_CODE
        except BrokenPipeError:
            # The reader stopped early (``amo-desktop pipelines | head``): that is its choice.
            # Point stdout at nothing so that the interpreter's final flush stays quiet.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
        except Exception:  # the last line of defence: a person never sees a traceback
            details = traceback.format_exc()
            self._learn_stored_secrets()
            self._log_failure(ErrorCode.UNEXPECTED, details)
            unexpected = AmoError(ErrorCode.UNEXPECTED)
            self._report(unexpected)
            return exit_code_for(unexpected)

    def _report(self, error: AmoError) -> None:
        try:
            self.out.error(error)
        except Exception:  # rendering itself broke (a damaged install): say the code at least
            sys.stderr.write(f"amo-desktop: {error.code.value}\n")

    def _learn_stored_secrets(self) -> None:
        """Teach the redactor the profile's stored secrets before an unknown failure is logged:
        a traceback may quote any value, and only known secrets can be masked for sure."""

        async def learn() -> None:
            credentials = self.core.credentials
            tokens = await credentials.get_tokens(self.profile_name)
            self.redactor.add(await credentials.get_client_secret(self.profile_name))
            if tokens is not None:
                self.redactor.add(tokens.access_token, tokens.refresh_token)

        try:
            asyncio.run(learn())
        except Exception:  # noqa: S110 - a keyring that fails here must not hide the failure
            pass

    def _log_failure(self, code: ErrorCode, debug: str) -> None:
        try:
            self.logbook.error(f"cli: {code.value}", detail=debug)
        except Exception:  # noqa: S110 - a broken logbook must not hide the error being reported
            pass


@contextlib.contextmanager
def _ctrl_c_interrupts() -> Iterator[None]:
    """Python's own Ctrl-C handling for a while (signal handlers belong to the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
