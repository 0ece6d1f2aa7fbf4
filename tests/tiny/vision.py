"""A tiny random ViT image classifier with readable labels."""

from __future__ import annotations

from pathlib import Path

from tests.tiny.common import build_once

LABELS = ["cat", "dog", "invoice", "landscape", "car", "flower", "person", "food"]


def _build(folder: Path) -> None:
    import torch
    from transformers import ViTConfig, ViTForImageClassification, ViTImageProcessor

    torch.manual_seed(0)
    config = ViTConfig(image_size=32, patch_size=8, num_channels=3, hidden_size=32,
                       num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                       num_labels=len(LABELS),
                       id2label=dict(enumerate(LABELS)),
                       label2id={label: i for i, label in enumerate(LABELS)})
    model = ViTForImageClassification(config)
    with torch.no_grad():  # spread the logits so the ranking is not a tie
        model.classifier.weight.normal_(0, 2.0)
    model.save_pretrained(folder)
    ViTImageProcessor(size={"height": 32, "width": 32}).save_pretrained(folder)


def tiny_vit() -> Path:
    return build_once("vit-image-classification", _build)
