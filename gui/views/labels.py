"""Ranked labels with score bars (image classification, zero-shot, text classification)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QTableView, QWidget

if TYPE_CHECKING:  # painting's classes: Qt builds them when the first bar is drawn
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

_Index = QModelIndex | QPersistentModelIndex


class LabelsModel(QAbstractTableModel):
    """Rows of (label, score), best first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float]] = []

    def set_labels(self, labels: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = sorted(((str(r["label"]), float(r["score"])) for r in labels),
                            key=lambda row: -row[1])
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, score = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else f"{score:.1%}"
        if role == Qt.ItemDataRole.UserRole:
            return score
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label}: {score:.4f}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("Label") if section == 0 else self.tr("Score")
        return None

    def labels(self) -> list[tuple[str, float]]:
        return list(self._rows)


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws the score column as a bar with its percentage on it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        from PySide6.QtGui import QColor, QPalette

        score = index.data(Qt.ItemDataRole.UserRole)
        if score is None:
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect.adjusted(4, 5, -4, -5)  # type: ignore[attr-defined]
        painter.save()
        palette = option.palette  # type: ignore[attr-defined]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, 3, 3)
        filled = QRect(rect)
        filled.setWidth(max(2, int(rect.width() * max(0.0, min(1.0, float(score))))))
        painter.setBrush(QColor(66, 133, 244))
        painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(rect.adjusted(6, 0, -6, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                         index.data(Qt.ItemDataRole.DisplayRole))
        painter.restore()


class LabelsView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels_model = LabelsModel(self)
        self.setModel(self.labels_model)
        self.setItemDelegateForColumn(1, ScoreBarDelegate(self))
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(28)
