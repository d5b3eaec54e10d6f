"""The commands the checks' fixes name, said for the profile under diagnosis."""

from __future__ import annotations

from amo_desktop.core.diagnostics.context import DiagnosticsContext


def command(ctx: DiagnosticsContext, arguments: str) -> str:
    """``amo-desktop --profile <name> <arguments>`` for the diagnosed profile.

    The profile is always named: a bare command runs on the config's current profile, which
    need not be the one diagnosed (``--profile ws doctor``), and the context cannot tell.
    """
    return f"amo-desktop --profile {ctx.profile_name} {arguments}"


def refresh_command(ctx: DiagnosticsContext) -> dict[str, object]:
    """The parameters of a fix that offers the real token refresh on the command line."""
    return {"command": command(ctx, "doctor --refresh")}
