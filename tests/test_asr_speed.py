"""CPU speed options for speech pipelines: applied for real, falling back when they fail.

Runs the real ASR pipeline over the tiny random Whisper (text is garbage by design: the
tests check structure, and that int8 layers really replaced the float ones).
"""

from __future__ import annotations

import numpy as np
import pytest

from engine.asr_speed import choose_level, optimize_for_cpu
from tests.tiny.whisper import whisper_tiny_random


@pytest.fixture()
def tiny_pipe():
    from transformers import pipeline

    return pipeline("automatic-speech-recognition", model=str(whisper_tiny_random()))


def _speechlike(seconds: float = 3.0) -> dict[str, object]:
    rng = np.random.default_rng(0)
    t = np.arange(int(seconds * 16000)) / 16000
    wave = 0.3 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(2 * np.pi * 3 * t))
    return {"raw": (wave + 0.01 * rng.standard_normal(t.size)).astype(np.float32),
            "sampling_rate": 16000}


def _transcribe(pipe):
    return pipe(_speechlike(), return_timestamps=True,
                generate_kwargs={"max_new_tokens": 8, "language": "en"})


def _dynamic_linears(model) -> int:
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    return sum(isinstance(m, DynamicLinear) for m in model.modules())


def test_int8_replaces_linears_and_keeps_the_output_structure(tiny_pipe):
    before = _transcribe(tiny_pipe)
    lines = optimize_for_cpu(tiny_pipe, level="int8", threads=None)
    assert any("int8 dynamic quantization" in line for line in lines), lines
    assert _dynamic_linears(tiny_pipe.model) > 0
    after = _transcribe(tiny_pipe)
    assert set(after) == set(before)
    assert isinstance(after["text"], str)
    assert isinstance(after["chunks"], list)
    for chunk in after["chunks"]:
        assert set(chunk) == {"text", "timestamp"}
        assert len(chunk["timestamp"]) == 2


def test_int8_on_chosen_parts_only(tiny_pipe):
    optimize_for_cpu(tiny_pipe, level="int8", threads=None, parts=("encoder",))
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    decoder = tiny_pipe.model.model.decoder
    assert _dynamic_linears(tiny_pipe.model.model.encoder) > 0
    assert not any(isinstance(m, DynamicLinear) for m in decoder.modules())


def test_level_off_leaves_weights_float(tiny_pipe):
    lines = optimize_for_cpu(tiny_pipe, level="off", threads=None)
    assert _dynamic_linears(tiny_pipe.model) == 0
    assert any("level off" in line for line in lines)


def test_failing_quantization_falls_back_with_a_log_line(tiny_pipe, monkeypatch, caplog):
    from torch.ao.nn.quantized import dynamic

    real = dynamic.Linear.from_float
    calls = {"n": 0}

    def breaks_on_the_third_layer(cls, module, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:  # as a machine without int8 kernels for some shape would
            raise RuntimeError("no int8 kernel for this layer")
        return real.__func__(cls, module, *args, **kwargs)

    monkeypatch.setattr(dynamic.Linear, "from_float", classmethod(breaks_on_the_third_layer))
    with caplog.at_level("INFO", logger="engine.asr_speed"):
        lines = optimize_for_cpu(tiny_pipe, level="int8", threads=None)
    assert any("int8 not applied" in line and "no int8 kernel" in line for line in lines), lines
    assert any("int8 not applied" in r.getMessage() for r in caplog.records)
    assert _dynamic_linears(tiny_pipe.model) == 0  # all or none: no half-quantized model
    assert isinstance(_transcribe(tiny_pipe)["chunks"], list)


def test_bad_thread_count_is_refused_and_the_rest_still_applies(tiny_pipe):
    lines = optimize_for_cpu(tiny_pipe, level="int8", threads=0)
    assert any("could not set threads" in line for line in lines)
    assert _dynamic_linears(tiny_pipe.model) > 0


def test_thread_count_is_applied(tiny_pipe):
    import torch

    old = torch.get_num_threads()
    try:
        lines = optimize_for_cpu(tiny_pipe, level="off", threads=1)
        assert torch.get_num_threads() == 1
        assert "speed: torch threads set to 1" in lines
    finally:
        torch.set_num_threads(old)


def test_unknown_level_keeps_the_plain_path(tiny_pipe):
    lines = optimize_for_cpu(tiny_pipe, level="int4", threads=None)  # type: ignore[arg-type]
    assert any("unknown level" in line for line in lines)
    assert _dynamic_linears(tiny_pipe.model) == 0


def test_automatic_speed_is_int8_on_the_cpu_and_float_elsewhere():
    # Measured: per-channel int8 everywhere within 1 WER point (benchmarks/ASR_RESULTS.md).
    import torch

    kernels = any(e != "none" for e in torch.backends.quantized.supported_engines)
    assert choose_level("cpu") == ("int8" if kernels else "off")
    for device in ("cuda:0", "mps", "auto"):
        assert choose_level(device) == "off"


def test_int8_uses_one_scale_per_output_row(tiny_pipe):
    import torch

    optimize_for_cpu(tiny_pipe, level="int8", threads=None, parts=("proj_out",))
    weight = tiny_pipe.model.proj_out.weight()
    assert weight.qscheme() == torch.per_channel_affine
    assert weight.q_per_channel_scales().numel() == weight.shape[0]


def test_int8_is_applied_to_whisper_only():
    from engine.jobs import JobSpec
    from engine.models import load_pipeline
    from tests.speech_fixtures import wav2vec2_tiny_random

    key = JobSpec("automatic-speech-recognition", (), str(wav2vec2_tiny_random())).key
    assert key.speed in ("int8", "off")
    assert _dynamic_linears(load_pipeline(key).model) == 0  # CTC: measured for Whisper only
    on_gpu = JobSpec("automatic-speech-recognition", (), "m", device="cuda:0",
                     params={"speed": "int8"}).key
    assert on_gpu.speed == "off"  # no int8 kernels there: one cache entry, not two
