"""A tiny random LayoutLM (v1) for document question answering, built locally.

No real document-QA weights can be fetched offline, so tests run the real
``document-question-answering`` pipeline over a randomly initialised model with a small
WordPiece vocabulary that covers invoice words. Its answers are garbage by design: tests
assert structure (keys, pages, boxes, ordering), never values. The folder is built once
per transformers version and reused.
"""

from __future__ import annotations

import os
import string
import tempfile
from pathlib import Path

_WORDS_TEXT = """
what is the invoice number total amount due date of to from bill ship customer vendor
tax vat subtotal balance paid payment terms net days order reference account iban bank
qty quantity description unit price item items page phone email address street road
city country postcode zip purchase po no id name company ltd inc gmbh sarl llc
january february march april may june july august september october november december
eur usd gbp chf sum grand discount shipping delivery thank you for your business
who when how much where which issued seller buyer supplier client consulting services
"""


def _cache_root() -> Path:
    import transformers

    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    return Path(base) / transformers.__version__


def _vocab() -> list[str]:
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = list(string.ascii_lowercase + string.digits + string.punctuation + "€£¥")
    pieces = [f"##{c}" for c in string.ascii_lowercase + string.digits + string.punctuation]
    seen: set[str] = set()
    vocab: list[str] = []
    for token in [*specials, *chars, *pieces, *_WORDS_TEXT.split()]:
        if token not in seen:
            seen.add(token)
            vocab.append(token)
    return vocab


def layoutlm_docqa() -> Path:
    """The folder of the tiny LayoutLM document-QA model, built on first use."""
    folder = _cache_root() / "layoutlm-docqa-random"
    if (folder / "config.json").exists() and (folder / "model.safetensors").exists():
        return folder
    import torch
    from transformers import BertTokenizer, LayoutLMConfig, LayoutLMForQuestionAnswering

    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        vocab = {token: i for i, token in enumerate(_vocab())}
        tokenizer = BertTokenizer(vocab=vocab, do_lower_case=True, model_max_length=512)
        config = LayoutLMConfig(
            vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
            num_attention_heads=2, intermediate_size=64, max_position_embeddings=512,
            max_2d_position_embeddings=1024, pad_token_id=tokenizer.pad_token_id,
        )
        torch.manual_seed(0)
        model = LayoutLMForQuestionAnswering(config).eval()
        out = Path(scratch) / "model"
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
        try:
            out.rename(folder)
        except OSError:
            if not (folder / "model.safetensors").exists():  # another process won the race
                raise
    return folder
