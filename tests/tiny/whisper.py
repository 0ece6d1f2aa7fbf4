"""A tiny random multilingual Whisper, built locally for the speech tests.

The real ``automatic-speech-recognition`` pipeline runs over it exactly as over
openai/whisper-*: same tokenizer layout (byte-level BPE, special tokens with
``<|notimestamps|>`` the highest special id, then the 1,501 timestamp tokens), same
generation config keys (``lang_to_id``, ``task_to_id``, ``no_timestamps_token_id``,
``alignment_heads``), same 80-bin features and 1,500 encoder positions. Its text is
garbage and it never ends on its own: tests cap ``max_new_tokens`` and assert structure.
The folder is built once per transformers version and reused.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_TRAINING_TEXT = """
Good morning everyone. Today we will talk about the weather in the mountains.
Welcome to the weekly meeting of the garden club. Thank you for listening.
The quick brown fox jumps over the lazy dog. Numbers 0 1 2 3 4 5 6 7 8 9.
Bonjour tout le monde. Guten Morgen. Buenos días. Questions? Yes! No, no.
"""


def _cache_root() -> Path:
    import transformers

    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    return Path(base) / transformers.__version__


def _build(out: Path) -> None:
    from engine.selftest_models import build_whisper

    build_whisper(out, text=_TRAINING_TEXT)


def whisper_tiny_random() -> Path:
    """The folder of the tiny random Whisper, built on first use (about a second)."""
    folder = _cache_root() / "whisper-tiny-random"
    if (folder / "config.json").exists() and (folder / "model.safetensors").exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        out = Path(scratch) / "model"
        _build(out)
        try:
            out.rename(folder)
        except OSError:
            if not (folder / "model.safetensors").exists():  # another process won the race
                raise
    return folder
