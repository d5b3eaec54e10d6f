"""``python -m amo_desktop.sandbox [--host H] [--port P] [--redirect-uri URI] [--lang L]``."""

from __future__ import annotations

import argparse
import sys

from amo_desktop.sandbox.banner import redirect_uri_problem
from amo_desktop.sandbox.runner import run_sandbox
from amo_desktop.sandbox.state import DEFAULT_REDIRECT_URI


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m amo_desktop.sandbox", description="Run the amoCRM sandbox (emulator)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=_port, default=0, help="0 picks a free port")
    parser.add_argument(
        "--redirect-uri",
        default=DEFAULT_REDIRECT_URI,
        help="the demo integration's redirect address (default: %(default)s)",
    )
    parser.add_argument("--lang", choices=["en", "uk"], default="en")
    args = parser.parse_args(argv)
    problem = redirect_uri_problem(args.redirect_uri)
    if problem is not None:
        parser.error(problem)
    try:
        return run_sandbox(args.host, args.port, language=args.lang, redirect_uri=args.redirect_uri)
    except OSError as error:  # the address is taken or not on this machine
        parser.exit(1, f"{parser.prog}: can't listen on {args.host}:{args.port}: {error}\n")


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to 65535, not {value!r}")
    return port


if __name__ == "__main__":
    sys.exit(main())
