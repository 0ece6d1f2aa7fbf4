"""Text to speech (or sound): a WAV file per text, written under the data folder.

Speech models such as VITS/MMS read a sentence or two well and ramble on long inputs,
so a text is spoken in pieces of at most :data:`MAX_PIECE_CHARS` characters, cut at
sentence ends, joined with a short pause. The job can be stopped between pieces. The
WAV is written atomically under ``data_dir()/outputs/``; the result names the file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from engine import messages
from engine.errors import InputError
from engine.progress import JobControl

MAX_TEXT_CHARS = 20_000
MAX_PIECE_CHARS = 300
PAUSE_S = 0.25


def pieces(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """Sentences packed into pieces of at most ``limit`` characters (long words are cut)."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?;:])\s+|\n+", text) if s.strip()]
    out: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > limit:  # a run-on "sentence": cut at the last space
            cut = sentence.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            out.extend(p for p in (current, sentence[:cut].strip()) if p)
            current, sentence = "", sentence[cut:].strip()
        if current and len(current) + 1 + len(sentence) > limit:
            out.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        out.append(current)
    return out


def output_path(text: str) -> Path:
    """A new file under ``outputs/`` named after the text's first words; never overwrites."""
    from engine.atomic import unique_path
    from engine.paths import data_dir

    words = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-")[:40].strip("-")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = data_dir() / "outputs"
    folder.mkdir(parents=True, exist_ok=True)
    return unique_path(folder / f"{words or 'speech'}-{stamp}.wav")


def _as_frames(audio: Any) -> Any:
    """Samples as (frames,) or (frames, channels) float32, whatever shape the model gave."""
    import numpy as np

    data = np.asarray(audio, dtype=np.float32)
    data = np.squeeze(data)
    if data.ndim == 2 and data.shape[0] < data.shape[1]:
        data = data.T  # (channels, frames) -> (frames, channels)
    return data


def write_wav(path: Path, samples: Any, rate: int) -> None:
    """16-bit PCM WAV, written beside ``path`` and renamed into place."""
    import numpy as np
    import soundfile

    from engine.atomic import atomic_write

    clipped = np.clip(samples, -1.0, 1.0)
    with atomic_write(path, "wb") as handle:
        soundfile.write(handle, clipped, rate, format="WAV", subtype="PCM_16")


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    import numpy as np

    text = source.strip()
    if not text:
        raise InputError("(empty text)", "the text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(text[:40] + "…", f"the text is longer than {MAX_TEXT_CHARS} characters")
    parts = pieces(text)
    audio: list[Any] = []
    rate = 0
    for number, part in enumerate(parts, start=1):
        control.check()
        output = pipe(part)
        rate = int(output["sampling_rate"])
        samples = _as_frames(output["audio"])
        if audio:
            pause = np.zeros((round(PAUSE_S * rate), *samples.shape[1:]), dtype=np.float32)
            audio.append(pause)
        audio.append(samples)
        control.say(number / len(parts), messages.SENTENCES, done=number, total=len(parts))
    control.check()
    joined = np.concatenate(audio) if len(audio) > 1 else audio[0]
    path = output_path(text)
    write_wav(path, joined, rate)
    yield {"audio_file": str(path), "sampling_rate": rate,
           "duration_s": round(len(joined) / rate, 3), "text": text}
