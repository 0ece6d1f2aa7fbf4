"""The "Choose model…" dialog: search the Hub, inspect, download, manage installed models.

Every Hub request and cache scan runs on :mod:`gui.model_picker_calls`' pool; answers come
back as frozen values tagged with what they answer (a search generation, a repo id), so a
late answer to an old question is dropped instead of overwriting a newer one. Typing only
restarts a 300 ms timer; the GUI thread never waits for the network or the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.cache import download_model
from engine.errors import Cancelled, PipedeckError
from engine.hub import (
    GatedModel,
    HubConfig,
    ModelDetails,
    ModelSummary,
    OfflineError,
    PickleOnlyModel,
    SortKey,
    available_memory,
    is_offline,
    model_details,
    search_models,
)
from engine.progress import JobControl
from engine.tasks import TaskSpec
from gui.model_picker_account import AccountRow
from gui.model_picker_calls import Answer, BackgroundCalls, answering
from gui.model_picker_details import DetailsPane
from gui.model_picker_installed import InstalledPage, result_table
from gui.model_picker_models import SearchResultsModel
from gui.param_form import tr_engine
from gui.text_only import push_button

PAGE_SIZE = 20
DEBOUNCE_MS = 300
_LANGUAGE_TASKS = ("audio", "text")


class ModelPickerDialog(QDialog):
    """Pick a model for ``task``; after ``exec()``, ``chosen_model`` is a repo id or folder."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None, *,
                 hub_config: HubConfig | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("model_picker")
        self.task = task
        self.config = hub_config or HubConfig()
        self.chosen_model: str | None = None
        self.calls = BackgroundCalls(self)
        self._generation = 0
        self._page = 0
        self._download: JobControl | None = None
        self._offline_shown = False
        self.setWindowTitle(self.tr("Choose a model for “{0}”").replace(
            "{0}", tr_engine(task.name)))
        self.resize(1180, 720)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("picker_tabs")
        self.tabs.addTab(self._build_search(), self.tr("Search the Hub"))
        self.installed = InstalledPage(lambda: self.config, self.calls, self)
        self.installed.said.connect(self._said)
        self.installed.selection_changed.connect(self._update_buttons)
        self.installed.activated.connect(self.use_selected)
        self.tabs.addTab(self.installed, self.tr("Installed"))
        self.tabs.currentChanged.connect(self._update_buttons)
        self.message = QLabel(self)
        self.message.setObjectName("picker_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = push_button(self.tr("Open a local folder…"), self)
        self.folder_button.setObjectName("open_folder")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.open_folder)
        self.cancel_button = push_button(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.use_button = push_button(self.tr("Use this model"), self)
        self.use_button.setObjectName("use_model")
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self.use_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._update_buttons()

        self.installed.refresh()
        self.account.check()
        if is_offline(self.config.offline):
            self._go_offline(self.tr("You are offline: showing installed models only."))
        else:
            self.search()

    # -- construction ----------------------------------------------------------------------------
    def _build_search(self) -> QWidget:
        page = QWidget(self)
        self.query = QLineEdit(page)
        self.query.setObjectName("search_box")
        self.query.setPlaceholderText(self.tr("Search models by name, e.g. whisper"))
        self.query.setClearButtonEnabled(True)
        self.query.textEdited.connect(lambda _: self._debounce.start())
        self.query.returnPressed.connect(self.search)
        self.sort = QComboBox(page)
        self.sort.setObjectName("sort_combo")
        for key, label in (("downloads", self.tr("Most downloaded")),
                           ("likes", self.tr("Most liked")), ("trending", self.tr("Trending")),
                           ("updated", self.tr("Recently updated"))):
            self.sort.addItem(label, key)
        self.sort.currentIndexChanged.connect(self.search)
        self.language = QComboBox(page)
        self.language.setObjectName("language_combo")
        for code, label in (("", self.tr("Any language")), ("en", self.tr("English")),
                            ("fr", self.tr("French")), ("de", self.tr("German")),
                            ("es", self.tr("Spanish")), ("it", self.tr("Italian")),
                            ("pt", self.tr("Portuguese")), ("nl", self.tr("Dutch")),
                            ("pl", self.tr("Polish")), ("ru", self.tr("Russian")),
                            ("uk", self.tr("Ukrainian")), ("tr", self.tr("Turkish")),
                            ("ar", self.tr("Arabic")), ("hi", self.tr("Hindi")),
                            ("zh", self.tr("Chinese")), ("ja", self.tr("Japanese")),
                            ("ko", self.tr("Korean")), ("multilingual", self.tr("Multilingual"))):
            self.language.addItem(label, code)
        self.language.currentIndexChanged.connect(self.search)
        language_label = QLabel(self.tr("Language:"), page)
        self.wants_language = self.task.input_kind in _LANGUAGE_TASKS
        self.language.setVisible(self.wants_language)
        language_label.setVisible(self.wants_language)
        controls = QHBoxLayout()
        controls.addWidget(self.query, 1)
        controls.addWidget(QLabel(self.tr("Sort:"), page))
        controls.addWidget(self.sort)
        controls.addWidget(language_label)
        controls.addWidget(self.language)

        self.results = SearchResultsModel(self)
        self.results_view = result_table(page, "search_results", self.results,
                                         SearchResultsModel.MODEL)
        self.results_view.selectionModel().currentRowChanged.connect(self._result_chosen)
        self.results_view.doubleClicked.connect(self.use_selected)
        self.results_label = QLabel(page)
        self.results_label.setObjectName("results_label")
        self.more_button = push_button(self.tr("Load more"), page)
        self.more_button.setObjectName("load_more")
        self.more_button.setAutoDefault(False)
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(self.load_more)
        below = QHBoxLayout()
        below.addWidget(self.results_label, 1)
        below.addWidget(self.more_button)
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.results_view, 1)
        left_layout.addLayout(below)

        self.details = DetailsPane(page)
        self.details.download_requested.connect(self.download)
        self.details.cancel_requested.connect(self.cancel_download)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setSizes([640, 500])
        self.account = AccountRow(lambda: self.config, self._use_config, self.calls, page)
        self.account.said.connect(self._said)
        layout = QVBoxLayout(page)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.account)
        return page

    # -- messages and state ----------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        """One plain line under the tabs: what just happened, or what went wrong."""
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setText(text)

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, PipedeckError):
            return error.message
        return self.tr("Something went wrong: {0}").replace("{0}", str(error) or type(
            error).__name__)

    def _said(self, text: str, error: bool) -> None:
        self.say(text, error=error)

    def _use_config(self, config: HubConfig) -> None:
        self.config = config

    def _failed(self, error: BaseException) -> None:
        self.say(self._error_text(error), error=True)

    def _go_offline(self, text: str) -> None:
        """Say so, and show the installed models the first time (not at every keystroke)."""
        self.say(text, error=True)
        if not self._offline_shown:
            self._offline_shown = True
            self.tabs.setCurrentIndex(1)

    @property
    def busy(self) -> bool:
        """True while any background call is running (tests wait on this)."""
        return self.calls.running > 0

    def selected_search(self) -> ModelSummary | None:
        return self.results.summary(self.results_view.currentIndex().row())

    def _update_buttons(self, *_: Any) -> None:
        on_search = self.tabs.currentIndex() == 0
        self.use_button.setEnabled(
            (self.selected_search() if on_search else self.installed.selected()) is not None)

    # -- searching -------------------------------------------------------------------------------
    def search(self) -> None:
        """Start a fresh search from page 0; answers to older searches are dropped."""
        self._debounce.stop()
        self._generation += 1
        self._page = 0
        self._request_page()

    def load_more(self) -> None:
        self._page += 1
        self._request_page()

    def _request_page(self) -> None:
        key = (self._generation, self._page)
        query, sort = self.query.text().strip(), cast(SortKey, self.sort.currentData())
        language = (self.language.currentData() or None) if self.wants_language else None
        task, config, page = self.task.id, self.config, self._page
        self.more_button.setEnabled(False)
        self.results_label.setText(self.tr("Searching…"))
        self.calls.start(answering(key, lambda: search_models(
            query, task=task, sort=sort, language=language, limit=PAGE_SIZE, page=page,
            config=config)), self._search_done, self._failed)

    def _search_done(self, answer: Answer) -> None:
        generation, page = answer.key
        if generation != self._generation:
            return
        if answer.error is not None:
            self.results_label.setText("")
            if isinstance(answer.error, OfflineError):
                self._go_offline(answer.error.message)
            else:
                self.say(answer.error.message, error=True)
            return
        found: list[ModelSummary] = answer.value
        if self._offline_shown:  # the Hub is back
            self._offline_shown = False
            self.say("")
        if page == 0:
            self.results.set_rows(found)
            self.details.clear()
        else:
            self.results.append_rows(found)
        self.more_button.setEnabled(len(found) == PAGE_SIZE)
        count = self.results.rowCount()
        if count == 0:
            self.results_label.setText(self.tr("No models found for this task."))
        elif count == 1:
            self.results_label.setText(self.tr("1 model"))
        else:
            self.results_label.setText(self.tr("{0} models").replace("{0}", str(count)))
        self._update_buttons()

    # -- details ---------------------------------------------------------------------------------
    def _result_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        summary = self.results.summary(current.row())
        if summary is None:
            return
        self.details.show_summary(summary)
        config, repo_id = self.config, summary.id
        self.calls.start(answering(repo_id, lambda: (model_details(repo_id, config=config),
                                                      available_memory())),
                         self._details_done, self._failed)

    def _details_done(self, answer: Answer) -> None:
        if answer.key != self.details.repo_id:
            return
        if answer.error is not None:
            self.details.show_error(answer.error.message)
            if isinstance(answer.error, OfflineError):
                self._go_offline(answer.error.message)
            return
        details, free = answer.value
        self.details.show_details(details, free)

    # -- downloading -----------------------------------------------------------------------------
    def download(self, repo_id: str, allow_pickle: bool = False) -> None:
        """Fetch ``repo_id`` into the cache in the background, with progress and Cancel."""
        if self._download is not None:
            return
        details: ModelDetails | None = self.details.details
        if (not allow_pickle and details is not None and details.id == repo_id
                and details.needs_pickle_consent):
            if not self._pickle_consent(repo_id, details.download_files):
                return
            allow_pickle = True
        calls, pane = self.calls, self.details
        control = JobControl(on_progress=lambda progress: calls.post(pane.download_progress,
                                                                     progress),
                             min_interval_s=0.1)
        self._download = control
        self.details.download_started(repo_id)
        self.say("")
        config = self.config
        self.calls.start(answering((repo_id, allow_pickle), lambda: download_model(
            repo_id, control=control, allow_pickle=allow_pickle, config=config)),
            self._download_done, self._download_crashed)

    def cancel_download(self) -> None:
        if self._download is not None:
            self._download.cancel()
            self.details.progress_label.setText(self.tr("Cancelling…"))

    def _download_crashed(self, error: BaseException) -> None:
        self._download = None
        self.details.download_finished("", complete=False)
        self._failed(error)

    def _download_done(self, answer: Answer) -> None:
        repo_id, _allowed = answer.key
        self._download = None
        error = answer.error
        if error is None:
            self.details.download_finished(self.tr(
                "Downloaded {0} to {1}. It works offline now.").replace("{0}", repo_id)
                .replace("{1}", str(answer.value)), complete=True)
            self.say(self.tr("'{0}' is installed.").replace("{0}", repo_id))
            self.installed.refresh()
            return
        self.details.download_finished("", complete=False)
        if isinstance(error, Cancelled):
            self.say(self.tr("Download cancelled; the files already finished are kept."))
        elif isinstance(error, PickleOnlyModel):
            if self._pickle_consent(repo_id, error.files):
                self.download(repo_id, allow_pickle=True)
        elif isinstance(error, GatedModel):
            self.say(error.message, error=True)
            self.account.ask_for_token()
        elif isinstance(error, OfflineError):
            self._go_offline(error.message)
        else:  # not enough disk space, no loadable weights, the Hub is down...
            self.say(error.message, error=True)

    def _pickle_consent(self, repo_id: str, files: tuple[str, ...]) -> bool:
        """Ask before fetching pickle weights: loading them can run the authors' code."""
        text = self.tr(
            "'{0}' only has PyTorch pickle weights ({1}). Loading such files can run "
            "any program its authors put in them, with your permissions.\n\n"
            "Download them only if you trust who published this model. Download anyway?"
        ).replace("{0}", repo_id).replace("{1}", ", ".join(files))
        answer = QMessageBox.question(
            self, self.tr("Download pickle weights?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- choosing --------------------------------------------------------------------------------
    def use_selected(self) -> None:
        """Accept with the selected model's repo id (search results or installed)."""
        if self.tabs.currentIndex() == 0:
            summary = self.selected_search()
            chosen = summary.id if summary is not None else None
        else:
            model = self.installed.selected()
            chosen = model.id if model is not None else None
        if chosen:
            self.chosen_model = chosen
            self.accept()

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a model folder"))
        if folder:
            self.chosen_model = str(Path(folder))
            self.accept()

    def done(self, result: int) -> None:
        """Closing stops a running download (finished files stay) and pending searches."""
        self._debounce.stop()
        if self._download is not None:
            self._download.cancel()
        super().done(result)
