"""Embeddings: one vector per text (the mean of its token vectors), many texts batched.

Only the pooled vector is kept: per-token vectors of a long text would be megabytes of
JSON in the job store for little use. In a batch the pipeline pads every text to the
longest one, so each output is cut back to its own tokens before averaging.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import run_batched
from engine.runners.texts import checked_text, model_limit, token_count

DIGITS = 7
"""Significant digits kept per value: what float32 holds, at half the JSON size of repr."""


def pooled_payload(hidden: Any, tokens: int, left_padded: bool,
                   truncated: bool = False) -> dict[str, Any]:
    """Mean of the first (or, left-padded, last) ``tokens`` rows of a [1, n, dim] tensor."""
    states = hidden[0] if hidden.dim() == 3 else hidden
    states = states[-tokens:] if left_padded else states[:tokens]
    mean = states.float().mean(dim=0)
    pooled = [float(f"{value:.{DIGITS}g}") for value in mean.tolist()]
    result: dict[str, Any] = {"shape": [int(states.shape[0]), int(states.shape[1])],
                              "pooled": pooled, "dim": len(pooled)}
    if truncated:
        result["truncated"] = True
    return result


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    tokenizer = pipe.tokenizer
    batch_size = int(params.get("batch_size") or 1)
    limit = model_limit(tokenizer, getattr(pipe.model, "config", None))
    left_padded = getattr(tokenizer, "padding_side", "right") == "left"
    counts: deque[tuple[int, bool]] = deque()

    def load(source: str) -> str:
        text = checked_text(source)
        used = token_count(tokenizer, text)
        counts.append((min(used, limit) if limit else used, bool(limit and used > limit)))
        return text

    def call(texts: Iterator[str]) -> Iterator[Any]:
        tokenize: dict[str, Any] = {"truncation": True}
        if limit is not None:
            tokenize["max_length"] = limit
        return iter(pipe(texts, batch_size=batch_size, return_tensors=True,
                         tokenize_kwargs=tokenize))

    def payload(output: Any) -> dict[str, Any]:
        tokens, truncated = counts.popleft()
        return pooled_payload(output, tokens, left_padded, truncated)

    yield from run_batched(pipe, items, finished, control, load, call, payload, "texts")
