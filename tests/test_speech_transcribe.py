"""Transcribing through the real transformers pipeline over tiny random models.

The models' text is garbage by design: these tests check the shape of the partial
results, times, resume, cancel and the silence gate, never the words.
"""

from __future__ import annotations

import json

import pytest

from engine.audio import DamagedAudio
from engine.errors import Cancelled, InputError, UsageError
from engine.progress import JobControl
from engine.speech import (
    SpeechOptions,
    language_code,
    run_source,
    whisper_languages,
)
from tests.speech_fixtures import media_dir, wav2vec2_tiny_random
from tests.tiny.whisper import whisper_tiny_random

FAST = {"max_new_tokens": 10}


@pytest.fixture(scope="module")
def whisper():
    from transformers import pipeline

    return pipeline("automatic-speech-recognition", model=str(whisper_tiny_random()))


@pytest.fixture(scope="module")
def ctc():
    from transformers import pipeline

    return pipeline("automatic-speech-recognition", model=str(wav2vec2_tiny_random()))


class CountingPipe:
    """The real pipeline, counting its calls (a spy, not a stand-in)."""

    def __init__(self, pipe):
        self._pipe = pipe
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self._pipe(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._pipe, name)


def transcribe(pipe, name, params=None, control=None, done=()):
    control = control or JobControl()
    return list(run_source(pipe, str(media_dir() / name), {**FAST, **(params or {})},
                           control, list(done)))


def check_partial(partial, duration):
    assert set(partial) == {"piece", "start", "end", "language", "text", "segments"}
    json.dumps(partial)  # the job store saves it as JSON
    assert 0.0 <= partial["start"] < partial["end"] <= duration + 0.01
    previous = partial["start"]
    for segment in partial["segments"]:
        assert partial["start"] - 1e-6 <= segment["start"] <= segment["end"] \
            <= partial["end"] + 1e-6
        assert segment["start"] >= previous - 1e-6
        previous = segment["start"]
        for word in segment.get("words", ()):
            assert segment["start"] - 1e-6 <= word["start"] <= word["end"] \
                <= segment["end"] + 1e-6


@pytest.mark.parametrize("timestamps", ["segment", "word", "none"])
def test_each_piece_of_speech_yields_one_partial_with_ordered_times(whisper, timestamps):
    partials = transcribe(whisper, "three-parts.flac", {"timestamps": timestamps,
                                                       "language": "en"})
    assert [p["piece"] for p in partials] == [0, 1, 2]
    for partial in partials:
        check_partial(partial, 35.0)
        assert partial["language"] == "en"
    starts = [p["start"] for p in partials]
    assert starts == sorted(starts)
    if timestamps == "word":
        assert any(s.get("words") for p in partials for s in p["segments"])


def test_detected_language_is_reported_as_a_code(whisper):
    [partial] = transcribe(whisper, "speech.m4a")
    assert partial["language"] is None or partial["language"] in dict(whisper_languages())


def test_a_long_piece_is_decoded_in_one_sequential_long_form_call(whisper):
    pipe = CountingPipe(whisper)
    [partial] = transcribe(pipe, "long.wav", {"timestamps": "segment"})
    assert pipe.calls == 1
    check_partial(partial, 73.1)
    assert partial["end"] - partial["start"] > 60


def test_resume_skips_the_pieces_already_done(whisper):
    first = transcribe(whisper, "three-parts.flac")
    pipe = CountingPipe(whisper)
    resumed = transcribe(pipe, "three-parts.flac", done=first[:2])
    assert [p["piece"] for p in resumed] == [2]
    assert pipe.calls == 1
    assert resumed[0]["start"] == first[2]["start"]


def test_cancel_between_pieces_keeps_what_was_yielded(whisper):
    control = JobControl()
    source = str(media_dir() / "three-parts.flac")
    results = run_source(whisper, source, FAST, control, [])
    first = next(results)
    control.cancel()
    with pytest.raises(Cancelled):
        next(results)
    assert first["piece"] == 0


class CancelDuringGeneration(JobControl):
    """Cancels once the model has generated a few tokens, as a user clicking Stop would."""

    def __post_init__(self):
        super().__post_init__()
        self.looks = 0

    @property
    def cancelled(self):
        self.looks += 1
        return self.looks > 3 or super().cancelled

    def check(self):
        if self.looks > 3:
            raise Cancelled()


def test_cancel_stops_generation_inside_a_piece_and_drops_the_half_piece(whisper):
    control = CancelDuringGeneration()
    with pytest.raises(Cancelled):
        transcribe(whisper, "long.wav", {"max_new_tokens": 400}, control=control)
    assert 3 < control.looks < 50, "generation stopped within a few tokens"


def test_silence_never_reaches_the_model(whisper):
    pipe = CountingPipe(whisper)
    reports = []
    control = JobControl(on_progress=reports.append, min_interval_s=0.0)
    assert transcribe(pipe, "silence-5min.flac", control=control) == []
    assert pipe.calls == 0
    assert reports[-1].fraction == 1.0 and reports[-1].message == "5:00 of 5:00"


def test_a_clip_shorter_than_half_a_second_gives_an_empty_transcript(whisper):
    assert transcribe(whisper, "clip-0.3s.wav") == []


def test_progress_is_reported_in_audio_time_and_never_goes_back(whisper):
    reports = []
    control = JobControl(on_progress=reports.append, min_interval_s=0.0)
    transcribe(whisper, "three-parts.flac", control=control)
    fractions = [r.fraction for r in reports]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert all(r.message.endswith(" of 0:34") for r in reports), "34.9 s in all"
    assert reports[-1].message == "0:34 of 0:34"


def test_batched_pieces_give_the_same_partials(whisper):
    partials = transcribe(whisper, "three-parts.flac", {"batch_size": 2})
    assert [p["piece"] for p in partials] == [0, 1, 2]
    for partial in partials:
        check_partial(partial, 35.0)


def test_cut_off_file_transcribes_the_part_before_the_break_then_reports_it(whisper):
    partials = []
    with pytest.raises(DamagedAudio) as caught:
        for partial in run_source(whisper, str(media_dir() / "long-truncated.mp3"), FAST,
                                  JobControl(), []):
            partials.append(partial)
    assert partials and partials[-1]["end"] <= caught.value.at_s + 0.01
    assert "damaged after 0:29" in str(caught.value)


def test_unreadable_input_fails_before_any_partial(whisper):
    with pytest.raises(InputError, match="text file"):
        transcribe(whisper, "notes.mp3")


def test_ctc_models_take_the_same_path_with_word_times(ctc):
    partials = transcribe(ctc, "three-parts.flac", {"timestamps": "word"})
    assert [p["piece"] for p in partials] == [0, 1, 2]
    for partial in partials:
        check_partial(partial, 35.0)
        assert partial["language"] is None
    [long] = transcribe(ctc, "long.wav", {"timestamps": "word"})  # chunked: over 30 s
    check_partial(long, 73.1)


def test_ctc_models_cannot_translate(ctc):
    with pytest.raises(UsageError, match="cannot translate"):
        transcribe(ctc, "speech.mp3", {"task": "translate"})


@pytest.mark.parametrize(("value", "code"), [(None, None), ("auto", None), ("", None),
                                             ("fr", "fr"), ("French", "fr"), ("<|de|>", "de"),
                                             ("mandarin", "zh")])
def test_language_accepts_codes_and_english_names(value, code):
    assert language_code(value) == code


def test_unknown_options_are_refused_with_a_sentence():
    with pytest.raises(UsageError, match="Klingon"):
        SpeechOptions.from_params({"language": "Klingon"})
    with pytest.raises(UsageError, match="Timestamps"):
        SpeechOptions.from_params({"timestamps": "char"})
    with pytest.raises(UsageError, match="Decoding"):
        SpeechOptions.from_params({"search": "sampling"})


class BeamSpy:
    """The real model's generate, noting how many beams each call asked for."""

    def __init__(self, model):
        self.model = model
        self.real = model.generate
        self.beams: list[int] = []

    def __enter__(self):
        def generate(*args, **kwargs):
            self.beams.append(kwargs.get("num_beams"))
            return self.real(*args, **kwargs)

        self.model.generate = generate
        return self

    def __exit__(self, *exc):
        del self.model.generate


@pytest.mark.parametrize(("search", "beams"), [("auto", 1), ("greedy", 1), ("beam", 5)])
def test_decoding_is_greedy_on_a_cpu_unless_careful_is_chosen(whisper, search, beams):
    with BeamSpy(whisper.model) as spy:
        [partial] = transcribe(whisper, "speech.wav", {"search": search})
    assert spy.beams == [beams]
    check_partial(partial, 7.0)


def test_language_menu_lists_every_whisper_language_by_name():
    languages = whisper_languages()
    assert ("fr", "French") in languages and ("en", "English") in languages
    assert len(languages) >= 99
    names = [name for _, name in languages]
    assert names == sorted(names)


class _Device:
    def __init__(self, kind):
        self.type = kind


class _Model:
    def __init__(self, kind, own_beams=None):
        from transformers import GenerationConfig

        self.device = _Device(kind)
        self.generation_config = GenerationConfig(**({"num_beams": own_beams}
                                                     if own_beams else {}))


class _Pipe:
    def __init__(self, kind, own_beams=None):
        self.model = _Model(kind, own_beams)


def test_automatic_decoding_is_careful_on_cuda_only_and_respects_a_models_own_setting():
    from engine.speech import beam_count

    assert beam_count(_Pipe("cuda"), "auto") == 5
    assert beam_count(_Pipe("mps"), "auto") == 1
    assert beam_count(_Pipe("cpu"), "auto") == 1
    assert beam_count(_Pipe("cpu", own_beams=3), "auto") == 3
    assert beam_count(_Pipe("cuda"), "greedy") == 1
    assert beam_count(_Pipe("cpu"), "beam") == 5
