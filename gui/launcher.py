"""The ``pipedeck`` console script: the window without arguments, the CLI with them.

This module imports neither Qt nor torch at import time, so ``pipedeck TASK ...`` runs
headless (no display needed) and the window path starts drawing as early as possible.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def import_engine_first() -> None:
    """Import the Qt-free modules the window needs before Qt itself.

    Once PySide6 is loaded it inspects every later import (it reads each module's source
    for its ``__feature__`` switches): about 0.2 ms a module, 15–20 ms of start-up over the
    80-odd engine and standard-library modules the window pulls in. Imported first, they
    are not inspected. (PySide6 is never imported by them: see tests/test_architecture.py.)
    """
    import engine.inputs
    import engine.jobs
    import engine.logs
    import engine.report  # noqa: F401


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("--lang", "--gui"):
        import_engine_first()
        from gui.app import run_app

        return run_app(args)
    from engine.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
