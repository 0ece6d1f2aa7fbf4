"""Tiny random models laid out like Hub repos, for the fake Hub in ``tests/fakehub.py``.

The real Hub is unreachable from CI, so the model picker's download path is tested against
a loopback server that serves these folders. Each is a real ``save_pretrained`` folder that
``transformers.pipeline`` loads; outputs are garbage by design. The text classifier is made
a little wider than it needs to be so that its weights (about 1.8 MB) arrive in several
chunks: progress, cancel and resume need more than one chunk to be observable. Folders are
built once per transformers version and reused.
"""

from __future__ import annotations

import os
import string
import tempfile
from collections.abc import Callable
from pathlib import Path

_WORDS = (
    "the a an is was this that it good bad great terrible movie film book food service "
    "love hate like really very not no yes and or but i you we they he she happy sad"
)


def _cache_root() -> Path:
    import transformers

    base = os.environ.get("PIPEDECK_TEST_CACHE") or Path.home() / ".cache" / "pipedeck-tests"
    return Path(base) / transformers.__version__ / "hub-models"


def _vocab() -> dict[str, int]:
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = list(string.ascii_lowercase + string.digits + string.punctuation)
    pieces = [f"##{c}" for c in string.ascii_lowercase + string.digits]
    tokens: list[str] = []
    for token in [*specials, *chars, *pieces, *_WORDS.split()]:
        if token not in tokens:
            tokens.append(token)
    # Padding rows make the embedding matrix (hence the weights file) big enough to span
    # several download chunks.
    tokens += [f"[unused{i}]" for i in range(1000 - len(tokens))]
    return {token: i for i, token in enumerate(tokens)}


def _build_once(name: str, build: Callable[[Path], None]) -> Path:
    """Build into a scratch folder and rename it into place, so a crash leaves no half folder."""
    folder = _cache_root() / name
    if (folder / "config.json").exists() and (folder / "model.safetensors").exists():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        out = Path(scratch) / "model"
        build(out)
        try:
            out.rename(folder)
        except OSError:
            if not (folder / "model.safetensors").exists():  # another process won the race
                raise
    return folder


def _build_text_classifier(out: Path) -> None:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    tokenizer = BertTokenizer(vocab=_vocab(), do_lower_case=True, model_max_length=128)
    config = BertConfig(
        vocab_size=len(tokenizer), hidden_size=128, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=256, max_position_embeddings=128, pad_token_id=tokenizer.pad_token_id,
        num_labels=2, id2label={0: "NEGATIVE", 1: "POSITIVE"},
        label2id={"NEGATIVE": 0, "POSITIVE": 1},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config).eval()
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)


def _build_image_classifier(out: Path) -> None:
    import torch
    from transformers import ViTConfig, ViTForImageClassification, ViTImageProcessor

    config = ViTConfig(
        image_size=32, patch_size=8, num_channels=3, hidden_size=32, num_hidden_layers=2,
        num_attention_heads=2, intermediate_size=64, num_labels=3,
        id2label={0: "cat", 1: "dog", 2: "bird"}, label2id={"cat": 0, "dog": 1, "bird": 2},
    )
    torch.manual_seed(0)
    model = ViTForImageClassification(config).eval()
    model.save_pretrained(out)
    ViTImageProcessor(size={"height": 32, "width": 32}).save_pretrained(out)


def text_classifier() -> Path:
    """A tiny random BERT sentiment classifier (labels NEGATIVE/POSITIVE), ~1.8 MB of weights."""
    return _build_once("bert-text-classifier-random", _build_text_classifier)


def image_classifier() -> Path:
    """A tiny random ViT image classifier over 32x32 images (labels cat/dog/bird)."""
    return _build_once("vit-image-classifier-random", _build_image_classifier)


def pickle_weights(folder: Path) -> bytes:
    """The folder's weights as a PyTorch pickle (``pytorch_model.bin``), the legacy format.

    Served beside (or instead of) ``model.safetensors`` to prove the downloader never
    fetches pickles when safetensors exist and asks before fetching them otherwise.
    """
    cached = folder.parent / f"{folder.name}.pytorch_model.bin"
    if not cached.exists():
        import io

        import torch
        from safetensors.torch import load_file

        buffer = io.BytesIO()
        torch.save(load_file(folder / "model.safetensors"), buffer)
        cached.write_bytes(buffer.getvalue())
    return cached.read_bytes()
