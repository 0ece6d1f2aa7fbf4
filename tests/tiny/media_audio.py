"""Tiny random sound models: AST (audio classification) and VITS (text to speech)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.tiny.common import build_once

SOUND_LABELS = ["Speech", "Music", "Dog", "Silence", "Vehicle", "Bird"]


def _build_ast(folder: Path) -> None:
    import torch
    from transformers import ASTConfig, ASTFeatureExtractor, ASTForAudioClassification

    torch.manual_seed(0)
    labels = SOUND_LABELS
    # max_length 128 frames = 1.28 s a window; 32 mel bins keep it small
    config = ASTConfig(hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                       intermediate_size=64, patch_size=16, frequency_stride=16, time_stride=16,
                       max_length=128, num_mel_bins=32, num_labels=len(labels),
                       id2label=dict(enumerate(labels)),
                       label2id={label: i for i, label in enumerate(labels)})
    model = ASTForAudioClassification(config)
    with torch.no_grad():  # varied, not saturated, scores
        model.classifier.dense.weight.normal_(0, 0.5)
    model.save_pretrained(folder)
    ASTFeatureExtractor(num_mel_bins=32, max_length=128).save_pretrained(folder)


def tiny_ast() -> Path:
    return build_once("ast-audio-classification", _build_ast)


def _build_vits(folder: Path) -> None:
    import torch
    from transformers import VitsConfig, VitsModel, VitsTokenizer

    torch.manual_seed(0)
    # characters, as facebook/mms-tts-eng: no phonemizer, no uroman needed offline
    symbols = ["<pad>", " ", "'", *(chr(c) for c in range(ord("a"), ord("z") + 1)), "<unk>"]
    vocab_file = folder / "vocab.json"
    vocab_file.write_text(json.dumps({s: i for i, s in enumerate(symbols)}), encoding="utf-8")
    tokenizer = VitsTokenizer(vocab_file=str(vocab_file), language="eng", add_blank=True,
                              normalize=True, phonemize=False)
    config = VitsConfig(vocab_size=len(symbols), hidden_size=16, num_hidden_layers=2,
                        num_attention_heads=2, ffn_dim=32, flow_size=8, spectrogram_bins=17,
                        upsample_initial_channel=16, upsample_rates=[4, 4],
                        upsample_kernel_sizes=[8, 8], resblock_kernel_sizes=[3],
                        resblock_dilation_sizes=[[1, 3]], prior_encoder_num_flows=2,
                        prior_encoder_num_wavenet_layers=1, posterior_encoder_num_wavenet_layers=1,
                        duration_predictor_num_flows=2, duration_predictor_filter_channels=16,
                        depth_separable_num_layers=2, sampling_rate=16000)
    VitsModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_vits() -> Path:
    return build_once("vits-text-to-audio", _build_vits)
