"""Table models for the model picker: Hub search results and installed models.

Search results grow page by page ("Load more"), so rows are appended in one batch per page
instead of rebuilding the view. Rows hold the engine's frozen values as they came.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from engine.cache import InstalledModel
from engine.hub import ModelSummary, human_count
from gui.param_form import tr_engine

_Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class SearchResultsModel(QAbstractTableModel):
    """One row per :class:`~engine.hub.ModelSummary`, in the order the Hub ranked them."""

    MODEL, DOWNLOADS, LIKES, UPDATED, LICENCE, SIZE, ACCESS = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ModelSummary] = []

    def set_rows(self, rows: Sequence[ModelSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: Sequence[ModelSummary]) -> None:
        """Add a further page, skipping models already listed (pages can overlap)."""
        known = {row.id for row in self.rows}
        fresh = [row for row in rows if row.id not in known]
        if not fresh:
            return
        start = len(self.rows)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self.rows.extend(fresh)
        self.endInsertRows()

    def summary(self, row: int) -> ModelSummary | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("Model"), self.tr("Downloads"), self.tr("Likes"),
                    self.tr("Updated"), self.tr("Licence"), self.tr("Size"),
                    self.tr("Access")][section]
        return None

    def _access(self, model: ModelSummary) -> str:
        flags = []
        if model.gated:
            flags.append(self.tr("Gated"))
        if model.private:
            flags.append(self.tr("Private"))
        return ", ".join(flags) if flags else self.tr("Open")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        model = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.MODEL:
                return model.id
            if column == self.DOWNLOADS:
                return human_count(model.downloads)
            if column == self.LIKES:
                return human_count(model.likes)
            if column == self.UPDATED:
                return model.last_modified_str
            if column == self.LICENCE:
                return model.license or "—"
            if column == self.SIZE:
                return "—" if model.size_bytes is None else model.size_str
            return self._access(model)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.DOWNLOADS, self.LIKES, self.SIZE):
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ACCESS and model.gated:
                return self.tr("The authors ask you to accept a licence on the Hub first.")
            if column == self.SIZE:
                if model.parameters is None:
                    return self.tr("The Hub does not list the size of this model's weights.")
                return self.tr("{0} parameters").replace("{0}", human_count(model.parameters))
            return model.id
        return None


class InstalledModelsModel(QAbstractTableModel):
    """Models in the local cache, most recently used first, as the engine lists them."""

    MODEL, TASK, SIZE, LAST_USED = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[InstalledModel] = []

    def set_rows(self, rows: Sequence[InstalledModel]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def installed(self, row: int) -> InstalledModel | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, repo_id: str) -> int:
        return next((i for i, row in enumerate(self.rows) if row.id == repo_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return [self.tr("Model"), self.tr("Task"), self.tr("Size on disk"),
                    self.tr("Last used")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        model = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.MODEL:
                return model.id
            if column == self.TASK:
                return tr_engine(model.task) if model.task else "—"
            if column == self.SIZE:
                return model.size_str
            return model.last_used_str
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(model.path)
        return None
