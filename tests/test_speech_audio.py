"""Decoding recordings of every common format with PyAV, and the errors users see."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from engine.audio import (
    DamagedAudio,
    InputError,
    format_clock,
    iter_blocks,
    probe,
)
from tests.speech_fixtures import SPEECH_FORMATS, espeak_duration_s, media_dir


@pytest.fixture(scope="module")
def media():
    return media_dir()


def decode_all(path, **kwargs):
    blocks = list(iter_blocks(path, **kwargs))
    return blocks, (np.concatenate(blocks) if blocks else np.empty(0, np.float32))


@pytest.mark.parametrize("name", SPEECH_FORMATS)
def test_every_format_decodes_to_16k_mono_float32_of_the_right_length(media, name):
    blocks, audio = decode_all(media / name, block_s=2.0)
    assert all(b.dtype == np.float32 and b.ndim == 1 for b in blocks)
    assert all(b.size == 32000 for b in blocks[:-1]), "every block but the last is full"
    assert audio.size / 16000 == pytest.approx(espeak_duration_s("short"), abs=0.08)
    assert 0.05 < float(np.max(np.abs(audio))) <= 1.01, "speech is audible, not clipped"


@pytest.mark.parametrize("name", SPEECH_FORMATS)
def test_probe_reads_length_rate_and_channels_without_decoding(media, name):
    info = probe(media / name)
    assert info.duration_s == pytest.approx(espeak_duration_s("short"), abs=0.1)
    assert info.sample_rate in (44100, 48000)
    assert info.channels == 2
    assert info.codec
    assert info.has_video == name.endswith((".mp4", ".mkv", ".mov", ".webm"))
    assert info.duration_str in ("0:06", "0:07")


def test_phone_style_m4a_with_index_at_end_opens_where_the_ffmpeg_pipe_fails(media):
    from transformers.pipelines.audio_utils import ffmpeg_read

    path = media / "speech-moov-at-end.m4a"
    data = path.read_bytes()
    assert data.find(b"moov") > data.find(b"mdat"), "the index really is at the end"
    with pytest.raises(ValueError):
        ffmpeg_read(data, 16000)
    _, audio = decode_all(path)
    assert audio.size / 16000 == pytest.approx(espeak_duration_s("short"), abs=0.08)


def test_16k_mono_wav_comes_through_sample_exact(media):
    with wave.open(str(media / "long.wav"), "rb") as handle:
        expected = np.frombuffer(handle.readframes(handle.getnframes()), np.int16) / 32768.0
    _, audio = decode_all(media / "long.wav")
    assert audio.size == expected.size
    assert np.max(np.abs(audio - expected)) < 1e-6


def test_very_short_clip_decodes_without_error(media):
    _, audio = decode_all(media / "clip-0.3s.wav")
    assert audio.size == pytest.approx(4800, abs=2)


def test_file_names_with_spaces_and_non_ascii_characters_open(media):
    _, audio = decode_all(media / "my talk – ünïcødé 日本.mp3")
    assert audio.size > 16000


@pytest.mark.parametrize(("name", "reason"), [
    ("empty.mp3", "the file is empty"),
    ("notes.mp3", "it is a text file, not a recording"),
    ("picture.mp3", "it is a picture, not a recording"),
    ("video-no-audio.mp4", "the video has no sound track"),
    ("missing.mp3", "the file does not exist (was it moved or deleted?)"),
])
def test_unreadable_inputs_fail_before_any_block_with_a_plain_reason(media, name, reason):
    with pytest.raises(InputError) as caught:
        next(iter_blocks(media / name))
    assert caught.value.reason == reason
    assert str(caught.value) == f"could not read '{name}': {reason}"
    with pytest.raises(InputError):
        probe(media / name)


def test_a_folder_is_not_a_recording(media):
    with pytest.raises(InputError, match="it is a folder"):
        probe(media)


def test_m4a_cut_before_its_index_says_the_recording_is_incomplete(media, tmp_path):
    data = (media / "speech-moov-at-end.m4a").read_bytes()
    cut = tmp_path / "phone.m4a"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="index is missing"):
        probe(cut)


@pytest.mark.parametrize(("name", "breaks_at"), [
    ("long-truncated.mp3", 29.2), ("long-truncated.m4a", 35.0)])
def test_cut_off_file_yields_the_good_part_then_says_where_it_breaks(media, name, breaks_at):
    blocks = []
    with pytest.raises(DamagedAudio) as caught:
        for block in iter_blocks(media / name, block_s=5.0):
            blocks.append(block)
    decoded = sum(b.size for b in blocks) / 16000
    assert decoded == pytest.approx(breaks_at, abs=0.5)
    assert caught.value.at_s == pytest.approx(decoded, abs=0.05)
    assert caught.value.expected_s == pytest.approx(espeak_duration_s("long"), abs=0.1)
    assert f"the file is damaged after {format_clock(decoded)}" in str(caught.value)


def test_complete_files_are_not_called_damaged(media):
    for name in ("long.mp3", "long-faststart.m4a", "speech.wma", "speech.webm", "speech.mkv"):
        decode_all(media / name)  # raises DamagedAudio if the check misfires


def test_format_clock_reads_like_a_player():
    assert format_clock(0) == "0:00"
    assert format_clock(41.9) == "0:41"
    assert format_clock(750) == "12:30"
    assert format_clock(6850) == "1:54:10"


def test_a_short_glitch_mid_file_is_skipped_and_later_times_stay_true(media, tmp_path):
    data = bytearray((media / "long-faststart.m4a").read_bytes())
    middle = len(data) // 2
    data[middle: middle + 3000] = np.random.default_rng(0).integers(0, 256, 3000,
                                                                     dtype=np.uint8).tobytes()
    glitched = tmp_path / "glitch.m4a"
    glitched.write_bytes(bytes(data))
    _, audio = decode_all(glitched)  # no DamagedAudio: the decoder resynchronises
    assert audio.size / 16000 == pytest.approx(espeak_duration_s("long"), abs=0.1)
