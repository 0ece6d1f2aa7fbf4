"""The History panel: past jobs from the job store, reopened with a double-click."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.tasks import get_task
from gui.engine_text import job_text
from gui.param_form import tr_engine
from gui.tables import rows_table
from gui.text_only import hint, push_button

if TYPE_CHECKING:  # the store itself lives on the worker
    from PySide6.QtCore import Qt

    from engine.store import JobRecord

_Index = QModelIndex | QPersistentModelIndex
RESUMABLE = ("interrupted", "cancelled", "failed")
"""Jobs that stopped before their end: Resume runs the inputs they had not finished."""


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
                   role: int = 0) -> Any:  # DisplayRole; no Qt.* at import (gui/__init__)
        from PySide6.QtCore import Qt

        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("When"), self.tr("Task"), self.tr("State")][section]
        return None

    def _state(self, job: JobRecord) -> str:
        names = {"done": self.tr("Done"), "running": self.tr("Running"),
                 "cancelled": self.tr("Cancelled"), "failed": self.tr("Failed"),
                 "interrupted": self.tr("Interrupted")}
        return names.get(job.state, job.state)

    def data(self, index: _Index, role: int = 0) -> Any:  # DisplayRole (see headerData)
        from PySide6.QtCore import Qt

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
        self._view: QTableView | None = None
        self.setMinimumWidth(280)
        heading = QLabel(self.tr("History"), self)
        heading.setObjectName("history_heading")
        heading.setStyleSheet("font-weight: bold;")
        self.placeholder = hint(self.tr("Loading past jobs…"), self, "history_placeholder")
        self.open_button = push_button(self.tr("Open"), self)
        self.open_button.clicked.connect(lambda: self._open(self._selected_row()))
        self.resume_button = push_button(self.tr("Resume"), self)
        self.resume_button.setObjectName("resume_button")
        self.resume_button.clicked.connect(self._resume)
        for button in (self.open_button, self.resume_button):
            button.setEnabled(False)  # until a job is picked (_update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(heading)
        self._layout.addWidget(self.placeholder, 1)
        self._layout.addLayout(buttons)

    def set_jobs(self, jobs: list[JobRecord]) -> None:
        """Show the store's jobs (the worker lists them once it has started, and after each).

        The table is made for the first job: until then the panel says why it is empty, and
        the first frame gives no view a Python model (gui/__init__).
        """
        if jobs or self._view is not None:
            self._ensure_view()
        else:
            self.placeholder.setText(self.tr("No jobs yet. Each job you run is listed here, "
                                             "and can be opened again."))
        self.model.set_jobs(jobs)
        self._update_buttons()

    @property
    def view(self) -> QTableView:
        return self._ensure_view()

    def _selected_row(self) -> int:
        return -1 if self._view is None else self._view.currentIndex().row()

    def _ensure_view(self) -> QTableView:
        if self._view is None:
            from PySide6.QtCore import Qt

            view = rows_table(self, "history_view", self.model)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.doubleClicked.connect(lambda index: self._open(index.row()))
            view.selectionModel().currentRowChanged.connect(self._update_buttons)
            self._layout.replaceWidget(self.placeholder, view)
            self.placeholder.hide()
            view.show()  # now, not at the layout's next turn
            self._view = view
        return self._view

    def _update_buttons(self) -> None:
        """Open for any picked job; Resume only for one that stopped before its end."""
        row = self._selected_row()
        picked = 0 <= row < len(self.model.jobs)
        self.open_button.setEnabled(picked)
        self.resume_button.setEnabled(picked and self.model.jobs[row].state in RESUMABLE)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.jobs):
            self.open_requested.emit(self.model.jobs[row].id)

    def _resume(self) -> None:
        row = self._selected_row()
        if 0 <= row < len(self.model.jobs) and self.model.jobs[row].state in RESUMABLE:
            self.resume_requested.emit(self.model.jobs[row].id)
