"""The main window: device and model above, a tab per task, progress and history.

The window never waits for the engine: requests go to the worker as queued signals and
answers come back as signals. Only ``EngineWorker.cancel`` is called directly (it sets a
flag), so Cancel works while a job is running.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QToolButton,
    QWidget,
)

from engine.errors import PipedeckError
from engine.tasks import TaskSpec, all_tasks, get_task
from gui.engine_text import job_text, progress_text
from gui.history import HistoryPanel
from gui.param_form import tr_engine
from gui.settings import Settings
from gui.task_tab import TaskTab
from gui.text_only import action as text_action
from gui.text_only import push_button
from gui.worker import EngineWorker, start_worker

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from engine.jobs import ItemResult, JobOutcome, JobSpec
    from engine.progress import Progress


def _standard_key(name: str) -> Any:
    """The platform's key sequence for a standard action (``Quit`` is Ctrl+Q, or ⌘Q)."""
    from PySide6.QtGui import QKeySequence

    return QKeySequence(getattr(QKeySequence.StandardKey, name))


def format_duration(seconds: float) -> str:
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class MainWindow(QMainWindow):
    request_run = Signal(object)
    request_warm_up = Signal()
    request_jobs = Signal()
    request_job = Signal(int)
    request_resume = Signal(object)
    request_save = Signal(object)
    job_done = Signal(object)  # JobOutcome, after the window has shown it
    CLOSE_WAIT_MS = (3000, 10000)
    """How long closing waits for the engine's thread: a running job stops at its next check."""

    def __init__(self, settings: Settings | None = None, worker: EngineWorker | None = None,
                 tasks: tuple[TaskSpec, ...] | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("Pipedeck")
        self.setObjectName("main_window")
        self.resize(1180, 760)
        self.tabs_by_id: dict[str, TaskTab] = {}
        self._running: TaskTab | None = None
        self._started_at = 0.0
        self.engine_ready = False
        self._last_spec: JobSpec | None = None

        self._build_top_bar()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("task_tabs")
        self.tabs.setDocumentMode(True)
        for task in tasks or all_tasks():
            tab = TaskTab(task, self)
            tab.run_requested.connect(self._run_tab)
            tab.edit_made.connect(self.request_save)
            self.tabs_by_id[task.id] = tab
            self.tabs.addTab(tab, tr_engine(task.name))
        self.tabs.currentChanged.connect(self._tab_changed)
        # A task list down the side instead of a tab bar: a dozen tasks fit, each readable.
        self.tabs.tabBar().hide()
        self.task_list = QListWidget(self)
        self.task_list.setObjectName("task_list")
        self.task_list.setFrameShape(QListWidget.Shape.NoFrame)
        self.task_list.setStyleSheet("QListWidget#task_list::item { padding-left: 12px; }")
        # addItems, not QListWidgetItem(text, list): that overload set has one taking an icon,
        # and matching against it builds QIcon's ~150 Python enums (2-4 ms of start-up).
        self.task_list.addItems([self.tabs.tabText(i) for i in range(self.tabs.count())])
        for index in range(self.tabs.count()):
            item = self.task_list.item(index)
            item.setToolTip(tr_engine(self.tabs_by_id[list(self.tabs_by_id)[index]]
                                      .task.description))
            item.setSizeHint(QSize(0, 34))
        self.task_list.setFixedWidth(max(150, self.task_list.sizeHintForColumn(0) + 28))
        self.task_list.currentRowChanged.connect(self.tabs.setCurrentIndex)
        self.tabs.currentChanged.connect(self.task_list.setCurrentRow)
        central = QWidget(self)
        central_layout = QHBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.task_list)
        self._build_history()
        # History at the side, in a splitter rather than a dock: a dock needs a Qt.* area
        # to be placed (gui/__init__). Hidden and shown again from the View menu.
        panes = QSplitter()  # horizontal; (self) would match the overload taking a Qt.*
        panes.setObjectName("history_splitter")
        panes.addWidget(self.tabs)
        panes.addWidget(self.history)
        panes.setStretchFactor(0, 1)
        panes.setStretchFactor(1, 0)
        for pane in (0, 1):  # dragged to its minimum, never shut: the menu shows it again
            panes.setCollapsible(pane, False)
        panes.setSizes([880, 300])
        self.panes = panes
        central_layout.addWidget(panes, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self._build_menu()

        self.worker = worker or EngineWorker()
        self.engine_thread = start_worker(self.worker, self)
        self.request_run.connect(self.worker.run_job)
        self.request_warm_up.connect(self.worker.warm_up)
        self.request_jobs.connect(self.worker.list_jobs)
        self.request_job.connect(self.worker.load_job)
        self.request_resume.connect(self.worker.resume_job)
        self.request_save.connect(self.worker.save_result)
        self.worker.ready.connect(self._engine_ready)
        self.worker.job_started.connect(self._job_started)
        self.worker.progress.connect(self._progress)
        self.worker.partial.connect(self._partial)
        self.worker.job_finished.connect(self._job_finished)
        self.worker.jobs_listed.connect(self.history.set_jobs)
        self.worker.job_loaded.connect(self._job_loaded)
        self.worker.failed.connect(lambda text: self.status_message.setText(text))

        self._elapsed_timer = QTimer(self)
        self._elapsed_timer.setInterval(500)
        self._elapsed_timer.timeout.connect(self._tick)
        self._restore()

    # -- construction ---------------------------------------------------------------
    def _build_top_bar(self) -> None:
        bar = QWidget(self)
        bar.setObjectName("top_bar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(8, 6, 8, 6)
        self.device_combo = QComboBox(bar)
        self.device_combo.setObjectName("device_combo")
        self.device_combo.addItem(self.tr("CPU"), "cpu")
        self.device_combo.setMinimumWidth(150)
        self.device_combo.currentIndexChanged.connect(self._device_changed)
        self.dtype_combo = QComboBox(bar)
        self.dtype_combo.setObjectName("dtype_combo")
        self.dtype_combo.currentIndexChanged.connect(self._dtype_changed)
        self._set_dtypes(("auto", "float32"))
        self.model_combo = QComboBox(bar)
        self.model_combo.setObjectName("model_combo")
        self.model_combo.setEditable(True)
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model_combo.setMinimumWidth(200)
        editor = self.model_combo.lineEdit()
        assert editor is not None  # made by setEditable(True)
        editor.setPlaceholderText(self.tr("Model id or folder"))
        self.model_combo.currentTextChanged.connect(self._model_edited)
        self.choose_button = QToolButton(bar)
        self.choose_button.setObjectName("choose_model")
        self.choose_button.setText(self.tr("Choose model…"))
        self.choose_button.clicked.connect(self.choose_model)
        self.folder_button = QToolButton(bar)
        self.folder_button.setText(self.tr("Open folder…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.engine_label = QLabel(self.tr("Starting the AI engine…"), bar)
        self.engine_label.setObjectName("engine_label")
        layout.addWidget(QLabel(self.tr("Device:"), bar))
        layout.addWidget(self.device_combo)
        layout.addWidget(QLabel(self.tr("Precision:"), bar))
        layout.addWidget(self.dtype_combo)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Model:"), bar))
        layout.addWidget(self.model_combo, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.engine_label)
        self.addToolBarBreak()
        from PySide6.QtWidgets import QToolBar

        toolbar = QToolBar(self.tr("Device and model"), self)
        toolbar.setObjectName("top_toolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(bar)
        self.addToolBar(toolbar)  # at the top

    def _set_dtypes(self, dtypes: tuple[str, ...]) -> None:
        names = {"auto": self.tr("Automatic"), "float32": self.tr("Full (float32)"),
                 "float16": self.tr("Half (float16)"), "bfloat16": self.tr("Half (bfloat16)"),
                 "int8": self.tr("8-bit"), "int4": self.tr("4-bit")}
        current = self.dtype_combo.currentData() or self.settings.dtype
        self.dtype_combo.blockSignals(True)
        self.dtype_combo.clear()
        for dtype in dtypes:
            self.dtype_combo.addItem(names.get(dtype, dtype), dtype)
        if "int8" not in dtypes:
            from PySide6.QtGui import QStandardItemModel

            for dtype in ("int8", "int4"):
                self.dtype_combo.addItem(names[dtype], dtype)
                model = self.dtype_combo.model()
                if isinstance(model, QStandardItemModel):
                    item = model.item(self.dtype_combo.count() - 1)
                    item.setEnabled(False)
                    item.setToolTip(self.tr(
                        "8-bit and 4-bit need the bitsandbytes package and a CUDA GPU"))
        index = self.dtype_combo.findData(current)
        if index < 0 or (current in ("int8", "int4") and "int8" not in dtypes):
            index = 0
        self.dtype_combo.setCurrentIndex(index)
        self.dtype_combo.blockSignals(False)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.status_message = QLabel(self.tr("Ready"), self)
        self.status_message.setObjectName("status_message")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("progress_bar")
        self.progress_bar.setMaximumWidth(260)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.elapsed_label = QLabel("", self)
        self.elapsed_label.setObjectName("elapsed_label")
        self.cancel_button = push_button(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_job)
        status.addWidget(self.status_message, 1)
        status.addPermanentWidget(self.elapsed_label)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)

    def _build_history(self) -> None:
        self.history = HistoryPanel(self)
        self.history.setObjectName("history_panel")
        self.history.open_requested.connect(self.request_job)
        self.history.resume_requested.connect(self._resume)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = text_action(self.tr("&Quit"), self)
        quit_action.setObjectName("quit_action")
        quit_action.triggered.connect(self.close)
        # Its shortcut is set at the first event-loop turn: QKeySequence's ~70 standard keys
        # become Python enums when the class is first used, a cost the first frame need not pay.
        QTimer.singleShot(0, self, lambda: quit_action.setShortcut(_standard_key("Quit")))
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        history_action = text_action(self.tr("History"), self)
        history_action.setObjectName("history_action")
        history_action.setCheckable(True)
        history_action.setChecked(True)
        history_action.toggled.connect(self.history.setVisible)
        history_action.setChecked(self.settings.history_shown)  # as the user left it
        self.history_action = history_action
        view_menu.addAction(history_action)
        language_menu = view_menu.addMenu(self.tr("Language"))
        for code, name in (("", self.tr("Follow the system")), ("en", "English"),
                           ("zh_CN", "简体中文")):
            action = text_action(name, self)
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            language_menu.addAction(action)

    def _set_language(self, code: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # dialogs: imported when used, not at start-up

        self.settings.language = code
        QMessageBox.information(self, self.tr("Language"), self.tr(
            "The new language is used the next time Pipedeck starts."))

    # -- state --------------------------------------------------------------------------
    def current_tab(self) -> TaskTab:
        widget = self.tabs.currentWidget()
        assert isinstance(widget, TaskTab)
        return widget

    def _restore(self) -> None:
        geometry = self.settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        panes = self.settings.panes
        if panes is not None:
            self.panes.restoreState(panes)
        last = self.settings.last_tab
        if last in self.tabs_by_id:
            self.tabs.setCurrentWidget(self.tabs_by_id[last])
        self.task_list.setCurrentRow(self.tabs.currentIndex())
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        if index < 0:
            return
        self.current_tab().ensure_built()
        task = self.current_tab().task
        self.settings.last_tab = task.id
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        model = self.settings.model_for(task.id, task.default_model)
        self.model_combo.addItem(model)
        if model != task.default_model:
            self.model_combo.addItem(task.default_model)
        self.model_combo.setCurrentText(model)
        self.model_combo.setToolTip(tr_engine(task.notes) if task.notes else "")
        self.model_combo.blockSignals(False)

    def _model_edited(self, text: str) -> None:
        if text.strip():
            self.settings.set_model_for(self.current_tab().task.id, text.strip())

    def set_model(self, model: str) -> None:
        """Use ``model`` for the current tab (from the picker or a folder)."""
        self.model_combo.setCurrentText(model)
        self._model_edited(model)

    def _device_changed(self, index: int) -> None:
        from PySide6.QtCore import Qt  # after the first frame (gui/__init__)

        device = self.device_combo.itemData(index)
        if device:
            self.settings.device = str(device)
            info = self.device_combo.itemData(index, Qt.ItemDataRole.UserRole + 1)
            if info is not None:
                self._set_dtypes(tuple(info.dtypes))

    def _dtype_changed(self, index: int) -> None:
        dtype = self.dtype_combo.itemData(index)
        if dtype:
            self.settings.dtype = str(dtype)

    def choose_model(self) -> None:
        """The Hub-backed picker where available; a model folder otherwise."""
        try:
            from gui.model_picker import ModelPickerDialog
        except ImportError:
            self._choose_folder()
            return
        dialog = ModelPickerDialog(self.current_tab().task, self)
        if dialog.exec() and dialog.chosen_model:
            self.set_model(dialog.chosen_model)
        dialog.deleteLater()

    def _choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder"))
        if folder:
            self.set_model(folder)

    # -- engine events --------------------------------------------------------------------
    def start_engine(self) -> None:
        """Import torch and transformers on the worker, once the window is on screen."""
        self.request_warm_up.emit()
        self.request_jobs.emit()

    def _engine_ready(self, info: dict[str, Any]) -> None:
        from PySide6.QtCore import Qt  # after the first frame (gui/__init__)

        self.engine_ready = True
        if info.get("error"):
            self.engine_label.setText(self.tr("The AI engine could not start"))
            self.engine_label.setToolTip(str(info["error"]))
            return
        self.engine_label.setText("")
        self.engine_label.hide()
        wanted = self.settings.device
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        for device in info.get("devices", []):
            label = self.tr("CPU") if device.kind == "cpu" else device.label
            self.device_combo.addItem(label, device.id)
            self.device_combo.setItemData(self.device_combo.count() - 1, device,
                                          Qt.ItemDataRole.UserRole + 1)
            self.device_combo.setItemData(self.device_combo.count() - 1, device.label,
                                          Qt.ItemDataRole.ToolTipRole)
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(wanted)))
        self.device_combo.blockSignals(False)
        self._device_changed(self.device_combo.currentIndex())
        for name, choices in info.get("choices", {}).items():
            for tab in self.tabs_by_id.values():
                if any(p.name == name for p in tab.task.params) and choices:
                    default = tab.task.param(name).default
                    tab.set_choices(name, [(k, tr_engine(v)) for k, v in choices], default)
        supported = info.get("tasks")
        if supported is not None:
            for task_id, tab in self.tabs_by_id.items():
                if task_id not in supported:
                    self.tabs.setTabVisible(self.tabs.indexOf(tab), False)
                    self.task_list.item(self.tabs.indexOf(tab)).setHidden(True)
        moved = info.get("store_moved_aside")
        if moved:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("History reset"), self.tr(
                "The job history could not be read and was set aside; a new one was started."))

    def _run_tab(self, tab: TaskTab) -> None:
        if self._running is not None:
            tab.show_error(self.tr("Another job is running; wait for it or cancel it."))
            return
        model = self.model_combo.currentText().strip() if tab is self.current_tab() else \
            self.settings.model_for(tab.task.id, tab.task.default_model)
        try:
            spec = tab.build_spec(model, self.device_combo.currentData() or "cpu",
                                  self.dtype_combo.currentData() or "auto")
        except PipedeckError as exc:
            tab.show_error(str(exc))
            return
        pickle = self.settings.consent("pickle", model)
        remote = self.settings.consent("remote_code", model)
        from dataclasses import replace

        spec = replace(spec, allow_pickle=pickle is not None,
                       trust_remote_code=remote is not None, revision=remote or None)
        self._last_spec = spec
        self._start(tab)
        self.request_run.emit(spec)

    def _resume(self, job_id: int) -> None:
        record = next((job for job in self.history.model.jobs if job.id == job_id), None)
        if record is None or self._running is not None:
            return
        tab = self.tabs_by_id.get(get_task(record.task).id)
        if tab is None:
            return
        self.tabs.setCurrentWidget(tab)
        self._start(tab)
        self.request_resume.emit(job_id)

    def _start(self, tab: TaskTab) -> None:
        self._running = tab
        self._started_at = time.monotonic()
        self.cancel_button.setEnabled(True)
        for each in self.tabs_by_id.values():
            each.set_busy(True)
        self.progress_bar.setRange(0, 0)
        self.status_message.setText(self.tr("Starting…"))
        self._elapsed_timer.start()

    def _job_started(self, spec: JobSpec) -> None:
        if self._running is not None:
            self._running.job_started(spec)

    def _progress(self, progress: Progress) -> None:
        if progress.fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(progress.fraction * 1000))
        text = progress_text(progress)
        if progress.remaining_s is not None:
            text += "  ·  " + self.tr("about {0} left").replace(
                "{0}", format_duration(progress.remaining_s))
        self.status_message.setText(text)

    def _partial(self, result: ItemResult) -> None:
        if self._running is not None:
            self._running.add_result(result)

    def _tick(self) -> None:
        self.elapsed_label.setText(format_duration(time.monotonic() - self._started_at))

    def _job_finished(self, outcome: JobOutcome) -> None:
        from engine.jobs import JobState

        tab = self._running
        self._running = None
        self._elapsed_timer.stop()
        self._tick()
        self.cancel_button.setEnabled(False)
        for each in self.tabs_by_id.values():
            each.set_busy(False)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(1000 if outcome.state is JobState.DONE else 0)
        states = {JobState.DONE: self.tr("Done"), JobState.CANCELLED: self.tr("Cancelled"),
                  JobState.FAILED: self.tr("Failed")}
        summary = states.get(outcome.state, outcome.state.value)
        if outcome.errors:
            summary += " · " + self.tr("{0} input(s) could not be read").replace(
                "{0}", str(outcome.errors))
        self.status_message.setText(summary)
        if tab is not None:
            tab.job_ended(job_text(outcome.message) if outcome.state is not JobState.DONE
                          else "")
        self.request_jobs.emit()
        self.job_done.emit(outcome)
        if outcome.consent and tab is not None and self._last_spec is not None:
            self._ask_consent(tab, self._last_spec, outcome)

    def confirm(self, title: str, text: str, action: str) -> bool:
        """A yes/no question with a named action button (Cancel is the default)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Cancel, self)
        allow = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is allow

    def _ask_consent(self, tab: TaskTab, spec: JobSpec, outcome: JobOutcome) -> None:
        """Pickle weights and model code run only with the user's explicit yes, per model."""
        if outcome.consent == "pickle":
            title = self.tr("Allow pickle weights?")
            risk = self.tr("This model's weights are stored as a Python pickle (.bin file). "
                           "Opening a pickle can run any code its author put in it.")
        else:
            title = self.tr("Allow the model's own code?")
            risk = self.tr("This model needs to run Python code from its repository on your "
                           "computer. That code can do anything your account can do.")
        where = spec.model + (f"\n{self.tr('Commit')}: {outcome.revision}"
                              if outcome.revision else "")
        text = (risk + "\n\n" + where + "\n\n" +
                self.tr("Allow it for this model only if you trust its author."))
        if not self.confirm(title, text, self.tr("Allow for this model")):
            return
        assert outcome.consent is not None
        self.settings.set_consent(outcome.consent, spec.model, outcome.revision)
        tab.request_run()

    def _job_loaded(self, record: Any, results: list[Any]) -> None:
        tab = self.tabs_by_id.get(record.task)
        if tab is None:
            return
        self.tabs.setCurrentWidget(tab)
        tab.show_stored(list(record.inputs), results)
        self.status_message.setText(self.tr("Opened a job from the history"))

    def cancel_job(self) -> None:
        self.worker.cancel()
        self.status_message.setText(self.tr("Cancelling after the current step…"))
        self.cancel_button.setEnabled(False)

    # -- closing ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.panes = self.panes.saveState()
        self.settings.history_shown = self.history_action.isChecked()
        self.settings.sync()
        self.worker.cancel()
        self.engine_thread.quit()
        self.hide()  # gone at once, not a window that stops answering while the engine stops
        if not self.engine_thread.wait(self.CLOSE_WAIT_MS[0]):
            # a model step is still running; it stops at its next check
            self.engine_thread.wait(self.CLOSE_WAIT_MS[1])
        super().closeEvent(event)


def translate(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)
