"""Logging set-up: a rotating file in the user log directory.

Tracebacks are written here and the user sees only the short message of the
:class:`~engine.errors.PipedeckError`; ``faulthandler`` writes hard crashes to the same folder.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import threading
from pathlib import Path
from typing import IO

from engine.paths import log_dir

_configured = False
_fault_file: IO[str] | None = None
_lock = threading.Lock()  # the window's worker and its excepthook may both get here


def setup_logging(level: int = logging.INFO) -> Path:
    """Configure the root logger once; returns the log file's path."""
    global _configured, _fault_file
    path = log_dir() / "pipedeck.log"
    with _lock:
        if _configured:
            return path
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter(
            "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(handler)
        root.setLevel(level)
        try:
            _fault_file = open(log_dir() / "crash.log", "a", encoding="utf-8")  # noqa: SIM115
            faulthandler.enable(_fault_file)
        except OSError:
            pass
        _configured = True
    return path
