"""The command line's entry point: global options, the command registry, the top-level guard.

Every failure ends here as one translated line (or one JSON object) and an exit code:
2 for bad usage or input the person must change, 1 for an operation that failed.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from amo_desktop import __version__
from amo_desktop.cli.commands import COMMANDS
from amo_desktop.cli.output import Output
from amo_desktop.core.errors import AmoError, ErrorCode

if TYPE_CHECKING:
    from amo_desktop.cli.context import CliContext

LANGUAGES = ("en", "uk")

# Errors the person fixes by changing the command or its input (exit 2); the rest exit 1.
INPUT_ERROR_CODES = frozenset(
    {
        ErrorCode.USAGE,
        ErrorCode.SECRET_IN_ARGUMENT,
        ErrorCode.INVALID_DOMAIN,
        ErrorCode.API_DOMAIN_GIVEN,
        ErrorCode.INVALID_BASE_URL,
        ErrorCode.INVALID_CLIENT_ID,
        ErrorCode.INVALID_REDIRECT_URI,
        ErrorCode.MISSING_CLIENT_SECRET,
        ErrorCode.INVALID_PROFILE_NAME,
        ErrorCode.PROFILE_NOT_FOUND,
        ErrorCode.PROFILE_EXISTS,
        ErrorCode.ENV_FILE_NOT_FOUND,
        ErrorCode.ENV_FILE_EXISTS,
        ErrorCode.ENV_FILE_INVALID,
        ErrorCode.INVALID_URL,
        ErrorCode.BACKEND_URL_NOT_PLAIN,
        ErrorCode.INVALID_CODE_INPUT,
        ErrorCode.LONG_LIVED_TOKEN_INVALID,
        ErrorCode.REDIRECT_NOT_LOOPBACK,
    }
)

# Options that would put a secret into argv (shell history, the process list).
SECRET_OPTIONS = ("--client-secret", "--access-token", "--refresh-token", "--token")


def exit_code_for(error: AmoError) -> int:
    return 2 if error.code in INPUT_ERROR_CODES else 1


class _UsageError(Exception):
    def __init__(self, command: str, problem: str) -> None:
        super().__init__(problem)
        self.command = command
        self.problem = problem


class _Parser(argparse.ArgumentParser):
    """Raises instead of printing and exiting, so the guard renders usage errors like any other."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)


class _CommandParser(_Parser):
    """A command's parser: it also accepts the global options after the command name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        kwargs.setdefault("conflict_handler", "resolve")
        super().__init__(*args, **kwargs)
        _add_global_options(self, defaults=False)


def _add_global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # After the command name the options must not overwrite values given before it.
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--profile",
        metavar="NAME",
        default=default(None),
        help="which profile to use (default: the current one, else 'default')",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print one JSON object on stdout (errors too)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=default(None),
        help="language of messages (default: the system's)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="amo-desktop",
        description=(
            "Connect a business system to amoCRM or Kommo: keys, authorization, tokens in the "
            "keyring, connection test, test leads, webhooks. Without a command it opens the window."
        ),
        epilog=(
            "First steps with the built-in sandbox: run 'amo-desktop sandbox' in one terminal, "
            "then follow the commands it prints."
        ),
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"amo-desktop {__version__}")
    _add_global_options(parser, defaults=True)
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_CommandParser
    )
    for module in COMMANDS:
        known = set(subparsers.choices)
        module.register(subparsers)
        for name in set(subparsers.choices) - known:
            command_parser = subparsers.choices[name]
            command_parser.set_defaults(command_module=module, command_prog=command_parser.prog)
    return parser


def _secret_in_argv(argv: Sequence[str]) -> str | None:
    for argument in argv:
        if argument == "--":
            return None
        option = argument.split("=", 1)[0]
        if option in SECRET_OPTIONS:
            return option
    return None


def _language_guess(argv: Sequence[str]) -> str:
    """The language asked for, before argparse has run (its errors need translating too)."""
    for index, argument in enumerate(argv):
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
            if value in LANGUAGES:
                return value
        elif argument == "--lang" and index + 1 < len(argv) and argv[index + 1] in LANGUAGES:
            return argv[index + 1]
    from amo_desktop.core.i18n import detect_language

    return detect_language()


def _make_streams_safe() -> None:
    # A console in a legacy code page must not turn a Ukrainian message into a crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None, *, start_gui: Callable[[], int] | None = None) -> int:
    """Run one command; return its exit code. ``start_gui`` runs when no command is given."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    _make_streams_safe()
    output = Output(json_mode="--json" in arguments, language=_language_guess(arguments))
    try:
        secret_option = _secret_in_argv(arguments)
        if secret_option is not None:
            raise AmoError(ErrorCode.SECRET_IN_ARGUMENT, {"option": secret_option})
        args, unknown = build_parser().parse_known_args(arguments)
        if unknown:
            # Reported against the command, so that the hint points to the right --help.
            command = getattr(args, "command_prog", "amo-desktop")
            raise _UsageError(command, "unrecognized arguments: " + " ".join(unknown))
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    except _UsageError as error:
        usage = AmoError(ErrorCode.USAGE, {"problem": error.problem, "command": error.command})
        output.error(usage)
        return exit_code_for(usage)
    except AmoError as error:
        output.error(error)
        return exit_code_for(error)

    if args.command is None:
        if start_gui is not None and not args.json:
            return start_gui()
        if args.json:  # a script gets its one JSON object, not the help text
            usage = AmoError(
                ErrorCode.USAGE, {"problem": output.t("no_command"), "command": "amo-desktop"}
            )
            output.error(usage)
            return exit_code_for(usage)
        build_parser().print_help()
        return 2

    from amo_desktop.cli.context import CliContext
    from amo_desktop.core.logbook import route_logging

    context = CliContext(
        profile=args.profile, json_mode=args.json, language=args.lang or output.language
    )
    # A library's error goes to the activity log: the terminal shows only our own messages.
    stop_routing = route_logging(lambda: context.logbook)
    try:
        return context.guard(lambda: _dispatch(args, context))
    finally:
        stop_routing()


def _dispatch(args: argparse.Namespace, context: CliContext) -> int:
    run = args.command_module.run
    if inspect.iscoroutinefunction(run):
        return asyncio.run(context.run_async(run(args, context)))
    return int(run(args, context))
