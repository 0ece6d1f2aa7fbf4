"""Zero-shot image classification: each image scored against labels the user types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.errors import UsageError
from engine.inputs import load_image
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import pipeline_calls, run_batched
from engine.runners.image_classification import labels_payload

DEFAULT_TEMPLATE = "This is a photo of {}."


def check_labels(params: Mapping[str, Any]) -> list[str]:
    """The typed labels, refused in plain words when empty or repeated."""
    labels = [str(label) for label in params.get("candidate_labels") or []]
    if not labels:
        raise UsageError("Enter at least one label, separated by commas.")
    if len(set(labels)) != len(labels):
        raise UsageError("Each label must be different.")
    return labels


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    labels = check_labels(params)
    template = str(params.get("hypothesis_template") or DEFAULT_TEMPLATE)
    if "{}" not in template:
        raise UsageError("The description must contain {} where the label goes.")
    batch_size = int(params.get("batch_size") or 1)

    call = pipeline_calls(pipe, batch_size, candidate_labels=labels, hypothesis_template=template)
    yield from run_batched(pipe, items, finished, control, load_image, call, labels_payload,
                           "images")
