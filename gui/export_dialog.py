"""Choosing where results go; the writing itself is the engine's (same files as the CLI)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from engine.atomic import atomic_write_text
from engine.report import labels_csv
from engine.tasks import TaskSpec


def export_results(parent: QWidget, task: TaskSpec, gathered: list[dict[str, Any]],
                   target: str | None = None) -> list[Path]:
    """Ask for a file (unless ``target`` is given) and write CSV or JSON atomically."""
    if target is None:
        filters = "JSON (*.json)"
        if task.result_kind == "labels":
            filters = "CSV (*.csv);;" + filters
        if task.result_kind == "text":
            filters = "Text (*.txt);;" + filters
        target, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export results"),
                                                f"{task.alias}-results", filters)
        if not target:
            return []
    path = Path(target)
    if not path.suffix:
        path = path.with_suffix(".csv" if task.result_kind == "labels" else ".json")
    if path.suffix.lower() == ".csv" and task.result_kind == "labels":
        atomic_write_text(path, labels_csv(gathered))
    elif path.suffix.lower() == ".txt":
        atomic_write_text(path, "\n\n".join(str((g["result"] or {}).get("text", ""))
                                            for g in gathered))
    else:
        atomic_write_text(path, json.dumps(gathered, ensure_ascii=False, indent=2))
    return [path]
