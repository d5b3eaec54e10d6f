"""Checks of values given on the command line, before anything is sent anywhere.

A value that can never work is the person's to fix (exit 2), said before a listener starts or a
request leaves, not as a network error or an amoCRM refusal later.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, NoReturn

from amo_desktop.core.errors import AmoError, ErrorCode

if TYPE_CHECKING:
    from amo_desktop.cli.output import Output

HIGHEST_PORT: Final = 65535
# Longer than any webhook takes to arrive, short enough that a typo (3600000) is caught.
LONGEST_WAIT_SECONDS: Final = 3600


def port_number(value: str) -> int:
    """argparse type for a ``--port`` to listen on: 0 (any free port) to 65535.

    Checked while the command line is read, so a port no socket can have is a usage error in
    the person's language (see ``usage_uk``), not a crash when the listener binds.
    """
    try:
        port = int(value.strip())
    except ValueError:
        port = -1
    if not 0 <= port <= HIGHEST_PORT:
        raise argparse.ArgumentTypeError(
            f"must be a whole number from 0 to {HIGHEST_PORT}, not {value!r}"
        )
    return port


def wait_seconds(value: str) -> float:
    """argparse type for a ``--timeout`` in seconds: above 0 and at most an hour."""
    try:
        seconds = float(value.strip())
    except ValueError:
        seconds = math.nan
    if not 0 < seconds <= LONGEST_WAIT_SECONDS:  # also refuses nan and inf
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds above 0 and at most {LONGEST_WAIT_SECONDS}, not {value!r}"
        )
    return seconds


def usage_error(command: str, problem: str) -> AmoError:
    """The usage error (exit 2) of ``amo-desktop command``: ``problem`` already worded."""
    return AmoError(ErrorCode.USAGE, {"problem": problem, "command": f"amo-desktop {command}"})


def refuse(out: Output, command: str, problem_key: str, **params: object) -> NoReturn:
    """Stop with a usage error (exit 2) whose problem is the CLI text ``problem_key``."""
    raise usage_error(command, out.t(problem_key, **params))


def webhook_events(out: Output, names: Sequence[str]) -> tuple[str, ...]:
    """The event names (groups expanded) if amoCRM knows every one; else a usage error."""
    from amo_desktop.core.webhooks.subscriptions import EVENT_GROUPS, KNOWN_EVENTS, expand_events

    events = expand_events(names)
    unknown = [name for name in events if name not in KNOWN_EVENTS]
    if unknown:
        known = ", ".join([*EVENT_GROUPS, *sorted(KNOWN_EVENTS)])
        refuse(out, "webhooks subscribe", "unknown_events", names=", ".join(unknown), known=known)
    return events
