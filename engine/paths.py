"""Where Pipedeck keeps its files, in a checkout and in a frozen bundle alike.

``PIPEDECK_HOME`` overrides every user directory at once: tests and portable installs
point it at a folder of their own so they never touch the user's real history or logs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Pipedeck"


def _home_override() -> Path | None:
    value = os.environ.get("PIPEDECK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """The user data directory (job store, offload folders)."""
    override = _home_override()
    if override is not None:
        path = override / "data"
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The user log directory; tracebacks go here, never to the screen."""
    override = _home_override()
    if override is not None:
        path = override / "logs"
    else:
        import platformdirs

        path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundle_root() -> Path:
    """The folder holding ``resources/``: the PyInstaller bundle or the source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """Path of a file under ``resources/`` (icons, styles, translations, samples)."""
    return bundle_root().joinpath("resources", *parts)
