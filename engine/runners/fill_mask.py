"""Fill in a missing word: the likeliest words for one gap per text, many texts batched.

People mark the gap as ``[MASK]``, ``<mask>`` or ``___`` whatever the model; it is replaced
by the model's own mask token, so the same text works with BERT- and RoBERTa-style models.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.errors import InputError, ModelUnavailable
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import run_batched
from engine.runners.texts import checked_text, model_limit, text_label, token_count

GAP = re.compile(r"\[mask\]|<mask>|_{3,}", re.IGNORECASE)
HOW_TO_MARK = "write [MASK] where the missing word goes, e.g. 'Paris is the [MASK] of France.'"


def masked_text(text: str, mask_token: str) -> str:
    """``text`` with its one gap replaced by ``mask_token``; InputError for none or several."""
    gaps = GAP.findall(text)
    if not gaps:
        raise InputError(text_label(text), f"there is no gap to fill: {HOW_TO_MARK}")
    if len(gaps) > 1:
        raise InputError(text_label(text), f"there are {len(gaps)} gaps; mark only one with "
                                           "[MASK] in each line")
    # a lambda, so a mask token with backslashes is not read as a replacement pattern
    return GAP.sub(lambda _: mask_token, text)


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    tokenizer = pipe.tokenizer
    mask_token = getattr(tokenizer, "mask_token", None)
    if not mask_token:
        raise ModelUnavailable("This model has no mask token, so it cannot fill in words. "
                               "Choose a fill-mask model (for example distilbert/distilroberta-"
                               "base).")
    top_k = int(params.get("top_k") or 5)
    batch_size = int(params.get("batch_size") or 1)
    limit = model_limit(tokenizer, getattr(pipe.model, "config", None))
    texts: deque[str] = deque()

    def load(source: str) -> str:
        text = checked_text(source)
        masked = masked_text(text, mask_token)
        if limit is not None:
            used = token_count(tokenizer, masked)
            if used > limit:
                raise InputError(text_label(text), f"the text is longer than this model can read "
                                                   f"({used} of {limit} tokens); shorten it "
                                                   "around the gap")
        texts.append(text)
        return masked

    def call(stream: Iterator[str]) -> Iterator[Any]:
        return iter(pipe(stream, top_k=top_k, batch_size=batch_size))

    def payload(output: Any) -> dict[str, Any]:
        text = texts.popleft()
        rows = output if isinstance(output, list) else [output]
        if rows and isinstance(rows[0], list):  # several masks: the first gap's candidates
            rows = rows[0]
        labels: list[dict[str, Any]] = [
            {"label": str(r.get("token_str", "")).strip(), "score": float(r["score"]),
             "sequence": str(r.get("sequence", ""))} for r in rows]
        labels.sort(key=lambda row: -float(row["score"]))
        return {"text": text, "sequence": labels[0]["sequence"] if labels else text,
                "labels": labels}

    yield from run_batched(pipe, items, finished, control, load, call, payload, "texts")
