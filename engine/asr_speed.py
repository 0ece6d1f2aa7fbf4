"""Making a loaded speech pipeline faster on a CPU, with every option measured and optional.

On a laptop CPU the time of a Whisper transcription goes into ``torch.nn.Linear`` matrix
products: the encoder once per 30 s window, the decoder and its 51,865-word output
projection once per token. int8 *dynamic* quantization (weights stored as int8 with one
scale per output row, activations quantized on the fly) makes those products several
times cheaper on x86 and ARM, with no calibration data and no new dependency.
``benchmarks/asr.py`` measures each option's time, memory and word error rate against the
plain pipeline and faster-whisper; results are in ``benchmarks/ASR_RESULTS.md``.

Every option is applied in place to an already loaded pipeline and falls back to the plain
path, with a log line, when it fails on a model or a machine (issue 10, "Bad input /
safety"): a quantized layer that cannot run is never left in the model.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, Literal

log = logging.getLogger(__name__)

Level = Literal["off", "int8"]
Part = Literal["encoder", "decoder", "proj_out"]
LEVELS: tuple[Level, ...] = ("off", "int8")
DEFAULT_PARTS: tuple[Part, ...] = ("encoder", "decoder", "proj_out")
"""Where int8 pays off, as measured on whisper-base (see benchmarks/ASR_RESULTS.md)."""


def choose_level(device: str) -> str:
    """The speed level Pipedeck picks by itself for a device id ("cpu", "cuda:0", "auto"…).

    "int8" on the CPU, where this torch has quantized kernels: per-channel int8 of every
    Linear layer roughly halves the time of greedy decoding and measured within the
    1-point word-error budget of issue 10 on two recordings (benchmarks/ASR_RESULTS.md).
    (Per-tensor int8 did not: +1.8 points; one scale for a 51,865-row output projection
    is too coarse.) GPUs get their speed from float16/bfloat16, so they stay "off".
    """
    if device != "cpu":
        return "off"
    try:
        import torch

        engines = torch.backends.quantized.supported_engines
    except Exception:  # no usable torch: the plain path reports the real problem
        return "off"
    return "int8" if any(engine != "none" for engine in engines) else "off"


def optimize_for_cpu(pipe: Any, *, level: Level, threads: int | None,
                     parts: Iterable[Part] = DEFAULT_PARTS) -> list[str]:
    """Apply the speed options for ``level`` to ``pipe``'s model in place; return log lines.

    ``threads`` sets torch's intra-op threads (None leaves torch's choice: one per core).
    ``parts`` says which of the model's Linear layers int8 touches. Options that fail are
    skipped with a line saying so; the pipeline then runs exactly as loaded.
    """
    lines: list[str] = []
    model = getattr(pipe, "model", None)
    if model is None:
        return _note(lines, "speed: no model in this pipeline; nothing changed")
    if level not in LEVELS:
        return _note(lines, f"speed: unknown level {level!r}; using the plain path")
    if _device_type(model) != "cpu":
        return _note(lines, "speed: the model is not on the CPU; CPU options skipped")
    _set_threads(threads, lines)
    _use_sdpa(model, lines)
    if level == "int8":
        _quantize_int8(model, tuple(parts), lines)
    else:
        _note(lines, "speed: level off, weights stay float")
    return lines


def _note(lines: list[str], line: str) -> list[str]:
    log.info("%s", line)
    lines.append(line)
    return lines


def _device_type(model: Any) -> str:
    try:
        return str(next(model.parameters()).device.type)
    except (StopIteration, AttributeError, TypeError):
        return "cpu"


def _set_threads(threads: int | None, lines: list[str]) -> None:
    import torch

    if threads is None:
        _note(lines, f"speed: torch uses {torch.get_num_threads()} threads")
        return
    try:
        if threads < 1:
            raise ValueError(f"{threads} threads")
        torch.set_num_threads(threads)
        _note(lines, f"speed: torch threads set to {threads}")
    except (ValueError, RuntimeError) as exc:
        _note(lines, f"speed: could not set threads ({exc}); keeping "
                     f"{torch.get_num_threads()}")


def _use_sdpa(model: Any, lines: list[str]) -> None:
    """Scaled-dot-product attention: fused kernels instead of separate softmax and matmuls."""
    config = getattr(model, "config", None)
    current = getattr(config, "_attn_implementation", None)
    if current == "sdpa":
        _note(lines, "speed: attention already SDPA")
        return
    setter = getattr(model, "set_attn_implementation", None)
    try:
        if setter is None:
            raise AttributeError("this transformers has no set_attn_implementation")
        setter("sdpa")
        _note(lines, f"speed: attention switched from {current} to SDPA")
    except Exception as exc:  # any model that refuses keeps its own attention
        _note(lines, f"speed: SDPA not available ({type(exc).__name__}: {exc}); "
                     f"keeping {current}")


def _linear_targets(model: Any, parts: tuple[Part, ...]) -> list[tuple[Any, str, Any]]:
    """(parent module, attribute name, Linear) for every Linear inside the chosen parts."""
    import torch

    targets: list[tuple[Any, str, Any]] = []
    inner = getattr(model, "model", None)
    for part in parts:
        if part == "proj_out":  # the vocabulary projection sits on the outer model
            child = getattr(model, "proj_out", None)
            if type(child) is torch.nn.Linear:
                targets.append((model, "proj_out", child))
            continue
        root = getattr(inner, part, None) if inner is not None else None
        if root is None:
            root = getattr(model, part, None)
        if root is None:
            continue
        for parent in root.modules():
            for name, child in parent.named_children():
                if type(child) is torch.nn.Linear:
                    targets.append((parent, name, child))
    return targets


def _quantize_int8(model: Any, parts: tuple[Part, ...], lines: list[str]) -> None:
    """Swap the chosen Linear layers for int8 dynamic ones, all or none.

    Each replacement is built (and run once on a small input) before any is put in the
    model, so a failure part-way leaves the float model untouched. Building layer by layer
    keeps peak memory near the float model's, unlike a deep copy of the whole model.
    """
    try:
        import warnings

        import torch
        from torch.ao.nn.quantized.dynamic import Linear as _DynamicLinear
        from torch.ao.quantization import per_channel_dynamic_qconfig

        from_float: Any = _DynamicLinear.from_float  # untyped in torch

        engines = torch.backends.quantized.supported_engines
        if not [e for e in engines if e != "none"]:
            raise RuntimeError("this torch has no quantized CPU kernels")
        targets = _linear_targets(model, parts)
        if not targets:
            raise RuntimeError("no Linear layers found in " + ", ".join(parts))
        replacements = []
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # torch 2.13 warns that quantized tensors age
            for parent, name, linear in targets:
                linear.qconfig = per_channel_dynamic_qconfig
                try:
                    quantized = from_float(linear)
                finally:
                    del linear.qconfig
                probe = torch.zeros(1, linear.in_features)
                if quantized(probe).shape != (1, linear.out_features):
                    raise RuntimeError(f"int8 {name} gave the wrong shape")
                replacements.append((parent, name, quantized))
    except Exception as exc:  # quantization is an option: any failure keeps float weights
        _note(lines, f"speed: int8 not applied ({type(exc).__name__}: {exc}); "
                     "using float weights")
        return
    for parent, name, quantized in replacements:
        setattr(parent, name, quantized)
    _note(lines, f"speed: int8 dynamic quantization of {len(replacements)} Linear layers "
                 f"({', '.join(parts)})")
