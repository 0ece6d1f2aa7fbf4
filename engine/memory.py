"""Will it fit? Estimating a model's memory from its safetensors headers.

Reading a safetensors header costs a few kilobytes of I/O, so the estimate is made
before loading anything: the app can then warn in plain words (or suggest Auto, 8-bit
or a smaller model) instead of running out of memory half-way through a load.
"""

from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from engine.errors import OutOfMemory

BYTES_PER_DTYPE = {"float32": 4, "float16": 2, "bfloat16": 2, "int8": 1, "int4": 0.5}
_SAFETENSORS_BYTES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2,
                      "I8": 1, "U8": 1, "BOOL": 1, "F8_E4M3": 1, "F8_E5M2": 1}
#: Activations, buffers and the framework itself need room beyond the weights.
OVERHEAD = 1.2


@dataclass(frozen=True, slots=True)
class Estimate:
    parameters: int
    needed_bytes: int
    free_bytes: int | None

    @property
    def verdict(self) -> str:
        if self.free_bytes is None:
            return "unknown"
        return fit_verdict(self.needed_bytes, self.free_bytes)


def fit_verdict(needed_bytes: int, free_bytes: int) -> Literal["fits", "tight", "too_big"]:
    """Within 60 % of what is free fits, up to 90 % is tight, beyond will not fit."""
    if needed_bytes <= 0.6 * free_bytes:
        return "fits"
    if needed_bytes <= 0.9 * free_bytes:
        return "tight"
    return "too_big"


def safetensors_parameters(folder: str | Path) -> tuple[int, int]:
    """(parameter count, bytes on disk) from every ``*.safetensors`` header in ``folder``."""
    parameters = 0
    size = 0
    for path in Path(folder).glob("*.safetensors"):
        try:
            with path.open("rb") as handle:
                (length,) = struct.unpack("<Q", handle.read(8))
                if length > 100_000_000:
                    continue
                header = json.loads(handle.read(length))
        except (OSError, struct.error, ValueError):
            continue  # a cut or garbled file: no estimate here; loading says it is damaged
        if not isinstance(header, dict):
            continue
        for name, info in header.items():
            if name == "__metadata__":
                continue
            count = 1
            for dim in info.get("shape", []):
                count *= int(dim)
            parameters += count
            size += int(count * _SAFETENSORS_BYTES.get(info.get("dtype", "F32"), 4))
    return parameters, size


def free_memory(device: str) -> int | None:
    """Free bytes on ``device``: available RAM for cpu/auto/mps, free VRAM for cuda:N."""
    if device.startswith("cuda"):
        try:
            import torch

            free, _ = torch.cuda.mem_get_info(int(device.partition(":")[2] or 0))
            return int(free)
        except (ImportError, RuntimeError, ValueError):
            return None
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def estimate(folder: str | Path, device: str, dtype: str) -> Estimate | None:
    """The memory a local model folder needs at ``dtype`` on ``device``; None if unknown."""
    parameters, disk_bytes = safetensors_parameters(folder)
    if parameters == 0:
        return None
    per = BYTES_PER_DTYPE.get(dtype)
    weights = parameters * per if per is not None else disk_bytes
    if dtype == "auto" and device == "cpu":
        weights = parameters * 4
    return Estimate(parameters, int(weights * OVERHEAD), free_memory(device))


def human_bytes(value: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def check_fits(folder: str | Path, name: str, device: str, dtype: str) -> None:
    """Refuse, in plain words, a load that cannot fit; "tight" loads go ahead."""
    result = estimate(folder, device, dtype)
    if result is None or result.verdict != "too_big" or device == "auto":
        return
    where = "this GPU" if device.startswith("cuda") else "this computer"
    raise OutOfMemory(
        f"{name} needs about {human_bytes(result.needed_bytes)} of memory, but only "
        f"{human_bytes(result.free_bytes or 0)} is free on {where}. Close other programs, "
        "choose a lower precision or Auto (spread over GPUs and CPU), or a smaller model.")
