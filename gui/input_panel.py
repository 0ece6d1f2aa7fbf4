"""Where inputs go in: a drop list of files (and folders), or a text box."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.tasks import TaskSpec
from gui.engine_text import error_text
from gui.text_only import push_button

if TYPE_CHECKING:  # Qt builds these when an event arrives; start-up need not
    from PySide6.QtGui import QDragEnterEvent, QDropEvent


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[str]:
    mime = event.mimeData()
    paths = []
    for url in mime.urls():
        if url.isLocalFile():
            paths.append(url.toLocalFile())
        elif url.scheme() in ("http", "https"):
            paths.append(url.toString())
    return paths


class InputPanel(QWidget):
    """The inputs of one tab; ``changed`` fires when the list or text changes."""

    changed = Signal()

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.text_mode = task.input_kind == "text"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        # A text page has a text box, a file page a file list: only the one it uses is made.
        if self.text_mode:
            from PySide6.QtWidgets import QPlainTextEdit

            self.text = QPlainTextEdit(self)
            self.text.setObjectName("input_text")
            if task.alias == "zero-shot":
                self.text.setPlaceholderText(self.tr(
                    "Type or paste texts here, one per line.\n\nExample: Dear Amazon, last week "
                    "I ordered an Optimus Prime action figure, but received a Megatron one."))
            else:
                self.text.setPlaceholderText(self.tr("Type or paste your text here."))
            layout.addWidget(self.text)
            self.open_button = push_button(self.tr("Open text file…"), self)
            self.open_button.clicked.connect(self._open_text)
            buttons.addWidget(self.open_button)
            self.text.textChanged.connect(self.changed)
        else:
            self.files = QListWidget(self)
            self.files.setObjectName("input_files")
            self.files.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
            self.files.setAlternatingRowColors(True)
            self.hint = QLabel(self.tr("Drop files or a folder here, or use Add files…"), self)
            self.hint.setObjectName("drop_hint")
            self.hint.setStyleSheet("qproperty-alignment: AlignCenter;")  # no Qt.*: gui/__init__
            self.hint.setWordWrap(True)
            layout.addWidget(self.hint)
            layout.addWidget(self.files)
            self.open_button = push_button(self.tr("Add files…"), self)
            self.open_button.clicked.connect(self._open_files)
            folder = push_button(self.tr("Add folder…"), self)
            folder.clicked.connect(self._open_folder)
            clear = push_button(self.tr("Clear"), self)
            clear.clicked.connect(self.clear)
            buttons.addWidget(self.open_button)
            buttons.addWidget(folder)
            buttons.addWidget(clear)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_hint()

    def _filter(self) -> str:
        patterns = " ".join(f"*{ext}" for ext in self.task.extensions)
        return self.tr("Supported files ({0});;All files (*)").replace("{0}", patterns)

    def _open_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs: imported when used

        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), "", self._filter())
        self.add_paths(names)

    def _open_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder"))
        if folder:
            self.add_paths([folder])

    def _open_text(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open text file"), "",
                                              self.tr("Text files (*.txt *.csv *.tsv);;"
                                                      "All files (*)"))
        if name:
            self.add_paths([name])

    def add_paths(self, paths: list[str]) -> None:
        """Folders become their files; text tasks read text files into the box."""
        if not paths:
            return
        from PySide6.QtCore import Qt  # not on the first frame (gui/__init__)

        from engine.inputs import expand_inputs, is_url, read_texts  # not needed to start

        if self.text_mode:
            from engine.errors import PipedeckError

            lines: list[str] = []
            for path in paths:
                try:
                    lines.extend(read_texts(path))
                except PipedeckError as exc:
                    lines.append(f"# {error_text(str(exc))}")
            existing = self.text.toPlainText().rstrip()
            self.text.setPlainText("\n".join(([existing] if existing else []) + lines))
            return
        present = set(self.items())
        for item in expand_inputs(paths, self.task.extensions):
            if item in present:
                continue
            entry = QListWidgetItem(item if is_url(item) else Path(item).name)
            entry.setData(Qt.ItemDataRole.UserRole, item)
            entry.setToolTip(item)
            self.files.addItem(entry)
        self._update_hint()
        self.changed.emit()

    def clear(self) -> None:
        if self.text_mode:
            self.text.clear()
        else:
            self.files.clear()
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        if not self.text_mode:
            self.hint.setVisible(self.files.count() == 0)

    def items(self) -> list[str]:
        if self.text_mode and self.task.result_kind == "text":
            prompt = self.text.toPlainText().strip()
            return [prompt] if prompt else []
        if self.text_mode:
            return [line.strip() for line in self.text.toPlainText().splitlines()
                    if line.strip() and not line.startswith("# could not read")]
        from PySide6.QtCore import Qt

        return [self.files.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.files.count())]
