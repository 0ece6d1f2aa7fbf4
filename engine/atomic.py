"""Atomic file writes: a reader (or a crash) never sees a half-written export."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_write(path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        binary = "b" in mode
        with os.fdopen(fd, mode, encoding=None if binary else encoding,
                       newline=None if binary else newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    with atomic_write(path, "w", newline="") as handle:
        handle.write(text)


def unique_path(path: str | Path) -> Path:
    """``path`` if free, else ``name (2).ext``, ``name (3).ext``...: never overwrite silently."""
    candidate = Path(path)
    n = 2
    while candidate.exists():
        candidate = Path(path).with_name(f"{Path(path).stem} ({n}){Path(path).suffix}")
        n += 1
    return candidate
