"""The compute devices this machine offers: CPU, each CUDA GPU, Apple MPS, and Auto.

Listing devices imports torch, so it runs on the worker thread (or the CLI), never
while the window is being shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One choice for the device selector; ``id`` is what the engine and CLI accept."""

    id: str
    name: str
    kind: str
    total_bytes: int | None = None
    free_bytes: int | None = None
    dtypes: tuple[str, ...] = ("auto", "float32")

    @property
    def label(self) -> str:
        if self.total_bytes:
            free = f"{(self.free_bytes or 0) / 2**30:.1f}" if self.free_bytes is not None else "?"
            return f"{self.name} ({free} of {self.total_bytes / 2**30:.1f} GB free)"
        return self.name


def cpu_device() -> DeviceInfo:
    import os

    total = free = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        avail = os.sysconf("SC_AVPHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
        total, free = pages * size, avail * size
    except (ValueError, OSError, AttributeError):
        pass
    return DeviceInfo("cpu", f"CPU ({os.cpu_count() or 1} cores)", "cpu", total, free,
                      ("auto", "float32", "bfloat16"))


def list_devices() -> list[DeviceInfo]:
    """CPU first, then each CUDA GPU by name with free/total memory, MPS, and Auto."""
    import torch

    devices = [cpu_device()]
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            free, total = torch.cuda.mem_get_info(index)
            dtypes = ["auto", "float32", "float16"]
            if torch.cuda.is_bf16_supported():
                dtypes.append("bfloat16")
            if quantization_available()[0]:
                dtypes += ["int8", "int4"]
            devices.append(DeviceInfo(f"cuda:{index}", torch.cuda.get_device_name(index), "cuda",
                                      total, free, tuple(dtypes)))
        devices.append(DeviceInfo("auto", "Auto (spread over GPUs and CPU)", "auto",
                                  dtypes=("auto", "float32", "float16", "bfloat16")))
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append(DeviceInfo("mps", "Apple GPU (MPS)", "mps",
                                  dtypes=("auto", "float32", "float16")))
    return devices


def pipeline_device_kwargs(device: str, dtype: str) -> dict[str, Any]:
    """Keyword arguments for ``transformers.pipeline`` for a device id and dtype name."""
    import torch

    kwargs: dict[str, Any] = {}
    if device == "auto":
        kwargs["device_map"] = "auto"
        kwargs["model_kwargs"] = auto_memory_budget()
    elif dtype not in ("int8", "int4"):
        kwargs["device"] = device
    if dtype in ("int8", "int4"):
        from transformers import BitsAndBytesConfig

        make_config: Any = BitsAndBytesConfig
        kwargs["model_kwargs"] = {"quantization_config": make_config(
            load_in_8bit=dtype == "int8", load_in_4bit=dtype == "int4")}
        kwargs.setdefault("device_map", "auto" if device == "auto" else {"": device})
    elif dtype == "auto":
        # float16 weights are slow or unsupported on CPU: "auto" there means float32.
        kwargs["dtype"] = torch.float32 if device == "cpu" else "auto"
    else:
        kwargs["dtype"] = getattr(torch, dtype)
    return kwargs


def auto_memory_budget() -> dict[str, Any]:
    """accelerate's memory budget from what is free now, with an offload folder in the cache."""
    import torch

    from engine.memory import free_memory
    from engine.paths import data_dir

    budget: dict[Any, str] = {}
    if torch.cuda.is_available():
        for index in range(torch.cuda.device_count()):
            free, _ = torch.cuda.mem_get_info(index)
            budget[index] = f"{int(free * 0.9) // 2**20}MiB"
    ram = free_memory("cpu")
    if ram:
        budget["cpu"] = f"{int(ram * 0.8) // 2**20}MiB"
    offload = data_dir() / "offload"
    offload.mkdir(parents=True, exist_ok=True)
    return {"max_memory": budget, "offload_folder": str(offload)}


def quantization_available() -> tuple[bool, str]:
    """Whether 8-bit/4-bit loading can be offered here, and why not when it cannot."""
    import importlib.util

    if importlib.util.find_spec("bitsandbytes") is None:
        return False, "needs the bitsandbytes package"
    import torch

    if not torch.cuda.is_available():
        return False, "needs a CUDA GPU"
    return True, ""


def check_device(device: str) -> None:
    """Raise a plain-language error for a device id this machine does not have."""
    from engine.errors import UsageError

    if device in ("cpu", "auto"):
        return
    import torch

    if device.startswith("cuda"):
        index = int(device.partition(":")[2] or 0)
        if not torch.cuda.is_available() or index >= torch.cuda.device_count():
            raise UsageError(f"There is no CUDA GPU '{device}' on this computer; use 'cpu'.")
        return
    if device == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise UsageError("Apple MPS is not available on this computer; use 'cpu'.")
        return
    raise UsageError(f"Unknown device '{device}': use cpu, cuda:N, mps or auto.")
