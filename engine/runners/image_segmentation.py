"""Image segmentation: one small mask picture per region, with its label."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from engine.inputs import load_image
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import pipeline_calls, run_batched
from engine.runners.png import png_base64

if TYPE_CHECKING:
    from PIL import Image

DEFAULT_THRESHOLD = 0.9


def segments_payload(size: tuple[int, int], output: Any) -> dict[str, Any]:
    """Masks as base64 PNGs no larger than 512 px a side; semantic models give no score."""
    segments = []
    for segment in output:
        score = segment.get("score")
        segments.append({"label": str(segment["label"]),
                         "score": None if score is None else float(score),
                         "mask_png": png_base64(segment["mask"].convert("L"))})
    return {"segments": segments, "width": size[0], "height": size[1]}


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    threshold = float(params.get("threshold", DEFAULT_THRESHOLD))
    batch_size = int(params.get("batch_size") or 1)
    sizes: deque[tuple[int, int]] = deque()

    def load(source: str) -> Image.Image:
        image = load_image(source)
        sizes.append(image.size)
        return image

    call = pipeline_calls(pipe, batch_size, threshold=threshold)

    def payload(output: Any) -> dict[str, Any]:
        return segments_payload(sizes.popleft(), output)

    yield from run_batched(pipe, items, finished, control, load, call, payload, "images")
