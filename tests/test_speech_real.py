"""Real Whisper weights on known speech: accuracy in every format, word times, silence.

Needs the folders built by ``shared/models/fetch-real-models`` (whisper-base, and
whisper-tiny.en for the English-only checks) in ``$PIPEDECK_REAL_MODELS`` or ``.models``
at the repository root; skipped otherwise. About 3 minutes on 2 CPU cores.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.errors import UsageError
from engine.progress import JobControl
from engine.speech import run_source
from tests.speech_fixtures import (
    LONG_TEXT,
    SHORT_TEXT,
    SPEECH_FORMATS,
    long_speech_spans,
    media_dir,
)
from tests.wer import wer

pytestmark = pytest.mark.realmodel

MODELS = Path(os.environ.get("PIPEDECK_REAL_MODELS",
                             Path(__file__).resolve().parent.parent / ".models"))


def model_folder(name: str) -> Path:
    folder = MODELS / name
    if not (folder / "config.json").exists():
        pytest.skip(f"real model {name} not built (shared/models/fetch-real-models)")
    return folder


@pytest.fixture(scope="module")
def base():
    from transformers import pipeline

    return pipeline("automatic-speech-recognition", model=str(model_folder("whisper-base")))


@pytest.fixture(scope="module")
def tiny_en():
    from transformers import pipeline

    return pipeline("automatic-speech-recognition",
                    model=str(model_folder("whisper-tiny.en")))


def transcribe(pipe, name, **params):
    return list(run_source(pipe, str(media_dir() / name), params, JobControl(), []))


def text_of(partials) -> str:
    return " ".join(p["text"] for p in partials)


@pytest.mark.parametrize("name", SPEECH_FORMATS)
def test_short_speech_is_transcribed_accurately_in_every_format(base, name):
    partials = transcribe(base, name)
    assert wer(SHORT_TEXT, text_of(partials)) <= 0.10, text_of(partials)
    assert partials[0]["language"] == "en", "detected, not assumed"


def test_long_speech_with_word_times_inside_the_spoken_stretches(base):
    partials = transcribe(base, "long.mp3", language="en", timestamps="word")
    assert wer(LONG_TEXT, text_of(partials)) <= 0.10, text_of(partials)
    spans = long_speech_spans()
    words = [w for p in partials for s in p["segments"] for w in s["words"]]
    assert len(words) > 100
    starts = [w["start"] for w in words]
    assert starts == sorted(starts)
    for word in words:
        middle = (word["start"] + word["end"]) / 2
        assert any(a - 0.6 <= middle <= b + 0.6 for a, b in spans), word


def test_automatic_cpu_speed_keeps_accuracy_language_and_word_times(base):
    """The default a user gets on a CPU (int8, greedy) against float weights, same speech."""
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    from engine.jobs import JobSpec
    from engine.models import load_pipeline

    key = JobSpec("automatic-speech-recognition", (), str(model_folder("whisper-base"))).key
    assert key.speed == "int8"
    fast = load_pipeline(key)
    assert sum(isinstance(m, DynamicLinear) for m in fast.model.modules()) > 90
    exact = transcribe(base, "long.mp3", timestamps="word")
    quick = transcribe(fast, "long.mp3", timestamps="word")
    assert [p["language"] for p in quick] == [p["language"] for p in exact] == ["en"]
    assert wer(LONG_TEXT, text_of(quick)) <= wer(LONG_TEXT, text_of(exact)) + 0.01, \
        text_of(quick)
    assert len([p for p in quick if p["segments"]]) == len([p for p in exact if p["segments"]])
    words = [w for p in quick for s in p["segments"] for w in s["words"]]
    assert len(words) > 100 and [w["start"] for w in words] == sorted(w["start"] for w in words)


def test_five_minutes_of_silence_give_an_empty_transcript(base):
    assert transcribe(base, "silence-5min.flac") == []


def test_english_only_model_transcribes_and_refuses_to_translate(tiny_en):
    partials = transcribe(tiny_en, "speech-moov-at-end.m4a")
    assert wer(SHORT_TEXT, text_of(partials)) <= 0.10, text_of(partials)
    assert partials[0]["language"] == "en"
    with pytest.raises(UsageError, match="cannot translate"):
        transcribe(tiny_en, "speech.mp3", task="translate")
    with pytest.raises(UsageError, match="only understands English"):
        transcribe(tiny_en, "speech.mp3", language="fr")
