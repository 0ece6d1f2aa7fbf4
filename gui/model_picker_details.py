"""The picker's details pane: what a model is, what it weighs, whether it fits, and Download.

The summary from the search row shows at once; the card and file list follow when the
background details call answers. The memory hint is the engine's estimate against the
memory free now, put in plain words (fits / tight / will not fit).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.hub import ModelDetails, ModelSummary, estimate_memory, fit_hint, human_count
from engine.hub import human_size as _size
from engine.progress import Progress
from gui.engine_text import progress_text
from gui.text_only import push_button

_VERDICT_COLOURS = {"fits": "#1b6e20", "tight": "#8a5a00", "too_big": "#b3261e"}


class DetailsPane(QWidget):
    """Shows one model; emits ``download_requested`` / ``cancel_requested``."""

    download_requested = Signal(str)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("details_pane")
        self.repo_id: str | None = None
        self.details: ModelDetails | None = None

        self.title = QLabel(self)
        self.title.setObjectName("details_title")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel(self)
        self.facts.setObjectName("details_facts")
        self.facts.setWordWrap(True)
        self.link = QLabel(self)
        self.link.setObjectName("details_link")
        self.link.setOpenExternalLinks(True)
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.fit = QLabel(self)
        self.fit.setObjectName("details_fit")
        self.fit.setWordWrap(True)
        self.fit.setTextFormat(Qt.TextFormat.RichText)

        self.card = QTextBrowser(self)
        self.card.setObjectName("details_card")
        self.card.setOpenExternalLinks(True)
        self.files = QTreeWidget(self)
        self.files.setObjectName("details_files")
        self.files.setRootIsDecorated(False)
        self.files.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Downloaded")])
        header = self.files.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("details_pages")
        self.pages.addTab(self.card, self.tr("Model card"))
        self.pages.addTab(self.files, self.tr("Files"))

        self.download_button = push_button(self.tr("Download"), self)
        self.download_button.setObjectName("download_button")
        self.download_button.setToolTip(self.tr(
            "Fetch what this model needs into the Hugging Face cache, for offline use."))
        self.download_button.clicked.connect(self._download_clicked)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("download_progress")
        self.progress.setRange(0, 1000)
        self.progress.setFormat("%p %")
        self.progress.setTextVisible(True)
        keep_place = self.progress.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the Download button keeps its size
        self.progress.setSizePolicy(keep_place)
        self.cancel_button = push_button(self.tr("Cancel download"), self)
        self.cancel_button.setObjectName("cancel_download")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("download_label")
        self.progress_label.setWordWrap(True)

        download_row = QHBoxLayout()
        download_row.addWidget(self.download_button)
        download_row.addWidget(self.progress, 1)
        download_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.link)
        layout.addWidget(self.fit)
        layout.addWidget(self.pages, 1)
        layout.addLayout(download_row)
        layout.addWidget(self.progress_label)
        self.clear()

    # -- what is shown ----------------------------------------------------------------------
    def clear(self) -> None:
        self.repo_id = None
        self.details = None
        self.title.setText(self.tr("Choose a model in the list"))
        self.facts.setText(self.tr("Its description, files and memory needs show here."))
        self.link.clear()
        self.fit.clear()
        self.card.clear()
        self.files.clear()
        self._set_downloading(self.downloading)
        if not self.downloading:
            self.progress.hide()
            self.progress_label.clear()

    def show_summary(self, summary: ModelSummary) -> None:
        """What the search row already knows; the card follows from :meth:`show_details`."""
        changed = summary.id != self.repo_id
        self.repo_id = summary.id
        self.details = None
        self.title.setText(summary.id)
        facts = [self.tr("Licence: {0}").replace("{0}", summary.license or self.tr("not stated"))]
        if summary.parameters is not None:
            facts.append(self.tr("{0} parameters").replace("{0}", human_count(summary.parameters)))
        if summary.size_bytes is not None:
            facts.append(self.tr("weights {0}").replace("{0}", _size(summary.size_bytes)))
        facts.append(self.tr("updated {0}").replace("{0}", summary.last_modified_str))
        if summary.gated:
            facts.append(self.tr("gated: accept its licence on the Hub first"))
        self.facts.setText(" · ".join(facts))
        self.link.setText(f"<a href=\"{escape(summary.url, quote=True)}\">"
                          f"{escape(self.tr('Open its page on the Hub'))}</a>")
        self.link.setToolTip(summary.url)
        self.card.setPlainText(self.tr("Loading the model card…"))
        self.files.clear()
        self.fit.clear()
        self._set_downloading(self.downloading)
        if not self.downloading and changed:
            self.progress.hide()
            self.progress_label.clear()

    def show_details(self, details: ModelDetails, free_memory: int | None) -> None:
        if details.id != self.repo_id:
            return
        self.details = details
        self.card.setMarkdown(details.card_markdown or self.tr(
            "*This model has no description on the Hub.*"))
        self.files.clear()
        chosen = set(details.download_files)
        for info in details.files:
            item = QTreeWidgetItem([info.path, info.size_str,
                                    self.tr("yes") if info.path in chosen else ""])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.files.addTopLevelItem(item)
        self.files.setToolTip(self.tr("Download fetches {0}: only what a pipeline needs.")
                              .replace("{0}", details.download_str))
        self.fit.setText(self.fit_text(details.parameters, free_memory))
        if details.needs_pickle_consent and not self.downloading:
            self.progress_label.setText(self.tr(
                "Only older PyTorch weights exist for this model; you will be asked before "
                "they are downloaded."))

    def fit_text(self, parameters: int | None, free_memory: int | None) -> str:
        """Memory needed and whether it fits, as one coloured sentence."""
        if parameters is None:
            return escape(self.tr("Memory needed: unknown (the Hub does not list its size)."))
        needed = estimate_memory(parameters)
        if free_memory is None:
            return escape(self.tr("Needs about {0} of memory.").replace("{0}", _size(needed)))
        verdict = fit_hint(needed, free_memory).verdict
        texts = {
            "fits": self.tr("Fits in memory: needs about {0} of the {1} free."),
            "tight": self.tr("Tight: needs about {0} of the {1} free; close other programs "
                             "first."),
            "too_big": self.tr("Will not fit: needs about {0}, but only {1} is free."),
        }
        text = texts[verdict].replace("{0}", _size(needed)).replace("{1}", _size(free_memory))
        return f"<span style='color:{_VERDICT_COLOURS[verdict]}'>{escape(text)}</span>"

    def show_error(self, text: str) -> None:
        self.card.setPlainText(text)

    # -- downloading --------------------------------------------------------------------------
    # One download at a time; its progress stays in view while other models are browsed.
    downloading: str | None = None

    def _download_clicked(self) -> None:
        if self.repo_id:
            self.download_requested.emit(self.repo_id)

    def _set_downloading(self, repo_id: str | None) -> None:
        self.downloading = repo_id
        self.cancel_button.setVisible(repo_id is not None)
        self.cancel_button.setEnabled(repo_id is not None)
        self.download_button.setEnabled(repo_id is None and self.repo_id is not None)

    def download_started(self, repo_id: str) -> None:
        self._set_downloading(repo_id)
        self.progress.show()
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Starting the download of {0}…").replace("{0}",
                                                                                   repo_id))

    def download_progress(self, progress: Progress) -> None:
        if progress.fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(progress.fraction * 1000))
        if progress.message and self.downloading:
            self.progress_label.setText(f"{self.downloading}: {progress_text(progress)}")

    def download_finished(self, text: str, *, complete: bool) -> None:
        self._set_downloading(None)
        self.progress.setRange(0, 1000)
        if complete:
            self.progress.setValue(1000)
        else:
            self.progress.hide()
        self.progress_label.setText(text)
