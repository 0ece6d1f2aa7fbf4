"""A tab's results: one row per input with its status, and the chosen row in detail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView, QVBoxLayout, QWidget

from engine.errors import display_name
from engine.tasks import TaskSpec
from gui.engine_text import error_text
from gui.tables import rows_table
from gui.text_only import hint

if TYPE_CHECKING:  # results arrive after the first frame; so do these modules
    from PySide6.QtCore import Qt

    from engine.jobs import ItemResult
    from gui.views.detail import DetailView

_Index = QModelIndex | QPersistentModelIndex


class ItemsModel(QAbstractTableModel):
    """Inputs of the current job, their state and a one-line summary."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.sources: list[str] = []
        self.payloads: dict[int, list[dict[str, Any]]] = {}
        self.errors: dict[int, str] = {}
        self.finished: set[int] = set()
        self.job_id: int | None = None

    def reset(self, sources: list[str]) -> None:
        self.beginResetModel()
        self.job_id = None
        self.sources = list(sources)
        self.payloads, self.errors, self.finished = {}, {}, set()
        self.endResetModel()

    def add(self, result: ItemResult) -> None:
        if result.index >= len(self.sources):
            return
        if result.job_id is not None:
            self.job_id = result.job_id
        if result.payload is not None:
            self.payloads.setdefault(result.index, []).append(result.payload)
        if result.error:
            self.errors[result.index] = result.error
        if result.complete:
            self.finished.add(result.index)
        self.dataChanged.emit(self.index(result.index, 0), self.index(result.index, 2))

    def merged(self, row: int) -> dict[str, Any] | None:
        """The input's result so far; {} for an input that finished with nothing in it."""
        from engine.report import merge_payloads

        merged = merge_payloads(self.task, self.payloads.get(row, []))
        if merged is None and row in self.finished and row not in self.errors:
            return {}
        return merged

    def gathered(self) -> list[dict[str, Any]]:
        return [{"input": source, "result": self.merged(i), "error": self.errors.get(i)}
                for i, source in enumerate(self.sources)
                if i in self.payloads or i in self.errors]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sources)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = 0) -> Any:  # DisplayRole; no Qt.* at import (gui/__init__)
        from PySide6.QtCore import Qt

        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("Input"), self.tr("Status"), self.tr("Result")][section]
        return None

    def shown_error(self, row: int) -> str | None:
        """Row ``row``'s error in the window's language (exports keep the engine's English)."""
        error = self.errors.get(row)
        return error_text(error) if error else None

    def _status(self, row: int) -> str:
        if row in self.errors:
            return self.tr("Could not read")
        if row in self.finished:
            return self.tr("Done")
        if row in self.payloads:
            return self.tr("Working…")
        return self.tr("Waiting")

    def _summary(self, row: int) -> str:
        if row in self.errors:
            return self.shown_error(row) or ""
        merged = self.merged(row)
        if not merged:
            return ""
        if merged.get("labels"):
            best = merged["labels"][0]
            return f"{best['label']} ({best['score']:.0%})"
        if "objects" in merged:
            names = list(dict.fromkeys(str(o.get("label")) for o in merged["objects"]))
            return self.tr("{0} found").replace("{0}", str(len(merged["objects"]))) + (
                ": " + ", ".join(names) if names else "")
        if "segments" in merged and self.task.result_kind == "image":
            return ", ".join(dict.fromkeys(str(x.get("label")) for x in merged["segments"]))
        if "depth_png" in merged:
            return self.tr("depth map")
        if "audio_file" in merged:
            return self.tr("{0} s of sound").replace(
                "{0}", f"{float(merged.get('duration_s') or 0):.1f}")
        if "entities" in merged:
            names = [str(e.get("word", "")).strip() for e in merged["entities"]]
            return ", ".join(dict.fromkeys(n for n in names if n))[:120] or self.tr("no names")
        if "pooled" in merged:
            return self.tr("{0} numbers").replace("{0}", str(merged.get("dim",
                                                                       len(merged["pooled"]))))
        if "segments" in merged:
            return " ".join(str(s.get("text", "")).strip() for s in merged["segments"])[:120]
        if "answers" in merged:
            return "; ".join(f"{a.get('answer') or '—'}" for a in merged["answers"])[:120]
        if "text" in merged:
            return str(merged["text"])[:120].replace("\n", " ")
        import json  # results come after the first frame; so may this module

        return json.dumps(merged, ensure_ascii=False)[:120]

    def data(self, index: _Index, role: int = 0) -> Any:  # DisplayRole (see headerData)
        from PySide6.QtCore import Qt

        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        source = self.sources[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return source if self.task.input_kind == "text" else display_name(source)
            return self._status(row) if column == 1 else self._summary(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.shown_error(row) or source
        if role == Qt.ItemDataRole.ForegroundRole and row in self.errors and column > 0:
            from PySide6.QtGui import QColor

            return QColor(180, 30, 30)
        return None


class ResultsPanel(QWidget):
    """The list of inputs on top, the selected input's result below."""

    selection_changed = Signal(int)
    edit_made = Signal(object)  # ItemResult carrying the edit, to be saved

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.model = ItemsModel(task, self)
        self._table: QTableView | None = None
        self._splitter: QSplitter | None = None
        self._detail: DetailView | None = None
        self._placeholder = hint(self.tr("Results appear here once a job runs."), self,
                                 "detail_placeholder")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._placeholder)
        self._current = -1

    @property
    def table(self) -> QTableView:
        return self._ensure_table()

    def _ensure_table(self) -> QTableView:
        """The inputs' table, made when a job starts or a stored one is shown.

        Until then the page shows a hint: an empty table would show only its header, and a
        view given a Python model builds Qt's enums on the first frame (gui/__init__).
        """
        if self._table is None:
            from PySide6.QtCore import Qt

            table = rows_table(self, "results_table", self.model)
            table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
            header.resizeSection(0, 220)
            table.selectionModel().currentRowChanged.connect(self._row_changed)
            self._placeholder.setText(self.tr("The result of the input selected above is "
                                              "shown here."))
            splitter = QSplitter(Qt.Orientation.Vertical, self)
            self._layout.removeWidget(self._placeholder)
            splitter.addWidget(table)
            splitter.addWidget(self._placeholder)
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 2)
            self._layout.addWidget(splitter)
            self._table, self._splitter = table, splitter
        return self._table

    @property
    def detail(self) -> DetailView:
        """The selected input's result view, made when a job starts or a result is shown.

        A page is drawn before it has any result; its view (a transcript's player and
        search, a document's page view) would only add widgets nobody can use yet, and the
        cost of their Qt classes to the window's start-up when it is the first page.
        """
        if self._detail is None:
            from gui.views.detail import make_detail_view

            view = make_detail_view(self.task, self)
            view.setObjectName("detail_view")
            view.edit_requested.connect(self._edited)
            self._ensure_table()  # the view goes below it
            assert self._splitter is not None
            self._splitter.replaceWidget(1, view)
            self._placeholder.deleteLater()
            self._detail = view
            # a quarter for the list, the rest for the result: now if the page is laid out,
            # else once it is (a job opened from the History builds its page and view at once)
            if not self._give_result_the_room():
                QTimer.singleShot(0, self, self._give_result_the_room)
        return self._detail

    def _give_result_the_room(self) -> bool:
        if self._splitter is None:
            return True
        height = sum(self._splitter.sizes())
        if height:
            self._splitter.setSizes([height // 4, height - height // 4])
        return bool(height)

    def start(self, sources: list[str]) -> None:
        self._ensure_table()  # a job shows its inputs from its start
        self.model.reset(sources)
        if self._detail is not None:
            self._detail.clear_view()
        self._current = -1
        if sources:
            self.table.selectRow(0)
            self._show(0)

    def add(self, result: ItemResult) -> None:
        self.model.add(result)
        if self._current < 0:
            self.table.selectRow(result.index)
        if result.index == self._current and self.detail.append(result):
            return
        if result.index == self._current:
            self._show(result.index)

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._show(current.row())
            self.selection_changed.emit(current.row())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.model.sources):
            return
        new_source = row != self._current
        self._current = row
        self.detail.show_result(self.model.sources[row], self.model.merged(row),
                                self.model.shown_error(row), new_source=new_source)

    def _edited(self, payload: dict[str, Any]) -> None:
        row = self._current
        if not 0 <= row < len(self.model.sources):
            return
        from engine.jobs import ItemResult

        result = ItemResult(row, self.model.sources[row], payload, job_id=self.model.job_id,
                            complete=False)
        self.model.payloads.setdefault(row, []).append(payload)
        self.edit_made.emit(result)

    @property
    def current_row(self) -> int:
        return self._current
