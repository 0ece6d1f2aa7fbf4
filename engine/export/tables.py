"""Document-QA results as a spreadsheet (CSV) or as JSON.

The CSV is what an accounts clerk pastes into their books: one row per file, one column
per question with its score beside it (and optionally the page it was found on). It is
written UTF-8 with a byte-order mark, which is what makes Excel show "€" and accents
correctly. Cells that a spreadsheet would run as a formula are defused. Files are written
atomically: an interrupted export never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write_text, unique_path
from engine.errors import display_name

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?[\d.,\s]+%?$")


def questions_of(results: Iterable[Mapping[str, Any]]) -> list[str]:
    """Every question asked, in the order first seen (files may have had different ones)."""
    seen: dict[str, None] = {}
    for result in results:
        for answer in result.get("answers", ()):
            seen.setdefault(str(answer.get("question", "")), None)
    return list(seen)


def docqa_table(results: Sequence[Mapping[str, Any]], *, include_page: bool = False
                ) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the CSV: file, pages, then per question answer, score (, page)."""
    questions = questions_of(results)
    header = ["file", "pages"]
    for question in questions:
        header += [question, f"{question} (score)"]
        if include_page:
            header.append(f"{question} (page)")
    header.append("warnings")
    rows = []
    for result in results:
        by_question = {str(a.get("question", "")): a for a in result.get("answers", ())}
        row = [display_name(str(result.get("source", ""))), _cell(result.get("pages"))]
        for question in questions:
            answer = by_question.get(question, {})
            score = answer.get("score")
            row += [_cell(answer.get("answer")), "" if score is None else f"{float(score):.4f}"]
            if include_page:
                row.append(_cell(answer.get("page")))
        row.append("; ".join(str(w) for w in result.get("warnings", ())))
        rows.append(row)
    return header, rows


def write_docqa_csv(path: str | Path, results: Sequence[Mapping[str, Any]], *,
                    include_page: bool = False, overwrite: bool = False) -> Path:
    """Write the CSV; returns the path written (a free name unless ``overwrite``)."""
    target = Path(path) if overwrite else unique_path(path)
    header, rows = docqa_table(results, include_page=include_page)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_safe(cell) for cell in header])
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    atomic_write_text(target, "\ufeff" + buffer.getvalue())
    return target


def write_docqa_json(path: str | Path, results: Sequence[Mapping[str, Any]], *,
                     overwrite: bool = False) -> Path:
    """Write the results as they came from the engine (boxes and alternatives included)."""
    target = Path(path) if overwrite else unique_path(path)
    text = json.dumps({"task": "document-question-answering", "results": list(results)},
                      ensure_ascii=False, indent=2)
    atomic_write_text(target, text + "\n")
    return target


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _safe(cell: str) -> str:
    """Stop text such as ``=HYPERLINK(...)`` read off a document from running as a formula.

    Numbers like ``-12.50`` stay numbers; anything else starting with a formula character
    gets a leading apostrophe, which spreadsheets hide.
    """
    if cell.startswith(_FORMULA_START) and not _NUMBER.match(cell):
        return "'" + cell
    return cell
