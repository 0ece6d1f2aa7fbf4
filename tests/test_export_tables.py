"""CSV and JSON export of document-QA results, read back as a spreadsheet would."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from engine.export.tables import docqa_table, write_docqa_csv, write_docqa_json

Q1, Q2 = "What is the invoice number?", "What is the total amount?"


def _answer(question: str, text: str | None, score: float | None, page: int | None
            ) -> dict[str, Any]:
    return {"question": question, "answer": text, "score": score, "page": page,
            "boxes": [[1, 2, 3, 4]] if text else [], "alternatives": []}


RESULTS: list[dict[str, Any]] = [
    {"source": "/scans/acme.pdf", "pages": 2, "warnings": [],
     "answers": [_answer(Q1, "INV-2024-0042", 0.91234, 1), _answer(Q2, "€1,234.50", 0.5, 2)]},
    {"source": "/scans/blank.png", "pages": 1, "warnings": ["no text found on page 1"],
     "answers": [_answer(Q1, None, None, None), _answer(Q2, None, None, None)]},
    {"source": "/scans/credit-note.jpg", "pages": 1, "warnings": [],
     "answers": [_answer(Q1, "=HYPERLINK(\"http://x\")", 0.2, 1), _answer(Q2, "-12.50", 0.3, 1)]},
]


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_has_a_row_per_file_and_answer_and_score_columns_per_question(tmp_path: Path
                                                                          ) -> None:
    written = write_docqa_csv(tmp_path / "answers.csv", RESULTS)
    rows = _read_csv(written)
    assert rows[0] == ["file", "pages", Q1, f"{Q1} (score)", Q2, f"{Q2} (score)", "warnings"]
    assert rows[1] == ["acme.pdf", "2", "INV-2024-0042", "0.9123", "€1,234.50", "0.5000", ""]
    assert rows[2] == ["blank.png", "1", "", "", "", "", "no text found on page 1"]
    assert len(rows) == 1 + len(RESULTS)


def test_csv_page_columns_are_optional(tmp_path: Path) -> None:
    rows = _read_csv(write_docqa_csv(tmp_path / "a.csv", RESULTS, include_page=True))
    assert rows[0][2:8] == [Q1, f"{Q1} (score)", f"{Q1} (page)", Q2, f"{Q2} (score)",
                            f"{Q2} (page)"]
    assert rows[1][4] == "1" and rows[1][7] == "2"
    assert rows[2][4] == ""


def test_csv_starts_with_a_bom_so_excel_reads_utf8(tmp_path: Path) -> None:
    written = write_docqa_csv(tmp_path / "a.csv", RESULTS)
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")


def test_formulas_read_off_a_document_are_defused_but_negative_numbers_kept(tmp_path: Path
                                                                           ) -> None:
    rows = _read_csv(write_docqa_csv(tmp_path / "a.csv", RESULTS))
    assert rows[3][2] == "'=HYPERLINK(\"http://x\")"
    assert rows[3][4] == "-12.50"


def test_files_with_different_questions_share_one_header(tmp_path: Path) -> None:
    extra = {"source": "other.png", "pages": 1, "warnings": [],
             "answers": [_answer("Who is the supplier?", "ACME", 0.4, 1)]}
    header, rows = docqa_table([*RESULTS, extra])
    assert header[2:] == [Q1, f"{Q1} (score)", Q2, f"{Q2} (score)", "Who is the supplier?",
                          "Who is the supplier? (score)", "warnings"]
    assert rows[-1][2:6] == ["", "", "", ""]
    assert rows[-1][6:8] == ["ACME", "0.4000"]


def test_existing_file_is_never_overwritten_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "answers.csv"
    target.write_text("keep me", encoding="utf-8")
    written = write_docqa_csv(target, RESULTS)
    assert written == tmp_path / "answers (2).csv"
    assert target.read_text(encoding="utf-8") == "keep me"
    assert write_docqa_csv(target, RESULTS, overwrite=True) == target
    assert _read_csv(target)[0][0] == "file"


def test_json_export_keeps_boxes_and_alternatives(tmp_path: Path) -> None:
    written = write_docqa_json(tmp_path / "answers.json", RESULTS)
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["task"] == "document-question-answering"
    assert data["results"] == RESULTS
    assert "€1,234.50" in written.read_text(encoding="utf-8")  # readable, not \u20ac


def test_writes_leave_no_partial_files_behind(tmp_path: Path) -> None:
    write_docqa_csv(tmp_path / "a.csv", RESULTS)
    write_docqa_json(tmp_path / "a.json", RESULTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.json"]
