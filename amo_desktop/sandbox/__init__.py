"""The amoCRM emulator: consent page, token endpoint, API v4 and webhook delivery."""

from amo_desktop.sandbox.clock import SandboxClock
from amo_desktop.sandbox.runner import run_sandbox
from amo_desktop.sandbox.server import SandboxServer
from amo_desktop.sandbox.state import DEFAULT_REDIRECT_URI, DEMO_CLIENT_ID, SandboxState
from amo_desktop.sandbox.threaded import ThreadedSandbox

__all__ = [
    "DEFAULT_REDIRECT_URI",
    "DEMO_CLIENT_ID",
    "SandboxClock",
    "SandboxServer",
    "SandboxState",
    "ThreadedSandbox",
    "run_sandbox",
]
