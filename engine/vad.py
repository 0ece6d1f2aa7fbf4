"""Finding speech in a stream of samples and cutting it into pieces at pauses.

Whisper invents text for silence ("Thank you very much." dozens of times over five silent
minutes), and decoding silence costs as much as decoding speech. So a recording is cut
into *pieces* of at most a few minutes, only at pauses, and stretches without speech are
never handed to the model: five minutes of digital silence give no piece at all.

The detector is deliberately simple and cheap: the loudness of 30 ms frames against an
adaptive threshold, ``margin_db`` above the background level (a low percentile of the last
minute's frames, ignoring digital zeros) and never below ``floor_db``. It runs on the
block iterator of :mod:`engine.audio` and holds at most one piece of audio (a few
minutes), whatever the length of the recording.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

_DIGITAL_SILENCE_DB = -100.0


@dataclass(frozen=True, slots=True)
class VadConfig:
    """Tuning of the detector and the cutter; the defaults suit spoken recordings."""

    frame_s: float = 0.03
    floor_db: float = -60.0       # never call quieter frames speech (dBFS)
    margin_db: float = 10.0       # speech is this far above the background level
    noise_percentile: float = 10.0
    history_s: float = 60.0       # how much past loudness sets the background level
    pad_s: float = 0.3            # kept around speech so word edges are not clipped
    min_speech_s: float = 0.25    # a region with less voiced time is a click, not speech
    max_gap_s: float = 5.0        # a silence this long ends a piece and is skipped
    min_pause_s: float = 0.3      # shortest pause a long piece may be cut at
    min_piece_s: float = 20.0     # pieces cut for length are at least this long...
    max_piece_s: float = 180.0    # ...and at most this long


@dataclass(frozen=True, slots=True, eq=False)
class Piece:
    """A stretch of the recording that holds speech, with its samples."""

    index: int
    start_s: float
    end_s: float
    samples: np.ndarray
    speech_s: float

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


def frame_energies_db(samples: np.ndarray, frame_n: int) -> np.ndarray:
    """Loudness (dBFS, RMS) of each whole frame of ``frame_n`` samples."""
    count = samples.size // frame_n
    if count == 0:
        return np.empty(0, dtype=np.float64)
    frames = samples[: count * frame_n].reshape(count, frame_n).astype(np.float64)
    power = np.mean(frames * frames, axis=1)
    result: np.ndarray = 10.0 * np.log10(power + 1e-12)
    return result


class _Buffer:
    """The samples from ``start`` on; older samples are dropped as soon as they are not needed."""

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []
        self.start = 0
        self.end = 0

    def append(self, samples: np.ndarray) -> None:
        if samples.size:
            self.parts.append(samples)
            self.end += samples.size

    def take(self, a: int, b: int) -> np.ndarray:
        joined = np.concatenate(self.parts) if len(self.parts) > 1 else (
            self.parts[0] if self.parts else np.empty(0, np.float32))
        self.parts = [joined] if joined.size else []
        return np.array(joined[max(0, a - self.start): max(0, b - self.start)], dtype=np.float32)

    def drop_before(self, sample: int) -> None:
        while self.parts and self.start + self.parts[0].size <= sample:
            self.start += self.parts[0].size
            self.parts.pop(0)
        if self.parts and sample > self.start:
            cut = sample - self.start
            self.parts[0] = self.parts[0][cut:]
            self.start = sample


class SpeechSplitter:
    """Feed blocks, get pieces of speech: the streaming core of :func:`split_speech`."""

    def __init__(self, sr: int = 16000, config: VadConfig | None = None) -> None:
        self.sr = sr
        self.config = config or VadConfig()
        c = self.config
        self.frame_n = max(1, round(c.frame_s * sr))
        to_frames = self._frames
        self._pad = to_frames(c.pad_s)
        self._min_speech = max(1, to_frames(c.min_speech_s))
        self._max_gap = max(1, to_frames(c.max_gap_s))
        self._min_pause = max(1, to_frames(c.min_pause_s))
        self._min_piece = to_frames(c.min_piece_s)
        self._max_piece = max(self._min_piece + 1, to_frames(c.max_piece_s))
        self._history = np.empty(0, dtype=np.float64)
        self._history_n = max(1, to_frames(c.history_s))
        self._buffer = _Buffer()
        self._leftover = np.empty(0, dtype=np.float32)
        self._frame = 0          # index of the next frame to classify
        self._floor = 0          # first frame not yet given to a piece
        self._open: int | None = None
        self._voiced: list[bool] = []    # per frame of the open piece
        self._energy: list[float] = []   # per frame of the open piece
        self._last_voice = -1
        self._silence_from: int | None = None
        self._pauses: list[tuple[int, int]] = []
        self._index = 0

    def _frames(self, seconds: float) -> int:
        return round(seconds * self.sr / self.frame_n)

    @property
    def position_s(self) -> float:
        """How far the stream has been read."""
        return self._buffer.end / self.sr

    @property
    def buffered_s(self) -> float:
        """Seconds of audio held in memory now; bounded by the longest piece plus a block."""
        return (self._buffer.end - self._buffer.start) / self.sr

    @property
    def pending_start_s(self) -> float | None:
        """Start of the piece being gathered, or None while in silence."""
        return None if self._open is None else self._open * self.frame_n / self.sr

    def feed(self, block: np.ndarray) -> Iterator[Piece]:
        """Take the next block of samples; yield the pieces it completes."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        self._buffer.append(block)
        samples = np.concatenate([self._leftover, block]) if self._leftover.size else block
        energies = frame_energies_db(samples, self.frame_n)
        self._leftover = samples[energies.size * self.frame_n:].copy()
        if energies.size == 0:
            return
        threshold = self._threshold(energies)
        for energy in energies:
            yield from self._step(bool(energy >= threshold), float(energy))
        if self._open is None:
            self._buffer.drop_before(max(self._floor, self._frame - self._max_gap) * self.frame_n)

    def finish(self) -> Iterator[Piece]:
        """End of stream: yield the last piece, if it holds speech."""
        if self._leftover.size:
            energy = float(frame_energies_db(self._leftover, self._leftover.size)[0])
            yield from self._step(energy >= self._threshold(np.array([energy])), energy)
            self._leftover = np.empty(0, dtype=np.float32)
        if self._open is not None:
            end = min(self._last_voice + 1 + self._pad, self._frame)
            yield from self._emit(self._open, end)
            self._open = None

    def _threshold(self, energies: np.ndarray) -> float:
        c = self.config
        self._history = np.concatenate([self._history, energies])[-self._history_n:]
        audible = self._history[self._history > _DIGITAL_SILENCE_DB]
        if audible.size == 0:
            return c.floor_db
        background = float(np.percentile(audible, c.noise_percentile))
        return max(c.floor_db, background + c.margin_db)

    def _step(self, voiced: bool, energy: float) -> Iterator[Piece]:
        f = self._frame
        self._frame += 1
        if self._open is None:
            if not voiced:
                return
            # A short pause before speech stays in the piece (a recording under a few
            # minutes is then decoded exactly as long-form decoding of the whole file would);
            # only a silence of max_gap or more is left out, bar the padding.
            short_lead = f - self._floor < self._max_gap
            self._open = self._floor if short_lead else max(self._floor, f - self._pad)
            self._voiced = [False] * (f - self._open)
            self._energy = [-120.0] * (f - self._open)
            self._pauses = []
            self._silence_from = None
        self._voiced.append(voiced)
        self._energy.append(energy)
        if voiced:
            if self._silence_from is not None and f - self._silence_from >= self._min_pause:
                self._pauses.append((self._silence_from, f))
            self._silence_from = None
            self._last_voice = f
        else:
            if self._silence_from is None:
                self._silence_from = f
            if f + 1 - self._silence_from >= self._max_gap:
                end = min(self._last_voice + 1 + self._pad, f + 1)
                yield from self._emit(self._open, end)
                self._open = None
                return
        if f + 1 - self._open >= self._max_piece:
            yield from self._cut_for_length(f + 1)

    def _cut_for_length(self, now: int) -> Iterator[Piece]:
        """The open piece is at its longest: cut it at its best pause."""
        assert self._open is not None
        start = self._open
        pauses = list(self._pauses)
        if self._silence_from is not None and now - self._silence_from >= self._min_pause:
            pauses.append((self._silence_from, now))
        earliest = start + self._min_piece
        late_half = start + self._max_piece // 2
        candidates = [p for p in pauses if (p[0] + p[1]) // 2 >= late_half] or [
            p for p in pauses if (p[0] + p[1]) // 2 >= earliest]
        if candidates:
            # The longest pause (beyond 1.5 s all are equal), the later one on a tie.
            cap = self._frames(1.5)
            best = max(candidates, key=lambda p: (min(p[1] - p[0], cap), p[0]))
            cut = (best[0] + best[1]) // 2
        else:
            # No pause at all: cut at the quietest moment of the allowed range.
            window = np.asarray(self._energy[earliest - start:])
            cut = earliest + int(np.argmin(window))
        cut = max(start + 1, min(cut, now))
        yield from self._emit(start, cut)
        rest = cut - start
        self._voiced = self._voiced[rest:]
        self._energy = self._energy[rest:]
        self._pauses = [(max(a, cut), b) for a, b in self._pauses if b > cut]
        if self._silence_from is not None:
            self._silence_from = max(self._silence_from, cut)
        if any(self._voiced):
            self._open = cut
        else:
            self._open = None
            self._buffer.drop_before(max(self._floor, self._frame - self._max_gap) * self.frame_n)

    def _emit(self, start: int, end: int) -> Iterator[Piece]:
        voiced = sum(self._voiced[: end - start])
        self._floor = end
        a = start * self.frame_n
        b = min(end * self.frame_n, self._buffer.end)
        if voiced >= self._min_speech and b > a:
            samples = self._buffer.take(a, b)
            yield Piece(self._index, a / self.sr, b / self.sr, samples,
                        voiced * self.frame_n / self.sr)
            self._index += 1
        self._buffer.drop_before(b)


def split_speech(blocks: Iterable[np.ndarray], sr: int = 16000,
                 config: VadConfig | None = None) -> Iterator[Piece]:
    """Pieces of speech from a stream of sample blocks, cut only at pauses.

    Memory stays bounded by the longest piece (``config.max_piece_s``) plus one block.
    """
    splitter = SpeechSplitter(sr, config)
    for block in blocks:
        yield from splitter.feed(block)
    yield from splitter.finish()
