"""Embeddings: the vector's shape, its first values, and a way to save the vectors.

A vector of hundreds of numbers means nothing on screen; what people need is to check
it exists (its shape) and take it elsewhere, so "Save as .npy…" writes every input's
vector of the job as one NumPy array, a row per input in input order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from engine.errors import PipedeckError
from engine.export.vectors import pooled_vectors, write_npy
from engine.tasks import TaskSpec
from gui.text_only import push_button
from gui.views.detail import DetailView

SHOWN_VALUES = 24


class VectorDetail(DetailView):
    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("vector_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.values = QPlainTextEdit(self)
        self.values.setObjectName("vector_values")
        self.values.setReadOnly(True)
        self.save_button = push_button(self.tr("Save as .npy…"), self)
        self.save_button.setObjectName("save_npy")
        self.save_button.setToolTip(self.tr("Save the vectors of all texts of this job as one "
                                            "NumPy array, one row per text, in order."))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(lambda: self.save_npy())
        self.status = QLabel(self)
        self.status.setObjectName("vector_status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.values, 1)
        layout.addLayout(row)
        self._current: dict[str, Any] | None = None

    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        self._current = merged
        if error or not merged:
            self.heading.setText(error or "")
            self.values.clear()
            self.save_button.setEnabled(bool(self._job_results()))
            return
        shape = merged.get("shape") or [0, 0]
        pooled = [float(v) for v in merged.get("pooled") or []]
        text = self.tr("{0} tokens × {1} numbers each. The vector is their average "
                       "({2} numbers).").replace("{0}", str(shape[0])).replace(
            "{1}", str(shape[1] if len(shape) > 1 else len(pooled))).replace(
            "{2}", str(merged.get("dim", len(pooled))))
        if merged.get("truncated"):
            text += " " + self.tr("The text was longer than the model reads; only its "
                                  "beginning was used.")
        self.heading.setText(text)
        shown = ",  ".join(f"{value:+.4f}" for value in pooled[:SHOWN_VALUES])
        if len(pooled) > SHOWN_VALUES:
            shown += "  " + self.tr("… and {0} more").replace(
                "{0}", str(len(pooled) - SHOWN_VALUES))
        self.values.setPlainText(shown)
        self.save_button.setEnabled(True)

    def _job_results(self) -> list[dict[str, Any]]:
        """Every input's result in this tab (the results panel above us holds them)."""
        widget = self.parentWidget()
        while widget is not None:
            gathered = getattr(getattr(widget, "model", None), "gathered", None)
            if callable(gathered):
                results: list[dict[str, Any]] = gathered()
                return results
            widget = widget.parentWidget()
        return [{"result": self._current}] if self._current else []

    def save_npy(self, target: str | None = None) -> Path | None:
        """Ask where (unless ``target`` is given) and write the vectors; returns the file."""
        results = self._job_results()
        if target is None:
            from PySide6.QtWidgets import QFileDialog  # dialogs: imported when used

            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save vectors"),
                                                    "embeddings.npy",
                                                    self.tr("NumPy array (*.npy)"))
            if not target:
                return None
        path = Path(target)
        if path.suffix.lower() != ".npy":
            path = path.with_name(path.name + ".npy")
        vectors = pooled_vectors(results)
        try:
            written = write_npy(path, vectors)
        except (OSError, PipedeckError) as exc:
            self.status.setStyleSheet("color:#b3261e")
            self.status.setText(str(exc))
            return None
        self.status.setStyleSheet("")
        count = sum(v is not None for v in vectors)
        self.status.setText(self.tr("Saved {0} vector(s) to {1}").replace(
            "{0}", str(count)).replace("{1}", written.name))
        return written

    def clear_view(self) -> None:
        self._current = None
        self.heading.clear()
        self.values.clear()
        self.status.clear()
        self.save_button.setEnabled(False)
