"""The "Ask a document" tab end to end: questions in, answers beside their highlighted page.

The tiny LayoutLM answers at random, so tests check structure (rows, pages, boxes, the
exported columns) and behaviour (jumping to a page, refusing empty questions), never what
an answer says.
"""

from __future__ import annotations

import csv
import os
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from engine.tasks import get_task
from gui.export_dialog import export_results
from gui.main_window import MainWindow
from gui.question_editor import QuestionEditor, invoice_presets
from gui.views.answers import AnswersDetail, confidence_text, plain_warning
from gui.views.page_view import PageView
from tests import invoices
from tests.test_gui_spine import drop_files, run_and_wait
from tests.tiny.layoutlm import layoutlm_docqa

pytestmark = [pytest.mark.gui, pytest.mark.timeout(240)]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract-ocr not installed")

TASK = "document-question-answering"
QUESTIONS = ["What is the invoice number?", "What is the total amount?"]


def _click(qtbot, tree, item) -> None:  # type: ignore[no-untyped-def]
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualItemRect(item).center())


def _showing(view: PageView, page: int, boxes: int) -> bool:
    return view.shown_page == page and len(view.highlight_items()) == boxes


@needs_tesseract
def test_answers_jump_to_their_highlighted_page_and_export_one_row_per_file(
        qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = window.tabs_by_id[TASK]
    window.tabs.setCurrentWidget(tab)
    window.set_model(str(layoutlm_docqa()))
    pdf, bad, blank = (invoices.two_page_pdf(), invoices.corrupt_jpeg(),
                       invoices.blank_second_page_pdf())
    drop_files(tab, [bad, pdf, blank])  # the broken file first: the batch goes on past it
    tab.form.widget("questions").set_questions(QUESTIONS)  # type: ignore[attr-defined]
    run_and_wait(qtbot, window, tab)

    model = tab.results.model
    assert model.data(model.index(1, 1)) == model.data(model.index(2, 1)) == "Done"
    assert model.data(model.index(0, 1)) == "Could not read"
    error = model.data(model.index(0, 2))
    assert error.startswith("could not read 'corrupt.jpg': ")
    detail = tab.results.detail
    assert isinstance(detail, AnswersDetail)
    tab.results.table.selectRow(0)
    assert error in detail.heading.text()
    assert detail.answers.topLevelItemCount() == 0
    assert detail.page_view.source is None

    tab.results.table.selectRow(1)
    tree = detail.answers
    assert tree.topLevelItemCount() == 2
    answers = [tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(2)]
    assert [a["question"] for a in answers] == QUESTIONS
    for row, answer in enumerate(answers):
        assert answer["page"] in (1, 2)
        assert tree.topLevelItem(row).text(3) == str(answer["page"])
        assert tree.topLevelItem(row).text(2).endswith("%")
    assert "2 page" in detail.heading.text()

    view = detail.page_view
    for row, answer in enumerate(answers):
        other = 1 if answer["page"] == 1 else 0  # move away first, so the jump is visible
        view.show_page(other)
        qtbot.waitUntil(lambda other=other: view.shown_page == other, timeout=20_000)
        assert view.page_label.text() == f"Page {other + 1} of 2"
        _click(qtbot, tree, tree.topLevelItem(row))
        qtbot.waitUntil(lambda a=answer: _showing(view, a["page"] - 1, len(a["boxes"])),
                        timeout=20_000)
        assert len(answer["boxes"]) >= 1
        assert view.page_label.text() == f"Page {answer['page']} of 2"
        page_rect = view.pixmap_item.boundingRect()
        for item in view.highlight_items():
            assert page_rect.adjusted(-4, -4, 4, 4).contains(item.rect())

    _click(qtbot, tree, tree.topLevelItem(0))
    detail.copy_button.click()
    assert QApplication.clipboard().text() == answers[0]["answer"]
    detail.copy_all_button.click()
    assert QApplication.clipboard().text().splitlines() == [
        f"{a['question']}\t{a['answer']}" for a in answers]
    assert not detail.warnings.isVisibleTo(detail)

    screenshots = os.environ.get("PIPEDECK_SCREENSHOTS")
    if screenshots:  # for the docs and for eyeballing the layout
        Path(screenshots).mkdir(parents=True, exist_ok=True)
        qtbot.waitUntil(lambda: _showing(view, answers[0]["page"] - 1,
                                         len(answers[0]["boxes"])), timeout=20_000)
        window.grab().save(str(Path(screenshots) / "docqa.png"))

    tab.results.table.selectRow(2)
    assert detail.warnings.isVisibleTo(detail)
    assert "No text found on page 2." in detail.warnings.text()
    if screenshots:
        qtbot.waitUntil(lambda: detail.page_view.shown_page >= 0, timeout=20_000)
        window.grab().save(str(Path(screenshots) / "docqa-notes.png"))
    tab.results.table.selectRow(1)

    target = tmp_path / "answers.csv"
    assert export_results(tab, tab.task, model.gathered(), target=str(target)) == [target]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["file"] for row in rows] == ["corrupt.jpg", pdf.name, blank.name]
    for question, answer in zip(QUESTIONS, answers, strict=True):
        assert rows[1][question] == answer["answer"]
        assert rows[1][f"{question} (page)"] == str(answer["page"])
        assert rows[0][question] == ""
    assert rows[1]["pages"] == "2"
    assert rows[0]["warnings"] == error
    assert rows[2]["warnings"] == "no text found on page 2"
    exported_json = export_results(tab, tab.task, model.gathered(),
                                   target=str(tmp_path / "answers.json"))
    assert exported_json[0].read_text(encoding="utf-8").count('"boxes"') >= 2


def test_empty_questions_are_refused_before_anything_runs(window: MainWindow) -> None:
    tab = window.tabs_by_id[TASK]
    window.tabs.setCurrentWidget(tab)
    tab.inputs.add_paths([str(invoices.classic_png())])
    tab.form.widget("questions").set_questions(["   ", ""])  # type: ignore[attr-defined]
    tab.run_button.click()
    assert "Questions" in tab.message.text()
    assert not window.cancel_button.isEnabled()
    assert tab.results.model.rowCount() == 0


def test_presets_add_invoice_questions_once_and_keep_the_users_own(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = QuestionEditor()
    qtbot.addWidget(editor)
    editor.set_questions(["Who signed it?", ""])
    number = editor.preset_actions[0]
    number.trigger()
    number.trigger()
    assert editor.value() == ["Who signed it?", "What is the invoice number?"]
    editor.all_action.trigger()
    assert editor.value() == ["Who signed it?", *[q for _, q in invoice_presets()]]
    assert len(editor.preset_actions) == 7
    editor.clear_action.trigger()
    assert editor.value() == []


def test_the_form_reads_the_questions_from_the_editor(qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.task_tab import TaskTab

    tab = TaskTab(get_task(TASK))
    qtbot.addWidget(tab)
    editor = tab.form.widget("questions")
    assert isinstance(editor, QuestionEditor)
    editor.set_questions(["  What is the due date? ", "", "Who is the vendor?"])
    assert tab.form.values()["questions"] == ["What is the due date?", "Who is the vendor?"]
    assert not editor.presets_button.isHidden()


def test_invoice_presets_stay_off_tabs_that_are_not_about_documents(qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.task_tab import TaskTab

    tab = TaskTab(get_task(TASK)._replace(id="table-like", input_kind="text"))
    qtbot.addWidget(tab)
    editor = tab.form.widget("questions")
    assert isinstance(editor, QuestionEditor)
    assert editor.presets_button.isHidden()


def test_pages_render_off_the_gui_thread_with_navigation_and_zoom(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import engine.documents

    threads: list[int] = []
    real_open = engine.documents.open_document

    def recording_open(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.get_ident())
        return real_open(*args, **kwargs)

    monkeypatch.setattr(engine.documents, "open_document", recording_open)
    view = PageView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    view.set_document(str(invoices.two_page_tiff()), 2)
    view.set_highlights({1: [[100, 100, 300, 150], [320, 100, 500, 150]]})
    with qtbot.waitSignal(view.page_shown, timeout=20_000):
        view.show_page(0)
    assert view.highlight_items() == []
    assert not view.prev_button.isEnabled() and view.next_button.isEnabled()
    with qtbot.waitSignal(view.page_shown, timeout=20_000):
        view.next_button.click()
    assert view.page_label.text() == "Page 2 of 2"
    assert len(view.highlight_items()) == 2
    assert threads and threading.get_ident() not in threads

    fitted = view.scale_factor()  # the page's width fills the view
    assert view.fit_mode == "width" and view.fit_width_button.isChecked()
    assert fitted * 1240 <= view.canvas.viewport().width() < fitted * 1240 + 4
    view.zoom_in()
    assert view.scale_factor() == pytest.approx(fitted * 1.25)
    assert view.fit_mode is None and not view.fit_width_button.isChecked()
    view.zoom_out()
    view.zoom_out()
    assert view.scale_factor() == pytest.approx(fitted / 1.25)
    view.fit_page_button.click()
    assert view.fit_page_button.isChecked() and not view.fit_width_button.isChecked()
    whole = view.scale_factor()
    assert whole * 1754 <= view.canvas.viewport().height() + 1 and whole < fitted
    view.fit("width")
    assert view.scale_factor() == pytest.approx(fitted)

    opened = len(threads)
    view.previous_page()  # rendered before: straight from the cache
    assert view.shown_page == 0 and len(threads) == opened
    view.renderer.wait()


def test_unreadable_page_says_why_in_the_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = PageView()
    qtbot.addWidget(view)
    view.show()
    view.set_document(str(invoices.corrupt_jpeg()), 1)
    with qtbot.waitSignal(view.renderer.failed, timeout=20_000):
        view.show_page(0)
    assert "cannot be shown" in view.notice.text()
    assert "damaged" in view.notice.text()
    view.renderer.wait()


def test_a_document_without_text_says_so_instead_of_showing_empty_answers(qtbot) -> None:  # type: ignore[no-untyped-def]
    detail = AnswersDetail(get_task(TASK))
    qtbot.addWidget(detail)
    detail.show()
    empty = {"question": "What is the total amount?", "answer": None, "score": None,
             "page": None, "boxes": [], "alternatives": []}
    source = str(invoices.blank_png())
    detail.show_result(source, {"source": source, "pages": 1, "answers": [empty],
                                "warnings": ["no text found on page 1"]}, None, new_source=True)
    item = detail.answers.topLevelItem(0)
    assert (item.text(1), item.text(2), item.text(3)) == ("No answer found", "—", "")
    assert "No text found on page 1." in detail.warnings.text()
    assert "no readable text" in detail.warnings.text()
    assert not detail.copy_button.isEnabled()
    qtbot.waitUntil(lambda: detail.page_view.shown_page == 0, timeout=20_000)
    assert detail.page_view.highlight_items() == []
    detail.page_view.renderer.wait()


def test_scores_and_notes_read_as_plain_words() -> None:
    assert confidence_text(0.873) == "87%"
    assert confidence_text(0.001) == "<1%"
    assert confidence_text(None) == "—"
    assert plain_warning("no text found on page 2") == "No text found on page 2."


def test_answers_get_the_width_the_questions_do_not_need(qtbot) -> None:  # type: ignore[no-untyped-def]
    """At the panel's default width a fixed question column left answers a few letters."""
    detail = AnswersDetail(get_task(TASK))
    qtbot.addWidget(detail)
    detail.resize(420, 500)
    detail.show()
    source = str(invoices.classic_png())
    answer = {"question": "What is the total due?", "answer": "EUR 1,234.50", "score": 0.9,
              "page": 1, "boxes": [], "alternatives": [
                  {"answer": "900.00", "score": 0.05, "page": 1, "boxes": []}]}
    detail.show_result(source, {"source": source, "pages": 1, "answers": [answer]}, None,
                       new_source=True)
    tree = detail.answers
    item = tree.topLevelItem(0)
    assert tree.fontMetrics().horizontalAdvance("EUR 1,234.50") < tree.columnWidth(1)
    assert tree.columnWidth(0) <= 0.45 * tree.viewport().width()
    assert "EUR 1,234.50" in item.toolTip(1) and "900.00" in item.toolTip(1)
    long = dict(answer, question="What is the name of the company this invoice was sent to, "
                                 "as written in the address block?")
    detail.show_result(source, {"source": source, "pages": 1, "answers": [long]}, None,
                       new_source=True)
    assert tree.columnWidth(0) == int(0.45 * tree.viewport().width())  # long: cut, tooltip
    tree.header().resizeSection(0, 100)  # the reader's own width is kept
    detail.resize(600, 500)
    qtbot.waitUntil(lambda: tree.viewport().width() > 500)
    assert tree.columnWidth(0) == 100
    detail.page_view.renderer.wait()


def test_answers_filled_while_hidden_are_sized_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    """History fills a view before it is on screen, when the list has no width of its own."""
    detail = AnswersDetail(get_task(TASK))
    qtbot.addWidget(detail)
    detail.resize(600, 500)
    source = str(invoices.classic_png())
    answer = {"question": "What is the total due?", "answer": "EUR 1,234.50", "score": 0.9,
              "page": 1, "boxes": [], "alternatives": []}
    detail.show_result(source, {"source": source, "pages": 1, "answers": [answer]}, None,
                       new_source=True)
    detail.show()
    tree = detail.answers
    qtbot.waitUntil(lambda: tree.viewport().width() > 400)
    question_width = tree.fontMetrics().horizontalAdvance("What is the total due?")
    assert question_width < tree.columnWidth(0) <= 0.45 * tree.viewport().width()
    detail.page_view.renderer.wait()
