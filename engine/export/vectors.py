"""Embeddings to a NumPy ``.npy`` file: one row per input, in input order.

Rows stay aligned with the inputs even when some failed: a failed input's row is NaN,
so row *i* is always input *i* (and ``numpy.isnan(rows).any(axis=1)`` finds the gaps).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.atomic import atomic_write
from engine.errors import UsageError


def pooled_vectors(gathered: Sequence[dict[str, Any]]) -> list[list[float] | None]:
    """The pooled vector of each gathered entry (None where the input failed)."""
    vectors: list[list[float] | None] = []
    for entry in gathered:
        result = entry.get("result") or {}
        pooled = result.get("pooled")
        vectors.append([float(v) for v in pooled] if pooled else None)
    return vectors


def write_npy(path: str | Path, vectors: Sequence[Sequence[float] | None]) -> Path:
    """Write a float32 array of shape (inputs, dim) atomically; returns the path."""
    import numpy as np

    dims = {len(v) for v in vectors if v is not None}
    if not dims:
        raise UsageError("There are no vectors to save yet.")
    if len(dims) > 1:
        raise UsageError("The vectors have different lengths (were two models used?); "
                         "they cannot share one file.")
    dim = dims.pop()
    rows = np.full((len(vectors), dim), np.nan, dtype=np.float32)
    for index, vector in enumerate(vectors):
        if vector is not None:
            rows[index] = np.asarray(vector, dtype=np.float32)
    target = Path(path)
    with atomic_write(target, "wb") as handle:
        np.save(handle, rows, allow_pickle=False)
    return target
