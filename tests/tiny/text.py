"""Tiny random text models: an NLI classifier for zero-shot, a causal LM for generation."""

from __future__ import annotations

from pathlib import Path

from tests.tiny.common import build_once, wordpiece_vocab

WORDS = ["this", "example", "is", "the", "a", "phone", "tablet", "computer", "urgent", "not",
         "battery", "broke", "my", "screen", "order", "new", "sports", "politics", "cooking",
         "weather", "today", "good", "bad", "movie", "great", "hello", "world"]


def _build_nli(folder: Path) -> None:
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    torch.manual_seed(0)
    # transformers 5 ignores a vocab_file argument: pass the vocabulary itself
    vocab = {token: i for i, token in enumerate(wordpiece_vocab(WORDS))}
    tokenizer = BertTokenizer(vocab=vocab, model_max_length=128)
    labels = ["contradiction", "neutral", "entailment"]
    config = BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128,
                        num_labels=3, id2label=dict(enumerate(labels)),
                        label2id={label: i for i, label in enumerate(labels)})
    model = BertForSequenceClassification(config)
    with torch.no_grad():  # perturbed so different labels get different scores
        model.classifier.weight.normal_(0, 3.0)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_nli() -> Path:
    return build_once("bert-nli-zero-shot", _build_nli)


def _build_lm(folder: Path) -> None:
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    torch.manual_seed(0)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    from tokenizers import decoders

    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=["<|endoftext|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator([" ".join(WORDS)] * 20, trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>",
                                        bos_token="<|endoftext|>", pad_token="<|endoftext|>",
                                        model_max_length=256)
    tokenizer.chat_template = (
        "{% for m in messages %}<|endoftext|>{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}"
        "{% if add_generation_prompt %}assistant: {% endif %}")
    config = GPT2Config(vocab_size=len(tokenizer), n_positions=256, n_embd=32, n_layer=2,
                        n_head=2, bos_token_id=tokenizer.bos_token_id,
                        eos_token_id=tokenizer.eos_token_id)
    model = GPT2LMHeadModel(config)
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    # a random model rarely says end-of-text; make it never, so generation runs its length
    model.generation_config.eos_token_id = None
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def tiny_lm() -> Path:
    return build_once("gpt2-text-generation", _build_lm)
