"""Decoding recordings into 16 kHz mono samples, a block at a time.

PyAV reads the file itself (no ffmpeg executable, no pipe), so MP4/M4A files whose index
sits at the end, as phones write them, open like any other. Samples come out as a
generator of fixed-size blocks: a three-hour lecture never exists in memory as one array,
at the source rate or at 16 kHz.

What counts as unreadable, and the sentence the user sees for it (:class:`InputError`):

- a missing path, a folder, an empty file, a text file or picture renamed ``.mp3``;
- a container with no audio track (a screen recording without sound);
- a damaged or cut-off file. A file that breaks part-way is decoded up to the break, then
  :class:`DamagedAudio` is raised *after* the good blocks, naming where it breaks ("the file
  is damaged after 0:41"), so the caller can keep the part before and still tell the user.
  A cut is also detected when the container announced a longer duration than could be
  decoded, as MP3s with a Xing/Info header, WAV, FLAC and MP4 all do.

Very short files (under half a second) decode normally; the voice detector gives them
no speech pieces, so they transcribe as empty instead of failing a whole batch.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.errors import InputError
from engine.inputs import check_file

if TYPE_CHECKING:
    import av.container

SAMPLE_RATE = 16000
DEFAULT_BLOCK_S = 30.0

# A shortfall this large (and this fraction of the announced length) means the end is missing.
_MISSING_TAIL_S = 2.0
_MISSING_TAIL_FRACTION = 0.02
_MAX_BAD_PACKETS = 1000      # ~25 s of audio that will not decode is a break, not a glitch
_MAX_GAP_FILL_S = 600.0

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_IMAGE_FORMATS = ("png_pipe", "jpeg_pipe", "gif", "bmp_pipe", "tiff_pipe", "webp_pipe", "image2",
                  "svg_pipe", "pdf")


@dataclass(frozen=True, slots=True)
class AudioInfo:
    """What a recording holds, read from its headers without decoding it."""

    duration_s: float | None
    sample_rate: int
    channels: int
    codec: str
    container: str
    has_video: bool = False

    @property
    def duration_str(self) -> str:
        return "unknown length" if self.duration_s is None else format_clock(self.duration_s)


class DamagedAudio(InputError):
    """The file breaks part-way; everything before ``at_s`` was decoded and handed out."""

    def __init__(self, source: str | Path, at_s: float, expected_s: float | None = None) -> None:
        self.at_s = at_s
        self.expected_s = expected_s
        reason = f"the file is damaged after {format_clock(at_s)}"
        if expected_s is not None:
            reason += f" (it should last {format_clock(expected_s)}; it may be cut off)"
        super().__init__(source, reason)


def format_clock(seconds: float) -> str:
    """``41`` -> ``0:41``, ``6850`` -> ``1:54:10``: how people read positions in a recording."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def probe(path: str | Path) -> AudioInfo:
    """Read the headers of ``path``: duration, rate, channels, codec. Raises InputError."""
    container = _open(path)
    try:
        stream = _audio_stream(container, path)
        return AudioInfo(
            duration_s=_declared_duration(container, stream),
            sample_rate=int(stream.codec_context.sample_rate or 0),
            channels=int(stream.codec_context.channels or 0),
            codec=str(stream.codec_context.name),
            container=str(container.format.name),
            has_video=any(s.type == "video" for s in container.streams),
        )
    finally:
        container.close()


def iter_blocks(path: str | Path, sr: int = SAMPLE_RATE,
                block_s: float = DEFAULT_BLOCK_S) -> Iterator[np.ndarray]:
    """Yield the audio of ``path`` as mono float32 blocks of ``block_s`` seconds at ``sr``.

    Every block but the last has exactly ``round(block_s * sr)`` samples, so a caller can
    count samples to know the time. Raises :class:`InputError` before the first block when
    the file cannot be opened, and :class:`DamagedAudio` after the last good block when the
    file breaks part-way.
    """
    import av

    block_n = max(1, round(block_s * sr))
    container = _open(path)
    try:
        stream = _audio_stream(container, path)
        expected = _declared_duration(container, stream) if _duration_is_exact(
            container, path) else None
        pending: list[np.ndarray] = []
        pending_n = 0
        emitted = 0
        resampler: Any = None
        shape: tuple[Any, ...] | None = None
        failed_at: float | None = None

        def take(frames: list[Any]) -> None:
            nonlocal pending_n
            for out in frames:
                data = out.to_ndarray().reshape(-1).astype(np.float32, copy=False)
                if data.size:
                    pending.append(data)
                    pending_n += data.size

        def drain(final: bool) -> Iterator[np.ndarray]:
            nonlocal pending, pending_n, emitted
            while pending_n >= block_n or (final and pending_n):
                joined = np.concatenate(pending) if len(pending) > 1 else pending[0]
                block, rest = joined[:block_n], joined[block_n:]
                pending = [rest] if rest.size else []
                pending_n = rest.size
                emitted += block.size
                yield np.ascontiguousarray(block)

        packets = container.demux(stream)
        first_time: float | None = None
        bad_since: float | None = None   # where the current run of undecodable packets began
        bad_count = 0
        while True:
            try:
                packet = next(packets)
            except StopIteration:
                break
            except (av.FFmpegError, ValueError, OSError):
                failed_at = bad_since if bad_since is not None else (emitted + pending_n) / sr
                break
            try:
                frames = packet.decode()
            except (av.FFmpegError, ValueError, OSError):
                # One bad packet is a glitch the decoder skips; bad to the end is a break.
                if bad_since is None:
                    bad_since = (emitted + pending_n) / sr
                bad_count += 1
                if bad_count > _MAX_BAD_PACKETS:
                    failed_at = bad_since
                    break
                continue
            if frames:
                bad_since, bad_count = None, 0
                first_time = frames[0].time if first_time is None else first_time
                gap = _gap_s(frames[0].time, first_time, (emitted + pending_n) / sr)
                if gap > 0.0:
                    # Skipped or missing packets: keep later times true with silence.
                    pending.append(np.zeros(round(gap * sr), dtype=np.float32))
                    pending_n += pending[-1].size
            for frame in frames:
                key = (frame.format.name, frame.layout.name, frame.sample_rate)
                if key != shape:
                    # Rate or layout changed mid-stream (some broadcasts do): flush, rebuild.
                    if resampler is not None:
                        take(resampler.resample(None))
                    resampler = av.AudioResampler(format="flt", layout="mono", rate=sr)
                    shape = key
                take(resampler.resample(frame))
            yield from drain(final=False)
        if resampler is not None:
            take(resampler.resample(None))
        yield from drain(final=True)
        if failed_at is None and bad_since is not None:
            failed_at = bad_since
        decoded_s = emitted / sr
        if failed_at is None and expected is not None and (
                expected - decoded_s > max(_MISSING_TAIL_S, _MISSING_TAIL_FRACTION * expected)):
            failed_at = decoded_s
        if failed_at is not None:
            raise DamagedAudio(path, failed_at, expected)
    finally:
        container.close()


def _gap_s(frame_time: float | None, first_time: float | None, position_s: float) -> float:
    """How far a frame's own timestamp is ahead of the samples decoded so far, if notably."""
    if frame_time is None or first_time is None:
        return 0.0
    gap = (frame_time - first_time) - position_s
    return gap if 0.2 < gap <= _MAX_GAP_FILL_S else 0.0


def _open(path: str | Path) -> av.container.InputContainer:
    """The container, after the checks every input gets (:func:`engine.inputs.check_file`).

    FFmpeg opens the file itself, so the checks come first: a named pipe would make it
    wait forever, and its messages for a missing or empty file are not for users.
    """
    import av

    target = check_file(str(path))
    try:
        return av.open(str(target), mode="r", metadata_errors="ignore")
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except (av.FFmpegError, ValueError, OSError):
        raise InputError(path, _why_unreadable(target)) from None


def _audio_stream(container: av.container.InputContainer, path: str | Path) -> Any:
    audio = [s for s in container.streams if s.type == "audio"]
    if audio:
        # The default track when one is flagged (dubbed films), else the first.
        for stream in audio:
            if stream.disposition & 1:  # AV_DISPOSITION_DEFAULT
                return stream
        return audio[0]
    if container.format.name in _IMAGE_FORMATS:
        raise InputError(path, "it is a picture, not a recording")
    if any(s.type == "video" for s in container.streams):
        raise InputError(path, "the video has no sound track")
    raise InputError(path, _why_unreadable(Path(path)))


def _declared_duration(container: av.container.InputContainer, stream: Any) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        value = float(stream.duration * stream.time_base)
        if value > 0:
            return value
    if container.duration is not None and container.duration > 0:
        return float(container.duration) / 1_000_000
    return None


def _duration_is_exact(container: av.container.InputContainer, path: str | Path) -> bool:
    """Whether the announced duration comes from the file's index rather than a guess.

    MP3s without a Xing/Info/VBRI header get a length estimated from the bit rate, which can
    be far off for variable-rate files: trusting it would call healthy files damaged.
    """
    name = str(container.format.name)
    if name == "mp3":
        return _mp3_has_length_header(Path(path))
    return any(part in name for part in ("mov", "mp4", "wav", "flac", "matroska", "asf", "aiff"))


def _mp3_has_length_header(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(10)
        offset = 0
        if head[:3] == b"ID3" and len(head) == 10:
            size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
            offset = 10 + size
        handle.seek(offset)
        first = handle.read(4096)
    return any(tag in first for tag in (b"Xing", b"Info", b"VBRI"))


def _why_unreadable(path: Path) -> str:
    """A guess at what the file is, so the sentence helps more than "invalid data"."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return "the file cannot be read"
    if head.startswith(_IMAGE_MAGIC) or head[8:12] == b"WEBP" or head.startswith(b"%PDF"):
        return "it is a picture or document, not a recording"
    if head[4:8] == b"ftyp":
        return ("the recording is incomplete: its index is missing, which happens when "
                "recording stops before the file is saved")
    if b"\x00" not in head:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
            return "it is a text file, not a recording"
        except UnicodeDecodeError:
            pass
    return "it is not an audio or video file, or it is damaged"
