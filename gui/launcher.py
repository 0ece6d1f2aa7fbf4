"""The ``pipedeck`` console script: the window without arguments, the CLI with them.

This module imports neither Qt nor torch at import time, so ``pipedeck TASK ...`` runs
headless (no display needed) and the window path starts drawing as early as possible.
"""

from __future__ import annotations

import faulthandler
import gc
import sys
from collections.abc import Sequence


def prepare_window_start() -> None:
    """Prepare the window's start, before Qt is imported: cheaper, and crashes still seen.

    - The cyclic garbage collector is held until the window is up (``gui.app`` resumes it
      at the first event-loop turn): start-up allocates ~10^5 long-lived objects (modules,
      classes, Qt's Python enums) and the collector would walk them ~50 times (2 % of the
      start-up's instructions, ~6 ms here).
    - Hard crashes go to stderr until the worker opens the log file (``engine.logs``).
    - The task registry (``engine.tasks`` and the modules it imports) is imported before
      Qt itself. Once PySide6 is loaded it inspects every module an import statement
      returns for the first time (it reads the module's source, looking for its
      ``__feature__`` switches); the registry's inner imports then happen before that hook
      exists, and only the modules the window imports by name are read (2 M instructions
      fewer). (PySide6 is never imported by the engine: see tests/test_architecture.py.)
      The job machinery (``engine.jobs``, ``engine.inputs``, ``engine.report``) is not
      needed before a job runs or a result shows.
    """
    gc.disable()
    try:  # a hard crash before the log file is open still leaves a traceback on stderr
        faulthandler.enable()
    except (AttributeError, RuntimeError, ValueError, OSError):  # no usable stderr (pythonw)
        pass
    import engine.paths
    import engine.tasks  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("--lang", "--gui"):
        prepare_window_start()
        from gui.app import run_app

        return run_app(args)
    from engine.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
