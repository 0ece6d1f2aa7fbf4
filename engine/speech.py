"""Transcribing one recording: decode, find speech, run the pipeline piece by piece.

The recording is decoded progressively (:mod:`engine.audio`), cut into pieces of speech
at pauses (:mod:`engine.vad`) and each piece goes through the real transformers pipeline
with *sequential long-form* decoding. Not ``chunk_length_s``: with Whisper it drops the
words at chunk boundaries (about a quarter of them on our test speech). Each finished piece
is yielded at once, so the job store keeps it if the app dies, and a resumed job skips the
pieces it already has. Silence never reaches the model, which would invent text for it.

CTC models (wav2vec2 and friends) take the same path; they have no ``generate`` options,
give word times natively, and for pieces over 30 s use the pipeline's own chunking,
which is lossless for CTC (overlapping strides), unlike for Whisper.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from engine import messages
from engine.audio import SAMPLE_RATE, DamagedAudio, format_clock, iter_blocks, probe
from engine.errors import InputError, OutOfMemory, UsageError
from engine.progress import JobControl
from engine.transcript import (
    Segment,
    Word,
    drop_repeats,
    group_words,
    offset,
    plain_text,
    segments_from_chunks,
    timed_chunks,
    trim_long_words,
)
from engine.vad import Piece, SpeechSplitter, VadConfig

Task = Literal["transcribe", "translate"]
Timestamps = Literal["segment", "word", "none"]
Search = Literal["auto", "greedy", "beam"]
ModelKind = Literal["whisper", "ctc", "seq2seq"]

BEAMS = 5                  # OpenAI's beam width, the transformers pipeline's default
MIN_PIECE_S = 0.5          # shorter pieces hold no word worth the model's guess
_CTC_CHUNK_S = 30.0        # CTC attention grows with the square of the length


@dataclass(frozen=True, slots=True)
class SpeechOptions:
    """The user's choices for a transcription, checked."""

    language: str | None = None
    task: Task = "transcribe"
    timestamps: Timestamps = "segment"
    max_new_tokens: int | None = None
    batch_size: int = 1
    search: Search = "auto"

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> SpeechOptions:
        task = str(params.get("task") or "transcribe")
        if task not in ("transcribe", "translate"):
            raise UsageError("Output must be 'transcribe' or 'translate'.")
        timestamps = str(params.get("timestamps") or "segment")
        if timestamps not in ("segment", "word", "none"):
            raise UsageError("Timestamps must be 'segment', 'word' or 'none'.")
        max_new = params.get("max_new_tokens")
        batch = int(params.get("batch_size") or 1)
        if batch < 1:
            raise UsageError("Batch size must be at least 1.")
        search = str(params.get("search") or "auto")
        if search not in ("auto", "greedy", "beam"):
            raise UsageError("Decoding must be 'auto', 'greedy' or 'beam'.")
        return cls(language=language_code(params.get("language")), task=task,  # type: ignore[arg-type]
                   timestamps=timestamps,  # type: ignore[arg-type]
                   max_new_tokens=None if max_new in (None, "") else int(max_new),
                   batch_size=batch, search=search)  # type: ignore[arg-type]


def beam_count(pipe: Any, search: Search) -> int:
    """How many guesses the decoder keeps at each step: 1 is greedy decoding.

    transformers' speech pipeline defaults to OpenAI's 5 beams, which on a CPU took 2.3×
    the time of greedy decoding and did not lower the word error rate on our recordings
    (benchmarks/ASR_RESULTS.md). So "auto" is the model's own setting when it has one,
    else 5 beams on a CUDA GPU, where the extra guesses are nearly free, and greedy
    everywhere else (CPU, Apple MPS: not measured); faster-whisper's speed is quoted for
    greedy too.
    """
    if search == "greedy":
        return 1
    if search == "beam":
        return BEAMS
    model = getattr(pipe, "model", None)
    try:  # a fine-tuned model that sets its own beam width keeps it
        own = model.generation_config.to_diff_dict().get("num_beams")  # type: ignore[union-attr]
    except Exception:
        own = None
    if isinstance(own, int) and own >= 1:
        return own
    device = getattr(model, "device", None)
    return BEAMS if getattr(device, "type", "cpu") == "cuda" else 1


def whisper_languages() -> list[tuple[str, str]]:
    """(code, English name) of every language Whisper knows, sorted by name, for menus."""
    from transformers.models.whisper.tokenization_whisper import LANGUAGES

    return sorted(((code, name.title()) for code, name in LANGUAGES.items()),
                  key=lambda item: item[1])


def language_code(value: Any) -> str | None:
    """``None``/"auto" -> None (detect); a code ("fr") or English name ("French") -> code."""
    if value is None or str(value).strip().lower() in ("", "auto", "detect"):
        return None
    from transformers.models.whisper.tokenization_whisper import LANGUAGES, TO_LANGUAGE_CODE

    text = str(value).strip().lower().strip("<|>")
    if text in LANGUAGES:
        return text
    if text in TO_LANGUAGE_CODE:
        return TO_LANGUAGE_CODE[text]
    raise UsageError(f"Language '{value}' is not one the speech models know.")


def model_kind(pipe: Any) -> ModelKind:
    kind = getattr(pipe, "type", "")
    if kind == "seq2seq_whisper":
        return "whisper"
    if kind in ("ctc", "ctc_with_lm"):
        return "ctc"
    return "seq2seq"


def _is_multilingual(pipe: Any) -> bool:
    config = pipe.model.generation_config
    flag = getattr(config, "is_multilingual", None)
    if flag is not None:
        return bool(flag)
    return len(getattr(config, "lang_to_id", None) or {}) > 1


def check_options(pipe: Any, options: SpeechOptions) -> None:
    """Refuse choices the model cannot honour, before any audio is decoded."""
    kind = model_kind(pipe)
    if options.task == "translate" and (kind != "whisper" or not _is_multilingual(pipe)):
        raise UsageError("This model cannot translate; choose Transcribe, or a multilingual "
                         "Whisper model.")
    if (kind == "whisper" and not _is_multilingual(pipe)
            and options.language not in (None, "en")):
        raise UsageError("This model only understands English; choose Detect or English, "
                         "or a multilingual model.")


def run_source(pipe: Any, source: str, params: Mapping[str, Any], control: JobControl,
               done: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """Yield one partial result per piece of speech in ``source`` (see module docstring).

    Each partial is ``{"piece", "start", "end", "language", "text", "segments"}`` with
    times in seconds from the start of the recording. Raises InputError for an unreadable
    file, and DamagedAudio after the last good piece for a file that breaks part-way.
    """
    options = SpeechOptions.from_params(params)
    check_options(pipe, options)
    if "://" in source[:16]:
        raise InputError(source, "web addresses cannot be transcribed: download the recording "
                                 "and add it from your computer")
    total = probe(source).duration_s
    finished = {int(item["piece"]) for item in done if "piece" in item}
    blocks = _Guarded(iter_blocks(source, SAMPLE_RATE))
    splitter = SpeechSplitter(SAMPLE_RATE, VadConfig())
    progress = _Progress(control, total)
    batch: list[Piece] = []

    def flush() -> Iterator[dict[str, Any]]:
        for piece, result in zip(batch, transcribe_pieces(pipe, batch, options, control)):
            progress.at(piece.end_s)
            yield result
        batch.clear()

    def take(pieces: Iterable[Piece]) -> Iterator[dict[str, Any]]:
        for piece in pieces:
            control.check()
            if piece.index in finished or piece.duration_s < MIN_PIECE_S:
                progress.at(piece.end_s)
                continue
            batch.append(piece)
            if len(batch) >= options.batch_size:
                yield from flush()

    for block in blocks:
        control.check()
        yield from take(splitter.feed(block))
        # Progress is the earliest audio not yet transcribed, not how far decoding got.
        pending = splitter.pending_start_s
        if batch:
            progress.at(batch[0].start_s)
        else:
            progress.at(splitter.position_s if pending is None else pending)
    yield from take(splitter.finish())
    yield from flush()
    if blocks.damage is not None:
        raise blocks.damage
    progress.done()


def transcribe_pieces(pipe: Any, pieces: Sequence[Piece], options: SpeechOptions,
                      control: JobControl | None = None) -> list[dict[str, Any]]:
    """Run the pipeline over ``pieces`` (one call, batched) and shape each result."""
    if not pieces:
        return []
    kind = model_kind(pipe)
    longest = max(p.duration_s for p in pieces)
    kwargs = _call_kwargs(pipe, kind, options, longest, control, batched=len(pieces) > 1)
    inputs = [{"raw": p.samples, "sampling_rate": SAMPLE_RATE} for p in pieces]
    try:
        if len(inputs) == 1:
            outputs = [pipe(inputs[0], **kwargs)]
        else:
            outputs = list(pipe(inputs, batch_size=len(inputs), **kwargs))
    except MemoryError as exc:
        raise OutOfMemory("The computer ran out of memory while transcribing; close other "
                          "programs or choose a smaller model.") from exc
    except RuntimeError as exc:
        if "out of memory" in str(exc).lower():
            raise OutOfMemory("The graphics card ran out of memory while transcribing; "
                              "choose a smaller model or the CPU.") from exc
        raise
    if control is not None:
        control.check()  # a cancel that stopped generation early leaves half a piece: drop it
    return [_piece_result(piece, out, kind, options, pipe) for piece, out in zip(pieces, outputs)]


def _call_kwargs(pipe: Any, kind: ModelKind, options: SpeechOptions, longest_s: float,
                 control: JobControl | None, batched: bool = False) -> dict[str, Any]:
    if kind == "ctc":
        kwargs: dict[str, Any] = {}
        if options.timestamps != "none":
            kwargs["return_timestamps"] = "word"
        if longest_s > _CTC_CHUNK_S:
            kwargs["chunk_length_s"] = _CTC_CHUNK_S
        return kwargs
    generate: dict[str, Any] = {"num_beams": beam_count(pipe, options.search)}
    if options.max_new_tokens is not None:
        generate["max_new_tokens"] = options.max_new_tokens
    if control is not None:
        generate["stopping_criteria"] = _cancel_criteria(control)
    if kind == "seq2seq":
        return {"generate_kwargs": generate}
    kwargs = {"return_timestamps": "word" if options.timestamps == "word" else True}
    if _is_multilingual(pipe):
        generate["task"] = options.task
        if options.language is not None:
            generate["language"] = options.language
        elif not batched:
            # transformers 5.24 returns one language for a whole batch and then fails to
            # unbatch it, so batched pieces leave the detected language unreported.
            kwargs["return_language"] = True
    kwargs["generate_kwargs"] = generate
    return kwargs


def _cancel_criteria(control: JobControl) -> Any:
    """Stop generating as soon as the user cancels, not at the end of a long piece."""
    from transformers import StoppingCriteria, StoppingCriteriaList

    class _Cancelled(StoppingCriteria):  # type: ignore[misc]
        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            import torch

            return torch.full((input_ids.shape[0],), control.cancelled, dtype=torch.bool,
                              device=input_ids.device)

    return StoppingCriteriaList([_Cancelled()])


def _piece_result(piece: Piece, out: Mapping[str, Any], kind: ModelKind,
                  options: SpeechOptions, pipe: Any) -> dict[str, Any]:
    duration = piece.duration_s
    chunks = list(out.get("chunks") or ())
    segments: list[Segment]
    if kind == "ctc" and chunks:
        words = [Word(w.start, w.end, " " + w.text.strip()) for w in timed_chunks(chunks, duration)]
        segments = group_words(words)
    elif kind == "whisper" and options.timestamps == "word" and chunks:
        segments = group_words(trim_long_words(timed_chunks(chunks, duration)))
    elif chunks:
        segments = segments_from_chunks(chunks, duration)
    else:
        text = str(out.get("text") or "").strip()
        segments = [Segment(0.0, duration, text)] if text else []
    segments = offset(drop_repeats(segments), piece.start_s)
    return {
        "piece": piece.index,
        "start": round(piece.start_s, 3),
        "end": round(piece.end_s, 3),
        "language": _language(chunks, kind, options, pipe),
        "text": plain_text(segments),
        "segments": [s.to_dict() for s in segments],
    }


def _language(chunks: Sequence[Mapping[str, Any]], kind: ModelKind, options: SpeechOptions,
              pipe: Any) -> str | None:
    if options.language is not None or kind != "whisper":
        return options.language
    if not _is_multilingual(pipe):
        return "en"
    names = Counter(str(c["language"]) for c in chunks if c.get("language"))
    if not names:
        return None
    try:
        return language_code(names.most_common(1)[0][0])
    except UsageError:
        return None


class _Guarded:
    """The block stream, with a break part-way kept for the end instead of raised at once.

    The pieces before the break are still transcribed; the error follows them.
    """

    def __init__(self, blocks: Iterator[np.ndarray]) -> None:
        self._blocks = blocks
        self.damage: DamagedAudio | None = None

    def __iter__(self) -> Iterator[np.ndarray]:
        try:
            yield from self._blocks
        except DamagedAudio as exc:
            self.damage = exc


class _Progress:
    """Progress in audio time ("12:30 of 1:54:10"), never going backwards."""

    def __init__(self, control: JobControl, total_s: float | None) -> None:
        self.control = control
        self.total = total_s
        self.position = 0.0

    def at(self, seconds: float) -> None:
        self.position = max(self.position, seconds)
        if self.total:
            self.control.say(min(self.position / self.total, 0.999), messages.AUDIO_AT,
                             at=format_clock(self.position), total=format_clock(self.total))
        else:
            self.control.report(None, format_clock(self.position))

    def done(self) -> None:
        end = self.total or self.position
        self.control.say(1.0, messages.AUDIO_AT, at=format_clock(end), total=format_clock(end))
