"""The engine's progress lines and input errors in the window's language.

The engine writes English and sends each progress line's template and values along
(:mod:`engine.messages`); the window translates the template (context ``engine``, like the
registry's strings) and fills in the same values. An input's error line is read back into
its file name and reason: the frame and any fixed reason are translated.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from engine.messages import COULD_NOT_READ, JOB_ENDINGS, NAMES, REASONS

if TYPE_CHECKING:
    from engine.progress import Progress

_PREFIX, _MIDDLE = COULD_NOT_READ.split("{name}")[0], "': "


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"{(\w+)}", template)  # text, field, text, field, …, text
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+)"
                    for i, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


@functools.cache
def _endings() -> list[tuple[str, re.Pattern[str]]]:
    """Compiled when a job first ends, not when the window starts."""
    return [(template, _pattern(template)) for template in JOB_ENDINGS]


def progress_text(progress: Progress) -> str:
    """``progress.message`` in the user's language, or as it came when it has no template."""
    if not progress.template:
        return progress.message
    template = QCoreApplication.translate("engine", progress.template)
    try:
        return template.format(**dict(progress.values))
    except Exception:  # a translation that lost or mangled a field: show the English
        return progress.message


def _split(error: str) -> tuple[str, str] | None:
    """(name, reason) of an error line, or None when it is not one.

    A fixed reason is matched from the end first, so a name holding "': " stays whole;
    otherwise the line is split at the first "': " (a reason with details may hold one).
    """
    if not error.startswith(_PREFIX):
        return None
    rest = error[len(_PREFIX):]
    for reason in REASONS:
        if rest.endswith(_MIDDLE + reason):
            return rest[: -len(_MIDDLE + reason)], reason
    name, middle, reason = rest.partition(_MIDDLE)
    return (name, reason) if middle else None


def error_text(error: str) -> str:
    """An input's error line ("could not read 'a.png': the file is empty") translated."""
    parts = _split(error)
    if parts is None:
        return error
    name, reason = parts
    if reason in REASONS:
        reason = QCoreApplication.translate("engine", reason)
    if name in NAMES:
        name = QCoreApplication.translate("engine", name)
    frame = QCoreApplication.translate("engine", COULD_NOT_READ)
    try:
        return frame.format(name=name, reason=reason)
    except Exception:  # a mangled translation: the English line is still right
        return error


def job_text(message: str) -> str:
    """How a job ended ("2 input(s) could not be read", "Cancelled; …") translated; other
    sentences (a model that is missing, offline…) as the engine wrote them."""
    for template, pattern in _endings():
        match = pattern.fullmatch(message)
        if match is not None:
            try:
                return QCoreApplication.translate("engine", template).format(**match.groupdict())
            except Exception:  # a mangled translation: the English sentence is still right
                return message
    return message
