"""Checks shared by the runners that take typed texts: empty, too long, how to name them.

A text input has no file name, so errors name the text by its first words; a slash in
them is swapped for a look-alike so the message does not mistake the text for a path.
"""

from __future__ import annotations

from typing import Any

from engine.errors import InputError

MAX_TEXT_CHARS = 100_000


def text_label(text: str) -> str:
    """The first words of a text, as errors and summaries name it."""
    short = " ".join(text.split())
    short = short if len(short) <= 40 else short[:40] + "…"
    return (short or "(empty text)").replace("/", "\u2215").replace("\\", "\u29f5")


def checked_text(source: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """The text stripped, or an :class:`InputError` for an empty or huge one."""
    text = source.strip()
    if not text:
        raise InputError("(empty text)", "the text is empty")
    if len(text) > max_chars:
        raise InputError(text_label(text), f"the text is longer than {max_chars:,} characters; "
                                           "split it into smaller pieces")
    return text


def token_count(tokenizer: Any, text: str) -> int:
    """How many tokens the model would see for ``text``, special tokens included."""
    ids = tokenizer(text, truncation=False)["input_ids"]
    return len(ids)


def model_limit(tokenizer: Any, config: Any = None) -> int | None:
    """The longest input, in tokens, the model accepts (None when it does not say).

    Some Hub tokenizers leave ``model_max_length`` unset (a huge number), so the pipelines
    would not truncate and a long text would crash the model; the limit from the model's
    position embeddings is written back onto the tokenizer so they truncate correctly.
    """
    limits = []
    length = getattr(tokenizer, "model_max_length", None)
    if isinstance(length, int) and 0 < length < 1_000_000:
        limits.append(length)
    position = getattr(config, "max_position_embeddings", None) if config is not None else None
    if isinstance(position, int) and position > 0:
        if "roberta" in str(getattr(config, "model_type", "")) and position > 2:
            position -= 2  # RoBERTa numbers positions from padding_idx + 1
        limits.append(position)
    if not limits:
        return None
    limit = min(limits)
    if not (isinstance(length, int) and 0 < length <= limit):
        try:
            tokenizer.model_max_length = limit
        except AttributeError:
            pass
    return limit
