"""Small PNG pictures inside results: masks and depth maps as base64 strings.

Results are stored as JSON in the job store and travel to the GUI thread, so a picture
inside one is shrunk to at most :data:`MAX_SIDE` pixels a side first: small enough to
store and decode anywhere, big enough to overlay on a preview.
"""

from __future__ import annotations

import base64
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

MAX_SIDE = 512


def shrink(image: Image.Image, max_side: int = MAX_SIDE) -> Image.Image:
    """``image`` scaled down (never up) so that neither side exceeds ``max_side``."""
    from PIL import Image

    width, height = image.size
    scale = max_side / max(width, height, 1)
    if scale >= 1:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.BILINEAR)


def png_base64(image: Image.Image, max_side: int = MAX_SIDE) -> str:
    """The image, shrunk to ``max_side``, as a base64-encoded PNG string."""
    buffer = io.BytesIO()
    shrink(image, max_side).save(buffer, format="PNG", optimize=True)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def decode_png(data: str) -> Image.Image:
    """The inverse of :func:`png_base64` (for exports and tests)."""
    from PIL import Image

    with Image.open(io.BytesIO(base64.b64decode(data))) as image:
        image.load()
        return image.copy()
