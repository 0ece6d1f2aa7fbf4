"""The worker: a QObject living on its own QThread that owns the engine.

Everything that imports or runs torch happens in its slots; the GUI talks to it only
through queued signals, and it answers only through signals carrying frozen engine
values. The one direct call is :meth:`EngineWorker.cancel`, which only sets a
thread-safe flag, because a queued cancel would wait behind the running job.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

if TYPE_CHECKING:  # the job machinery is imported by the slots, on the worker's thread
    from engine.jobs import ItemResult, JobSpec
    from engine.progress import JobControl, Progress

log = logging.getLogger(__name__)


class EngineWorker(QObject):
    ready = Signal(object)            # dict: devices, tasks (ids the transformers offers)
    job_started = Signal(object)      # JobSpec
    progress = Signal(object)         # engine.progress.Progress
    partial = Signal(object)          # engine.jobs.ItemResult
    job_finished = Signal(object)     # engine.jobs.JobOutcome
    jobs_listed = Signal(object)      # list[JobRecord]
    job_loaded = Signal(object, object)  # JobRecord, list[ItemResult] (engine.jobs.kept_results)
    failed = Signal(str)              # a plain sentence for a request that is not a job

    def __init__(self, store_path: str | None = None, cache_capacity: int = 2) -> None:
        super().__init__()
        self._store_path = store_path
        self._capacity = cache_capacity
        self._control: JobControl | None = None
        self._cache: Any = None
        self._store: Any = None
        self.open_log = False
        """Set by the app (not by tests' windows): warm-up then opens the log file."""
        self.freeze_imports = False
        """Set by the app: warm-up then hides what it imported from the garbage collector.

        torch and transformers are ~365k objects that live as long as the process. A full
        collection, which comes every so often in a long session (once ~90k new objects
        have outlived two younger ones), walks every object the collector sees while
        holding the GIL, so the window stops too: 280 ms with them, measured after the
        warm-up; under 1 ms once they are frozen. ``gc.freeze`` moves them out of its
        sight (as the launcher does with the window's own start-up objects). Models are
        loaded later, so they are collected as before when switched away. Not in tests:
        their windows come and go in one process, and what one test left behind would
        never be collected.
        """

    def _ensure(self) -> None:
        if self._cache is None:
            from engine.models import PipelineCache

            self._cache = PipelineCache(self._capacity)
        if self._store is None:
            from engine.store import JobStore, default_store_path

            self._store = JobStore(self._store_path or default_store_path())

    @Slot()
    def warm_up(self) -> None:
        """Import the heavy libraries and look at the hardware, after the window shows.

        The app's log file is opened here too: ``logging.handlers`` and ``platformdirs``
        cost ~20 ms that the window's start-up does not have to wait for. (An error before
        this point opens it from the excepthook.)
        """
        if self.open_log:
            from engine.logs import setup_logging

            try:
                setup_logging()
            except Exception:  # e.g. a read-only home: no log file, but the engine runs
                log.exception("could not open the log file")
        try:
            self._ensure()
            from engine.devices import list_devices
            from engine.tasks import supported_by_transformers

            info: dict[str, Any] = {"devices": list_devices(), "tasks": supported_by_transformers(),
                                    "store_moved_aside": self._store.moved_aside,
                                    "choices": _dynamic_choices()}
        except Exception as exc:  # the window must come up even if torch is broken
            log.exception("warm-up failed")
            info = {"devices": [], "tasks": None, "error": str(exc)}
        if self.freeze_imports:
            import gc

            gc.freeze()
        self.ready.emit(info)

    @Slot(object)
    def run_job(self, spec: JobSpec, resume_job: int | None = None) -> None:
        from engine.jobs import run_job
        from engine.progress import JobControl

        self._ensure()
        control = JobControl(on_progress=self._on_progress, on_partial=self._on_partial)
        self._control = control
        self.job_started.emit(spec)
        if resume_job is not None:  # what it kept shows first, as it was: the job skips it
            from engine.jobs import kept_results

            for kept in kept_results(self._store, resume_job):
                self.partial.emit(kept)
        try:
            outcome = run_job(spec, control, self._cache, self._store, resume_job=resume_job)
        finally:
            self._control = None
        self.job_finished.emit(outcome)

    @Slot(object)
    def resume_job(self, job_id: int) -> None:
        from engine.jobs import JobSpec

        self._ensure()
        record = self._store.job(job_id)
        spec = JobSpec(task=record.task, inputs=tuple(record.inputs), model=record.model,
                       params=record.params, device=record.device, dtype=record.dtype)
        self.run_job(spec, resume_job=job_id)

    def cancel(self) -> None:
        """Called directly from the GUI thread: only sets the job's cancel flag."""
        control = self._control
        if control is not None:
            control.cancel()

    @property
    def busy(self) -> bool:
        return self._control is not None

    def _on_progress(self, progress: Progress) -> None:
        self.progress.emit(progress)

    def _on_partial(self, result: ItemResult) -> None:
        # Also called from the job store's saver thread (engine.saving): emitting is
        # thread-safe, and the queued connection delivers on the GUI thread, in order.
        self.partial.emit(result)

    @Slot()
    def list_jobs(self) -> None:
        self._ensure()
        self.jobs_listed.emit(self._store.jobs())

    @Slot(int)
    def load_job(self, job_id: int) -> None:
        self._ensure()
        try:
            from engine.jobs import kept_results

            self.job_loaded.emit(self._store.job(job_id), kept_results(self._store, job_id))
        except KeyError:
            self.failed.emit(f"Job {job_id} is no longer in the history.")

    @Slot(object)
    def save_result(self, result: ItemResult) -> None:
        """Append a user's edit to its job's results (an edit log survives crashes)."""
        if result.job_id is None:
            return
        self._ensure()
        self._store.add_result(result.job_id, result.index, result.source, result.payload,
                               complete=False)

    @Slot(int)
    def delete_job(self, job_id: int) -> None:
        self._ensure()
        self._store.delete_job(job_id)
        self.jobs_listed.emit(self._store.jobs())

    @Slot()
    def shutdown(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._cache is not None:
            self._cache.clear()


def _dynamic_choices() -> dict[str, list[tuple[str, str]]]:
    """Choices only the installed software knows: Whisper's languages, OCR languages."""
    choices: dict[str, list[tuple[str, str]]] = {}
    try:
        from engine.speech import whisper_languages

        choices["language"] = [("auto", "Detect"), *whisper_languages()]
    except Exception:  # an older transformers without the table: keep "Detect" only
        log.exception("no Whisper language list")
    try:
        from engine.ocr import installed_languages

        choices["ocr_lang"] = installed_languages()
    except Exception:  # tesseract missing: the document tab says so when it runs
        log.exception("no OCR language list")
    return choices


class WorkerThread(QThread):
    """The thread the worker lives on; named so logs and debuggers show it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pipedeck-engine")


def start_worker(worker: EngineWorker, parent: QObject | None = None) -> WorkerThread:
    thread = WorkerThread(parent)
    worker.moveToThread(thread)
    thread.start()
    return thread


__all__ = ["EngineWorker", "WorkerThread", "start_worker"]
