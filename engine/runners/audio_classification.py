"""Audio classification: what a recording sounds like, as ranked labels with scores.

The recording is decoded by :mod:`engine.audio` (PyAV, any container) at the model's
sampling rate, mono, and only its first ``max_seconds`` are heard: classifiers such as
AST look at about ten seconds at a time, so the audio is cut into windows of
:data:`WINDOW_S` seconds and each label's score is the mean over the windows. A file that
breaks part-way is classified on the part before the break, with a note saying so.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine import messages
from engine.errors import InputError
from engine.progress import JobControl

WINDOW_S = 10.0
DEFAULT_MAX_SECONDS = 30
MIN_SAMPLES = 400  # 25 ms at 16 kHz: shorter tails are noise to a classifier


def _windows(source: str, rate: int, max_seconds: float) -> tuple[list[Any], str | None]:
    """Up to ``max_seconds`` of audio as windows, and a warning if the file is damaged."""
    from engine.audio import DamagedAudio, format_clock, iter_blocks

    windows: list[Any] = []
    heard = 0.0
    warning = None
    blocks = iter_blocks(source, sr=rate, block_s=WINDOW_S)
    try:
        for block in blocks:
            keep = block[: max(0, round((max_seconds - heard) * rate))]
            if keep.size >= MIN_SAMPLES or not windows:
                windows.append(keep)
            heard += keep.size / rate
            if heard >= max_seconds:
                break
    except DamagedAudio as exc:
        if not windows:
            raise
        warning = f"the file is damaged after {format_clock(exc.at_s)}; only the part before " \
                  "was heard"
    finally:
        close = getattr(blocks, "close", None)  # stop decoding now, not when collected
        if close is not None:
            close()
    if not windows or sum(window.size for window in windows) == 0:
        raise InputError(source, "the recording has no sound in it")
    return windows, warning


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    top_k = int(params.get("top_k") or 5)
    max_seconds = float(params.get("max_seconds") or DEFAULT_MAX_SECONDS)
    batch_size = int(params.get("batch_size") or 1)
    extractor = getattr(pipe, "feature_extractor", None)
    rate = int(getattr(extractor, "sampling_rate", None) or 16000)
    control.say(None, messages.DECODING)
    windows, warning = _windows(source, rate, max_seconds)
    control.check()

    def feed() -> Iterator[dict[str, Any]]:
        for window in windows:
            control.check()
            yield {"raw": window, "sampling_rate": rate}

    totals: dict[str, float] = {}
    weight_sum = 0.0
    for number, output in enumerate(pipe(feed(), top_k=None, batch_size=batch_size), start=1):
        weight = windows[number - 1].size / rate  # a short last window counts for less
        weight_sum += weight
        for entry in output:
            label = str(entry["label"])
            totals[label] = totals.get(label, 0.0) + weight * float(entry["score"])
        control.say(number / len(windows), messages.PIECES, done=number, total=len(windows))
    ranked = sorted(totals.items(), key=lambda item: -item[1])[:top_k]
    payload: dict[str, Any] = {
        "labels": [{"label": label, "score": total / weight_sum} for label, total in ranked],
        "heard_s": round(weight_sum, 3)}
    if warning:
        payload["warning"] = warning
    yield payload
