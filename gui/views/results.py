"""A tab's results: one row per input with its status, and the chosen row in detail."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt,
                            Signal)
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (QHeaderView, QLabel, QPlainTextEdit, QSplitter, QStackedWidget,
                               QTableView, QVBoxLayout, QWidget)

from engine.errors import display_name
from engine.jobs import ItemResult
from engine.report import merge_payloads
from engine.tasks import TaskSpec
from gui.views.labels import LabelsView

_Index = QModelIndex | QPersistentModelIndex
MAX_PREVIEW_PIXELS = 60_000_000


class ItemsModel(QAbstractTableModel):
    """Inputs of the current job, their state and a one-line summary."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.sources: list[str] = []
        self.payloads: dict[int, list[dict[str, Any]]] = {}
        self.errors: dict[int, str] = {}
        self.finished: set[int] = set()

    def reset(self, sources: list[str]) -> None:
        self.beginResetModel()
        self.sources = list(sources)
        self.payloads, self.errors, self.finished = {}, {}, set()
        self.endResetModel()

    def add(self, result: ItemResult) -> None:
        if result.index >= len(self.sources):
            return
        if result.payload is not None:
            self.payloads.setdefault(result.index, []).append(result.payload)
        if result.error:
            self.errors[result.index] = result.error
        if result.complete:
            self.finished.add(result.index)
        self.dataChanged.emit(self.index(result.index, 0), self.index(result.index, 2))

    def merged(self, row: int) -> dict[str, Any] | None:
        return merge_payloads(self.task, self.payloads.get(row, []))

    def gathered(self) -> list[dict[str, Any]]:
        return [{"input": source, "result": self.merged(i), "error": self.errors.get(i)}
                for i, source in enumerate(self.sources)
                if i in self.payloads or i in self.errors]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.sources)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("Input"), self.tr("Status"), self.tr("Result")][section]
        return None

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
            return self.errors[row]
        merged = self.merged(row)
        if not merged:
            return ""
        if "labels" in merged and merged["labels"]:
            best = merged["labels"][0]
            return f"{best['label']} ({best['score']:.0%})"
        if "segments" in merged:
            return " ".join(str(s.get("text", "")).strip() for s in merged["segments"])[:120]
        if "answers" in merged:
            return "; ".join(f"{a.get('answer') or '—'}" for a in merged["answers"])[:120]
        if "text" in merged:
            return str(merged["text"])[:120].replace("\n", " ")
        return json.dumps(merged, ensure_ascii=False)[:120]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        source = self.sources[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return source if self.task.input_kind == "text" else display_name(source)
            return self._status(row) if column == 1 else self._summary(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.errors.get(row) or source
        if role == Qt.ItemDataRole.ForegroundRole and row in self.errors and column > 0:
            from PySide6.QtGui import QColor

            return QColor(180, 30, 30)
        return None


class ResultsPanel(QWidget):
    """The list of inputs on top, the selected input's result below."""

    selection_changed = Signal(int)

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.model = ItemsModel(task, self)
        self.table = QTableView(self)
        self.table.setObjectName("results_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 220)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(160)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("result_heading")
        self.labels = LabelsView(self)
        self.labels.setObjectName("labels_view")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("result_text")
        self.text.setReadOnly(True)
        self.detail = QStackedWidget(self)
        labels_page = QWidget(self)
        labels_layout = QVBoxLayout(labels_page)
        labels_layout.setContentsMargins(0, 0, 0, 0)
        if task.input_kind == "image":
            labels_layout.addWidget(self.preview, 1)
        else:
            self.preview.hide()
        labels_layout.addWidget(self.heading)
        labels_layout.addWidget(self.labels, 1)
        self.detail.addWidget(labels_page)
        self.detail.addWidget(self.text)
        self.detail.setCurrentIndex(0 if task.result_kind == "labels" else 1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._current = -1

    def start(self, sources: list[str]) -> None:
        self.model.reset(sources)
        self.text.clear()
        self.labels.labels_model.set_labels([])
        self.preview.clear()
        self.heading.clear()
        if sources:
            self.table.selectRow(0)
            self._show(0)

    def add(self, result: ItemResult) -> None:
        self.model.add(result)
        if self.task.result_kind == "text" and result.payload and "delta" in result.payload:
            cursor = self.text.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            cursor.insertText(str(result.payload["delta"]))
            return
        if result.index == self._current or self._current < 0:
            if self._current < 0:
                self.table.selectRow(result.index)
            self._show(result.index)

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            self._show(current.row())
            self.selection_changed.emit(current.row())

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.model.sources):
            return
        changed = row != self._current
        self._current = row
        source = self.model.sources[row]
        merged = self.model.merged(row)
        error = self.model.errors.get(row)
        if self.task.input_kind == "image" and changed:
            self._load_preview(source)
        if self.task.result_kind == "labels":
            self.heading.setText(error or (source if self.task.input_kind == "text" else ""))
            self.labels.labels_model.set_labels((merged or {}).get("labels", []))
        elif self.task.result_kind != "text" or error:
            self.text.setPlainText(error or self._format(merged))
        elif merged is not None and self.text.toPlainText() != str(merged.get("text", "")):
            self.text.setPlainText(str(merged.get("text", "")))

    def _format(self, merged: dict[str, Any] | None) -> str:
        if merged is None:
            return ""
        if "segments" in merged:
            return "\n".join(str(s.get("text", "")).strip() for s in merged["segments"])
        if "answers" in merged:
            lines = []
            for answer in merged["answers"]:
                lines.append(f"{answer.get('question')}\n    {answer.get('answer') or '—'}"
                             f"   ({float(answer.get('score') or 0):.0%}, page "
                             f"{int(answer.get('page') or 0) + 1})")
            lines.extend(str(w) for w in merged.get("warnings", []))
            return "\n".join(lines)
        if "text" in merged:
            return str(merged["text"])
        return json.dumps(merged, ensure_ascii=False, indent=2)

    def _load_preview(self, source: str) -> None:
        """Scaled on read, and refused for giant images, so the GUI never stalls on one."""
        reader = QImageReader(source)
        size = reader.size()
        if not Path(source).is_file() or not size.isValid() or \
                size.width() * size.height() > MAX_PREVIEW_PIXELS:
            self.preview.setText(self.tr("No preview"))
            return
        box = QSize(max(64, self.preview.width()), max(64, self.preview.height()))
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            self.preview.setText(self.tr("No preview"))
        else:
            self.preview.setPixmap(QPixmap.fromImage(image))
