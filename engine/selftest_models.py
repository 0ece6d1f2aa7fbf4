"""Tiny random models for ``pipedeck --self-test``, built from configs in about a second.

The self-test has to prove that an installed copy (above all a frozen bundle) can load
and run every task's pipeline, with no network and no downloaded weights. So it builds
small randomly initialised models of the same architectures the app uses (ViT; BERTs for
zero-shot, text classification, entities, gaps and embeddings; GPT-2, Whisper, LayoutLM),
saves them with ``save_pretrained`` and lets the ordinary loader open them. Their outputs
are nonsense by design; only whether results come back matters. The recipes mirror
``tests/tiny/`` (the engine may not import tests).
"""

from __future__ import annotations

import string
from collections.abc import Callable
from pathlib import Path
from typing import Any

Builder = Callable[[Path], None]

_WORDS = ["this", "example", "is", "the", "a", "phone", "tablet", "computer", "urgent", "not",
          "battery", "broke", "my", "screen", "order", "new", "sports", "politics", "cooking",
          "weather", "today", "good", "bad", "movie", "great", "hello", "world", "morning",
          "self", "test", "pipedeck", "walk", "park", "invoice", "send", "week"]

_SPEECH_TEXT = """
Good morning everyone. Today we will talk about the weather in the mountains.
Welcome to the weekly meeting of the garden club. Thank you for listening.
The quick brown fox jumps over the lazy dog. Numbers 0 1 2 3 4 5 6 7 8 9.
"""

_INVOICE_WORDS = """
what is the invoice number total amount due date of to from bill ship customer vendor
tax vat subtotal balance paid payment terms net days order reference account bank
qty quantity description unit price item items page phone email address road city
eur usd gbp sum grand discount shipping delivery thank you for your business
"""


def _transformers() -> Any:
    """transformers, untyped: its stubs reject config keywords it accepts (``num_labels``)."""
    import transformers

    return transformers


def _wordpiece_vocab(words: list[str]) -> dict[str, int]:
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars = list(string.ascii_lowercase + string.digits + string.punctuation)
    pieces = ["##" + ch for ch in chars]
    tokens = list(dict.fromkeys(specials + chars + pieces + words))
    return {token: index for index, token in enumerate(tokens)}


def build_vit(folder: Path) -> None:
    """Image classification: ViT on 32×32 inputs with readable labels."""
    import torch

    hf = _transformers()
    labels = ["cat", "dog", "invoice", "landscape", "car", "flower", "person", "food"]
    torch.manual_seed(0)
    config = hf.ViTConfig(image_size=32, patch_size=8, num_channels=3, hidden_size=32,
                          num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                          num_labels=len(labels), id2label=dict(enumerate(labels)),
                          label2id={label: i for i, label in enumerate(labels)})
    model = hf.ViTForImageClassification(config)
    with torch.no_grad():  # spread the logits so the ranking is not a tie
        model.classifier.weight.normal_(0, 2.0)
    model.save_pretrained(folder)
    hf.ViTImageProcessor(size={"height": 32, "width": 32}).save_pretrained(folder)


def _build_bert(folder: Path, head: str, labels: list[str] | None = None) -> Any:
    """A tiny BERT of the ``head`` class (``BertForSequenceClassification``...), its WordPiece
    tokenizer saved in ``folder``; returns the model for a head-specific touch and saving."""
    import torch

    hf = _transformers()
    torch.manual_seed(0)
    tokenizer = hf.BertTokenizer(vocab=_wordpiece_vocab(_WORDS), model_max_length=128)
    named = {} if labels is None else {
        "num_labels": len(labels), "id2label": dict(enumerate(labels)),
        "label2id": {label: i for i, label in enumerate(labels)}}
    config = hf.BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32,
                           num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                           max_position_embeddings=128, **named)
    model = getattr(hf, head)(config)
    if labels is not None:
        with torch.no_grad():  # spread the scores so that rankings are not ties
            model.classifier.weight.normal_(0, 3.0)
    tokenizer.save_pretrained(folder)
    return model


def build_nli(folder: Path) -> None:
    """Zero-shot classification: a BERT with the three NLI labels the pipeline looks for."""
    _build_bert(folder, "BertForSequenceClassification",
                ["contradiction", "neutral", "entailment"]).save_pretrained(folder)


def build_sentiment(folder: Path) -> None:
    """Text classification: a BERT with two labels."""
    _build_bert(folder, "BertForSequenceClassification",
                ["NEGATIVE", "POSITIVE"]).save_pretrained(folder)


def build_ner(folder: Path) -> None:
    """Named entities: a BERT token classifier whose "O" never wins, so entities come back."""
    import torch

    model = _build_bert(folder, "BertForTokenClassification",
                        ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"])
    with torch.no_grad():
        model.classifier.bias.zero_()
        model.classifier.bias[0] = -50.0
    model.save_pretrained(folder)


def build_mlm(folder: Path) -> None:
    """Fill the gap: a BERT masked language model."""
    import torch

    model = _build_bert(folder, "BertForMaskedLM")
    with torch.no_grad():  # spread the word scores so that the suggestions are not ties
        model.cls.predictions.decoder.weight.normal_(0, 2.0)
    model.save_pretrained(folder)


def build_encoder(folder: Path) -> None:
    """Embeddings: a bare BERT encoder."""
    _build_bert(folder, "BertModel").save_pretrained(folder)


def build_lm(folder: Path) -> None:
    """Text generation: GPT-2 with a byte-level BPE and a chat template."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    hf = _transformers()
    torch.manual_seed(0)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["<|endoftext|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  show_progress=False)
    tok.train_from_iterator([" ".join(_WORDS)] * 20, trainer)
    tokenizer = hf.PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>",
                                           bos_token="<|endoftext|>", pad_token="<|endoftext|>",
                                           model_max_length=256)
    tokenizer.chat_template = (
        "{% for m in messages %}<|endoftext|>{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}"
        "{% if add_generation_prompt %}assistant: {% endif %}")
    config = hf.GPT2Config(vocab_size=len(tokenizer), n_positions=256, n_embd=32, n_layer=2,
                           n_head=2, bos_token_id=tokenizer.bos_token_id,
                           eos_token_id=tokenizer.eos_token_id)
    model = hf.GPT2LMHeadModel(config)
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def build_whisper(folder: Path, text: str = _SPEECH_TEXT) -> None:
    """Speech recognition: a multilingual Whisper laid out exactly like openai/whisper-*.

    ``<|notimestamps|>`` must be the highest special id with the 1,501 timestamp tokens
    right after it, and the generation config needs ``lang_to_id``, ``task_to_id`` and
    ``alignment_heads``, or the pipeline's language, translation and word-time paths fail.
    ``text`` trains the byte-level BPE vocabulary (the tests use their own).
    """
    import json

    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers.models.whisper.tokenization_whisper import LANGUAGES

    hf = _transformers()
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator([text] * 4, vocab_size=400, min_frequency=1,
                            show_progress=False)
    state = json.loads(bpe._tokenizer.to_str())
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m)
              for m in state["model"]["merges"]]
    tokenizer = hf.WhisperTokenizer(vocab=bpe.get_vocab(), merges=merges, model_max_length=448)
    specials = ["<|endoftext|>", "<|startoftranscript|>",
                *[f"<|{code}|>" for code in LANGUAGES],
                "<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>",
                "<|nospeech|>", "<|notimestamps|>"]
    tokenizer.add_special_tokens({"additional_special_tokens": specials[2:]})
    tokenizer.add_special_tokens({"eos_token": "<|endoftext|>", "bos_token": "<|endoftext|>",
                                  "unk_token": "<|endoftext|>", "pad_token": "<|endoftext|>"})
    ids = {token: tokenizer.convert_tokens_to_ids(token) for token in specials}
    if ids["<|notimestamps|>"] != max(tokenizer.all_special_ids):
        raise RuntimeError("<|notimestamps|> must be the highest special token id")
    tokenizer.add_tokens([f"<|{i * 0.02:.2f}|>" for i in range(1501)])
    tokenizer.set_prefix_tokens(language=None, task=None, predict_timestamps=False)
    eot, sot = ids["<|endoftext|>"], ids["<|startoftranscript|>"]
    config = hf.WhisperConfig(
        vocab_size=len(tokenizer), num_mel_bins=80, d_model=32, encoder_layers=1,
        decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2,
        encoder_ffn_dim=64, decoder_ffn_dim=64, max_source_positions=1500,
        max_target_positions=448, pad_token_id=eot, bos_token_id=eot, eos_token_id=eot,
        decoder_start_token_id=sot, begin_suppress_tokens=None, suppress_tokens=None)
    torch.manual_seed(0)
    model = hf.WhisperForConditionalGeneration(config).eval()
    generation = hf.GenerationConfig(decoder_start_token_id=sot, eos_token_id=eot,
                                     pad_token_id=eot, bos_token_id=eot, max_length=448)
    generation.lang_to_id = {f"<|{code}|>": ids[f"<|{code}|>"] for code in LANGUAGES}
    generation.task_to_id = {"transcribe": ids["<|transcribe|>"],
                             "translate": ids["<|translate|>"]}
    generation.no_timestamps_token_id = ids["<|notimestamps|>"]
    generation.prev_sot_token_id = ids["<|startofprev|>"]
    generation.is_multilingual = True
    generation.alignment_heads = [[0, 0], [0, 1]]
    generation.begin_suppress_tokens = [eot]
    generation.suppress_tokens = []
    generation.return_timestamps = False
    model.generation_config = generation
    model.save_pretrained(folder)
    features = hf.WhisperFeatureExtractor(feature_size=80)
    hf.WhisperProcessor(features, tokenizer).save_pretrained(folder)


def build_layoutlm(folder: Path) -> None:
    """Document question answering: LayoutLM (v1) reading words plus boxes from OCR."""
    import torch

    hf = _transformers()
    vocab = _wordpiece_vocab(_INVOICE_WORDS.split())
    tokenizer = hf.BertTokenizer(vocab=vocab, do_lower_case=True, model_max_length=512)
    config = hf.LayoutLMConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                               num_attention_heads=2, intermediate_size=64,
                               max_position_embeddings=512, max_2d_position_embeddings=1024,
                               pad_token_id=tokenizer.pad_token_id)
    torch.manual_seed(0)
    hf.LayoutLMForQuestionAnswering(config).eval().save_pretrained(folder)
    tokenizer.save_pretrained(folder)


#: Task id -> builder of a tiny model that task's pipeline can load.
BUILDERS: dict[str, Builder] = {
    "automatic-speech-recognition": build_whisper,
    "document-question-answering": build_layoutlm,
    "image-classification": build_vit,
    "zero-shot-classification": build_nli,
    "text-generation": build_lm,
    "text-classification": build_sentiment,
    "token-classification": build_ner,
    "fill-mask": build_mlm,
    "feature-extraction": build_encoder,
}


def build(task_id: str, root: Path) -> Path:
    """The folder of ``task_id``'s tiny model under ``root``, built unless already there."""
    folder = root / task_id
    if (folder / "config.json").is_file() and (folder / "model.safetensors").is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    BUILDERS[task_id](folder)
    return folder
