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
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import (
        GenerationConfig,
        WhisperConfig,
        WhisperFeatureExtractor,
        WhisperForConditionalGeneration,
        WhisperProcessor,
        WhisperTokenizer,
    )
    from transformers.models.whisper.tokenization_whisper import LANGUAGES

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator([_TRAINING_TEXT] * 4, vocab_size=400, min_frequency=1,
                            show_progress=False)
    vocab = bpe.get_vocab()
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m)
              for m in _merges_of(bpe)]
    tokenizer = WhisperTokenizer(vocab=vocab, merges=merges, model_max_length=448)
    specials = ["<|endoftext|>", "<|startoftranscript|>",
                *[f"<|{code}|>" for code in LANGUAGES],
                "<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>",
                "<|nospeech|>", "<|notimestamps|>"]
    tokenizer.add_special_tokens({"additional_special_tokens": specials[2:]})
    tokenizer.add_special_tokens({"eos_token": "<|endoftext|>", "bos_token": "<|endoftext|>",
                                  "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>"})
    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in specials}
    no_ts = ids["<|notimestamps|>"]
    assert no_ts == max(tokenizer.all_special_ids), "<|notimestamps|> must be the top special"
    tokenizer.add_tokens([f"<|{i * 0.02:.2f}|>" for i in range(1501)])
    tokenizer.set_prefix_tokens(language=None, task=None, predict_timestamps=False)

    eot, sot = ids["<|endoftext|>"], ids["<|startoftranscript|>"]
    config = WhisperConfig(
        vocab_size=len(tokenizer), num_mel_bins=80, d_model=32, encoder_layers=1,
        decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2,
        encoder_ffn_dim=64, decoder_ffn_dim=64, max_source_positions=1500,
        max_target_positions=448, pad_token_id=eot, bos_token_id=eot, eos_token_id=eot,
        decoder_start_token_id=sot, begin_suppress_tokens=None, suppress_tokens=None,
    )
    torch.manual_seed(0)
    model = WhisperForConditionalGeneration(config).eval()
    generation = GenerationConfig(
        decoder_start_token_id=sot, eos_token_id=eot, pad_token_id=eot, bos_token_id=eot,
        max_length=448,
    )
    generation.lang_to_id = {f"<|{code}|>": ids[f"<|{code}|>"] for code in LANGUAGES}
    generation.task_to_id = {"transcribe": ids["<|transcribe|>"],
                             "translate": ids["<|translate|>"]}
    generation.no_timestamps_token_id = no_ts
    generation.prev_sot_token_id = ids["<|startofprev|>"]
    generation.is_multilingual = True
    generation.alignment_heads = [[0, 0], [0, 1]]
    generation.begin_suppress_tokens = [eot]
    generation.suppress_tokens = []
    generation.return_timestamps = False
    model.generation_config = generation

    model.save_pretrained(out)
    processor = WhisperProcessor(WhisperFeatureExtractor(feature_size=80), tokenizer)
    processor.save_pretrained(out)


def _merges_of(bpe: object) -> list[str]:
    import json

    state = json.loads(bpe._tokenizer.to_str())  # type: ignore[attr-defined]
    merges: list[str] = state["model"]["merges"]
    return [m if isinstance(m, str) else " ".join(m) for m in merges]


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
