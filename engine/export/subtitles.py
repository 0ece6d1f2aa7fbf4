"""Writing transcripts as TXT, SRT, WebVTT and JSON files.

Subtitle cues follow the usual broadcast rules: at most ``max_chars`` (42) characters a
line and two lines a cue, so a long segment becomes several cues whose times come from
the word timestamps when there are some, otherwise shared out by length. Files are
written atomically and, by default, next to the recording under a name that never
overwrites an existing file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from engine.atomic import atomic_write_text, unique_path
from engine.transcript import Segment, plain_text

Format = Literal["txt", "txt-timed", "srt", "vtt", "json"]
FORMATS: dict[str, str] = {"txt": ".txt", "txt-timed": ".timestamps.txt", "srt": ".srt",
                           "vtt": ".vtt", "json": ".json"}
MAX_CHARS = 42
MAX_LINES = 2


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle on screen: its lines and when it shows."""

    start: float
    end: float
    lines: tuple[str, ...]


def clock(seconds: float, separator: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT) or, with ``separator="."``, ``HH:MM:SS.mmm`` (WebVTT)."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _split_long(token: str, max_chars: int) -> list[str]:
    """A token longer than a line (a URL, text without spaces) cut into line-sized parts."""
    return [token[i: i + max_chars] for i in range(0, len(token), max_chars)] or [token]


def _timed_tokens(segment: Segment, max_chars: int) -> list[tuple[str, float | None,
                                                                  float | None]]:
    tokens: list[tuple[str, float | None, float | None]] = []
    if segment.words:
        for word in segment.words:
            for part in _split_long(word.text.strip(), max_chars):
                if part:
                    tokens.append((part, word.start, word.end))
    else:
        for text in segment.text.split():
            tokens.extend((part, None, None) for part in _split_long(text, max_chars))
    return tokens


def _wrap(tokens: Sequence[tuple[str, float | None, float | None]],
          max_chars: int) -> list[list[tuple[str, float | None, float | None]]]:
    lines: list[list[tuple[str, float | None, float | None]]] = []
    current: list[tuple[str, float | None, float | None]] = []
    width = 0
    for token in tokens:
        extra = len(token[0]) + (1 if current else 0)
        if current and width + extra > max_chars:
            lines.append(current)
            current, width = [], 0
            extra = len(token[0])
        current.append(token)
        width += extra
    if current:
        lines.append(current)
    return lines


def _segment_cues(segment: Segment, max_chars: int, max_lines: int) -> list[Cue]:
    lines = _wrap(_timed_tokens(segment, max_chars), max_chars)
    groups = [lines[i: i + max_lines] for i in range(0, len(lines), max_lines)]
    total_chars = sum(len(t[0]) for line in lines for t in line) or 1
    span = max(0.0, segment.end - segment.start)
    cues: list[Cue] = []
    used = 0
    for group in groups:
        tokens = [t for line in group for t in line]
        chars = sum(len(t[0]) for t in tokens)
        start = segment.start + span * used / total_chars
        end = segment.start + span * (used + chars) / total_chars
        used += chars
        starts = [t[1] for t in tokens if t[1] is not None]
        ends = [t[2] for t in tokens if t[2] is not None]
        if starts and ends:
            start, end = min(starts), max(ends)
        cues.append(Cue(start, end, tuple(" ".join(t[0] for t in line) for line in group)))
    return cues


def build_cues(segments: Iterable[Segment], max_chars: int = MAX_CHARS,
               max_lines: int = MAX_LINES) -> list[Cue]:
    """Subtitle cues for ``segments``: wrapped, split, in order and never overlapping."""
    cues = [cue for s in segments if s.text.strip()
            for cue in _segment_cues(s, max_chars, max_lines)]
    fixed: list[Cue] = []
    for i, cue in enumerate(cues):
        start = max(cue.start, fixed[-1].end if fixed else 0.0)
        end = max(cue.end, start + 0.001)
        if i + 1 < len(cues):
            following = max(cues[i + 1].start, start + 0.001)
            end = min(end, following)
        fixed.append(Cue(start, max(end, start + 0.001), cue.lines))
    return fixed


def to_txt(segments: Iterable[Segment]) -> str:
    """Plain text, one segment a line."""
    lines = [s.text.strip() for s in segments if s.text.strip()]
    return "\n".join(lines) + ("\n" if lines else "")


def to_timed_txt(segments: Iterable[Segment]) -> str:
    """``[HH:MM:SS] text``, one segment a line: for reading and quoting interviews."""
    lines = [f"[{clock(s.start)[:8]}] {s.text.strip()}" for s in segments if s.text.strip()]
    return "\n".join(lines) + ("\n" if lines else "")


def to_srt(segments: Iterable[Segment], max_chars: int = MAX_CHARS,
           max_lines: int = MAX_LINES) -> str:
    blocks = [f"{i}\n{clock(c.start)} --> {clock(c.end)}\n" + "\n".join(c.lines) + "\n"
              for i, c in enumerate(build_cues(segments, max_chars, max_lines), 1)]
    return "\n".join(blocks)


def _vtt_escape(line: str) -> str:
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(segments: Iterable[Segment], max_chars: int = MAX_CHARS,
           max_lines: int = MAX_LINES) -> str:
    blocks = [f"{clock(c.start, '.')} --> {clock(c.end, '.')}\n"
              + "\n".join(_vtt_escape(line) for line in c.lines) + "\n"
              for c in build_cues(segments, max_chars, max_lines)]
    return "WEBVTT\n\n" + "\n".join(blocks)


def to_json(segments: Sequence[Segment], *, model: str | None = None,
            language: str | None = None, parameters: Mapping[str, Any] | None = None,
            source: str | None = None) -> str:
    """Everything, for other programs: segments with words, and how they were made."""
    document = {
        "format": "pipedeck-transcript", "version": 1, "source": source, "model": model,
        "language": language, "parameters": dict(parameters or {}),
        "text": plain_text(segments), "segments": [s.to_dict() for s in segments],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, segments: Sequence[Segment], **meta: Any) -> str:
    """The file content for ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "txt":
        return to_txt(segments)
    if fmt == "txt-timed":
        return to_timed_txt(segments)
    if fmt == "srt":
        return to_srt(segments)
    if fmt == "vtt":
        return to_vtt(segments)
    if fmt == "json":
        return to_json(segments, **meta)
    raise ValueError(f"unknown transcript format {fmt!r}")


def default_path(source: str | Path, fmt: str, folder: str | Path | None = None) -> Path:
    """``talk.mp3`` -> ``talk.srt`` beside it (or in ``folder``), never an existing file."""
    source = Path(source)
    stem = source.stem or source.name or "transcript"
    target_dir = Path(folder) if folder is not None else source.parent
    return unique_path(target_dir / f"{stem}{FORMATS[fmt]}")


def write(path: str | Path, fmt: str, segments: Sequence[Segment], **meta: Any) -> Path:
    """Write one file atomically: a crash never leaves half a subtitle file."""
    atomic_write_text(path, render(fmt, segments, **meta))
    return Path(path)


def export(source: str | Path, segments: Sequence[Segment], formats: Iterable[str],
           folder: str | Path | None = None, **meta: Any) -> list[Path]:
    """Write ``segments`` in each of ``formats`` under default names; return the paths."""
    paths: list[Path] = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown transcript format {fmt!r}")
        paths.append(write(default_path(source, fmt, folder), fmt, segments, **meta))
    return paths
