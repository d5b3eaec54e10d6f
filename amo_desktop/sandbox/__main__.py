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
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
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
    return run_sandbox(args.host, args.port, language=args.lang, redirect_uri=args.redirect_uri)


if __name__ == "__main__":
    sys.exit(main())
