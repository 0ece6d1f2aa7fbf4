"""Transcripts as values: words and segments with times, and the clean-ups they need.

These frozen values cross from the worker thread to the GUI and into the job store as
plain JSON dicts. The helpers here fix what speech models get wrong in predictable ways:
a last segment with no end time, timestamps relative to a piece rather than the
recording, and loops where the model repeats itself ("you you you you...",
"Thank you very much." thirty times).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

_SENTENCE_END = (".", "?", "!", "。", "？", "！", "…")


@dataclass(frozen=True, slots=True)
class Word:
    """One word; ``text`` is as the model wrote it, leading space included."""

    start: float
    end: float
    text: str
    probability: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": round(self.start, 3), "end": round(self.end, 3), "text": self.text,
                "probability": self.probability}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Word:
        prob = data.get("probability")
        return cls(float(data["start"]), float(data["end"]), str(data["text"]),
                   None if prob is None else float(prob))


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or phrase with its time span (seconds from the start of the recording)."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"start": round(self.start, 3), "end": round(self.end, 3),
                                "text": self.text}
        if self.words:
            data["words"] = [word.to_dict() for word in self.words]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Segment:
        words = tuple(Word.from_dict(w) for w in data.get("words") or ())
        return cls(float(data["start"]), float(data["end"]), str(data["text"]), words)


def segments_to_dicts(segments: Iterable[Segment]) -> list[dict[str, Any]]:
    return [segment.to_dict() for segment in segments]


def segments_from_dicts(items: Iterable[Mapping[str, Any]]) -> list[Segment]:
    return [Segment.from_dict(item) for item in items]


def segments_from_pieces(partials: Iterable[Mapping[str, Any]]) -> list[Segment]:
    """The whole transcript from the per-piece partial results, in time order.

    Partials may arrive out of order or twice (a resumed job); each piece counts once.
    """
    by_piece: dict[int, Mapping[str, Any]] = {}
    for partial in partials:
        if "piece" in partial:
            by_piece.setdefault(int(partial["piece"]), partial)
    result: list[Segment] = []
    for index in sorted(by_piece):
        result.extend(segments_from_dicts(by_piece[index].get("segments") or ()))
    return result


def offset(segments: Iterable[Segment], seconds: float) -> list[Segment]:
    """Shift times by ``seconds``: a piece's times become the recording's times."""
    return [
        replace(s, start=s.start + seconds, end=s.end + seconds,
                words=tuple(replace(w, start=w.start + seconds, end=w.end + seconds)
                            for w in s.words))
        for s in segments
    ]


def _span(timestamp: Any) -> tuple[float | None, float | None]:
    if not isinstance(timestamp, Sequence) or len(timestamp) != 2:
        return None, None
    start, end = timestamp
    return (None if start is None else float(start)), (None if end is None else float(end))


def timed_chunks(chunks: Sequence[Mapping[str, Any]], duration: float) -> list[Word]:
    """Pipeline ``chunks`` (``{"text", "timestamp": (start, end)}``) as timed items.

    Missing times are filled (a missing end with the next start, or ``duration`` for the
    last, as Whisper leaves it ``None``), times are clamped into ``[0, duration]`` and
    made non-decreasing, so later steps can rely on order.
    """
    spans = [_span(chunk.get("timestamp")) for chunk in chunks]
    items: list[Word] = []
    previous = 0.0
    for i, chunk in enumerate(chunks):
        start, end = spans[i]
        if start is None:
            start = previous
        if end is None:
            following = next((s for s, _ in spans[i + 1:] if s is not None), None)
            end = duration if following is None else following
        start = min(max(start, previous, 0.0), duration)
        end = min(max(end, start), duration)
        items.append(Word(start, end, str(chunk.get("text", ""))))
        previous = start
    return items


#: No spoken word lasts longer; Whisper's word alignment gives the pause after the last
#: word before a silence to that word (seen: "walk." from 28.4 s to 31.3 s).
MAX_WORD_S = 1.5


def trim_long_words(words: Sequence[Word], max_s: float = MAX_WORD_S) -> list[Word]:
    """Words whose end runs on into a following pause end ``max_s`` after they start."""
    return [replace(w, end=min(w.end, w.start + max_s)) for w in words]


def segments_from_chunks(chunks: Sequence[Mapping[str, Any]], duration: float) -> list[Segment]:
    """Segment-level pipeline output as segments, empty texts dropped."""
    return [Segment(w.start, w.end, w.text.strip()) for w in timed_chunks(chunks, duration)
            if w.text.strip()]


def group_words(words: Sequence[Word], *, max_gap_s: float = 1.0, max_words: int = 40,
                max_s: float = 15.0) -> list[Segment]:
    """Words as segments: a new segment after a sentence end, a pause, or when one runs long.

    Word-level output has no segments of its own; these make readable subtitle cues.
    """
    segments: list[Segment] = []
    current: list[Word] = []

    def close() -> None:
        if current:
            text = "".join(w.text for w in current).strip()
            if text:
                segments.append(Segment(current[0].start, current[-1].end, text, tuple(current)))
            current.clear()

    for word in words:
        if not word.text.strip():
            continue
        if current and (word.start - current[-1].end > max_gap_s or len(current) >= max_words
                        or word.end - current[0].start > max_s):
            close()
        current.append(word)
        if word.text.strip().endswith(_SENTENCE_END):
            close()
    close()
    return segments


def plain_text(segments: Iterable[Segment]) -> str:
    return " ".join(s.text.strip() for s in segments if s.text.strip())


def _norm(token: str) -> str:
    kept = "".join(ch for ch in token.lower() if unicodedata.category(ch)[0] in "LN")
    return kept or token.strip().lower()


def _loop_mask(keys: Sequence[str], max_n: int = 30) -> list[bool]:
    """Which tokens to keep so that no n-gram repeats back-to-back too often.

    A single word may repeat 3 times ("no, no, no"), a phrase twice; longer runs are
    the model looping and collapse to their first occurrence.
    """
    keep = [True] * len(keys)
    i = 0
    while i < len(keys):
        collapsed = False
        for n in range(1, min(max_n, (len(keys) - i) // 2) + 1):
            unit = keys[i: i + n]
            reps = 1
            while keys[i + reps * n: i + (reps + 1) * n] == unit:
                reps += 1
            if reps >= (4 if n == 1 else 3):
                for j in range(i + n, i + reps * n):
                    keep[j] = False
                i += reps * n
                collapsed = True
                break
        if not collapsed:
            i += 1
    return keep


def drop_repeats(segments: Sequence[Segment]) -> list[Segment]:
    """Collapse hallucinated loops, within a segment and across consecutive segments."""
    tokens: list[tuple[int, Word | str]] = []
    for index, segment in enumerate(segments):
        if segment.words:
            tokens.extend((index, w) for w in segment.words)
        else:
            tokens.extend((index, t) for t in segment.text.split())
    keys = [_norm(t.text if isinstance(t, Word) else t) for _, t in tokens]
    keep = _loop_mask(keys)
    if all(keep):
        return list(segments)
    kept: dict[int, list[Word | str]] = {}
    dropped: set[int] = set()
    for (index, token), ok in zip(tokens, keep):
        if ok:
            kept.setdefault(index, []).append(token)
        else:
            dropped.add(index)
    result: list[Segment] = []
    for index, segment in enumerate(segments):
        if index not in dropped:
            if segment.text.strip():
                result.append(segment)
            continue
        parts = kept.get(index)
        if not parts:
            continue
        if segment.words:
            words = tuple(p for p in parts if isinstance(p, Word))
            text = "".join(w.text for w in words).strip()
            result.append(Segment(words[0].start, words[-1].end, text, words))
        else:
            result.append(replace(segment, text=" ".join(str(p) for p in parts)))
    return result
