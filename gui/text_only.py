"""Text widgets of the first frame, made without building costly Python enums at start-up.

Given ``(text, parent)``, PySide6 tries the ``(icon, text, parent)`` overload of
``QPushButton`` and ``QAction`` first; checking ``text`` against ``QIcon`` builds that class
and its ~150 theme icon names as Python enums, 2-4 ms of the window's start-up. The
one-argument constructors have no icon overload to try. A hint is centred from a style
sheet: ``Qt.AlignmentFlag`` would build Qt's whole namespace (gui/__init__).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def push_button(text: str, parent: QWidget) -> QPushButton:
    """``QPushButton(text, parent)``."""
    button = QPushButton(parent)
    button.setText(text)
    return button


def action(text: str, parent: QObject) -> QAction:
    """``QAction(text, parent)``."""
    made = QAction(parent)
    made.setText(text)
    return made


def hint(text: str, parent: QWidget, name: str) -> QLabel:
    """A greyed, centred, wrapped line saying what a still-empty area will show."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setStyleSheet("qproperty-alignment: AlignCenter;")
    label.setWordWrap(True)
    label.setEnabled(False)  # greyed: a hint, not content
    return label
