"""Answers read off one document, beside the page they were found on.

A clerk checks an answer by looking at where it came from, so every answer row is a link
to its page with the answer's words highlighted. Runners-up sit under each answer (a
random-looking top answer often has the right one just below it) and can be clicked too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.errors import display_name
from engine.tasks import TaskSpec
from gui.text_only import push_button
from gui.views.detail import DetailView
from gui.views.page_view import PageView

_ANSWER = Qt.ItemDataRole.UserRole
_ERROR_STYLE = "color:#b3261e"


def confidence_text(score: Any) -> str:
    """A score as a person reads it: "87 %", "<1 %", or a dash for models without one."""
    if score is None:
        return "—"
    value = float(score)
    if 0 < value < 0.005:
        return "<1%"
    return f"{value:.0%}"


def plain_warning(text: str) -> str:
    """An engine note as a sentence: capital first letter, full stop at the end."""
    text = str(text).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class AnswersDetail(DetailView):
    """Answers on the left (question, answer, confidence, page); the page on the right."""

    def __init__(self, task: TaskSpec, parent: QWidget | None = None) -> None:
        super().__init__(task, parent)
        self._source: str | None = None
        self._merged: dict[str, Any] | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("result_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.answers = QTreeWidget(self)
        self.answers.setObjectName("answers_table")
        self.answers.setColumnCount(4)
        self.answers.setHeaderLabels([self.tr("Question"), self.tr("Answer"),
                                      self.tr("Confidence"), self.tr("Page")])
        self.answers.setRootIsDecorated(True)
        self.answers.setUniformRowHeights(True)
        self.answers.setAlternatingRowColors(True)
        self.answers.setWordWrap(False)
        self.answers.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.answers.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 230)
        self._columns_set_by_user = False
        self._sizing_columns = False
        header.sectionResized.connect(self._section_resized)
        # The list's own width, not this view's: it is known only once the list is laid out
        # (a result filled in while hidden, from History or a tab behind, sees a stub width),
        # and it shrinks when a scroll bar appears.
        self.answers.viewport().installEventFilter(self)
        self.answers.currentItemChanged.connect(self._current_changed)
        self.answers.itemClicked.connect(lambda item, _column: self._jump(item))

        self.copy_button = push_button(self.tr("Copy answer"), self)
        self.copy_button.setObjectName("copy_answer")
        self.copy_button.setToolTip(self.tr("Copy the selected answer (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_answer)
        self.copy_all_button = push_button(self.tr("Copy all"), self)
        self.copy_all_button.setObjectName("copy_all_answers")
        self.copy_all_button.setToolTip(self.tr(
            "Copy every question and answer, ready to paste into a spreadsheet"))
        self.copy_all_button.clicked.connect(self.copy_all)
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.answers)
        copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy_shortcut.activated.connect(self.copy_answer)

        self.warnings = QLabel(self)
        self.warnings.setObjectName("answers_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()

        self.page_view = PageView(self)
        self.page_view.setObjectName("page_view")

        # Answers above the page: both get the panel's full width, so questions are not
        # cut short and the page is wide enough to read at "fit width".
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(3)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading, 1)
        heading_row.addWidget(self.copy_button)
        heading_row.addWidget(self.copy_all_button)
        top_layout.addLayout(heading_row)
        top_layout.addWidget(self.answers, 1)
        top_layout.addWidget(self.warnings)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.page_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        self._user_sized = False
        self.splitter.splitterMoved.connect(self._splitter_moved)
        self._update_buttons()

    def sizeHint(self) -> QSize:
        """Tall: the page is the point of this view, so ask the results splitter for room."""
        return QSize(420, 440)

    # -- DetailView ------------------------------------------------------------------------
    def show_result(self, source: str, merged: dict[str, Any] | None, error: str | None,
                    *, new_source: bool) -> None:
        if not new_source and source == self._source and merged == self._merged and \
                self._merged is not None:
            return  # the same answers again (a "complete" mark): keep the reader's place
        self._source = source
        self._merged = merged
        self.answers.clear()
        self.warnings.hide()
        if error:
            self.heading.setText(f"<span style='{_ERROR_STYLE}'>{_escape(error)}</span>")
            self.page_view.set_document(None)
            self._update_buttons()
            return
        if merged is None:
            # Not rendered yet: the engine may be reading this very PDF, and pdfium must
            # never run on two threads at once.
            self.heading.setText(self.tr("Reading {0}…").replace("{0}",
                                                                 _escape(display_name(source))))
            self.page_view.set_document(None)
            self._update_buttons()
            return
        pages = int(merged.get("pages") or 0)
        count = self.tr("1 page") if pages == 1 else \
            self.tr("{0} pages").replace("{0}", str(pages))
        self.heading.setText(f"<b>{_escape(display_name(source))}</b> · {count}")
        self._fill(merged)
        self._size_answers()
        self._size_columns()
        self.page_view.set_document(source, pages)
        first = self.answers.topLevelItem(0)
        if first is not None:
            self.answers.setCurrentItem(first)  # jumps to its page
        if self.page_view.shown_page < 0 and self.page_view.current_page == 0:
            self.page_view.show_page(0)  # no answer with a page: show the first page anyway
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_answers()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.answers.viewport():
            self._size_columns()
        return super().eventFilter(watched, event)

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if index == 0 and not self._sizing_columns:
            self._columns_set_by_user = True  # the reader dragged it: keep their width

    def _size_columns(self) -> None:
        """Questions get the width they need up to 45 % of the list; the answers the rest.

        A fixed width for the questions left the answers a few letters at the panel's
        default width ("service..."), when the answer is what the reader came for.
        """
        width = self.answers.viewport().width()
        if self._columns_set_by_user or width <= 0 or not self.answers.topLevelItemCount():
            return
        wanted = self.answers.sizeHintForColumn(0) + 8  # indentation included
        self._sizing_columns = True
        try:
            self.answers.header().resizeSection(0, max(80, min(wanted, int(width * 0.45))))
        finally:
            self._sizing_columns = False

    def _splitter_moved(self) -> None:
        self._user_sized = True  # from now on the reader's split wins

    def _size_answers(self) -> None:
        """Give the answers the rows they need (up to 40 %), and the page the rest."""
        total = self.splitter.height()
        if self._user_sized or total <= 0:
            return
        rows = max(2, self.answers.topLevelItemCount())
        row_height = self.answers.sizeHintForRow(0) if self.answers.topLevelItemCount() else 0
        wanted = (self.heading.sizeHint().height() + self.answers.header().sizeHint().height()
                  + rows * max(row_height, self.fontMetrics().height() + 4)
                  + 2 * self.answers.frameWidth() + 12)
        if self.warnings.isVisibleTo(self):
            wanted += self.warnings.sizeHint().height()
        top = max(90, min(wanted, int(total * 0.4)))
        self.splitter.setSizes([top, max(1, total - top - self.splitter.handleWidth())])

    def clear_view(self) -> None:
        self._source = None
        self._merged = None
        self.heading.clear()
        self.answers.clear()
        self.warnings.hide()
        self.page_view.set_document(None)
        self.page_view.renderer.clear()
        self._update_buttons()

    # -- answers ----------------------------------------------------------------------------
    def _fill(self, merged: dict[str, Any]) -> None:
        answers = list(merged.get("answers") or [])
        for answer in answers:
            item = self._item(str(answer.get("question") or ""), answer)
            for alternative in answer.get("alternatives") or []:
                child = self._item(self.tr("or:"), alternative)
                child.setForeground(0, QColor(120, 120, 120))
                child.setToolTip(0, self.tr("Another possible answer, with a lower confidence"))
                item.addChild(child)
            tip = "\n\n".join(part for part in (str(answer.get("answer") or ""),
                                                 self._alternatives_tip(answer)) if part)
            if tip:  # the whole answer, where the column cuts it short
                item.setToolTip(1, tip)
            self.answers.addTopLevelItem(item)
        notes = [plain_warning(w) for w in merged.get("warnings") or [] if str(w).strip()]
        if answers and all(a.get("answer") is None for a in answers):
            notes.append(self.tr("No answer was found: the document seems to have no "
                                 "readable text (a blank page, or a very faint scan)."))
        if notes:
            self.warnings.setText("⚠ " + "<br>⚠ ".join(_escape(n) for n in notes))
            self.warnings.setToolTip(self.tr("Notes about how this document was read"))
            self.warnings.show()

    def _item(self, label: str, answer: dict[str, Any]) -> QTreeWidgetItem:
        text = answer.get("answer")
        page = answer.get("page")
        item = QTreeWidgetItem([label, text if text else self.tr("No answer found"),
                                confidence_text(answer.get("score")),
                                str(page) if page else ""])
        item.setData(0, _ANSWER, answer)
        item.setToolTip(0, label)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(3, Qt.AlignmentFlag.AlignCenter)
        if answer.get("score") is None:
            item.setToolTip(2, self.tr("This model gives no confidence score"))
        if not text:
            font = QFont(item.font(1))
            font.setItalic(True)
            item.setFont(1, font)
            item.setForeground(1, QColor(120, 120, 120))
        elif page:
            item.setToolTip(3, self.tr("Click to see it on page {0}").replace("{0}", str(page)))
        return item

    def _alternatives_tip(self, answer: dict[str, Any]) -> str:
        lines = []
        for alternative in answer.get("alternatives") or []:
            where = self.tr("page {0}").replace("{0}", str(alternative.get("page") or "?"))
            lines.append(f"• {alternative.get('answer')}  "
                         f"({confidence_text(alternative.get('score'))}, {where})")
        if not lines:
            return ""
        return self.tr("Other possible answers:") + "\n" + "\n".join(lines)

    def selected_answer(self) -> dict[str, Any] | None:
        item = self.answers.currentItem()
        if item is None:
            return None
        data = item.data(0, _ANSWER)
        return data if isinstance(data, dict) else None

    def _current_changed(self, current: QTreeWidgetItem | None,
                         _previous: QTreeWidgetItem | None) -> None:
        self._update_buttons()
        if current is not None:
            self._jump(current)

    def _jump(self, item: QTreeWidgetItem) -> None:
        """Show the answer's page with its words highlighted."""
        answer = item.data(0, _ANSWER)
        if not isinstance(answer, dict) or not answer.get("page") or self._source is None:
            self.page_view.set_highlights({})
            return
        index = int(answer["page"]) - 1
        boxes = [box for box in answer.get("boxes") or [] if len(box) >= 4]
        self.page_view.set_highlights({index: boxes}, str(answer.get("answer") or ""))
        self.page_view.show_page(index, focus=True)

    def copy_answer(self) -> None:
        answer = self.selected_answer()
        if answer and answer.get("answer"):
            QGuiApplication.clipboard().setText(str(answer["answer"]))

    def copy_all(self) -> None:
        """Question and answer per line, tab-separated: two columns when pasted."""
        rows = []
        for index in range(self.answers.topLevelItemCount()):
            item = self.answers.topLevelItem(index)
            answer = (item.data(0, _ANSWER) if item is not None else None) or {}
            rows.append(f"{answer.get('question', '')}\t{answer.get('answer') or ''}")
        if rows:
            QGuiApplication.clipboard().setText("\n".join(rows))

    def _update_buttons(self) -> None:
        answer = self.selected_answer()
        self.copy_button.setEnabled(bool(answer and answer.get("answer")))
        self.copy_all_button.setEnabled(self.answers.topLevelItemCount() > 0)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
