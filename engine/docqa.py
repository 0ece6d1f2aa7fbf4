"""Questions asked of documents: "What is the invoice number?" over every page of a file.

The job layer calls :func:`run_source` once per file with a loaded
``document-question-answering`` pipeline. Each page is read once: its words come from the
PDF's text layer, or from one OCR pass, and are handed to the pipeline as ``word_boxes``
for every question, so ten questions cost one OCR run, not ten. OCR-free models (Donut)
get the page image alone.

The answer to a question is the best-scoring span over all pages, with its page number,
the boxes of its words (0–1000 of the page, so a viewer can highlight them) and the
runners-up. One JSON-ready dict per document is yielded:

``{"source", "pages", "answers": [{"question", "answer", "score", "page", "boxes",
"alternatives"}], "warnings"}``. ``page`` counts from 1; ``answer``, ``score`` and
``page`` are None when no page had any text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from engine import messages
from engine.documents import Document, Page, open_document
from engine.errors import UsageError
from engine.ocr import Word, ocr_words
from engine.progress import JobControl

TASK = "document-question-answering"
DEFAULT_LANG = "eng"


@dataclass(frozen=True, slots=True)
class DocQASettings:
    """The validated parameters of a document-QA job."""

    questions: tuple[str, ...]
    top_k: int = 1
    ocr_lang: str = DEFAULT_LANG

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> DocQASettings:
        """Check the job's parameters, raising :class:`UsageError` with what to fix."""
        raw = params.get("questions")
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, Sequence) or not raw:
            raise UsageError("Ask at least one question.")
        questions = []
        for number, question in enumerate(raw, 1):
            if not isinstance(question, str) or not question.strip():
                raise UsageError(f"Question {number} is empty; write a question or remove it.")
            questions.append(" ".join(question.split()))
        top_k = params.get("top_k", 1)
        if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
            raise UsageError(f"The number of answers per question must be 1 or more, "
                             f"not {top_k!r}.")
        lang = params.get("ocr_lang") or DEFAULT_LANG
        if not isinstance(lang, str) or not all(part.strip() for part in lang.split("+")):
            raise UsageError(f"{lang!r} is not an OCR language code (like 'eng' or 'eng+deu').")
        return cls(tuple(questions), top_k, lang.strip())


@dataclass(frozen=True, slots=True)
class _Candidate:
    answer: str
    score: float | None
    page: int
    boxes: tuple[tuple[int, int, int, int], ...]
    span: tuple[int, int] | None

    def as_dict(self) -> dict[str, Any]:
        return {"answer": self.answer, "score": self.score, "page": self.page,
                "boxes": [list(box) for box in self.boxes]}


def is_ocr_free(pipe: Any) -> bool:
    """True for image-to-text models (Donut) that read pixels and need no words."""
    config = getattr(getattr(pipe, "model", None), "config", None)
    return getattr(config, "model_type", "") == "vision-encoder-decoder"


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Answer every question about one file; yields one dict for the whole document.

    A document whose result was already saved (``done``) is not read again.
    """
    settings = DocQASettings.from_params(params)
    if any(item.get("answers") is not None for item in done):
        return
    control.check()
    with open_document(source) as document:
        yield answer_document(pipe, document, settings, control)


def answer_document(pipe: Any, document: Document, settings: DocQASettings,
                    control: JobControl) -> dict[str, Any]:
    """Ask all questions of all pages of an open document; the best answer per question wins."""
    pool: dict[str, dict[tuple[Any, ...], _Candidate]] = {q: {} for q in settings.questions}
    warnings: list[str] = []
    total = document.page_count
    ocr_free = is_ocr_free(pipe)
    with _pipeline_ocr_off(pipe):
        for index in range(total):
            control.say(index / total, messages.PAGE, page=index + 1, total=total)
            control.check()
            page = document.page(index)
            words = None if ocr_free else page_words(page, settings.ocr_lang)
            if words is not None and not words:
                warnings.append(f"no text found on page {index + 1}")
                continue
            word_boxes = None if words is None else [(w.text, list(w.box)) for w in words]
            for number, question in enumerate(settings.questions):
                control.check()
                raw = _ask(pipe, page, question, word_boxes, _spans_wanted(settings.top_k))
                for candidate in _candidates(raw, index + 1, words):
                    key = (candidate.page, candidate.span or candidate.answer)
                    if key not in pool[question] or _rank(candidate) < _rank(pool[question][key]):
                        pool[question][key] = candidate
                done_part = (index + (number + 1) / len(settings.questions)) / total
                control.say(done_part, messages.PAGE, page=index + 1, total=total)
            del page  # only one page image alive at a time
    control.say(1.0, messages.PAGE, page=total, total=total)
    answers = [_best(question, list(pool[question].values()), settings.top_k)
               for question in settings.questions]
    return {"source": document.source, "pages": total, "answers": answers,
            "warnings": warnings}


def page_words(page: Page, lang: str) -> list[Word]:
    """The page's words: its PDF text layer when it has one, otherwise one OCR pass."""
    if page.words is not None:
        return page.words
    return ocr_words(page.image, lang)


def _ask(pipe: Any, page: Page, question: str, word_boxes: list[tuple[str, list[int]]] | None,
         top_k: int) -> list[dict[str, Any]]:
    if word_boxes is None:
        raw = pipe(image=page.image, question=question, top_k=top_k)
    else:
        raw = pipe(image=page.image, question=question, word_boxes=word_boxes, top_k=top_k)
    if isinstance(raw, dict):
        return [raw]
    return [item for item in raw if isinstance(item, dict)]


def _spans_wanted(top_k: int) -> int:
    """Spans to ask the pipeline for: it returns the same words several times (once per
    token pair), so extra spans are needed to fill ``top_k`` distinct answers."""
    return 1 if top_k == 1 else 3 * top_k


def _candidates(raw: list[dict[str, Any]], page: int,
                words: list[Word] | None) -> Iterator[_Candidate]:
    for item in raw:
        answer = item.get("answer")
        if not isinstance(answer, str) or not answer.strip():
            continue
        score = item.get("score")
        start, end = item.get("start"), item.get("end")
        span = None
        boxes: tuple[tuple[int, int, int, int], ...] = ()
        if words is not None and isinstance(start, int) and isinstance(end, int):
            span = (start, end)
            boxes = tuple(word.box for word in words[start:end + 1])
        yield _Candidate(answer.strip(), None if score is None else float(score), page, boxes,
                         span)


def _rank(candidate: _Candidate) -> tuple[float, int]:
    """Sort key: higher score first; unscored (Donut) answers in page order."""
    score = -candidate.score if candidate.score is not None else 0.0
    return (score, candidate.page)


def _best(question: str, candidates: list[_Candidate], top_k: int) -> dict[str, Any]:
    ranked = sorted(candidates, key=_rank)
    if not ranked:
        return {"question": question, "answer": None, "score": None, "page": None,
                "boxes": [], "alternatives": []}
    distinct: dict[str, _Candidate] = {}
    for candidate in ranked:  # the same words found twice are one answer to a reader
        distinct.setdefault(candidate.answer.casefold(), candidate)
    best, *others = distinct.values()
    return {"question": question, **best.as_dict(),
            "alternatives": [other.as_dict() for other in others[:top_k - 1]]}


@contextmanager
def _pipeline_ocr_off(pipe: Any) -> Iterator[None]:
    """Stop a LayoutLMv2/v3 image processor from running its own OCR on every question.

    Those processors OCR the image whenever ``apply_ocr`` is set, even though the pipeline
    then uses the ``word_boxes`` it was given: ten questions would mean ten OCR runs.
    """
    processor = getattr(pipe, "image_processor", None)
    if processor is None or not getattr(processor, "apply_ocr", False) or is_ocr_free(pipe):
        yield
        return
    processor.apply_ocr = False
    try:
        yield
    finally:
        processor.apply_ocr = True
