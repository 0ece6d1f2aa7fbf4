"""Finding speech and cutting long recordings only at pauses, in constant memory."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from engine.audio import iter_blocks
from engine.vad import SpeechSplitter, VadConfig, frame_energies_db, split_speech
from tests.speech_fixtures import media_dir

SR = 16000


def babble(seconds: float, rng: np.random.Generator, level: float = 0.2) -> np.ndarray:
    """Speech-like sound: noise whose loudness swings at a syllable rate (~4 Hz)."""
    n = int(seconds * SR)
    t = np.arange(n) / SR
    envelope = 0.55 + 0.45 * np.sin(2 * np.pi * 4.0 * t + rng.uniform(0, 6))
    return (rng.standard_normal(n) * level * envelope).astype(np.float32)


def quiet(seconds: float, level: float = 0.0, rng: np.random.Generator | None = None):
    n = int(seconds * SR)
    if level == 0.0 or rng is None:
        return np.zeros(n, np.float32)
    return (rng.standard_normal(n) * level).astype(np.float32)


def blocks_of(audio: np.ndarray, block_s: float):
    step = int(block_s * SR)
    for i in range(0, audio.size, step):
        yield audio[i: i + step]


def talk(layout, rng, noise: float = 0.0):
    """Audio from [("speech"|"pause", seconds), ...] and the speech spans in seconds."""
    parts, spans, t = [], [], 0.0
    for kind, seconds in layout:
        if kind == "speech":
            parts.append(babble(seconds, rng))
            spans.append((t, t + seconds))
        else:
            parts.append(quiet(seconds, noise, rng))
        t += seconds
    audio = np.concatenate(parts)
    if noise:
        audio = audio + quiet(audio.size / SR, noise, rng)
    return audio, spans


def test_five_minutes_of_digital_silence_give_no_piece():
    assert list(split_speech(iter_blocks(media_dir() / "silence-5min.flac"))) == []


def test_steady_background_hiss_is_not_speech():
    assert list(split_speech(iter_blocks(media_dir() / "hiss-60s.wav"))) == []


def test_speech_between_long_silences_becomes_separate_pieces_and_silence_is_skipped():
    pieces = list(split_speech(iter_blocks(media_dir() / "three-parts.flac", block_s=4.0)))
    assert [p.index for p in pieces] == [0, 1, 2]
    for earlier, later in itertools.pairwise(pieces):
        assert later.start_s - earlier.end_s > 4.0, "the 7 s gap is not decoded"
    assert all(3.0 < p.duration_s < 9.0 for p in pieces)


def test_every_stretch_of_speech_lies_inside_one_piece_and_cuts_fall_in_pauses():
    rng = np.random.default_rng(1)
    layout = []
    for i in range(40):
        layout += [("speech", 4.0 + (i % 5)), ("pause", 0.4 + 0.3 * (i % 4))]
    audio, spans = talk(layout, rng, noise=0.001)
    config = VadConfig(max_piece_s=60.0, min_piece_s=20.0)
    pieces = list(split_speech(blocks_of(audio, 7.3), config=config))
    assert len(pieces) >= 4
    for a, b in spans:
        holders = [p for p in pieces if p.start_s <= a + 0.05 and b - 0.05 <= p.end_s]
        assert len(holders) == 1, f"speech {a:.1f}-{b:.1f} s is cut or lost"
    for p in pieces:
        assert p.duration_s <= config.max_piece_s + 0.05
    assert all(p.duration_s >= 20.0 for p in pieces[:-1])


def test_pieces_hold_exactly_the_samples_of_their_time_span():
    rng = np.random.default_rng(2)
    audio, _ = talk([("pause", 2.0), ("speech", 5.0), ("pause", 8.0), ("speech", 3.0)], rng)
    pieces = list(split_speech(blocks_of(audio, 1.7)))
    assert len(pieces) == 2
    for p in pieces:
        a, b = round(p.start_s * SR), round(p.end_s * SR)
        np.testing.assert_array_equal(p.samples, audio[a:b])
        assert p.samples.dtype == np.float32


def test_block_size_does_not_change_the_pieces_so_resumed_jobs_match():
    rng = np.random.default_rng(3)
    layout = [("speech", 9.0), ("pause", 0.6)] * 12 + [("pause", 6.0), ("speech", 3.0)]
    audio, _ = talk(layout, rng)
    config = VadConfig(max_piece_s=45.0)

    def spans(block_s):
        return [(p.index, p.start_s, p.end_s)
                for p in split_speech(blocks_of(audio, block_s), config=config)]

    assert spans(30.0) == spans(1.0) == spans(0.77)


def test_speech_without_any_pause_is_cut_at_its_quietest_moment_when_too_long():
    rng = np.random.default_rng(4)
    audio = babble(100.0, rng)
    dip = int(50.0 * SR)
    audio[dip: dip + 1600] *= 0.01  # 0.1 s: shorter than any pause
    pieces = list(split_speech(blocks_of(audio, 10.0), config=VadConfig(max_piece_s=80.0)))
    assert len(pieces) == 2
    assert pieces[0].end_s == pytest.approx(50.0, abs=0.1)
    assert pieces[1].start_s == pytest.approx(pieces[0].end_s)


def test_a_lone_click_in_silence_is_not_speech():
    audio = np.zeros(30 * SR, np.float32)
    audio[10 * SR: 10 * SR + 160] = 0.8
    assert list(split_speech(blocks_of(audio, 5.0))) == []


def test_quiet_speech_over_quieter_noise_is_found():
    rng = np.random.default_rng(5)
    speech, _ = talk([("pause", 3.0), ("speech", 6.0), ("pause", 3.0)], rng)
    audio = speech * 0.05 + quiet(12.0, 0.0005, rng)   # about -36 dBFS over -66 dBFS
    pieces = list(split_speech(blocks_of(audio, 2.0)))
    assert len(pieces) == 1
    assert pieces[0].start_s == 0.0  # a pause shorter than max_gap stays in the piece
    assert pieces[0].end_s == pytest.approx(9.0, abs=0.5)


def test_a_short_recording_is_one_piece_from_its_very_start():
    """So a recording under max_piece_s is decoded exactly as the whole file would be."""
    rng = np.random.default_rng(7)
    audio, _ = talk([("pause", 0.5), ("speech", 8.0), ("pause", 1.0), ("speech", 6.0)], rng)
    pieces = list(split_speech(blocks_of(audio, 2.0)))
    assert len(pieces) == 1 and pieces[0].start_s == 0.0


def test_a_long_silence_before_speech_is_left_out_but_for_the_padding():
    rng = np.random.default_rng(8)
    audio, _ = talk([("pause", 8.0), ("speech", 6.0)], rng)
    pieces = list(split_speech(blocks_of(audio, 2.0)))
    assert len(pieces) == 1
    assert pieces[0].start_s == pytest.approx(8.0 - VadConfig().pad_s, abs=0.1)


def test_an_hour_of_audio_is_split_with_bounded_memory():
    rng = np.random.default_rng(6)
    unit, _ = talk([("speech", 20.0), ("pause", 1.0), ("speech", 25.0), ("pause", 14.0)], rng)
    splitter = SpeechSplitter(SR, VadConfig(max_piece_s=120.0))
    held, count = 0.0, 0
    for _ in range(60):  # 60 minutes
        for block in blocks_of(unit, 30.0):
            count += sum(1 for _ in splitter.feed(block))
            held = max(held, splitter.buffered_s)
    count += sum(1 for _ in splitter.finish())
    assert count == 60
    assert held <= 120.0 + 30.0 + 1.0


def test_frame_energy_of_full_scale_sine_is_minus_3_dbfs():
    t = np.arange(SR) / SR
    energies = frame_energies_db(np.sin(2 * np.pi * 1000 * t).astype(np.float32), 480)
    assert energies.size == SR // 480
    assert energies == pytest.approx(-3.01, abs=0.05)
