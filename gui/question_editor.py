"""The questions asked of documents: one per line, with ready-made invoice questions.

An accounts clerk asks the same handful of questions of every invoice, so a "Presets"
menu adds them in one click instead of making them type "What is the total amount?"
again each morning. The editor is the one for every task parameter named ``questions``
(see :data:`gui.param_form.CUSTOM_WIDGETS`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine.params import Param
from gui.param_form import tr_engine


def invoice_presets() -> list[tuple[str, str]]:
    """(menu entry, question) pairs for invoices, translated when the menu is built.

    Spelled out as literal ``translate`` calls so that ``pyside6-lupdate`` finds them.
    """
    return [
        (QCoreApplication.translate("QuestionEditor", "Invoice number"),
         QCoreApplication.translate("QuestionEditor", "What is the invoice number?")),
        (QCoreApplication.translate("QuestionEditor", "Invoice date"),
         QCoreApplication.translate("QuestionEditor", "What is the invoice date?")),
        (QCoreApplication.translate("QuestionEditor", "Due date"),
         QCoreApplication.translate("QuestionEditor", "What is the due date?")),
        (QCoreApplication.translate("QuestionEditor", "Total amount"),
         QCoreApplication.translate("QuestionEditor", "What is the total amount?")),
        (QCoreApplication.translate("QuestionEditor", "Tax"),
         QCoreApplication.translate("QuestionEditor", "What is the tax amount?")),
        (QCoreApplication.translate("QuestionEditor", "Vendor"),
         QCoreApplication.translate("QuestionEditor", "Who is the vendor?")),
        (QCoreApplication.translate("QuestionEditor", "Customer"),
         QCoreApplication.translate("QuestionEditor", "Who is the customer?")),
    ]


class QuestionEditor(QWidget):
    """A plain list of questions (one a line) and a Presets menu that appends to it.

    :meth:`value` is what :class:`~gui.param_form.ParamForm` reads: the non-empty lines,
    so blank lines between questions are harmless and an empty editor is an empty list
    (which the engine refuses with a sentence before anything runs).
    """

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None, *,
                 presets: bool = True) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("questions_edit")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(72)
        self.edit.setMaximumHeight(130)
        self.edit.textChanged.connect(self._text_changed)

        self.presets_button = QPushButton(self)
        self.presets_button.setObjectName("questions_presets")
        self.presets_button.setText(self.tr("Presets"))
        self.presets_button.setToolTip(self.tr("Add questions that invoices usually answer"))
        self.presets_menu = QMenu(self.presets_button)
        self.presets_menu.setObjectName("questions_presets_menu")
        self.presets_button.setMenu(self.presets_menu)
        self.preset_actions: list[QAction] = []
        for entry, question in invoice_presets():
            action = self.presets_menu.addAction(entry)
            action.setData(question)
            action.setToolTip(question)
            action.triggered.connect(lambda _=False, q=question: self.add_questions([q]))
            self.preset_actions.append(action)
        self.presets_menu.addSeparator()
        self.all_action = self.presets_menu.addAction(self.tr("All invoice questions"))
        self.all_action.triggered.connect(
            lambda: self.add_questions([q for _, q in invoice_presets()]))
        self.clear_action = self.presets_menu.addAction(self.tr("Clear the questions"))
        self.clear_action.triggered.connect(self.edit.clear)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("questions_count")
        self.count_label.setEnabled(False)  # greyed: a hint, not an instruction

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.presets_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.edit)
        layout.addLayout(row)
        self.presets_button.setVisible(presets)
        self._text_changed()

    def questions(self) -> list[str]:
        """The questions as typed, one per non-empty line, trimmed."""
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def value(self) -> list[str]:
        return self.questions()

    def set_questions(self, questions: list[str]) -> None:
        self.edit.setPlainText("\n".join(questions))

    def add_questions(self, questions: list[str]) -> None:
        """Append the questions not already there (ignoring case), keeping the user's own."""
        have = {q.casefold() for q in self.questions()}
        new = [q for q in questions if q.casefold() not in have]
        if not new:
            return
        text = self.edit.toPlainText()
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        prefix = "" if not text.strip() or text.endswith("\n") else "\n"
        if not text.strip():
            cursor.select(cursor.SelectionType.Document)  # drop stray blank lines
        cursor.insertText(prefix + "\n".join(new))  # one step for Undo

    def _text_changed(self) -> None:
        count = len(self.questions())
        if count == 1:
            self.count_label.setText(self.tr("1 question"))
        else:
            self.count_label.setText(self.tr("{0} questions").replace("{0}", str(count))
                                     if count else "")
        self.changed.emit()


def make_question_editor(param: Param, parent: QWidget) -> QWidget:
    """The editor for a ``questions`` parameter; invoice presets only for document tasks
    (a table's questions are not an invoice's). ``parent`` is the form, in its tab."""
    task = getattr(parent.parentWidget(), "task", None)
    presets = task is None or getattr(task, "input_kind", "") == "document"
    return QuestionEditor(tr_engine(param.placeholder), parent, presets=presets)
