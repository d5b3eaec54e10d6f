"""The support report: checks, versions, system, masked settings and recent activity as one text.

Everything goes through the redactor last, after the run's own secrets (client secret, both
tokens, the webhook secret) have been added to it, so a secret that slipped into a check's
detail or a log line is still masked.
"""

from __future__ import annotations

import contextlib
import platform
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata

from amo_desktop.core.config import Profile
from amo_desktop.core.credentials import CLIENT_SECRET, CredentialStore
from amo_desktop.core.diagnostics.results import CheckResult, Outcome, overall_status
from amo_desktop.core.errors import AmoError
from amo_desktop.core.redact import Redactor

MARKS = {
    Outcome.PASSED: "✓",
    Outcome.WARNING: "!",
    Outcome.FAILED: "✗",
    Outcome.SKIPPED: "–",
}
# The keyring entry of the webhook listener's shared secret (see the ``listen`` command).
WEBHOOK_SECRET_KEY = "webhook_secret"  # noqa: S105 - an entry name, not a secret
_LIBRARIES = ("httpx", "keyring", "aiohttp", "PyJWT", "platformdirs", "filelock", "qasync")


@dataclass(frozen=True)
class ReportInputs:
    """What the report shows besides the checks.

    Attributes:
        profile_name: the diagnosed profile.
        profile: its settings (``None`` when not configured).
        recent_log: the last activity-log lines, oldest first.
        extra_versions: versions only the caller knows (the GUI adds Qt and PySide6).
        extra_secrets: more values to mask (a webhook secret the GUI holds).
    """

    profile_name: str
    profile: Profile | None
    recent_log: Sequence[str] = ()
    extra_versions: Mapping[str, str] = field(default_factory=dict)
    extra_secrets: Sequence[str] = ()


def mask_identifier(value: str) -> str:
    """``5f2d8c1e-…-1c2d3e4f5a6b`` -> ``5f2d…5a6b``: enough to compare, not enough to use."""
    value = value.strip()
    if len(value) <= 8:
        return "…" if value else ""
    return f"{value[:4]}…{value[-4:]}"


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The app, Python and library versions; Qt only if some caller already imported it."""
    found = {"amo-desktop": _version_of("amo-desktop"), "Python": platform.python_version()}
    for library in _LIBRARIES:
        found[library] = _version_of(library)
    # Looked up, never imported: the core must not load Qt.
    pyside = sys.modules.get("PySide6")
    if pyside is not None:
        found["PySide6"] = str(getattr(pyside, "__version__", "?"))
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None and hasattr(qt_core, "qVersion"):
        found["Qt"] = str(qt_core.qVersion())
    found.update(extra or {})
    return found


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


async def run_secrets(credentials: CredentialStore, profile_name: str) -> list[str]:
    """Every secret of the profile the keyring will give up.

    Each entry is read on its own: a damaged token bundle must not cost the mask of the client
    secret that was readable (the report is made precisely when something is broken).
    """
    found: list[str] = []
    for key in (CLIENT_SECRET, WEBHOOK_SECRET_KEY):
        with contextlib.suppress(AmoError):
            value = await credentials.get(profile_name, key)
            if value:
                found.append(value)
    with contextlib.suppress(AmoError):
        tokens = await credentials.get_tokens(profile_name)
        if tokens is not None:
            found += [value for value in (tokens.access_token, tokens.refresh_token) if value]
    return found


def _check_lines(results: Iterable[CheckResult]) -> list[str]:
    lines: list[str] = []
    for result in results:
        lines.append(f"{MARKS[result.outcome]} {result.title} [{result.id}]: {result.detail}")
        if result.fix:
            lines.append(f"    fix: {result.fix}")
        if result.error is not None:
            technical = f" ({result.error.debug})" if result.error.debug else ""
            lines.append(f"    error: {result.error.code.value}{technical}")
    return lines


def _profile_lines(inputs: ReportInputs) -> list[str]:
    profile = inputs.profile
    if profile is None:
        return [f"profile: {inputs.profile_name} (not configured)"]
    return [
        f"profile: {inputs.profile_name}",
        f"platform: {profile.platform}",
        f"account: {profile.account}",
        f"client id: {mask_identifier(profile.client_id)}",
        f"redirect URI: {profile.redirect_uri}",
        f"token owner: {profile.token_owner}",
    ]


async def build_support_report(
    results: Sequence[CheckResult],
    inputs: ReportInputs,
    *,
    credentials: CredentialStore,
    redactor: Redactor,
) -> str:
    """One text to paste into a support request; contains no secret."""
    redactor.add(*await run_secrets(credentials, inputs.profile_name), *inputs.extra_secrets)
    generated = datetime.fromtimestamp(time.time(), UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    sections: list[tuple[str, list[str]]] = [
        ("Checks", [f"status: {overall_status(list(results))}", *_check_lines(results)]),
        (
            "Versions",
            [f"{name}: {version}" for name, version in versions(inputs.extra_versions).items()],
        ),
        (
            "System",
            [
                f"OS: {platform.platform()}",
                f"keyring backend: {credentials.backend_name or 'not identified'}",
            ],
        ),
        ("Settings", _profile_lines(inputs)),
        ("Recent activity", list(inputs.recent_log) or ["(none)"]),
    ]
    lines = ["amo-desktop support report", f"generated: {generated}"]
    for heading, body in sections:
        lines += ["", f"== {heading} ==", *body]
    return "\n".join(redactor.mask(line) for line in lines) + "\n"
