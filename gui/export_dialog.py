"""Choosing where results go; the writing itself is the engine's (same files as the CLI)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from engine.atomic import atomic_write_text
from engine.report import labels_csv
from engine.tasks import TaskSpec


def export_results(parent: QWidget, task: TaskSpec, gathered: list[dict[str, Any]],
                   target: str | None = None) -> list[Path]:
    """Ask for a file (unless ``target`` is given) and write CSV or JSON atomically."""
    if task.result_kind == "transcript":
        return export_transcripts(parent, gathered, target)
    if target is None:
        filters = "JSON (*.json)"
        if task.result_kind in ("labels", "answers"):
            filters = "CSV (*.csv);;" + filters
        if task.result_kind == "text":
            filters = "Text (*.txt);;" + filters
        title = QCoreApplication.translate("ExportDialog", "Export results")
        target, _ = QFileDialog.getSaveFileName(parent, title, f"{task.alias}-results", filters)
        if not target:
            return []
    path = Path(target)
    if not path.suffix:
        path = path.with_suffix(".csv" if task.result_kind in ("labels", "answers")
                                else ".json")
    if task.result_kind == "answers":
        return [_export_answers(path, gathered)]
    if path.suffix.lower() == ".csv" and task.result_kind == "labels":
        atomic_write_text(path, labels_csv(gathered))
    elif path.suffix.lower() == ".txt":
        atomic_write_text(path, "\n\n".join(str((g["result"] or {}).get("text", ""))
                                            for g in gathered))
    else:
        atomic_write_text(path, json.dumps(gathered, ensure_ascii=False, indent=2))
    return [path]


def _export_answers(path: Path, gathered: list[dict[str, Any]]) -> Path:
    """Document QA: the CLI's CSV (a row per file, columns per question) or its JSON."""
    from engine.export.tables import write_docqa_csv, write_docqa_json
    from engine.report import answers_results

    results = answers_results(gathered)
    if path.suffix.lower() == ".csv":
        return write_docqa_csv(path, results, include_page=True, overwrite=True)
    return write_docqa_json(path, results, overwrite=True)


class TranscriptExportDialog(QDialog):
    """Which formats, and where: beside each recording or in one folder."""

    FORMATS = (
        ("txt", QT_TRANSLATE_NOOP("TranscriptExportDialog", "Text (.txt)")),
        ("txt-timed", QT_TRANSLATE_NOOP("TranscriptExportDialog",
                                        "Text with times (.timestamps.txt)")),
        ("srt", QT_TRANSLATE_NOOP("TranscriptExportDialog", "Subtitles (.srt)")),
        ("vtt", QT_TRANSLATE_NOOP("TranscriptExportDialog", "Web subtitles (.vtt)")),
        ("json", QT_TRANSLATE_NOOP("TranscriptExportDialog",
                                   "Everything, for other programs (.json)")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export transcripts"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Formats:"), self))
        self.boxes: dict[str, QCheckBox] = {}
        for key, label in self.FORMATS:
            box = QCheckBox(self.tr(str(label)), self)
            box.setChecked(key in ("txt", "srt"))
            self.boxes[key] = box
            layout.addWidget(box)
        self.beside = QCheckBox(self.tr("Save next to each recording"), self)
        self.beside.setChecked(True)
        layout.addWidget(self.beside)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                   QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def formats(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]


def export_transcripts(parent: QWidget, gathered: list[dict[str, Any]],
                       target: str | None = None, formats: list[str] | None = None
                       ) -> list[Path]:
    """One set of files per recording (never overwriting); ``target`` is a folder."""
    from engine.report import export_transcripts as write_all

    if target is None and formats is None:
        dialog = TranscriptExportDialog(parent)
        if not dialog.exec():
            return []
        formats = dialog.formats()
        if not dialog.beside.isChecked():
            title = QCoreApplication.translate("ExportDialog", "Choose a folder")
            target = QFileDialog.getExistingDirectory(parent, title) or None
            if target is None:
                return []
    folder = Path(target) if target else None
    return write_all(gathered, folder, formats or ["txt", "srt"])
