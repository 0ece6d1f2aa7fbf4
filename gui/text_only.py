"""Buttons and actions with text and no icon, made without building ``QIcon`` at start-up.

Given ``(text, parent)``, PySide6 tries the ``(icon, text, parent)`` overload of
``QPushButton`` and ``QAction`` first; checking ``text`` against ``QIcon`` builds that class
and its ~150 theme icon names as Python enums, 2-4 ms of the window's start-up. The
one-argument constructors have no icon overload to try.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget


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
