"""``python -m amo_desktop`` and ``amo-desktop``: a command runs the CLI, no command the GUI.

The GUI launcher lives here rather than in :mod:`amo_desktop.cli` so that the command line
never depends on Qt (the layer contract forbids it); the CLI receives it as a callable.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def start_gui() -> int:
    """Start the desktop window, or explain in one paragraph why it can't start."""
    # Qt aborts the whole process when its platform can't start, so the known causes are
    # checked first, without Qt, and explained (the checks cost a few milliseconds).
    from amo_desktop.gui.preflight import broken_install, chosen_language, explain, problems

    # The settings are read for the language only when there is something to say: the
    # launcher reads them anyway on a normal start.
    if problems(os.environ):
        language = chosen_language()
        print(explain(problems(os.environ, language=language), language), file=sys.stderr)
        return 1
    try:
        from amo_desktop.gui import launcher
    except ImportError as error:  # a broken install (PySide6 missing or damaged)
        print(broken_install(error, chosen_language()), file=sys.stderr)
        return 1
    return int(launcher.main() or 0)


def main(argv: Sequence[str] | None = None) -> int:
    from amo_desktop.cli.main import main as cli_main

    return cli_main(argv, start_gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
