"""Where tiny models are cached: one folder per transformers version, built once."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def cache_root() -> Path:
    import transformers

    base = Path(os.environ.get("PIPEDECK_TEST_CACHE", Path.home() / ".cache" / "pipedeck-tests"))
    return base / f"transformers-{transformers.__version__}"


def build_once(name: str, build: Callable[[Path], None]) -> Path:
    """Build a model folder with ``build(tmp)`` unless it exists; moved into place atomically."""
    target = cache_root() / name
    if (target / "config.json").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=target.parent))
    try:
        build(tmp)
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def wordpiece_vocab(words: list[str]) -> list[str]:
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + list("0123456789.,:;!?-$/#")
    pieces = ["##" + ch for ch in letters]
    return list(dict.fromkeys(specials + letters + pieces + words))
