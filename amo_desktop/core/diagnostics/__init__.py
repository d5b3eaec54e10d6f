"""The troubleshooting centre's checks, shared by ``doctor`` and the GUI.

``DiagnosticsRunner(session, credentials, ...)`` runs every check concurrently and yields a
:class:`CheckResult` as each one ends; ``build_support_report`` turns a run into one text
with every secret masked.
"""

from amo_desktop.core.diagnostics.context import WebhookSetup
from amo_desktop.core.diagnostics.results import CheckResult, Outcome, overall_status
from amo_desktop.core.diagnostics.runner import DiagnosticsRunner

__all__ = ["CheckResult", "DiagnosticsRunner", "Outcome", "WebhookSetup", "overall_status"]
