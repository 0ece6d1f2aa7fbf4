"""How much document QA costs per question, and what the engine adds over the pipeline.

Prints, on one rendered invoice with the tiny random LayoutLM (no real document-QA weights
are available offline; OCR dominates either way):

- 10 questions ÷ 1 question through the engine (goal ≤ 3×: the page is OCR'd once);
- engine ÷ plain ``transformers.pipeline`` on the same file and questions
  (goal ≤ 1.03 for one question; for ten the plain pipeline re-runs OCR per question).

Each figure is the fastest of ``--repeat`` interleaved runs, to damp noise from other
processes.
Run: ``.venv/bin/python benchmarks/docqa.py [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.docqa import run_source
from engine.progress import JobControl
from tests import invoices
from tests.tiny.layoutlm import layoutlm_docqa

QUESTIONS = [
    "What is the invoice number?", "What is the total amount?", "What is the invoice date?",
    "Who is the customer?", "Who is the supplier?", "What is the amount due?",
    "What is the address?", "What is the first item?", "What is the travel cost?",
    "What is the currency?",
]


def fastest(repeat: int, **works: Callable[[], Any]) -> dict[str, float]:
    """Best time of each work; the works take turns so background load hits all alike."""
    best = dict.fromkeys(works, float("inf"))
    for _ in range(repeat):
        for name, work in works.items():
            start = time.perf_counter()
            work()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from transformers import pipeline

    pipe = pipeline("document-question-answering", model=str(layoutlm_docqa()))
    path = str(invoices.classic_png())

    def engine(questions: list[str]) -> Callable[[], Any]:
        return lambda: list(run_source(pipe, path, {"questions": questions}, JobControl(), []))

    def plain(questions: list[str]) -> Callable[[], Any]:
        return lambda: [pipe(image=path, question=q) for q in questions]

    engine(QUESTIONS[:1])()  # warm up: imports, first forward
    plain(QUESTIONS[:1])()
    times = fastest(args.repeat, one=engine(QUESTIONS[:1]), plain_one=plain(QUESTIONS[:1]),
                    ten=engine(QUESTIONS), plain_ten=plain(QUESTIONS))
    one, ten, plain_one, plain_ten = (times[k] for k in ("one", "ten", "plain_one", "plain_ten"))

    print(f"invoice: {Path(path).name}, model: tiny random LayoutLM, best of {args.repeat}")
    print(f"engine, 1 question:    {one:6.2f} s")
    print(f"engine, 10 questions:  {ten:6.2f} s   10q/1q = {ten / one:.2f}  (goal <= 3)")
    print(f"plain pipeline, 1 q:   {plain_one:6.2f} s   engine/plain = {one / plain_one:.3f}"
          "  (goal <= 1.03)")
    print(f"plain pipeline, 10 q:  {plain_ten:6.2f} s   engine/plain = {ten / plain_ten:.3f}")


if __name__ == "__main__":
    main()
