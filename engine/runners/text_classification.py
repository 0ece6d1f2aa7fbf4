"""Text classification (sentiment, topics): ranked labels per text, many texts batched.

Texts longer than the model reads are cut to its limit by the tokenizer; the payload
says so (``truncated``), since the label then describes only the beginning.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import run_batched
from engine.runners.texts import checked_text, model_limit, token_count


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    top_k = int(params.get("top_k") or 5)
    batch_size = int(params.get("batch_size") or 1)
    limit = model_limit(pipe.tokenizer, getattr(pipe.model, "config", None))
    truncated: deque[bool] = deque()

    def load(source: str) -> str:
        text = checked_text(source)
        truncated.append(limit is not None and token_count(pipe.tokenizer, text) > limit)
        return text

    def call(texts: Iterator[str]) -> Iterator[Any]:
        kwargs: dict[str, Any] = {"top_k": top_k, "batch_size": batch_size}
        if limit is not None:
            kwargs.update(truncation=True, max_length=limit)
        return iter(pipe(texts, **kwargs))

    def payload(output: Any) -> dict[str, Any]:
        rows = output if isinstance(output, list) else [output]
        ranked = sorted(rows, key=lambda row: -float(row["score"]))
        result: dict[str, Any] = {
            "labels": [{"label": str(r["label"]), "score": float(r["score"])} for r in ranked]}
        if truncated.popleft():
            result["truncated"] = True
        return result

    yield from run_batched(pipe, items, finished, control, load, call, payload, "texts")
