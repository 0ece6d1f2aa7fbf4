"""Loading models through ``transformers.pipeline`` and keeping a few of them warm.

A :class:`PipelineCache` holds at most ``capacity`` loaded pipelines, keyed by task,
model, device and dtype; asking again for the same key reuses the loaded one, and the
least recently used one is evicted (and its memory returned) when room is needed.
Loading failures become :class:`~engine.errors.ModelUnavailable` or
:class:`~engine.errors.OutOfMemory` with a sentence a person can act on.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections import OrderedDict
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.errors import ConsentRequired, ModelUnavailable, OutOfMemory, PipedeckError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ModelKey:
    task: str
    model: str
    device: str = "cpu"
    dtype: str = "auto"
    trust_remote_code: bool = False
    allow_pickle: bool = False
    revision: str | None = None
    """The commit the user consented to run code from; loading pins it."""
    speed: str = "off"
    """Speech on CPU: "int8" quantizes the Linear layers after loading (asr_speed)."""


def inference() -> AbstractContextManager[Any]:
    """torch's inference mode, under which the engine runs every model call.

    A pipeline turns gradients off (``no_grad``) for its forward pass; inference mode also
    skips the bookkeeping a tensor needs only to be trained through (version counters,
    views' records), which is per operation, so small models gain most: a tiny ViT
    classifies 48 pictures in 0.95 of the time (300 paired turns). The outputs are the same.
    Tensors made under it cannot be changed in place outside it: the engine's jobs and its
    writer thread are where models run, and both enter it.
    """
    import torch

    return torch.inference_mode()


def looks_like_path(model: str) -> bool:
    """A local folder rather than a Hub id ("org/name" or "name")."""
    return (model.startswith((".", "/", "~")) or os.sep in model.replace("/", "", 1)
            or (os.altsep is not None and os.altsep in model) or Path(model).expanduser().exists()
            or (len(model) > 1 and model[1] == ":"))


def offline_mode() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}


def check_model_source(model: str) -> None:
    """Fail early, in plain words, for a local folder that is missing or not a model."""
    if not model.strip():
        raise ModelUnavailable("No model is chosen: enter a model id or choose a folder.")
    if looks_like_path(model):
        path = Path(model).expanduser()
        if not path.exists():
            raise ModelUnavailable(f"The model folder '{model}' does not exist.")
        if not path.is_dir():
            raise ModelUnavailable(f"'{model}' is a file, not a model folder.")
        if not (path / "config.json").is_file():
            raise ModelUnavailable(
                f"The folder '{path.name}' is not a model: it has no config.json.")


def translate_load_error(exc: BaseException, key: ModelKey) -> PipedeckError:
    """Turn whatever ``transformers``/``huggingface_hub`` raised into a plain sentence."""
    name = key.model
    text = f"{type(exc).__name__}: {exc}"
    lowered = text.lower()
    if isinstance(exc, PipedeckError):
        return exc
    if isinstance(exc, MemoryError) or "out of memory" in lowered or \
            type(exc).__name__ == "OutOfMemoryError":
        return OutOfMemory(f"Not enough memory to load {name}. Close other programs, choose "
                           "a smaller model, or a lower precision.")
    if "gated" in lowered or "401" in lowered or "403" in lowered:
        return ModelUnavailable(
            f"{name} is gated: accept its licence at https://huggingface.co/{name} and add an "
            "access token in the model picker.")
    if "safetensors" in lowered and ("does not appear to have" in lowered or
                                     "no file named" in lowered):
        return ConsentRequired(
            f"{name} only has pickle (.bin) weights, which can run code when loaded. Allow them "
            "for this model only if you trust its author.", consent="pickle", model=name,
            revision=model_revision(name))
    if type(exc).__name__ in {"RepositoryNotFoundError", "RevisionNotFoundError"} or \
            "is not a local folder and is not a valid model identifier" in lowered or \
            "repository not found" in lowered:
        return ModelUnavailable(f"The model {name} was not found on the Hugging Face Hub.")
    if _wrong_task(key):
        return ModelUnavailable(f"The model {name} cannot do this task ({key.task}).")
    if not looks_like_path(key.model) and (
            offline_mode() or type(exc).__name__ in {"LocalEntryNotFoundError",
                                                     "OfflineModeIsEnabled"}
            or "offline" in lowered or "connect" in lowered or "couldn't" in lowered):
        # Never for a local folder: "Couldn't instantiate the tokenizer" is not a download.
        return ModelUnavailable(f"The model {name} is not downloaded and you are offline.")
    if "trust_remote_code" in lowered or "custom code" in lowered:
        revision = model_revision(name)
        return ConsentRequired(
            f"{name} needs to run its own code to load"
            + (f" (commit {revision[:12]})" if revision else "")
            + ". Allow it for this model only if you trust its author.",
            consent="remote_code", model=name, revision=revision)
    if "unrecognized configuration class" in lowered or "does not support" in lowered or \
            "is not supported" in lowered or "unrecognized model" in lowered or \
            "should have a `model_type`" in lowered:
        return ModelUnavailable(f"The model {name} cannot do this task ({key.task}).")
    if isinstance(exc, OSError | ValueError | KeyError | RuntimeError | EnvironmentError) or \
            type(exc).__name__ == "SafetensorError":  # a truncated or garbled weights file
        return ModelUnavailable(f"The model {name} could not be loaded: it looks damaged or "
                                "incomplete. Download it again or choose another model.")
    return ModelUnavailable(f"The model {name} could not be loaded ({type(exc).__name__}).")


def _wrong_task(key: ModelKey) -> bool:
    """True when a model on disk is of an architecture the task's pipeline cannot load.

    Asked only after loading failed (Donut answers document questions without being in
    that task's model list), so the user hears "cannot do this task", not "damaged".
    """
    folder = Path(key.model).expanduser() if looks_like_path(key.model) else \
        cached_folder(key.model)
    if folder is None or not (folder / "config.json").is_file():
        return False
    try:
        from transformers import AutoConfig
        from transformers.pipelines import SUPPORTED_TASKS

        config = AutoConfig.from_pretrained(str(folder))
        entry: Any = SUPPORTED_TASKS[key.task]
        classes: tuple[Any, ...] = entry["pt"]
        return not any(type(config) in auto._model_mapping for auto in classes)
    except Exception:  # an unreadable config is "damaged", decided by the caller
        return False


def model_revision(model: str) -> str | None:
    """The commit of a cached Hub model (its snapshot folder's name), for consent records."""
    if looks_like_path(model):
        return None
    folder = cached_folder(model)
    return folder.name if folder is not None else None


def cached_folder(repo_id: str) -> Path | None:
    """The snapshot folder of a Hub model already in the local cache, without network."""
    try:
        from huggingface_hub import try_to_load_from_cache

        config = try_to_load_from_cache(repo_id, "config.json")
    except Exception:  # a malformed id or an unreadable cache: no estimate, not an error
        return None
    return Path(config).parent if isinstance(config, str) else None


def load_pipeline(key: ModelKey) -> Any:
    """Build a real ``transformers.pipeline`` for ``key`` (slow: worker thread only)."""
    check_model_source(key.model)
    from engine.devices import check_device, pipeline_device_kwargs

    check_device(key.device)
    from transformers import pipeline as make_pipeline
    from transformers.utils import logging as hf_logging

    quiet: Any = hf_logging.disable_progress_bar  # no tqdm bars in a GUI or a pipe
    quiet()
    model = str(Path(key.model).expanduser()) if looks_like_path(key.model) else key.model
    folder = Path(model) if looks_like_path(key.model) else cached_folder(model)
    if folder is not None:
        from engine.memory import check_fits

        check_fits(folder, key.model, key.device, key.dtype)
    if key.trust_remote_code and not looks_like_path(key.model) and not key.revision:
        raise ConsentRequired(
            f"{key.model} needs to run its own code; allow it for one exact commit.",
            consent="remote_code", model=key.model, revision=model_revision(key.model))
    kwargs = pipeline_device_kwargs(key.device, key.dtype)
    if key.revision:
        kwargs["revision"] = key.revision
    model_kwargs: dict[str, Any] = {}
    if not key.allow_pickle:
        model_kwargs["use_safetensors"] = True
    model_kwargs.update(kwargs.pop("model_kwargs", {}))
    try:
        pipeline: Any = make_pipeline  # its overloads want a literal task name
        pipe = pipeline(key.task, model=model, trust_remote_code=key.trust_remote_code,
                        model_kwargs=model_kwargs, **kwargs)
    except Exception as exc:  # every loading failure becomes one plain sentence
        log.exception("loading %s failed", key)
        raise translate_load_error(exc, key) from exc
    if key.speed != "off" and key.device == "cpu" and \
            getattr(pipe, "type", "") == "seq2seq_whisper":  # measured on Whisper only
        from engine.asr_speed import optimize_for_cpu

        for line in optimize_for_cpu(pipe, level=key.speed, threads=None):  # type: ignore[arg-type]
            log.info("speed: %s", line)
    return pipe


class PipelineCache:
    """The few pipelines kept loaded, least recently used evicted first."""

    def __init__(self, capacity: int = 2) -> None:
        self.capacity = max(1, capacity)
        self._items: OrderedDict[ModelKey, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.loads = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def get(self, key: ModelKey) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        for other in [k for k in self._items if (k.task, k.model) == (key.task, key.model)]:
            self._evict(other)  # a new device or precision replaces the old copy
        while len(self._items) >= self.capacity:
            self._evict_oldest()
        pipe = load_pipeline(key)
        with self._lock:
            self._items[key] = pipe
            self.loads += 1
        return pipe

    def _evict(self, key: ModelKey) -> None:
        with self._lock:
            pipe = self._items.pop(key, None)
        log.info("replacing %s", key)
        del pipe
        release_memory()

    def _evict_oldest(self) -> None:
        with self._lock:
            if not self._items:
                return
            old_key, pipe = self._items.popitem(last=False)
        log.info("evicting %s", old_key)
        del pipe
        release_memory()

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
        release_memory()


def release_memory() -> None:
    """Give freed tensors' memory back (GPU caches, and the C allocator on Linux)."""
    gc.collect()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except ImportError:
        pass
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
