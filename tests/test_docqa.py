"""Document QA through the real pipeline with a tiny random LayoutLM.

The model's answers are random: tests check structure, page choice against the
pipeline's own scores, and how often tesseract runs, never what the answer says.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine.docqa import DocQASettings, answer_document, run_source
from engine.documents import open_document
from engine.errors import Cancelled, InputError, UsageError
from engine.ocr import ocr_words
from engine.progress import JobControl, Progress
from tests import invoices
from tests.tiny.layoutlm import layoutlm_docqa

pytestmark = [
    pytest.mark.timeout(180),
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed"),
]

QUESTIONS = ["What is the invoice number?", "What is the total amount?"]


@pytest.fixture(scope="module")
def pipe() -> Any:
    from transformers import pipeline

    return pipeline("document-question-answering", model=str(layoutlm_docqa()))


@pytest.fixture
def tesseract_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts every tesseract process started, by the engine or by the pipeline itself."""
    import pytesseract.pytesseract as runner

    real = runner.run_and_get_output
    calls: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(runner, "run_and_get_output", counted)
    yield calls


def _run(pipe: Any, path: Path, control: JobControl | None = None, **params: Any
         ) -> dict[str, Any]:
    params.setdefault("questions", QUESTIONS)
    results = list(run_source(pipe, str(path), params, control or JobControl(), []))
    assert len(results) == 1
    return results[0]


def test_result_has_one_answer_per_question_with_page_boxes_and_alternatives(pipe: Any) -> None:
    result = _run(pipe, invoices.classic_png(), top_k=3)
    json.dumps(result)  # saved as is by the job store
    assert result["source"] == str(invoices.classic_png())
    assert result["pages"] == 1
    assert result["warnings"] == []
    assert [a["question"] for a in result["answers"]] == QUESTIONS
    for answer in result["answers"]:
        assert set(answer) == {"question", "answer", "score", "page", "boxes", "alternatives"}
        assert answer["page"] == 1
        assert 0.0 < answer["score"] <= 1.0
        # One box per answer word, each inside the page.
        assert len(answer["boxes"]) == len(answer["answer"].split())
        for box in answer["boxes"]:
            assert len(box) == 4 and 0 <= box[0] <= box[2] <= 1000 and 0 <= box[1] <= box[3]
        assert len(answer["alternatives"]) <= 2
        scores = [answer["score"]] + [alt["score"] for alt in answer["alternatives"]]
        assert scores == sorted(scores, reverse=True)
        texts = [answer["answer"].casefold()] + [a["answer"].casefold()
                                                 for a in answer["alternatives"]]
        assert len(set(texts)) == len(texts)


def test_answers_equal_the_plain_pipeline_running_its_own_ocr(pipe: Any) -> None:
    path = invoices.classic_png()
    result = _run(pipe, path, questions=[QUESTIONS[0]], top_k=1)
    plain = pipe(image=str(path), question=QUESTIONS[0], top_k=1)[0]
    assert result["answers"][0]["answer"] == plain["answer"]
    assert result["answers"][0]["score"] == pytest.approx(plain["score"])


def test_best_answer_is_chosen_across_pages(pipe: Any) -> None:
    path = invoices.two_page_pdf()
    question = QUESTIONS[1]
    per_page = []
    with open_document(path) as document:
        for page in document.pages():
            boxes = [(w.text, list(w.box)) for w in ocr_words(page.image)]
            top = pipe(image=page.image, question=question, word_boxes=boxes, top_k=1)[0]
            per_page.append((top["score"], page.index + 1, top["answer"]))
    best_score, best_page, best_text = max(per_page)
    answer = _run(pipe, path, questions=[question], top_k=2)["answers"][0]
    assert (answer["page"], answer["answer"]) == (best_page, best_text)
    assert answer["score"] == pytest.approx(best_score)
    assert {alt["page"] for alt in answer["alternatives"]} <= {1, 2}


def test_ten_questions_run_ocr_once_per_page(pipe: Any, tesseract_runs: list[int]) -> None:
    questions = [f"What is field {n}?" for n in range(10)]
    result = _run(pipe, invoices.two_page_tiff(), questions=questions)
    assert len(result["answers"]) == 10
    assert len(tesseract_runs) == 2  # two pages, whatever the number of questions


def test_the_counter_sees_the_pipelines_own_ocr(pipe: Any, tesseract_runs: list[int]) -> None:
    for question in QUESTIONS:
        pipe(image=str(invoices.classic_png()), question=question)
    assert len(tesseract_runs) == 2


def test_pdf_text_layer_needs_no_ocr(pipe: Any, tesseract_runs: list[int]) -> None:
    result = _run(pipe, invoices.text_layer_pdf())
    assert tesseract_runs == []
    with open_document(invoices.text_layer_pdf()) as document:
        layer = document.page(0).words
    assert layer is not None
    boxes = [list(w.box) for w in layer]
    for answer in result["answers"]:
        assert answer["boxes"] and all(box in boxes for box in answer["boxes"])


@pytest.mark.parametrize("params", [
    {"questions": []},
    {"questions": ["What is the total?", "   "]},
    {"questions": [""]},
    {},
    {"questions": QUESTIONS, "top_k": 0},
    {"questions": QUESTIONS, "ocr_lang": "eng+"},
])
def test_bad_parameters_are_usage_errors_before_reading_the_file(pipe: Any,
                                                                 params: dict[str, Any]) -> None:
    with pytest.raises(UsageError):
        list(run_source(pipe, "/no/such/file.pdf", params, JobControl(), []))


def test_settings_tidy_questions_and_apply_defaults() -> None:
    settings = DocQASettings.from_params({"questions": ["  What is\nthe total? "]})
    assert settings == DocQASettings(("What is the total?",), 1, "eng")


def test_blank_page_is_a_warning_not_an_answer(pipe: Any) -> None:
    result = _run(pipe, invoices.blank_second_page_pdf())
    assert result["pages"] == 2
    assert result["warnings"] == ["no text found on page 2"]
    assert all(a["page"] == 1 for a in result["answers"])


def test_document_with_no_text_at_all_answers_nothing(pipe: Any) -> None:
    result = _run(pipe, invoices.blank_png(), top_k=3)
    assert result["warnings"] == ["no text found on page 1"]
    for answer in result["answers"]:
        assert answer["answer"] is None and answer["score"] is None and answer["page"] is None
        assert answer["boxes"] == [] and answer["alternatives"] == []


def test_progress_names_pages_and_reaches_the_end(pipe: Any) -> None:
    seen: list[Progress] = []
    control = JobControl(on_progress=seen.append, min_interval_s=0.0)
    _run(pipe, invoices.two_page_tiff(), control)
    messages = [p.message for p in seen]
    assert "page 1 of 2" in messages and "page 2 of 2" in messages
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_cancel_between_pages_stops_before_reading_the_next(pipe: Any,
                                                            tesseract_runs: list[int]) -> None:
    control = JobControl(min_interval_s=0.0)

    def cancel_at_page_two(progress: Progress) -> None:
        if progress.message == "page 2 of 2":
            control.cancel()

    control.on_progress = cancel_at_page_two
    with pytest.raises(Cancelled):
        _run(pipe, invoices.two_page_tiff(), control)
    assert len(tesseract_runs) == 1


def test_document_already_done_is_not_read_again(pipe: Any, tesseract_runs: list[int]) -> None:
    done = [{"source": "x.png", "pages": 1, "answers": [], "warnings": []}]
    assert list(run_source(pipe, str(invoices.classic_png()), {"questions": QUESTIONS},
                           JobControl(), done)) == []
    assert tesseract_runs == []


def test_unreadable_document_is_an_input_error(pipe: Any) -> None:
    with pytest.raises(InputError, match="password-protected"):
        _run(pipe, invoices.password_pdf())


def test_answer_document_takes_an_open_document(pipe: Any) -> None:
    settings = DocQASettings(("What is the invoice number?",))
    with open_document(invoices.text_layer_pdf()) as document:
        result = answer_document(pipe, document, settings, JobControl())
    assert result["pages"] == 1 and len(result["answers"]) == 1


def test_ocr_free_donut_reads_pixels_without_tesseract(tesseract_runs: list[int]) -> None:
    from transformers import pipeline

    from tests.tiny.donut import donut_docqa

    donut = pipeline("document-question-answering", model=str(donut_docqa()))
    result = _run(donut, invoices.two_page_tiff(), top_k=2)
    assert tesseract_runs == []
    assert result["pages"] == 2 and result["warnings"] == []
    for answer in result["answers"]:
        assert answer["score"] is None and answer["boxes"] == []
        assert answer["answer"] is None or isinstance(answer["answer"], str)
