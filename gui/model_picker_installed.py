"""The picker's "Installed" page: models in the local cache, their size, and Remove.

Scanning the cache reads every file's metadata and removing deletes gigabytes, so both run
on the picker's background calls; the page only shows their answers. Removal asks first,
naming the space it frees, the way ``huggingface_hub``'s own delete strategy previews it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from engine.cache import InstalledModel, installed_models, remove_model
from engine.hub import HubConfig, human_size, resolve_cache_dir
from gui.model_picker_calls import Answer, BackgroundCalls, answering
from gui.model_picker_models import InstalledModelsModel
from gui.text_only import push_button


def result_table(parent: QWidget, name: str, model: QAbstractTableModel,
                 stretch_column: int) -> QTableView:
    """A read-only, row-selecting table whose ``stretch_column`` takes the spare width."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    view.setModel(model)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


class InstalledPage(QWidget):
    """Lists installed models; ``said(text, is_error)`` reports outcomes to the dialog."""

    said = Signal(str, bool)
    selection_changed = Signal()
    activated = Signal()

    def __init__(self, config: Callable[[], HubConfig], calls: BackgroundCalls,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("installed_page")
        self._config = config
        self._calls = calls
        where = QLabel(self.tr("Models on this computer, in {0}").replace(
            "{0}", str(resolve_cache_dir(config().cache_dir))), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = InstalledModelsModel(self)
        self.view = result_table(self, "installed_models", self.model,
                                 InstalledModelsModel.MODEL)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        self.view.doubleClicked.connect(self.activated)
        self.label = QLabel(self)
        self.label.setObjectName("installed_label")
        refresh = push_button(self.tr("Refresh"), self)
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.refresh)
        self.remove_button = push_button(self.tr("Remove…"), self)
        self.remove_button.setObjectName("remove_model")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        row.addWidget(refresh)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def selected(self) -> InstalledModel | None:
        return self.model.installed(self.view.currentIndex().row())

    def _selected(self, *_: object) -> None:
        self.remove_button.setEnabled(self.selected() is not None)
        self.selection_changed.emit()

    def refresh(self) -> None:
        """Scan the cache again in the background."""
        config = self._config()
        self.label.setText(self.tr("Looking for installed models…"))
        self._calls.start(answering(None, lambda: installed_models(config=config)),
                          self._listed, self._crashed)

    def _crashed(self, error: BaseException) -> None:
        self.label.setText("")
        self.said.emit(self.tr("Something went wrong: {0}").replace("{0}", str(error)), True)

    def _listed(self, answer: Answer) -> None:
        if answer.error is not None:
            self.label.setText("")
            self.said.emit(answer.error.message, True)
            return
        rows: list[InstalledModel] = answer.value
        current = self.selected()
        self.model.set_rows(rows)
        if current is not None and (row := self.model.row_of(current.id)) >= 0:
            self.view.selectRow(row)
        total = sum(model.size_bytes for model in rows)
        self.label.setText(
            self.tr("No models installed yet.") if not rows else
            (self.tr("1 model, {1} on disk") if len(rows) == 1 else
             self.tr("{0} models, {1} on disk")).replace("{0}", str(len(rows)))
            .replace("{1}", human_size(total)))
        self._selected()

    def remove_selected(self) -> None:
        """Ask, naming the space freed, then delete every cached revision of the model."""
        model = self.selected()
        if model is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove model"),
            self.tr("Remove '{0}' from this computer? This frees {1} of disk space; you can "
                    "download it again later.").replace("{0}", model.id)
            .replace("{1}", model.size_str),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        config, repo_id = self._config(), model.id
        self.remove_button.setEnabled(False)
        self._calls.start(answering(repo_id, lambda: remove_model(repo_id, config=config)),
                          self._removed, self._crashed)

    def _removed(self, answer: Answer) -> None:
        if answer.error is not None:
            self.said.emit(answer.error.message, True)
        else:
            self.said.emit(self.tr("Removed '{0}': {1} freed.").replace("{0}", answer.key)
                           .replace("{1}", human_size(answer.value)), False)
        self.refresh()
