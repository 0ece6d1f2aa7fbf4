"""The History panel: past jobs from the job store, reopened with a double-click."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.tasks import get_task
from gui.engine_text import job_text
from gui.param_form import tr_engine
from gui.text_only import push_button

if TYPE_CHECKING:  # the store itself lives on the worker
    from engine.store import JobRecord

_Index = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs: list[JobRecord] = []

    def set_jobs(self, jobs: list[JobRecord]) -> None:
        self.beginResetModel()
        self.jobs = list(jobs)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.jobs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("When"), self.tr("Task"), self.tr("State")][section]
        return None

    def _state(self, job: JobRecord) -> str:
        names = {"done": self.tr("Done"), "running": self.tr("Running"),
                 "cancelled": self.tr("Cancelled"), "failed": self.tr("Failed"),
                 "interrupted": self.tr("Interrupted")}
        return names.get(job.state, job.state)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        job = self.jobs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                when = time.localtime(job.created)
                today = when[:3] == time.localtime()[:3]
                return time.strftime("%H:%M" if today else "%d %b %H:%M", when)
            if index.column() == 1:
                try:
                    return tr_engine(get_task(job.task).name)
                except Exception:
                    return job.task
            return self._state(job)
        if role == Qt.ItemDataRole.ToolTipRole:
            first = job.inputs[0] if job.inputs else ""
            more = f" (+{len(job.inputs) - 1})" if len(job.inputs) > 1 else ""
            return f"{job.model}\n{first[:80]}{more}\n{job_text(job.message)}"
        return None


class HistoryPanel(QWidget):
    open_requested = Signal(int)
    resume_requested = Signal(int)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("history_view")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.open_button = push_button(self.tr("Open"), self)
        self.open_button.clicked.connect(lambda: self._open(self.view.currentIndex().row()))
        self.resume_button = push_button(self.tr("Resume"), self)
        self.resume_button.setObjectName("resume_button")
        self.resume_button.clicked.connect(self._resume)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.jobs):
            self.open_requested.emit(self.model.jobs[row].id)

    def _resume(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < len(self.model.jobs) and \
                self.model.jobs[row].state in ("interrupted", "cancelled", "failed"):
            self.resume_requested.emit(self.model.jobs[row].id)
