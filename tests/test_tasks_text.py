"""The text tasks end to end through the CLI and the engine, with tiny real models:
sentiment labels, named entities, fill-mask, embeddings and table questions."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from engine.cli import main


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_json(*args: str) -> tuple[int, dict[str, Any], str]:
    code, out, err = run_cli(*args, "--json")
    return code, json.loads(out), err


@pytest.fixture(scope="module")
def sentiment_model() -> Path:
    from tests.tiny.text_tasks import tiny_sentiment

    return tiny_sentiment()


@pytest.fixture(scope="module")
def ner_model() -> Path:
    from tests.tiny.text_tasks import tiny_ner

    return tiny_ner()


@pytest.fixture(scope="module")
def mlm_model() -> Path:
    from tests.tiny.text_tasks import tiny_mlm

    return tiny_mlm()


@pytest.fixture(scope="module")
def encoder_model() -> Path:
    from tests.tiny.text_tasks import tiny_encoder

    return tiny_encoder()


@pytest.fixture(scope="module")
def tapas_model() -> Path:
    from tests.tiny.text_tasks import tiny_tapas

    return tiny_tapas()


@pytest.fixture
def cities(tmp_path: Path) -> Path:
    path = tmp_path / "cities.csv"
    path.write_text("city,country,population\nparis,france,2100000\nberlin,germany,3600000\n"
                    "london,uk,8900000\n", encoding="utf-8")
    return path


def test_every_text_task_is_offered_by_the_installed_transformers() -> None:
    from engine.tasks import available_tasks
    from engine.tasks_text import TASKS

    offered = {task.id for task in available_tasks()}
    assert {task.id for task in TASKS} <= offered
    for task in TASKS:
        assert callable(task.load_runner())


# -- text classification ------------------------------------------------------------------
def test_classify_text_ranks_labels_and_names_the_empty_text(sentiment_model: Path) -> None:
    code, data, err = run_json("classify-text", "this movie was great", "  ", "awful film",
                               "--model", str(sentiment_model))
    assert code == 3
    good, empty, other = data["results"]
    for entry in (good, other):
        labels = entry["result"]["labels"]
        assert {row["label"] for row in labels} == {"NEGATIVE", "POSITIVE"}
        assert labels[0]["score"] >= labels[1]["score"]
        assert sum(row["score"] for row in labels) == pytest.approx(1.0, abs=1e-4)
    assert empty["error"] == "could not read '(empty text)': the text is empty"
    assert "(empty text)" in err


def test_classify_text_reads_a_csv_column_and_writes_a_labels_csv(
        sentiment_model: Path, tmp_path: Path) -> None:
    source = tmp_path / "reviews.csv"
    source.write_text("id,review\n1,loved it\n2,hated it\n", encoding="utf-8")
    code, out, err = run_cli("classify-text", "--file", str(source), "--column", "review",
                             "--top-k", "1", "--model", str(sentiment_model),
                             "--output", str(tmp_path / "out"))
    assert code == 0, err
    assert "loved it" in out and "hated it" in out
    import csv

    rows = list(csv.DictReader((tmp_path / "out" / "classify-text.csv").open(encoding="utf-8")))
    assert [row["input"] for row in rows] == ["loved it", "hated it"]


def test_a_text_longer_than_the_model_reads_is_classified_and_marked_truncated(
        sentiment_model: Path) -> None:
    code, data, err = run_json("classify-text", "good " * 400, "--model", str(sentiment_model))
    assert code == 0, err
    assert data["results"][0]["result"]["truncated"] is True


# -- token classification -----------------------------------------------------------------
def test_entities_come_with_offsets_into_the_text(ner_model: Path) -> None:
    text = "John Smith works at Google in London."
    code, data, err = run_json("entities", text, "--model", str(ner_model))
    assert code == 0, err
    result = data["results"][0]["result"]
    assert result["text"] == text
    assert result["entities"], "the tiny model labels every word as some entity"
    for entity in result["entities"]:
        assert set(entity) == {"entity_group", "word", "start", "end", "score"}
        assert entity["entity_group"] in {"PER", "ORG", "LOC", "MISC"}
        assert text[entity["start"]:entity["end"]].lower() == entity["word"]
        assert 0.0 <= entity["score"] <= 1.0
    starts = [e["start"] for e in result["entities"]]
    assert starts == sorted(starts)


def test_entities_per_word_piece_keep_their_b_and_i_tags(ner_model: Path) -> None:
    code, data, _ = run_json("entities", "anna lives in berlin", "--aggregation-strategy",
                             "none", "--model", str(ner_model))
    assert code == 0
    groups = {e["entity_group"] for e in data["results"][0]["result"]["entities"]}
    assert groups and all(g[:2] in ("B-", "I-") for g in groups)


def test_entities_in_a_long_text_are_found_past_the_model_limit(ner_model: Path) -> None:
    text = " ".join(["anna"] * 300) + " berlin"
    code, data, _ = run_json("entities", text, "--model", str(ner_model))
    assert code == 0
    last = data["results"][0]["result"]["entities"][-1]
    assert last["end"] == len(text)


def test_a_tokenizer_without_a_length_limit_takes_the_models_own(ner_model: Path) -> None:
    from engine.models import ModelKey, load_pipeline
    from engine.progress import JobControl
    from engine.runners.token_classification import run_batch

    pipe = load_pipeline(ModelKey("token-classification", str(ner_model)))
    pipe.tokenizer.model_max_length = int(1e30)  # as some Hub tokenizers leave it
    text = " ".join(["anna"] * 300)
    (result,) = run_batch(pipe, [text], {"aggregation_strategy": "simple"}, JobControl(), set())
    assert result.error is None and result.payload is not None
    assert result.payload["entities"][-1]["end"] == len(text)
    assert pipe.tokenizer.model_max_length == 128


def test_an_unknown_grouping_is_a_usage_error(ner_model: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run_cli("entities", "x", "--aggregation-strategy", "clever", "--model", str(ner_model))
    assert exit_info.value.code == 2


# -- fill-mask ------------------------------------------------------------------------------
def test_fill_mask_accepts_every_way_of_marking_the_gap(mlm_model: Path) -> None:
    texts = ["paris is the [MASK] of france.", "paris is the <mask> of france.",
             "paris is the ___ of france."]
    code, data, err = run_json("fill-mask", *texts, "--top-k", "3", "--model", str(mlm_model))
    assert code == 0, err
    results = [entry["result"] for entry in data["results"]]
    for text, result in zip(texts, results, strict=True):
        assert result["text"] == text
        assert len(result["labels"]) == 3
        for row in result["labels"]:
            assert row["sequence"].startswith("paris is the")
            assert row["label"].lstrip("#") in row["sequence"]
        assert result["sequence"] == result["labels"][0]["sequence"]
    assert results[0]["labels"] == results[1]["labels"] == results[2]["labels"]


def test_fill_mask_says_where_to_put_the_gap_and_goes_on(mlm_model: Path) -> None:
    code, data, err = run_json("fill-mask", "paris is the capital", "a [MASK] b [MASK]",
                               "the [MASK] city", "--model", str(mlm_model))
    assert code == 3
    none, two, good = data["results"]
    assert none["error"] == ("could not read 'paris is the capital': there is no gap to fill: "
                             "write [MASK] where the missing word goes, e.g. 'Paris is the "
                             "[MASK] of France.'")
    assert "2 gaps" in two["error"]
    assert good["result"]["labels"]
    assert "paris is the capital" in err


def test_fill_mask_refuses_a_text_longer_than_the_model_reads(mlm_model: Path) -> None:
    code, data, _ = run_json("fill-mask", "the " * 200 + "[MASK]", "--model", str(mlm_model))
    assert code == 3
    assert "longer than this model can read" in data["results"][0]["error"]


# -- feature extraction ----------------------------------------------------------------------
def test_embeddings_are_one_pooled_vector_per_text_whatever_the_batch(
        encoder_model: Path) -> None:
    texts = ("hello", "the movie was great and paris is the capital of france")
    code, one, err = run_json("embed", *texts, "--model", str(encoder_model))
    assert code == 0, err
    code, batched, _ = run_json("embed", *texts, "--batch-size", "2", "--model",
                                str(encoder_model))
    assert code == 0
    for single, padded in zip(one["results"], batched["results"], strict=True):
        result = single["result"]
        assert result["dim"] == 32 and len(result["pooled"]) == 32
        assert result["shape"][1] == 32 and result["shape"][0] >= 3
        assert set(result) == {"shape", "pooled", "dim"}
        # padding in a batch must not leak into the average
        assert padded["result"]["shape"] == result["shape"]
        assert padded["result"]["pooled"] == pytest.approx(result["pooled"], abs=1e-4)
    assert one["results"][0]["result"]["pooled"] != one["results"][1]["result"]["pooled"]


def test_embeddings_save_as_npy_with_failed_inputs_as_nan_rows(
        encoder_model: Path, tmp_path: Path) -> None:
    import numpy as np

    from engine.export.vectors import pooled_vectors, write_npy

    code, data, _ = run_json("embed", "hello", "", "world", "--model", str(encoder_model))
    assert code == 3
    path = write_npy(tmp_path / "out" / "vectors.npy", pooled_vectors(data["results"]))
    rows = np.load(path, allow_pickle=False)
    assert rows.shape == (3, 32) and rows.dtype == np.float32
    assert np.isnan(rows[1]).all() and not np.isnan(rows[[0, 2]]).any()
    assert rows[0] == pytest.approx(np.array(data["results"][0]["result"]["pooled"]), abs=1e-6)
    assert [p.name for p in path.parent.iterdir()] == ["vectors.npy"]  # no temporary left


# -- table question answering ----------------------------------------------------------------
def test_ask_table_answers_each_question_from_the_cells(
        tapas_model: Path, cities: Path) -> None:
    code, data, err = run_json("ask-table", str(cities), "-q", "which city has the most people",
                               "-q", "how many people", "--model", str(tapas_model))
    assert code == 0, err
    result = data["results"][0]["result"]
    table_cells = {"paris", "france", "2100000", "berlin", "germany", "3600000", "london", "uk",
                   "8900000"}
    assert [a["question"] for a in result["answers"]] == ["which city has the most people",
                                                          "how many people"]
    for answer in result["answers"]:
        assert set(answer) == {"question", "answer", "cells", "aggregator"}
        assert set(answer["cells"]) <= table_cells
        assert answer["aggregator"] in {"NONE", "SUM", "AVERAGE", "COUNT"}
        assert answer["question"] in result["text"] and answer["answer"] in result["text"]
    code, out, _ = run_cli("ask-table", str(cities), "-q", "how many people", "--model",
                           str(tapas_model))
    assert out.startswith("how many people\n    → ")


def test_ask_table_names_the_unreadable_table_and_answers_the_others(
        tapas_model: Path, cities: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("city,country\n", encoding="utf-8")
    code, data, err = run_json("ask-table", str(empty), str(cities), "-q", "which city",
                               "--model", str(tapas_model))
    assert code == 3
    bad, good = data["results"]
    assert bad["error"] == "could not read 'empty.csv': the table has a header but no rows"
    assert good["result"]["answers"][0]["question"] == "which city"
    assert "empty.csv" in err


def test_a_huge_table_is_refused_in_plain_words(tapas_model: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    big.write_text("a,b,c,d,e\n" + "1,2,3,4,5\n" * 1200, encoding="utf-8")
    code, data, _ = run_json("ask-table", str(big), "-q", "how many", "--model",
                             str(tapas_model))
    assert code == 3
    assert data["results"][0]["error"] == (
        "could not read 'big.csv': the table is too large (1200 rows × 5 columns = 6,000 "
        "cells; the limit is 5,000). Keep only the rows and columns the questions need")


def test_ask_table_without_questions_is_a_usage_error(tapas_model: Path, cities: Path) -> None:
    code, _, err = run_cli("ask-table", str(cities), "--model", str(tapas_model))
    assert code == 2
    assert "Questions" in err


def test_tables_read_semicolons_tabs_and_ragged_rows(tmp_path: Path) -> None:
    from engine.errors import InputError
    from engine.runners.table_qa import read_table

    semicolons = tmp_path / "export.csv"
    semicolons.write_text("name;age\nanna;31\njohn\n", encoding="utf-8")
    assert read_table(str(semicolons)) == (["name", "age"], [["anna", "31"], ["john", ""]])
    tabs = tmp_path / "people.tsv"
    tabs.write_text("name\tage\n\nanna\t31\n", encoding="utf-8")
    assert read_table(str(tabs)) == (["name", "age"], [["anna", "31"]])
    wide = tmp_path / "wide.csv"
    wide.write_text("a,b\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2 has 3 cells but the header has 2 columns"):
        read_table(str(wide))


def test_a_resumed_table_job_skips_the_questions_already_answered(
        tapas_model: Path, cities: Path) -> None:
    from engine.models import ModelKey, load_pipeline
    from engine.progress import JobControl
    from engine.runners.table_qa import run_source

    pipe = load_pipeline(ModelKey("table-question-answering", str(tapas_model)))
    questions = ["which city", "how many people"]
    params = {"questions": questions}
    first = list(run_source(pipe, str(cities), params, JobControl(), []))
    assert [len(p["answers"]) for p in first] == [1, 2]
    resumed = list(run_source(pipe, str(cities), params, JobControl(), first[:1]))
    assert len(resumed) == 1 and resumed[0]["answers"] == first[-1]["answers"]
