"""The command registry. To add a command, import its module here and append it to COMMANDS.

A command module exposes:

* ``register(subparsers) -> None``: ``subparsers.add_parser("name", help=...)`` plus its own
  options. ``--json``, ``--profile`` and ``--lang`` are added to every command parser for you.
* ``run(args, ctx) -> int`` (plain or ``async``): does the work through ``ctx``
  (:class:`amo_desktop.cli.context.CliContext`), prints only through ``ctx.out`` and raises
  :class:`amo_desktop.core.errors.AmoError` on failure. Import heavy modules inside ``run`` so
  that ``amo-desktop`` starts fast.
"""

from __future__ import annotations

from types import ModuleType

from amo_desktop.cli.commands import (
    configure,
    doctor,
    events,
    export_env,
    listen,
    login,
    logout,
    pipelines,
    profiles,
    push_tokens,
    sandbox,
    status,
    sync_check,
    test,
    test_lead,
    webhooks,
)

COMMANDS: tuple[ModuleType, ...] = (
    configure,
    login,
    status,
    test,
    pipelines,
    test_lead,
    export_env,
    push_tokens,
    logout,
    profiles,
    sandbox,
    listen,
    events,
    webhooks,
    sync_check,
    doctor,
)
