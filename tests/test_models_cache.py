"""Models load through the real transformers.pipeline and stay warm in a bounded cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.errors import ModelUnavailable
from engine.models import ModelKey, PipelineCache, load_pipeline


def test_same_model_device_and_dtype_reuse_the_loaded_pipeline(vit_model: Path) -> None:
    cache = PipelineCache(capacity=2)
    key = ModelKey("image-classification", str(vit_model))
    first = cache.get(key)
    assert cache.get(key) is first
    assert cache.loads == 1


def test_least_recently_used_pipeline_is_evicted(vit_model: Path, nli_model: Path) -> None:
    import weakref

    cache = PipelineCache(capacity=1)
    vit_key = ModelKey("image-classification", str(vit_model))
    pipe = cache.get(vit_key)
    ref = weakref.ref(pipe.model)
    del pipe
    cache.get(ModelKey("zero-shot-classification", str(nli_model)))
    assert vit_key not in cache
    assert len(cache) == 1
    assert ref() is None, "the evicted model is still in memory"


def test_missing_model_folder_is_reported_plainly(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="does not exist"):
        load_pipeline(ModelKey("image-classification", str(tmp_path / "nowhere")))


def test_folder_without_config_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "weights").mkdir()
    with pytest.raises(ModelUnavailable, match="no config.json"):
        load_pipeline(ModelKey("image-classification", str(tmp_path / "weights")))


def test_hub_model_while_offline_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="not downloaded and you are offline"):
        load_pipeline(ModelKey("image-classification", "someone/not-cached-anywhere"))


def test_model_for_another_task_is_refused(nli_model: Path) -> None:
    with pytest.raises(ModelUnavailable, match="cannot do this task|could not be loaded"):
        load_pipeline(ModelKey("image-classification", str(nli_model)))


def test_pickle_only_weights_need_consent(vit_model: Path, tmp_path: Path) -> None:
    import shutil

    import torch
    from safetensors.torch import load_file

    folder = tmp_path / "pickled"
    shutil.copytree(vit_model, folder)
    state = load_file(str(folder / "model.safetensors"))
    (folder / "model.safetensors").unlink()
    torch.save(state, folder / "pytorch_model.bin")
    with pytest.raises(ModelUnavailable, match="pickle"):
        load_pipeline(ModelKey("image-classification", str(folder)))
    assert load_pipeline(ModelKey("image-classification", str(folder), allow_pickle=True))


def test_changing_precision_replaces_the_loaded_copy(vit_model: Path) -> None:
    cache = PipelineCache(capacity=2)
    cache.get(ModelKey("image-classification", str(vit_model), dtype="float32"))
    cache.get(ModelKey("image-classification", str(vit_model), dtype="bfloat16"))
    assert len(cache) == 1
    assert ModelKey("image-classification", str(vit_model), dtype="bfloat16") in cache


def test_a_model_too_big_for_free_memory_is_refused_before_loading(
        vit_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from engine import memory
    from engine.errors import OutOfMemory

    monkeypatch.setattr(memory, "free_memory", lambda device: 1000)
    with pytest.raises(OutOfMemory, match="needs about .* but only 1 KB is free"):
        load_pipeline(ModelKey("image-classification", str(vit_model)))


def test_memory_estimate_reads_the_safetensors_header(vit_model: Path) -> None:
    from engine.memory import estimate, safetensors_parameters

    parameters, size = safetensors_parameters(vit_model)
    assert parameters > 10_000 and size == parameters * 4
    result = estimate(vit_model, "cpu", "float16")
    assert result is not None and result.needed_bytes == int(parameters * 2 * 1.2)
    assert result.verdict == "fits"
