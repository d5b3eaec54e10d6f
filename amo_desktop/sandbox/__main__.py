"""``python -m amo_desktop.sandbox [--host H] [--port P]``."""

from __future__ import annotations

import argparse
import sys

from amo_desktop.sandbox.runner import run_sandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m amo_desktop.sandbox", description="Run the amoCRM sandbox (emulator)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--lang", choices=["en", "uk"], default="en")
    args = parser.parse_args(argv)
    return run_sandbox(args.host, args.port, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
