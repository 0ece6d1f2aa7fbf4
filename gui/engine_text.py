"""The engine's progress lines in the window's language.

The engine writes English and sends each line's template and values along
(:mod:`engine.messages`); the window translates the template (context ``engine``, like the
registry's strings) and fills in the same values.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from engine.progress import Progress


def progress_text(progress: Progress) -> str:
    """``progress.message`` in the user's language, or as it came when it has no template."""
    if not progress.template:
        return progress.message
    template = QCoreApplication.translate("engine", progress.template)
    try:
        return template.format(**dict(progress.values))
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return progress.message
