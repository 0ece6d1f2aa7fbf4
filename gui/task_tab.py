"""One tab per registry task: inputs, parameters, Run, and the results.

Every tab is this one class parameterised by its :class:`~engine.tasks.TaskSpec`; the
worker does the work, the tab only collects a :class:`~engine.jobs.JobSpec` and shows
what comes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from engine.errors import PipedeckError
from engine.tasks import TaskSpec
from gui.input_panel import InputPanel, dropped_paths
from gui.param_form import ParamForm, tr_engine
from gui.text_only import push_button
from gui.views.results import ResultsPanel

if TYPE_CHECKING:  # Qt builds these when an event arrives; start-up need not
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from engine.jobs import ItemResult, JobSpec


class TaskTab(QWidget):
    """Emits ``run_requested`` with a ready JobSpec (model and device filled in by the window)."""

    run_requested = Signal(object)
    edit_made = Signal(object)  # ItemResult with a user's edit, for the job store

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.setObjectName(f"tab_{task.alias}")
        self.setAcceptDrops(True)
        self.job_inputs: list[str] = []
        self._built = False
        self._building = False
        self._busy = False
        self._choices: dict[str, tuple[list[tuple[str, str]], Any]] = {}

    # -- built on first use -------------------------------------------------------------
    _PARTS = frozenset({"inputs", "form", "run_button", "message", "export_button", "results"})

    if not TYPE_CHECKING:  # mypy keeps checking attribute names as if none were lazy
        def __getattr__(self, name: str) -> Any:
            """A page's widgets exist once it is built; asking for one builds it.

            Only called for names not found the normal way, so a built page pays nothing.
            """
            if name in TaskTab._PARTS and not self.__dict__.get("_built", True):
                self.ensure_built()
                return self.__dict__[name]
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def built(self) -> bool:
        return self._built

    def set_busy(self, busy: bool) -> None:
        """Another job runs: Run is off here too (applied when the page is built)."""
        self._busy = busy
        if self._built:
            self.run_button.setEnabled(not busy)

    def set_choices(self, name: str, choices: list[tuple[str, str]], default: Any) -> None:
        """Choices the engine found (OCR languages…), kept for when the page is built."""
        self._choices[name] = (choices, default)
        if self._built:
            self.form.set_choices(name, choices, default)

    def ensure_built(self) -> None:
        """Create the page's widgets, once.

        A window with 17 task pages would spend most of its start-up building pages nobody
        has opened yet; each is built the first time it is shown or used instead.
        """
        if self._built or self._building:
            return
        self._building = True
        try:
            self._build()
        finally:
            self._building = False
        self._built = True
        for name, (choices, default) in self._choices.items():
            self.form.set_choices(name, choices, default)
        self.run_button.setEnabled(not self._busy)

    def _build(self) -> None:
        task = self.task
        description = QLabel(tr_engine(task.description), self)
        description.setWordWrap(True)
        description.setObjectName("task_description")
        self.inputs = InputPanel(task, self)
        self.form = ParamForm(task.params, self)
        self.run_button = push_button(self.tr("Run"), self)
        self.run_button.setObjectName("run_button")
        self.run_button.setDefault(True)
        self.run_button.setMinimumHeight(34)
        self.run_button.clicked.connect(self.request_run)
        self.message = QLabel(self)
        self.message.setObjectName("tab_message")
        self.message.setWordWrap(True)
        # no Qt.* on the first frame (gui/__init__): the flag is set from a style sheet
        self.message.setStyleSheet("qproperty-textInteractionFlags: TextSelectableByMouse;")
        self.export_button = push_button(self.tr("Export…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._export)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(description)
        left_layout.addWidget(self.inputs, 1)
        left_layout.addWidget(self.form)
        left_layout.addWidget(self.message)
        left_layout.addWidget(self.run_button)

        self.results = ResultsPanel(task, self)
        self.results.edit_made.connect(self.edit_made)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.results, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        right_layout.addLayout(bottom)

        splitter = QSplitter()  # horizontal; (self) would match the overload taking a Qt.*
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])  # 2:3 from the start, whatever each side holds yet
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- drag and drop --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            self.inputs.add_paths(paths)
            event.acceptProposedAction()

    # -- running ----------------------------------------------------------------------
    def build_spec(self, model: str, device: str, dtype: str) -> JobSpec:
        """Check the form here, so mistakes are reported before anything loads."""
        from engine.jobs import JobSpec  # the job machinery: not on the first frame's path
        from engine.params import resolve_params

        items = self.inputs.items()
        if not items:
            raise PipedeckError(self.tr("Add something to work on first: drop files here, "
                                        "or type some text."))
        params = self.form.values()
        resolve_params(self.task.params, params)
        return JobSpec(task=self.task.id, inputs=tuple(items), model=model, params=params,
                       device=device, dtype=dtype)

    def request_run(self) -> None:
        self.message.clear()
        self.run_requested.emit(self)

    def show_error(self, text: str) -> None:
        self.message.setText(f"<span style='color:#b3261e'>{text}</span>")

    def job_started(self, spec: JobSpec) -> None:
        self.job_inputs = list(spec.inputs)
        self.results.start(self.job_inputs)
        self.export_button.setEnabled(False)

    def add_result(self, result: ItemResult) -> None:
        self.results.add(result)

    def job_ended(self, message: str) -> None:
        self.export_button.setEnabled(bool(self.results.model.gathered()))
        if message:
            self.show_error(message)

    def show_stored(self, inputs: list[str], results: list[ItemResult]) -> None:
        """Show a job from the history with its saved results (:func:`engine.jobs.kept_results`)."""
        self.results.start(inputs)
        for result in results:
            self.results.add(result)
        self.export_button.setEnabled(bool(self.results.model.gathered()))

    def _export(self) -> None:
        from gui.export_dialog import export_results

        try:
            written = export_results(self, self.task, self.results.model.gathered())
        except (OSError, PipedeckError) as exc:
            from PySide6.QtWidgets import QMessageBox  # dialogs: imported when used

            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        if written:
            self.message.setText(self.tr("Saved: {0}").replace(
                "{0}", ", ".join(p.name for p in written)))


def choose_folder(parent: QWidget) -> str:
    from PySide6.QtWidgets import QFileDialog  # dialogs: imported when used

    title = QCoreApplication.translate("TaskTab", "Choose a model folder")
    return QFileDialog.getExistingDirectory(parent, title)
