"""The registry drives tabs, forms and CLI sub-commands."""

from __future__ import annotations

import pytest

from engine.errors import UsageError
from engine.params import resolve_params
from engine.tasks import all_tasks, available_tasks, get_task

SEED_DEFAULTS = {
    "document-question-answering": "impira/layoutlm-document-qa",
    "image-classification": "google/vit-base-patch16-224",
    "zero-shot-classification": "facebook/bart-large-mnli",
}


def test_every_task_is_reachable_by_id_and_alias() -> None:
    for task in all_tasks():
        assert get_task(task.id) is task
        assert get_task(task.alias) is task
    assert {"transcribe", "ask", "classify-image", "zero-shot", "generate"} <= {
        task.alias for task in all_tasks()}


def test_seed_default_models_are_kept_and_speech_defaults_to_a_cpu_friendly_whisper() -> None:
    for task_id, model in SEED_DEFAULTS.items():
        assert get_task(task_id).default_model == model
    speech = get_task("transcribe")
    assert speech.default_model.startswith("openai/whisper-")
    assert "large-v2" in speech.notes


def test_every_runner_imports() -> None:
    for task in all_tasks():
        assert callable(task.load_runner())


def test_unknown_task_is_a_usage_error_naming_the_known_ones() -> None:
    with pytest.raises(UsageError, match="classify-image"):
        get_task("paint-a-picture")


def test_parameters_are_checked_against_their_ranges() -> None:
    task = get_task("classify-image")
    assert resolve_params(task.params, {})["top_k"] == 5
    assert resolve_params(task.params, {"top_k": "3"})["top_k"] == 3
    with pytest.raises(UsageError, match="at least 1"):
        resolve_params(task.params, {"top_k": 0})
    with pytest.raises(UsageError, match="not a valid int"):
        resolve_params(task.params, {"top_k": "many"})


def test_empty_candidate_labels_are_refused_in_plain_words() -> None:
    task = get_task("zero-shot")
    with pytest.raises(UsageError, match="Labels"):
        resolve_params(task.params, {"candidate_labels": " , "})
    labels = resolve_params(task.params, {"candidate_labels": "urgent, not urgent"})
    assert labels["candidate_labels"] == ["urgent", "not urgent"]


def test_tasks_missing_from_installed_transformers_are_hidden() -> None:
    from transformers.pipelines import SUPPORTED_TASKS

    shown = {task.id for task in available_tasks()}
    assert shown == {task.id for task in all_tasks()} & set(SUPPORTED_TASKS)
