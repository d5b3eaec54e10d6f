"""Everything the CLI prints goes through :class:`Output`: human text or one JSON object.

With ``--json`` stdout carries exactly one JSON object (the result or the error) and progress
lines go to stderr; without it results go to stdout and errors to stderr. Every line passes
through the redactor last, so a secret that slipped into a message is still masked.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TextIO

from amo_desktop.cli.texts import cli_hint, text
from amo_desktop.core.errors import AmoError, ErrorCode, LocalizedError


def _no_redaction(line: str) -> str:
    return line


class Output:
    """Renders results, progress notes and errors for one CLI run."""

    def __init__(
        self,
        *,
        json_mode: bool,
        language: str,
        redact: Callable[[str], str] = _no_redaction,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        profile_option: str = "",
    ) -> None:
        self.json_mode = json_mode
        # " --profile NAME" when not the default profile, so that suggested commands work as-is.
        self.profile_option = profile_option
        self.language = language
        self.redact = redact
        self._stdout = stdout or sys.stdout
        self._stderr = stderr or sys.stderr

    def t(self, key: str, **params: object) -> str:
        """The CLI text ``key`` in this run's language (``{profile_option}`` is filled in)."""
        return text(key, self.language, profile_option=self.profile_option, **params)

    def note(self, line: str) -> None:
        """A progress line for the person watching (never part of the JSON result)."""
        self._write(self._stderr if self.json_mode else self._stdout, line)

    def warn(self, line: str) -> None:
        self._write(self._stderr, line)

    def result(
        self,
        human: str | Iterable[str],
        payload: Mapping[str, object],
        *,
        redact: bool = True,
    ) -> None:
        """The command's outcome: ``human`` lines, or ``payload`` as one JSON object.

        ``redact=False`` is only for values that are meant to be copied and protect nothing
        (the sandbox's demo keys).
        """
        if self.json_mode:
            line = json.dumps(payload, ensure_ascii=False, default=str)
            self._write(self._stdout, line, redact=redact)
            return
        lines = [human] if isinstance(human, str) else list(human)
        for line in lines:
            self._write(self._stdout, line, redact=redact)

    def error(self, error: AmoError, *, extra: Mapping[str, object] | None = None) -> None:
        """One human line (title: message) plus the hint, or the JSON error object.

        ``extra`` adds fields to the JSON object (what was done before the failure), so that a
        script still gets exactly one object; the human lines for it are printed separately.
        """
        localized = self.localized(error)
        if self.json_mode:
            payload = {"status": "error", "error": localized.as_dict(), **(extra or {})}
            self._write(self._stdout, json.dumps(payload, ensure_ascii=False), redact=False)
            return
        self._write(self._stderr, f"{localized.title}: {localized.message}", redact=False)
        if localized.hint:
            hint_line = f"{self.t('hint_prefix')}: {localized.hint}"
            self._write(self._stderr, hint_line, redact=False)

    def localized(self, error: AmoError) -> LocalizedError:
        """``error`` in this run's language, masked, with the command-line hint where one exists."""
        # The catalogue's own sentences are ours (and may quote "code=" as an example); only the
        # values filled into them can carry something secret, so those are what is masked.
        details = {k: self.redact(v) for k, v in error.details.items()}
        if error.code is ErrorCode.USAGE and self.language == "uk" and "problem" in details:
            from amo_desktop.cli.usage_uk import in_ukrainian

            details["problem"] = in_ukrainian(details["problem"])
        masked = AmoError(error.code, details)
        localized = masked.localized(self.language)
        hint = cli_hint(error.code, self.language, self.profile_option)
        if hint is not None:
            localized = replace(localized, hint=hint)
        return localized

    def _write(self, stream: TextIO, line: str, *, redact: bool = True) -> None:
        stream.write((self.redact(line) if redact else line) + "\n")
        stream.flush()
