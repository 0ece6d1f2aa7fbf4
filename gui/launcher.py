"""The ``pipedeck`` console script: the window without arguments, the CLI with them.

This module imports neither Qt nor torch at import time, so ``pipedeck TASK ...`` runs
headless (no display needed) and the window path starts drawing as early as possible.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("--lang", "--gui"):
        from gui.app import run_app

        return run_app(args)
    from engine.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
