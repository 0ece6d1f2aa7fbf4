"""Object detection: labelled boxes in image pixels, many images batched."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from engine.inputs import load_image
from engine.jobs import ItemResult
from engine.progress import JobControl
from engine.runners.batching import pipeline_calls, run_batched

if TYPE_CHECKING:
    from PIL import Image

DEFAULT_THRESHOLD = 0.5


def _box(raw: Mapping[str, Any], width: int, height: int) -> dict[str, int]:
    """Whole pixels, kept inside the picture (models may reach past its edges)."""
    limits: dict[str, int] = {"xmin": width, "xmax": width, "ymin": height, "ymax": height}
    return {key: min(max(0, round(float(raw[key]))), limit) for key, limit in limits.items()}


def objects_payload(size: tuple[int, int], output: Any) -> dict[str, Any]:
    """Best first; the image's size comes along so a view can scale the boxes."""
    width, height = size
    ranked = sorted(output, key=lambda o: -float(o["score"]))
    objects = [{"label": str(o["label"]), "score": float(o["score"]),
                "box": _box(o["box"], width, height)} for o in ranked]
    return {"objects": objects, "width": width, "height": height}


def run_batch(pipe: Any, items: Sequence[str], params: Mapping[str, Any], control: JobControl,
              finished: set[int]) -> Iterator[ItemResult]:
    threshold = float(params.get("threshold", DEFAULT_THRESHOLD))
    batch_size = int(params.get("batch_size") or 1)
    sizes: deque[tuple[int, int]] = deque()  # of the images loaded, in the pipeline's order

    def load(source: str) -> Image.Image:
        image = load_image(source)
        sizes.append(image.size)
        return image

    call = pipeline_calls(pipe, batch_size, threshold=threshold)

    def payload(output: Any) -> dict[str, Any]:
        return objects_payload(sizes.popleft(), output)

    yield from run_batched(pipe, items, finished, control, load, call, payload, "images")
