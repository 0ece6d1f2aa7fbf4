"""Models on this computer: download into the standard Hugging Face cache, list, remove.

Downloads go through ``huggingface_hub.snapshot_download`` into the shared cache
(``HF_HUB_CACHE``/``HF_HOME``), so a model fetched by Pipedeck is the same model
``transformers`` finds offline, and one fetched by another tool shows up here. Only what a
pipeline needs is fetched (see :func:`engine.hub.pipeline_files`). Progress, speed and
time left reach the job's :class:`~engine.progress.JobControl` through a tqdm-compatible
class, whose updates also honour a cancel within one 256 KiB chunk.

Resuming: a file whose transfer breaks is resumed by ``huggingface_hub`` with an HTTP
``Range`` request; after a cancel, files already finished are kept and not fetched again.
(``huggingface_hub`` >= 1.x discards the half-fetched file itself, so it restarts.)
Removal uses the cache's preview-then-execute strategy, which reports the space freed.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from engine import messages
from engine.errors import ModelUnavailable, PipedeckError
from engine.hub import (
    OFFLINE_MESSAGE,
    HubConfig,
    OfflineError,
    api,
    ensure_reachable,
    hub_errors,
    human_duration,
    human_size,
    is_offline,
    pipeline_files,
    resolve_cache_dir,
    unreachable,
)
from engine.progress import JobControl

_ARCHITECTURE_TASKS = (
    ("WhisperForConditionalGeneration", "automatic-speech-recognition"),
    ("ForSpeechSeq2Seq", "automatic-speech-recognition"),
    ("ForCTC", "automatic-speech-recognition"),
    ("ForSequenceClassification", "text-classification"),
    ("ForTokenClassification", "token-classification"),
    ("ForImageClassification", "image-classification"),
    ("ForAudioClassification", "audio-classification"),
    ("ForObjectDetection", "object-detection"),
    ("ForSemanticSegmentation", "image-segmentation"),
    ("ForDepthEstimation", "depth-estimation"),
    ("LayoutLMForQuestionAnswering", "document-question-answering"),
    ("ForMaskedLM", "fill-mask"),
    ("ForCausalLM", "text-generation"),
    ("ForImageTextToText", "image-text-to-text"),
)


class NotEnoughDiskSpace(PipedeckError):
    """The download would not fit on the disk that holds the model cache."""


@dataclass(frozen=True, slots=True)
class InstalledModel:
    """One model in the local cache, as the "Installed" list shows it."""

    id: str
    path: Path
    size_bytes: int
    last_used: datetime
    last_modified: datetime
    task: str | None
    revisions: int

    @property
    def size_str(self) -> str:
        return human_size(self.size_bytes)

    @property
    def last_used_str(self) -> str:
        return self.last_used.date().isoformat()


class _ByteProgress:
    """Folds ``huggingface_hub``'s progress bars into one report: bytes, speed, time left.

    ``snapshot_download`` opens a files bar and two byte bars (network transfer, bytes
    written); without Xet storage both byte bars count the same bytes, with it the written
    one lags or leads, so the larger of the two is reported. Every update checks the cancel
    flag: raising :class:`~engine.errors.Cancelled` there stops each worker at its next chunk.

    Speed is the rate over the last few seconds of transfer, not the average since the job
    began: the metadata requests before the first byte, and a link that slows down or
    recovers, would otherwise make "time left" wrong for minutes.
    """

    WINDOW_S = 5.0

    def __init__(self, control: JobControl, total: int, clock: Any = time.monotonic) -> None:
        self.control = control
        self.total = total
        self.clock = clock
        self.bars: list[Any] = []
        self.lock = threading.Lock()
        self.samples: deque[tuple[float, int]] = deque()

    def done(self) -> int:
        with self.lock:
            return max((int(bar.n) for bar in self.bars), default=0)

    def speed(self, done: int) -> float | None:
        """Bytes per second over the recent window, or None until there is enough to tell.

        Called from every download thread at once: the samples are guarded by the lock, and
        a thread reporting a count behind another's does not move the window back.
        """
        with self.lock:
            return self._speed(done)

    def _speed(self, done: int) -> float | None:
        now: float = self.clock()
        if self.samples:
            done = max(done, self.samples[-1][1])
        self.samples.append((now, done))
        while len(self.samples) > 2 and now - self.samples[1][0] >= self.WINDOW_S:
            self.samples.popleft()
        since, start = self.samples[0]
        if now - since < 0.5 or done <= start:
            return None
        return (done - start) / (now - since)

    def line(self, done: int) -> tuple[str, dict[str, str]]:
        """The progress line's template (:mod:`engine.messages`) and its values."""
        values = {"done": human_size(done), "total": human_size(self.total)}
        speed = self.speed(done) if done > 0 else None
        if not speed:
            return messages.DOWNLOADING, values
        values["speed"] = human_size(speed)
        if self.total <= done:
            return messages.DOWNLOADING_SPEED, values
        values["left"] = human_duration((self.total - done) / speed)
        return messages.DOWNLOADING_AT, values

    def message(self, done: int) -> str:
        template, values = self.line(done)
        return template.format(**values)

    def changed(self) -> None:
        done = min(self.done(), self.total)
        fraction = done / self.total if self.total else None
        template, values = self.line(done)
        self.control.report(fraction, template.format(**values), template=template,
                            values=tuple(values.items()))

    def tqdm_class(self) -> type:
        progress = self

        class _Bar:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                self.total = kwargs.get("total")
                self.n: float = kwargs.get("initial") or 0
                self.unit = kwargs.get("unit", "it")
                self.disable = False
                if self.unit == "B":
                    with progress.lock:
                        progress.bars.append(self)

            def update(self, n: float | None = 1) -> None:
                progress.control.check()
                self.n += n or 0
                if self.unit == "B":
                    progress.changed()

            @property
            def format_dict(self) -> dict[str, Any]:
                return {"n": self.n, "total": self.total, "rate": None}

            def _ignore(self, *args: Any, **kwargs: Any) -> None:
                return None

            refresh = close = clear = set_description = set_description_str = _ignore
            set_postfix = set_postfix_str = _ignore

            def __enter__(self) -> _Bar:
                return self

            def __exit__(self, *exc: object) -> None:
                return None

        return _Bar


def _mount_point(path: Path) -> Path:
    path = path.resolve()
    while not os.path.ismount(path) and path != path.parent:
        path = path.parent
    return path


def _existing_ancestor(path: Path) -> Path:
    path = path.resolve()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_disk_space(folder: Path, needed_bytes: int) -> None:
    """Raise :class:`NotEnoughDiskSpace` unless ``needed_bytes`` fit where ``folder`` lives."""
    where = _existing_ancestor(folder)
    free = shutil.disk_usage(where).free
    if needed_bytes > free:
        raise NotEnoughDiskSpace(f"Not enough disk space: needs {human_size(needed_bytes)}, "
                                 f"{human_size(free)} free on {_mount_point(where)}.")


def _escaped(paths: Iterable[str]) -> list[str]:
    """Exact file names as ``allow_patterns`` (which are fnmatch patterns)."""
    return [glob.escape(path) for path in paths]


def _local_snapshot(repo_id: str, revision: str | None, cache: Path) -> Path | None:
    """The complete cached snapshot of ``repo_id``, without any network call, or None."""
    from huggingface_hub import get_cached_repo_tree, snapshot_download
    from huggingface_hub.errors import CachedRepoTreeNotFoundError, LocalEntryNotFoundError

    patterns: list[str] | None = None
    try:
        tree = get_cached_repo_tree(repo_id, revision=revision, cache_dir=cache)
        patterns = _escaped(pipeline_files([f.path for f in tree], repo_id, allow_pickle=True))
    except (CachedRepoTreeNotFoundError, ModelUnavailable, OSError, ValueError):
        patterns = None  # fetched by another tool: trust the snapshot folder as it is
    try:
        return Path(snapshot_download(repo_id, revision=revision, cache_dir=cache,
                                      local_files_only=True, allow_patterns=patterns))
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None


def download_model(repo_id: str, *, control: JobControl, cache_dir: str | Path | None = None,
                   revision: str | None = None, allow_pickle: bool = False,
                   config: HubConfig | None = None) -> Path:
    """Fetch what a pipeline needs of ``repo_id`` into the Hub cache; return the snapshot folder.

    Offline (or with the Hub unreachable) an already installed model is returned as is.
    Raises :class:`~engine.hub.PickleOnlyModel` when only pickle weights exist and
    ``allow_pickle`` is false, :class:`NotEnoughDiskSpace` before fetching anything that
    would not fit, :class:`~engine.hub.GatedModel` with the licence link, and
    :class:`~engine.errors.Cancelled` within about a second of ``control.cancel()``.
    """
    from huggingface_hub import snapshot_download
    from huggingface_hub.file_download import repo_folder_name

    config = config or HubConfig()
    cache = resolve_cache_dir(cache_dir or config.cache_dir)
    if is_offline(config.offline):
        local = _local_snapshot(repo_id, revision, cache)
        if local is None:
            raise OfflineError(f"'{repo_id}' is not installed and you are offline.")
        return local
    try:
        ensure_reachable(config)
    except OfflineError:
        local = _local_snapshot(repo_id, revision, cache)
        if local is None:
            raise unreachable(config, installed_only=False) from None
        return local
    control.check()
    control.say(None, messages.LOOKING_UP, force=True, repo=repo_id)
    with hub_errors(config, repo_id):
        info = api(config).model_info(repo_id, revision=revision, files_metadata=True,
                                      timeout=config.timeout_s)
        sizes = {s.rfilename: s.size or 0 for s in info.siblings or []}
        files = pipeline_files(sizes, repo_id, allow_pickle=allow_pickle)
        snapshot = cache / repo_folder_name(repo_id=repo_id, repo_type="model") / "snapshots"
        missing = [f for f in files if not (snapshot / str(info.sha) / f).exists()]
        needed = sum(sizes[f] for f in missing)
        check_disk_space(cache, needed)
        control.check()
        progress = _ByteProgress(control, needed)
        folder = snapshot_download(
            repo_id, revision=revision or "main", cache_dir=cache,
            endpoint=config.resolved_endpoint, token=config.token,
            allow_patterns=_escaped(files), tqdm_class=progress.tqdm_class(),
            etag_timeout=config.timeout_s, max_workers=4, library_name="pipedeck",
        )
    if needed:
        control.say(1.0, messages.DOWNLOADED, size=human_size(needed))
    else:
        control.say(1.0, messages.ALREADY_INSTALLED)
    return Path(folder)


def _task_of(snapshot: Path) -> str | None:
    """The pipeline task from the card's ``pipeline_tag``, else guessed from the architecture."""
    try:
        card = (snapshot / "README.md").read_text(encoding="utf-8", errors="replace")
        if card.startswith("---"):
            header = card.split("\n---", 1)[0]
            for line in header.splitlines():
                if line.startswith("pipeline_tag:"):
                    return line.split(":", 1)[1].strip().strip("'\"") or None
    except OSError:
        pass
    try:
        config = json.loads((snapshot / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for architecture in config.get("architectures") or []:
        for suffix, task in _ARCHITECTURE_TASKS:
            if str(architecture).endswith(suffix):
                return task
    return None


def _scan(cache: Path) -> Any:
    from huggingface_hub import scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    try:
        return scan_cache_dir(cache)
    except CacheNotFound:
        return None


def installed_models(*, cache_dir: str | Path | None = None,
                     config: HubConfig | None = None) -> list[InstalledModel]:
    """Models in the local cache, most recently used first. Never touches the network."""
    config = config or HubConfig()
    info = _scan(resolve_cache_dir(cache_dir or config.cache_dir))
    if info is None:
        return []
    found = []
    for repo in info.repos:
        if repo.repo_type != "model" or not repo.revisions:
            continue
        main = next((r for r in repo.revisions if "main" in r.refs), None)
        newest = main or max(repo.revisions, key=lambda r: r.last_modified)
        found.append(InstalledModel(
            id=repo.repo_id, path=Path(newest.snapshot_path), size_bytes=repo.size_on_disk,
            last_used=datetime.fromtimestamp(repo.last_accessed),
            last_modified=datetime.fromtimestamp(repo.last_modified),
            task=_task_of(Path(newest.snapshot_path)), revisions=len(repo.revisions),
        ))
    return sorted(found, key=lambda m: m.last_used, reverse=True)


def remove_model(repo_id: str, *, cache_dir: str | Path | None = None,
                 config: HubConfig | None = None) -> int:
    """Delete every cached revision of ``repo_id``; return the bytes freed."""
    config = config or HubConfig()
    info = _scan(resolve_cache_dir(cache_dir or config.cache_dir))
    repo = None if info is None else next(
        (r for r in info.repos if r.repo_type == "model" and r.repo_id == repo_id), None)
    if repo is None:
        raise ModelUnavailable(f"'{repo_id}' is not installed.")
    strategy = info.delete_revisions(*(r.commit_hash for r in repo.revisions))
    freed = int(strategy.expected_freed_size)
    strategy.execute()
    if Path(repo.repo_path).exists():  # leftovers such as half-fetched files
        shutil.rmtree(repo.repo_path, ignore_errors=True)
    return freed


__all__ = [
    "OFFLINE_MESSAGE",
    "InstalledModel",
    "NotEnoughDiskSpace",
    "check_disk_space",
    "download_model",
    "installed_models",
    "remove_model",
]
