"""What a check finds, as plain data that the CLI prints and the GUI renders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from amo_desktop.core.errors import AmoError


class Outcome(StrEnum):
    """How a check ended. The order is the severity order used for the overall status."""

    PASSED = "passed"
    WARNING = "warning"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Phrase:
    """A sentence from the diagnostics text table (:mod:`.texts`) with its format parameters."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """What a check function returns; the runner turns it into a :class:`CheckResult`.

    Checks stay language-free: they name phrases, and the runner words them in the
    language the person reads. When ``fix`` is empty and ``error`` is set, the error's own
    catalogue hint is the fix.
    """

    outcome: Outcome
    detail: Phrase
    fix: Phrase | None = None
    error: AmoError | None = None


@dataclass(frozen=True)
class CheckResult:
    """One finished check, already worded in one language.

    Attributes:
        id: stable identifier (``"token"``, ``"keyring"`` …); scripts match on it.
        title: what was checked, in the reader's language.
        outcome: passed, warning, failed or skipped.
        detail: what was found, in plain words.
        error: the typed error behind a warning or failure, if there is one.
        fix: what to do about it; empty when there is nothing to do.
        elapsed_ms: how long the check took.
        fix_phrase: the phrase ``fix`` was worded from, with its parameters, so that a
            front end can say the same fix its own way (the command line names commands
            where the phrase names the window); ``None`` when the fix is the error's hint.
    """

    id: str
    title: str
    outcome: Outcome
    detail: str
    error: AmoError | None = None
    fix: str = ""
    elapsed_ms: int = 0
    fix_phrase: Phrase | None = None

    def as_dict(self, language: str = "en") -> dict[str, object]:
        """A JSON-ready form; ``error`` is the catalogue text in ``language``."""
        return {
            "id": self.id,
            "title": self.title,
            "outcome": self.outcome.value,
            "detail": self.detail,
            "fix": self.fix,
            "error": self.error.localized(language).as_dict() if self.error else None,
            "elapsed_ms": self.elapsed_ms,
        }


def overall_status(results: list[CheckResult]) -> str:
    """``"ok"`` when nothing failed (warnings are advice), otherwise ``"problems"``."""
    return "problems" if any(r.outcome is Outcome.FAILED for r in results) else "ok"
