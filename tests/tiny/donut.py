"""A tiny random Donut (OCR-free document QA), built locally for tests.

Donut reads the page image and generates ``<s_answer>...</s_answer>``: no words, no boxes,
no scores. The random model's output is garbage; tests only check that the OCR-free path
runs the real pipeline without tesseract. Built once per transformers version.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_SPECIALS = ["<pad>", "<s>", "</s>", "<unk>", "<s_docvqa>", "<s_question>", "</s_question>",
             "<s_answer>", "</s_answer>"]
_WORDS_TEXT = "what is the invoice number total amount due eur inv 2024 0042 1,234.50 acme ?"


def _cache_root() -> Path:
    import transformers

    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    return Path(base) / transformers.__version__


def donut_docqa() -> Path:
    """The folder of the tiny Donut document-QA model, built on first use."""
    folder = _cache_root() / "donut-docqa-random"
    if (folder / "config.json").exists() and (folder / "model.safetensors").exists():
        return folder
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import (
        DonutSwinConfig,
        DonutSwinModel,
        MBartConfig,
        MBartForCausalLM,
        PreTrainedTokenizerFast,
        VisionEncoderDecoderModel,
    )

    vocab = {token: i for i, token in enumerate([*_SPECIALS, *_WORDS_TEXT.split()])}
    backend = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend, bos_token="<s>", eos_token="</s>", pad_token="<pad>",
        unk_token="<unk>", additional_special_tokens=_SPECIALS[4:], model_max_length=64)
    torch.manual_seed(0)
    encoder = DonutSwinModel(DonutSwinConfig(
        image_size=[64, 64], patch_size=4, embed_dim=16, depths=[1, 1], num_heads=[1, 1],
        window_size=4))
    decoder = MBartForCausalLM(MBartConfig(
        vocab_size=len(vocab), d_model=16, decoder_layers=1, decoder_attention_heads=2,
        decoder_ffn_dim=32, encoder_layers=1, max_position_embeddings=64,
        add_cross_attention=True, is_decoder=True, pad_token_id=vocab["<pad>"],
        bos_token_id=vocab["<s>"], eos_token_id=vocab["</s>"], scale_embedding=True))
    model = VisionEncoderDecoderModel(encoder=encoder, decoder=decoder).eval()
    model.config.decoder_start_token_id = vocab["<s>"]
    model.config.pad_token_id = vocab["<pad>"]
    model.config.eos_token_id = vocab["</s>"]
    model.generation_config.decoder_start_token_id = vocab["<s>"]
    model.generation_config.pad_token_id = vocab["<pad>"]
    model.generation_config.eos_token_id = vocab["</s>"]
    model.generation_config.max_new_tokens = 6  # a random decoder never stops by itself
    try:  # the Pillow backend, so torchvision is not needed
        from transformers import DonutImageProcessorPil as DonutImageProcessor
    except ImportError:
        from transformers import DonutImageProcessor  # type: ignore[assignment]
    processor = DonutImageProcessor(size={"height": 64, "width": 64}, do_align_long_axis=False)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        out = Path(scratch) / "model"
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
        processor.save_pretrained(out)
        try:
            out.rename(folder)
        except OSError:
            if not (folder / "model.safetensors").exists():
                raise
    return folder
