"""Zero-shot text classification: each text scored against labels the user types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.errors import InputError, UsageError
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import pipeline_calls, run_batched

MAX_TEXT_CHARS = 20_000


def _text(source: str) -> str:
    text = source.strip()
    if not text:
        raise InputError("(empty text)", "the text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(text[:40] + "…", f"the text is longer than {MAX_TEXT_CHARS} characters")
    return text


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    labels = list(params.get("candidate_labels") or [])
    if not labels:
        raise UsageError("Enter at least one label, separated by commas.")
    if len(set(labels)) != len(labels):
        raise UsageError("Each label must be different.")
    multi_label = bool(params.get("multi_label"))
    template = str(params.get("hypothesis_template") or "This example is {}.")
    if "{}" not in template:
        raise UsageError("The hypothesis must contain {} where the label goes.")
    batch_size = int(params.get("batch_size") or 1)

    call = pipeline_calls(pipe, batch_size, candidate_labels=labels, multi_label=multi_label,
                          hypothesis_template=template)

    def payload(output: Any) -> dict[str, Any]:
        pairs = sorted(zip(output["labels"], output["scores"], strict=True), key=lambda p: -p[1])
        return {"text": output["sequence"],
                "labels": [{"label": str(label), "score": float(score)} for label, score in pairs]}

    yield from run_batched(pipe, items, finished, control, _text, call, payload, "texts")
