"""Questions about a table (a CSV or TSV file), answered from its cells.

The table is read with the standard ``csv`` module (every cell stays text, as TAPAS
wants) and handed to the pipeline as a pandas DataFrame. Each question is answered in
turn and saved at once, so a stopped job keeps its answers and a resumed one skips them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from engine import messages
from engine.errors import InputError, PipedeckError, UsageError
from engine.inputs import check_file
from engine.progress import JobControl

MAX_TABLE_CELLS = 5_000
MAX_TABLE_BYTES = 5 * 2**20


def read_table(source: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a .csv/.tsv file; short rows are padded, blank rows skipped."""
    path = check_file(source)
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise InputError(source, "the file is too large for a table (over 5 MB)")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(source, "not a text table (CSV or TSV)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff(text)
    try:
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)
                if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise InputError(source, f"the table is malformed ({exc})") from exc
    if not rows:
        raise InputError(source, "the table is empty")
    header = [name.strip() or f"column {i + 1}" for i, name in enumerate(rows[0])]
    body = rows[1:]
    if not body:
        raise InputError(source, "the table has a header but no rows")
    for number, row in enumerate(body, start=2):
        if len(row) > len(header):
            raise InputError(source, f"line {number} has {len(row)} cells but the header has "
                                      f"{len(header)} columns")
    cells = len(header) * len(body)
    if cells > MAX_TABLE_CELLS:
        raise InputError(source, f"the table is too large ({len(body)} rows × {len(header)} "
                                  f"columns = {cells:,} cells; the limit is "
                                  f"{MAX_TABLE_CELLS:,}). Keep only the rows and columns the "
                                  "questions need")
    return header, [[cell.strip() for cell in row] + [""] * (len(header) - len(row))
                    for row in body]


def _sniff(text: str) -> str:
    """Comma unless the header line plainly uses semicolons or tabs (spreadsheet exports)."""
    first = text.split("\n", 1)[0]
    counts = {delimiter: first.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _answer(output: Any, question: str) -> dict[str, Any]:
    cells = [str(cell) for cell in output.get("cells", [])]
    return {"question": question, "answer": str(output.get("answer", "")), "cells": cells,
            "aggregator": str(output.get("aggregator") or "NONE")}


def _text(answers: list[dict[str, Any]], note: str) -> str:
    lines = [f"{a['question']}\n    → {a['answer'] or '—'}" for a in answers]
    return "\n".join(lines + ([note] if note else []))


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    questions = [str(q).strip() for q in params.get("questions") or [] if str(q).strip()]
    if not questions:
        raise UsageError("Questions: enter at least one, one per line.")
    try:
        import pandas as pd
    except ModuleNotFoundError as exc:
        raise PipedeckError("Table questions need the pandas package, which is not "
                            "installed. Install it with: pip install pandas") from exc

    header, rows = read_table(source)
    table = pd.DataFrame(rows, columns=header, dtype=str)
    answers: list[dict[str, Any]] = []
    if done:
        answers = [dict(a) for a in done[-1].get("answers", [])
                   if isinstance(a, Mapping)][:len(questions)]
        if [a.get("question") for a in answers] != questions[:len(answers)]:
            answers = []
    note = ""
    tokenizer = pipe.tokenizer
    limit = getattr(tokenizer, "model_max_length", None)
    if getattr(pipe, "type", None) == "tapas" and isinstance(limit, int) and 0 < limit < 10**6:
        # TAPAS silently drops the rows that do not fit; say so rather than answer from a part
        used = len(tokenizer(table, questions[0], truncation=False)["input_ids"])
        if used > limit:
            note = (f"Note: {Path(source).name} is larger than this model reads at once; only "
                    "the first rows that fit were used.")
    for number, question in enumerate(questions):
        if number < len(answers):
            continue
        control.check()
        control.say(number / len(questions), messages.QUESTION, number=number + 1,
                    total=len(questions))
        try:
            output = pipe(table=table, query=question)
        except ValueError as exc:
            raise InputError(source, f"the model could not read this table ({exc})") from exc
        if isinstance(output, list):
            output = output[0] if output else {}
        answer = _answer(output, question)
        if note:
            answer["truncated"] = True
        answers.append(answer)
        yield {"text": _text(answers, note), "answers": list(answers)}
