"""Image classification: ranked labels with scores, many images batched."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

from engine.inputs import load_image
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import pipeline_calls, run_batched


def labels_payload(output: Any) -> dict[str, Any]:
    ranked = sorted(output, key=itemgetter("score"), reverse=True)  # stable, as ascending
    return {"labels": [{"label": str(e["label"]), "score": float(e["score"])} for e in ranked]}


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    top_k = int(params.get("top_k") or 5)
    batch_size = int(params.get("batch_size") or 1)

    call = pipeline_calls(pipe, batch_size, top_k=top_k)
    yield from run_batched(pipe, items, finished, control, load_image, call, labels_payload,
                           "images")
