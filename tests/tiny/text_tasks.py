"""Tiny random models for the text tasks: sentiment, entities, fill-mask, embeddings, tables.

All share one small WordPiece vocabulary (BERT's fast tokenizer gives character offsets,
which entity highlighting needs); TAPAS has its own slow tokenizer built from a vocab file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.tiny.common import build_once, wordpiece_vocab

WORDS = ["the", "a", "is", "of", "in", "and", "to", "was", "this", "movie", "film", "great",
         "good", "bad", "awful", "loved", "hated", "it", "paris", "france", "capital", "city",
         "john", "smith", "lives", "works", "at", "google", "london", "berlin", "anna",
         "how", "many", "what", "which", "who", "has", "most", "stars", "total", "sum",
         "repository", "transformers", "datasets", "tokenizers", "python", "rust", "name",
         "age", "people", "country", "population"]
ENTITY_LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def _tokenizer() -> Any:
    from transformers import BertTokenizer

    # transformers 5 ignores a vocab_file argument: pass the vocabulary itself
    vocab = {token: i for i, token in enumerate(wordpiece_vocab(WORDS))}
    return BertTokenizer(vocab=vocab, model_max_length=128)


def _config(tokenizer: Any, **extra: Any) -> Any:
    from transformers import BertConfig

    return BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                      num_attention_heads=2, intermediate_size=64, max_position_embeddings=128,
                      **extra)


def _build_sentiment(folder: Path) -> None:
    import torch
    from transformers import BertForSequenceClassification

    torch.manual_seed(0)
    tokenizer = _tokenizer()
    labels = ["NEGATIVE", "POSITIVE"]
    model = BertForSequenceClassification(_config(
        tokenizer, num_labels=2, id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)}))
    with torch.no_grad():  # perturbed so the two labels get different scores
        model.classifier.weight.normal_(0, 3.0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_sentiment() -> Path:
    return build_once("bert-text-classification", _build_sentiment)


def _build_ner(folder: Path) -> None:
    import torch
    from transformers import BertForTokenClassification

    torch.manual_seed(0)
    tokenizer = _tokenizer()
    model = BertForTokenClassification(_config(
        tokenizer, num_labels=len(ENTITY_LABELS), id2label=dict(enumerate(ENTITY_LABELS)),
        label2id={label: i for i, label in enumerate(ENTITY_LABELS)}))
    with torch.no_grad():  # "O" never wins, so every word is part of some entity
        model.classifier.weight.normal_(0, 3.0)
        model.classifier.bias.zero_()
        model.classifier.bias[0] = -50.0
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_ner() -> Path:
    return build_once("bert-token-classification", _build_ner)


def _build_mlm(folder: Path) -> None:
    import torch
    from transformers import BertForMaskedLM

    torch.manual_seed(0)
    tokenizer = _tokenizer()
    model = BertForMaskedLM(_config(tokenizer))
    with torch.no_grad():
        model.cls.predictions.decoder.weight.normal_(0, 2.0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_mlm() -> Path:
    return build_once("bert-fill-mask", _build_mlm)


def _build_encoder(folder: Path) -> None:
    import torch
    from transformers import BertModel

    torch.manual_seed(0)
    tokenizer = _tokenizer()
    BertModel(_config(tokenizer)).save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_encoder() -> Path:
    return build_once("bert-feature-extraction", _build_encoder)


def _build_tapas(folder: Path) -> None:
    import torch
    from transformers import TapasConfig, TapasForQuestionAnswering, TapasTokenizer

    torch.manual_seed(0)
    vocab = wordpiece_vocab(["[EMPTY]", *WORDS])
    vocab_file = folder / "vocab.txt"
    vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = TapasTokenizer(vocab_file=str(vocab_file), model_max_length=256)
    aggregations = {0: "NONE", 1: "SUM", 2: "AVERAGE", 3: "COUNT"}
    config = TapasConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                         num_attention_heads=2, intermediate_size=64,
                         max_position_embeddings=256, num_aggregation_labels=4,
                         aggregation_labels=aggregations, no_aggregation_label_index=0,
                         select_one_column=True, allow_empty_column_selection=False)
    model = TapasForQuestionAnswering(config)
    with torch.no_grad():  # some cells are selected, and the aggregator varies by question
        model.output_weights.normal_(0, 3.0)
        model.aggregation_classifier.weight.normal_(0, 3.0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_tapas() -> Path:
    return build_once("tapas-table-question-answering", _build_tapas)
