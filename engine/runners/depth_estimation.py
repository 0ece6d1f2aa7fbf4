"""Depth estimation: a small grey depth picture per image, with the raw value range.

The pipeline's picture is stretched to 0–255 between the smallest and largest predicted
value; ``min`` and ``max`` keep those values so a reader knows what the shades stand for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from engine.inputs import load_image
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import pipeline_calls, run_batched
from engine.runners.png import png_base64


def depth_payload(output: Any) -> dict[str, Any]:
    predicted = output["predicted_depth"]
    depth = output["depth"]
    width, height = depth.size
    return {"depth_png": png_base64(depth.convert("L")), "min": float(predicted.min()),
            "max": float(predicted.max()), "width": width, "height": height}


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    batch_size = int(params.get("batch_size") or 1)

    call = pipeline_calls(pipe, batch_size)
    yield from run_batched(pipe, items, finished, control, load_image, call, depth_payload,
                           "images")
