"""Real recordings for the speech tests, made on this machine with espeak-ng and ffmpeg.

Speech is synthesised from known English text so tests can score word error rates, then
converted with the ffmpeg *executable* into every container a user is likely to drop on the
app (the engine itself decodes with PyAV and never runs ffmpeg). Files are cached under
``~/.cache/pipedeck-tests/media/<recipe hash>`` so a change to this recipe rebuilds them.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np
import pytest

SHORT_TEXT = (
    "Good morning everyone. Today we will talk about the weather in the mountains "
    "and the history of the old town."
)

LONG_SENTENCES = (
    "Welcome to the weekly meeting of the garden club.",
    "The spring was very dry this year, so many plants needed extra water.",
    "Our neighbour grew tomatoes, beans and potatoes in a small field behind the school.",
    "In the summer we will visit a farm near the river and learn how to keep bees.",
    "Please bring a hat, a bottle of water and comfortable shoes for the walk.",
    "The bus leaves from the station at nine o'clock in the morning.",
    "After lunch there will be a short talk about apple trees and how to cut them.",
    "Children are welcome, and the tickets are free for everyone under twelve.",
    "If you have questions, please write to the secretary before the end of the month.",
    "The club also needs a few people to help paint the fence near the gate.",
    "Coffee and cake will be served in the hall after the meeting.",
    "Thank you for listening, and see you all next week at the same time.",
)
LONG_TEXT = " ".join(LONG_SENTENCES)
LONG_PAUSES_S = (1.2, 2.0, 0.8, 1.5, 2.5, 1.0, 1.8, 0.9, 1.4, 3.0, 1.1)

_RECIPE_VERSION = "4"
SR = 22050  # espeak-ng's native rate


def tools_available() -> bool:
    return shutil.which("espeak-ng") is not None and shutil.which("ffmpeg") is not None


def _media_root() -> Path:
    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    recipe = f"{_RECIPE_VERSION}|{SHORT_TEXT}|{LONG_TEXT}|{LONG_PAUSES_S}"
    key = hashlib.sha1(recipe.encode()).hexdigest()[:10]
    return Path(base) / "media" / key


def _espeak(text: str, out: Path) -> np.ndarray:
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(out), text],
                   check=True, capture_output=True)
    with wave.open(str(out), "rb") as handle:
        assert handle.getframerate() == SR and handle.getsampwidth() == 2
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    return data


def _write_wav(path: Path, samples: np.ndarray, sr: int = SR) -> None:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(sr)
        handle.writeframes(samples.astype(np.int16).tobytes())


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args],
                   check=True, capture_output=True)


def _build(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=root.parent, prefix=".build-"))
    try:
        short = _espeak(SHORT_TEXT, scratch / "short-raw.wav")
        _write_wav(scratch / "short-mono.wav", short)
        pieces: list[np.ndarray] = [np.zeros(int(0.5 * SR), np.int16)]
        for i, sentence in enumerate(LONG_SENTENCES):
            pieces.append(_espeak(sentence, scratch / f"s{i}.wav"))
            if i < len(LONG_PAUSES_S):
                pieces.append(np.zeros(int(LONG_PAUSES_S[i] * SR), np.int16))
        pieces.append(np.zeros(int(0.5 * SR), np.int16))
        _write_wav(scratch / "long-mono.wav", np.concatenate(pieces))

        src = str(scratch / "short-mono.wav")
        stereo = ["-ac", "2", "-ar", "44100"]
        out = scratch
        _ffmpeg("-i", src, *stereo, str(out / "speech.wav"))
        _ffmpeg("-i", src, *stereo, "-c:a", "libmp3lame", "-b:a", "96k", str(out / "speech.mp3"))
        _ffmpeg("-i", src, *stereo, "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart",
                str(out / "speech.m4a"))
        # ffmpeg writes the moov index at the END unless +faststart: like phone recordings.
        _ffmpeg("-i", src, *stereo, "-c:a", "aac", "-b:a", "96k",
                str(out / "speech-moov-at-end.m4a"))
        _ffmpeg("-i", src, *stereo, "-c:a", "libvorbis", str(out / "speech.ogg"))
        _ffmpeg("-i", src, "-ac", "2", "-c:a", "libopus", "-b:a", "48k", str(out / "speech.opus"))
        _ffmpeg("-i", src, *stereo, "-c:a", "flac", str(out / "speech.flac"))
        _ffmpeg("-i", src, *stereo, "-c:a", "wmav2", "-b:a", "96k", str(out / "speech.wma"))
        dur = f"{len(short) / SR:.2f}"
        video = ["-f", "lavfi", "-i", f"color=c=blue:s=64x48:r=10:d={dur}"]
        _ffmpeg(*video, "-i", src, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                *stereo, "-shortest", str(out / "speech.mp4"))
        _ffmpeg(*video, "-i", src, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "libvorbis",
                *stereo, "-shortest", str(out / "speech.mkv"))
        _ffmpeg(*video, "-i", src, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                *stereo, "-shortest", str(out / "speech.mov"))
        _ffmpeg(*video, "-i", src, "-c:v", "libvpx", "-b:v", "50k", "-c:a", "libopus",
                "-ac", "2", "-shortest", str(out / "speech.webm"))
        _ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x48:r=10:d=3", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", str(out / "video-no-audio.mp4"))
        shutil.copy(out / "speech.mp3", out / "my talk – ünïcødé 日本.mp3")

        long_src = str(scratch / "long-mono.wav")
        _ffmpeg("-i", long_src, "-ar", "16000", str(out / "long.wav"))
        _ffmpeg("-i", long_src, *stereo, "-c:a", "libmp3lame", "-b:a", "96k",
                str(out / "long.mp3"))
        # Cut the MP3 at 40 % of its bytes: its Xing header still announces the full length.
        data = (out / "long.mp3").read_bytes()
        (out / "long-truncated.mp3").write_bytes(data[: int(len(data) * 0.4)])
        # Same for an m4a with the index first: the samples after the cut are gone.
        _ffmpeg("-i", long_src, *stereo, "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart",
                str(out / "long-faststart.m4a"))
        data = (out / "long-faststart.m4a").read_bytes()
        (out / "long-truncated.m4a").write_bytes(data[: int(len(data) * 0.5)])

        # Three bursts of speech with long silences between: three pieces for the VAD.
        gap = np.zeros(int(7.0 * SR), np.int16)
        _write_wav(scratch / "three-mono.wav", np.concatenate([short, gap, short, gap, short]))
        _ffmpeg("-i", str(scratch / "three-mono.wav"), "-c:a", "flac",
                str(out / "three-parts.flac"))
        (scratch / "three-mono.wav").unlink()

        _write_wav(out / "silence-5min.wav", np.zeros(5 * 60 * 16000, np.int16), 16000)
        _ffmpeg("-i", str(out / "silence-5min.wav"), "-c:a", "flac", str(out / "silence-5min.flac"))
        (out / "silence-5min.wav").unlink()
        rng = np.random.default_rng(0)
        hiss = (rng.standard_normal(60 * 16000) * 0.003 * 32767).astype(np.int16)
        _write_wav(out / "hiss-60s.wav", hiss, 16000)
        _write_wav(out / "clip-0.3s.wav", short[int(0.3 * SR): int(0.6 * SR)])
        (out / "empty.mp3").write_bytes(b"")
        (out / "notes.mp3").write_text("These are my meeting notes, not a recording.\n" * 20,
                                       encoding="utf-8")
        png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
               b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe"
               b"\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
        (out / "picture.mp3").write_bytes(png)

        for item in out.iterdir():
            scratch_only = item.name.endswith("-raw.wav") or (
                item.name.startswith("s") and item.stem[1:].isdigit())
            if scratch_only:
                continue
            os.replace(item, root / item.name)
        (root / ".complete").write_text("ok", encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def media_dir() -> Path:
    """The folder of generated test media, built on first use (about 10 s)."""
    if not tools_available():
        pytest.skip("espeak-ng and ffmpeg are needed to make the test recordings")
    root = _media_root()
    if not (root / ".complete").exists():
        _build(root)
    return root


SPEECH_FORMATS = ("speech.wav", "speech.mp3", "speech.m4a", "speech-moov-at-end.m4a",
                  "speech.ogg", "speech.opus", "speech.flac", "speech.wma", "speech.mp4",
                  "speech.mkv", "speech.mov", "speech.webm", "my talk – ünïcødé 日本.mp3")


def espeak_duration_s(name: str = "short") -> float:
    """Duration of the synthesised speech before any encoding, from the cached WAV."""
    path = media_dir() / ("short-mono.wav" if name == "short" else "long-mono.wav")
    with wave.open(str(path), "rb") as handle:
        return handle.getnframes() / handle.getframerate()


def wav2vec2_tiny_random() -> Path:
    """A tiny random wav2vec2 CTC model, to prove CTC models take the same path as Whisper.

    Built once per transformers version next to the tiny Whisper; its text is garbage.
    """
    import json

    import transformers

    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    folder = Path(base) / transformers.__version__ / "wav2vec2-ctc-tiny-random"
    if (folder / "model.safetensors").exists():
        return folder
    import torch
    from transformers import (
        Wav2Vec2Config,
        Wav2Vec2CTCTokenizer,
        Wav2Vec2FeatureExtractor,
        Wav2Vec2ForCTC,
        Wav2Vec2Processor,
    )

    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        vocab = {"<pad>": 0, "<unk>": 1, "|": 2,
                 **{c: i + 3 for i, c in enumerate("abcdefghijklmnopqrstuvwxyz'")}}
        vocab_file = Path(scratch) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab), encoding="utf-8")
        tokenizer = Wav2Vec2CTCTokenizer(str(vocab_file), word_delimiter_token="|",
                                         model_max_length=100000)
        extractor = Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000,
                                             padding_value=0.0, do_normalize=True,
                                             return_attention_mask=False)
        config = Wav2Vec2Config(
            vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
            intermediate_size=64, conv_dim=(16,) * 7, num_conv_pos_embeddings=16,
            num_conv_pos_embedding_groups=2, pad_token_id=0, ctc_loss_reduction="mean",
        )
        torch.manual_seed(0)
        model = Wav2Vec2ForCTC(config).eval()
        out = Path(scratch) / "model"
        model.save_pretrained(out)
        Wav2Vec2Processor(feature_extractor=extractor, tokenizer=tokenizer).save_pretrained(out)
        try:
            out.rename(folder)
        except OSError:
            if not (folder / "model.safetensors").exists():
                raise
    return folder


def long_speech_spans(merge_gap_s: float = 0.35) -> list[tuple[float, float]]:
    """(start, end) in seconds of each stretch of sound in the long clip, from its WAV."""
    with wave.open(str(media_dir() / "long-mono.wav"), "rb") as handle:
        rate = handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    win = rate // 100
    loud = np.abs(data[: data.size // win * win].reshape(-1, win)).max(axis=1) > 300
    spans: list[tuple[float, float]] = []
    for i in np.flatnonzero(loud):
        t = i / 100
        if spans and t - spans[-1][1] <= merge_gap_s:
            spans[-1] = (spans[-1][0], t + 0.01)
        else:
            spans.append((t, t + 0.01))
    return spans
