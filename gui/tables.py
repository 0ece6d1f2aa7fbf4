"""The lists of whole rows that the History and a page's results show."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTableView, QWidget


def rows_table(parent: QWidget, name: str, model: QAbstractItemModel) -> QTableView:
    """A read-only table of ``model`` whose rows are picked whole, without row numbers.

    Made when there is a first row to show: a view given a Python model builds Qt's enums,
    which the first frame does without (gui/__init__).
    """
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    return table
