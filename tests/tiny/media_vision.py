"""Tiny random picture models: CLIP (zero-shot), YOLOS (boxes), SegFormer (regions) and
Depth Anything (depth). None needs timm; each builds in about a second."""

from __future__ import annotations

from pathlib import Path

from tests.tiny.common import build_once

DETECTION_LABELS = ["cat", "dog", "car", "person"]
SEGMENT_LABELS = ["wall", "sky", "floor", "tree"]
CLIP_WORDS = ["a", "photo", "of", "cat", "dog", "car", "tree", "red", "blue", "green",
              "square", "this", "is", "the", "sky"]


def clip_tokenizer_parts(words: list[str]) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """A CLIP BPE vocabulary that spells any lower-case word, and merges for ``words``."""
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    vocab: dict[str, int] = {}
    for token in ["<|startoftext|>", "<|endoftext|>", *letters, *(c + "</w>" for c in letters)]:
        vocab.setdefault(token, len(vocab))
    merges: list[tuple[str, str]] = []
    for word in words:
        parts = [*word[:-1], word[-1] + "</w>"]
        while len(parts) > 1:
            merged = parts[0] + parts[1]
            if (parts[0], parts[1]) not in merges:
                merges.append((parts[0], parts[1]))
            vocab.setdefault(merged, len(vocab))
            parts = [merged, *parts[2:]]
    return vocab, merges


def _build_clip(folder: Path) -> None:
    import torch
    from transformers import (
        CLIPConfig,
        CLIPImageProcessor,
        CLIPModel,
        CLIPTextConfig,
        CLIPTokenizer,
        CLIPVisionConfig,
    )

    torch.manual_seed(0)
    vocab, merges = clip_tokenizer_parts(CLIP_WORDS)
    # transformers 5's CLIPTokenizer takes the vocabulary and merges (as pairs) directly
    tokenizer = CLIPTokenizer(vocab=vocab, merges=merges, model_max_length=32,
                              pad_token="<|endoftext|>")
    text = CLIPTextConfig(vocab_size=len(vocab), hidden_size=32, intermediate_size=64,
                          num_hidden_layers=2, num_attention_heads=2, max_position_embeddings=32,
                          projection_dim=16, bos_token_id=0, eos_token_id=1, pad_token_id=1)
    vision = CLIPVisionConfig(image_size=32, patch_size=8, hidden_size=32, intermediate_size=64,
                              num_hidden_layers=2, num_attention_heads=2, projection_dim=16)
    model = CLIPModel(CLIPConfig(text_config=text.to_dict(), vision_config=vision.to_dict(),
                                 projection_dim=16))
    with torch.no_grad():  # spread the similarities so labels do not tie
        model.text_projection.weight.normal_(0, 2.0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    CLIPImageProcessor(size={"shortest_edge": 32},
                       crop_size={"height": 32, "width": 32}).save_pretrained(folder)


def tiny_clip() -> Path:
    return build_once("clip-zero-shot-image", _build_clip)


def _build_yolos(folder: Path) -> None:
    import torch
    from transformers import YolosConfig, YolosForObjectDetection, YolosImageProcessor

    torch.manual_seed(0)
    labels = DETECTION_LABELS
    config = YolosConfig(image_size=[32, 32], patch_size=8, hidden_size=32, num_hidden_layers=2,
                         num_attention_heads=2, intermediate_size=64, num_detection_tokens=6,
                         num_labels=len(labels), id2label=dict(enumerate(labels)),
                         label2id={label: i for i, label in enumerate(labels)})
    model = YolosForObjectDetection(config)
    with torch.no_grad():  # distinct detection tokens and confident classes: varied boxes
        model.vit.embeddings.detection_tokens.normal_(0, 1.0)
        model.class_labels_classifier.layers[-1].weight.normal_(0, 40.0)
        bias = model.class_labels_classifier.layers[-1].bias
        bias.normal_(0, 1.0)
        bias[-1] = -4.0  # the "no object" class: rarely chosen, so boxes pass a 0.5 threshold
        model.bbox_predictor.layers[-1].weight.normal_(0, 25.0)
    model.save_pretrained(folder)
    YolosImageProcessor(size={"shortest_edge": 32, "longest_edge": 64}).save_pretrained(folder)


def tiny_yolos() -> Path:
    return build_once("yolos-object-detection", _build_yolos)


def _build_segformer(folder: Path) -> None:
    import torch
    from transformers import (
        SegformerConfig,
        SegformerForSemanticSegmentation,
        SegformerImageProcessor,
    )

    torch.manual_seed(0)
    labels = SEGMENT_LABELS
    config = SegformerConfig(num_channels=3, num_encoder_blocks=2, depths=[1, 1], sr_ratios=[2, 1],
                             hidden_sizes=[8, 16], patch_sizes=[7, 3], strides=[4, 2],
                             num_attention_heads=[1, 1], mlp_ratios=[2, 2],
                             decoder_hidden_size=16, num_labels=len(labels),
                             id2label=dict(enumerate(labels)),
                             label2id={label: i for i, label in enumerate(labels)})
    model = SegformerForSemanticSegmentation(config)
    with torch.no_grad():  # several regions rather than one label everywhere
        model.decode_head.classifier.weight.normal_(0, 3.0)
    model.save_pretrained(folder)
    SegformerImageProcessor(size={"height": 32, "width": 32}).save_pretrained(folder)


def tiny_segformer() -> Path:
    return build_once("segformer-image-segmentation", _build_segformer)


def _build_depth_anything(folder: Path) -> None:
    import torch
    from transformers import (
        DepthAnythingConfig,
        DepthAnythingForDepthEstimation,
        Dinov2Config,
        DPTImageProcessor,
    )

    torch.manual_seed(0)
    # a DINOv2 backbone (no timm); Depth Anything's neck wants unreshaped hidden states
    backbone = Dinov2Config(image_size=28, patch_size=14, hidden_size=16, num_hidden_layers=2,
                            num_attention_heads=2, mlp_ratio=2, out_features=["stage1", "stage2"],
                            reshape_hidden_states=False)
    config = DepthAnythingConfig(backbone_config=backbone.to_dict(), reassemble_hidden_size=16,
                                 patch_size=14, neck_hidden_sizes=[8, 16],
                                 reassemble_factors=[2, 1], fusion_hidden_size=16,
                                 head_hidden_size=8)
    model = DepthAnythingForDepthEstimation(config)
    model.save_pretrained(folder)
    DPTImageProcessor(size={"height": 28, "width": 28}, keep_aspect_ratio=True,
                      ensure_multiple_of=14, do_pad=False).save_pretrained(folder)


def tiny_depth_anything() -> Path:
    return build_once("depth-anything-depth-estimation", _build_depth_anything)
