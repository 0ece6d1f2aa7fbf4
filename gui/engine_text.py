"""The engine's progress lines and input errors in the window's language.

The engine writes English and sends each progress line's template and values along
(:mod:`engine.messages`); the window translates the template (context ``engine``, like the
registry's strings) and fills in the same values. An input's error line is read back into
its file name and reason: the frame and any fixed reason are translated.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from engine.messages import COULD_NOT_READ, REASONS
from engine.progress import Progress

_COULD_NOT_READ = re.compile(
    "^" + re.escape(COULD_NOT_READ).replace(re.escape("{name}"), "(?P<name>.*)")
    .replace(re.escape("{reason}"), "(?P<reason>.*)") + "$", re.DOTALL)
_REASONS = frozenset(REASONS)


def progress_text(progress: Progress) -> str:
    """``progress.message`` in the user's language, or as it came when it has no template."""
    if not progress.template:
        return progress.message
    template = QCoreApplication.translate("engine", progress.template)
    try:
        return template.format(**dict(progress.values))
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return progress.message


def error_text(error: str) -> str:
    """An input's error line ("could not read 'a.png': the file is empty") translated."""
    match = _COULD_NOT_READ.match(error)
    if match is None:
        return error
    reason = match["reason"]
    if reason in _REASONS:
        reason = QCoreApplication.translate("engine", reason)
    frame = QCoreApplication.translate("engine", COULD_NOT_READ)
    try:
        return frame.format(name=match["name"], reason=reason)
    except (KeyError, IndexError, ValueError):
        return error
