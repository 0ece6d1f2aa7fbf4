"""The text task tabs in the window: input in, result view filled, JSON export read back.

The tiny models answer at random, so these check structure and behaviour (rows, groups,
escaping, files written), never what a label or an answer says.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gui.export_dialog import export_results
from gui.main_window import MainWindow
from tests.conftest import open_tab
from tests.test_gui_spine import drop_files, run_and_wait

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]


def exported(tab: Any, tmp_path: Path) -> list[dict[str, Any]]:
    written = export_results(tab, tab.task, tab.results.model.gathered(),
                             target=str(tmp_path / "results.json"))
    assert [p.name for p in written] == ["results.json"]
    data: list[dict[str, Any]] = json.loads(written[0].read_text(encoding="utf-8"))
    return data


def test_text_classification_tab_ranks_labels_for_each_line(
        qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.tiny.text_tasks import tiny_sentiment

    tab = open_tab(window, "text-classification", tiny_sentiment())
    tab.inputs.text.setPlainText("this movie was great\nawful film")
    run_and_wait(qtbot, window, tab)
    assert tab.results.model.rowCount() == 2
    tab.results.table.selectRow(1)
    labels = tab.results.detail.labels.labels_model.labels()
    assert {label for label, _ in labels} == {"NEGATIVE", "POSITIVE"}
    data = exported(tab, tmp_path)
    assert [entry["input"] for entry in data] == ["this movie was great", "awful film"]
    assert all(len(entry["result"]["labels"]) == 2 for entry in data)


def test_entities_tab_highlights_names_escaped_and_groups_them_by_type(
        qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.tiny.text_tasks import tiny_ner

    text = "John <b>Smith</b> & Anna work at Google in London."
    tab = open_tab(window, "token-classification", tiny_ner())
    tab.inputs.text.setPlainText(text)
    run_and_wait(qtbot, window, tab)
    detail = tab.results.detail
    assert detail.text.toPlainText().replace("\u00a0", " ").startswith("John")
    plain = detail.text.toPlainText()
    # shown as typed, not read as markup (markup would leave no angle brackets on screen)
    assert "<" in plain and ">" in plain and "&" in plain
    html = detail.text.toHtml()
    assert "background-color" in html
    model = detail.entities_model
    entities = exported(tab, tmp_path)[0]["result"]["entities"]
    groups = {e["entity_group"] for e in entities}
    assert model.rowCount() == len(groups)
    assert sum(model.item(row).rowCount() for row in range(model.rowCount())) == len(entities)
    assert detail.summary.text()


def test_fill_mask_tab_lists_words_and_explains_a_line_without_a_gap(
        qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.tiny.text_tasks import tiny_mlm

    tab = open_tab(window, "fill-mask", tiny_mlm())
    tab.inputs.text.setPlainText("paris is the [MASK] of france.\nno gap here")
    tab.form.widget("top_k").setValue(4)  # type: ignore[attr-defined]
    run_and_wait(qtbot, window, tab)
    model = tab.results.model
    assert model.data(model.index(0, 1)) == "Done"
    assert "write [MASK] where the missing word goes" in model.data(model.index(1, 2))
    tab.results.table.selectRow(0)
    assert len(tab.results.detail.labels.labels_model.labels()) == 4
    first, second = exported(tab, tmp_path)
    assert first["result"]["sequence"].startswith("paris is the")
    assert second["result"] is None and "[MASK]" in second["error"]


def test_embeddings_tab_shows_the_shape_and_saves_every_vector_as_npy(
        qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from tests.tiny.text_tasks import tiny_encoder

    tab = open_tab(window, "feature-extraction", tiny_encoder())
    tab.inputs.text.setPlainText("hello\nthe movie was great")
    run_and_wait(qtbot, window, tab)
    detail = tab.results.detail
    tab.results.table.selectRow(1)
    assert "× 32" in detail.heading.text()
    assert detail.values.toPlainText().count(",") == 23
    assert detail.save_button.isEnabled()
    path = detail.save_npy(str(tmp_path / "vectors"))
    assert path == tmp_path / "vectors.npy"
    rows = np.load(path)
    data = exported(tab, tmp_path)
    assert rows.shape == (2, 32)
    assert rows[1] == pytest.approx(np.array(data[1]["result"]["pooled"]), abs=1e-6)
    assert "vectors.npy" in detail.status.text()


def test_table_tab_takes_a_dropped_csv_and_answers_each_question(
        qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.tiny.text_tasks import tiny_tapas

    table = tmp_path / "cities.csv"
    table.write_text("city,population\nparis,2100000\nberlin,3600000\n", encoding="utf-8")
    tab = open_tab(window, "table-question-answering", tiny_tapas())
    drop_files(tab, [table])
    assert tab.inputs.items() == [str(table)]
    questions = tab.form.widget("questions")
    if hasattr(questions, "set_questions"):
        questions.set_questions(["which city", "how many people"])
    else:
        questions.setPlainText("which city\nhow many people")
    run_and_wait(qtbot, window, tab)
    shown = tab.results.detail.text.toPlainText()
    data = exported(tab, tmp_path)
    answers = data[0]["result"]["answers"]
    assert [a["question"] for a in answers] == ["which city", "how many people"]
    for answer in answers:
        assert f"{answer['question']}\n    " in shown and answer["answer"] in shown
    model = tab.results.model
    assert model.data(model.index(0, 1)) == "Done"
    assert answers[0]["answer"] in model.data(model.index(0, 2))
