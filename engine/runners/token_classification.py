"""Named entities (people, places, organisations...) found in texts, many texts batched.

Long texts are read in overlapping windows (``stride``) when the tokenizer allows it, so
entities past the model's length limit are found too, not silently dropped.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.errors import UsageError
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import run_batched
from engine.runners.texts import checked_text, model_limit

STRATEGIES = ("simple", "first", "average", "max", "none")


def entity_payload(text: str, output: Any) -> dict[str, Any]:
    """Entities as plain JSON, with ``entity_group`` also for ungrouped (per-token) output."""
    entities = []
    for entity in output:
        group = entity.get("entity_group") or entity.get("entity") or ""
        start, end = entity.get("start"), entity.get("end")
        entities.append({
            "entity_group": str(group),
            "word": str(entity.get("word", "")),
            "start": None if start is None else int(start),
            "end": None if end is None else int(end),
            "score": float(entity.get("score") or 0.0),
        })
    entities.sort(key=lambda e: (e["start"] is None, e["start"] or 0))
    return {"text": text, "entities": entities}


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    strategy = str(params.get("aggregation_strategy") or "simple")
    if strategy not in STRATEGIES:
        raise UsageError(f"Grouping must be one of: {', '.join(STRATEGIES)}.")
    tokenizer = pipe.tokenizer
    if strategy in ("first", "average", "max") and not getattr(tokenizer, "is_fast", False):
        raise UsageError("This model's tokenizer cannot group word pieces that way; "
                         "choose the grouping 'simple' or 'none'.")
    batch_size = int(params.get("batch_size") or 1)
    kwargs: dict[str, Any] = {"aggregation_strategy": strategy, "batch_size": batch_size}
    limit = model_limit(tokenizer, getattr(pipe.model, "config", None))
    if strategy != "none" and getattr(tokenizer, "is_fast", False) and limit and limit > 16:
        kwargs["stride"] = min(128, limit // 4)
    texts: deque[str] = deque()

    def load(source: str) -> str:
        text = checked_text(source)
        texts.append(text)
        return text

    def call(stream: Iterator[str]) -> Iterator[Any]:
        return iter(pipe(stream, **kwargs))

    def payload(output: Any) -> dict[str, Any]:
        return entity_payload(texts.popleft(), output)

    yield from run_batched(pipe, items, finished, control, load, call, payload, "texts")
