"""Jobs: a task run on some inputs with a model, reporting as it goes.

:func:`run_job` is the one place where a job's life is decided: it saves the job, loads
the model through the :class:`~engine.models.PipelineCache`, runs the task's runner,
saves each partial result as it comes and forwards it once saved (:mod:`engine.saving`:
within 0.25 s, several to a commit when they come fast), and ends the job as done,
cancelled or failed with a sentence the user can read. The GUI's worker and the CLI both
call it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from engine import messages
from engine.errors import (
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    Cancelled,
    ConsentRequired,
    InputError,
    OutOfMemory,
    PipedeckError,
)
from engine.params import resolve_params
from engine.progress import JobControl
from engine.saving import BATCH_GROUP_S, GROUP_S, QUIET_S, ResultSaver
from engine.tasks import get_task

if TYPE_CHECKING:  # the window imports this module's types at start-up; it needs neither
    from engine.models import ModelKey, PipelineCache
    from engine.store import JobStore

log = logging.getLogger(__name__)


class JobState(StrEnum):
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"
    FAILED = "failed"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class JobSpec:
    """What to run: crosses the thread boundary, so it is frozen."""

    task: str
    inputs: tuple[str, ...]
    model: str
    params: Mapping[str, Any] = field(default_factory=dict)
    device: str = "cpu"
    dtype: str = "auto"
    trust_remote_code: bool = False
    allow_pickle: bool = False
    revision: str | None = None

    @property
    def key(self) -> ModelKey:
        from engine.models import ModelKey

        task = get_task(self.task).id
        speed = "off"
        if task == "automatic-speech-recognition":
            from engine.asr_speed import choose_level

            chosen = str(self.params.get("speed") or "auto")
            speed = choose_level(self.device) if chosen == "auto" else chosen
            if self.device != "cpu":  # int8 kernels exist only there: one cache entry
                speed = "off"
        return ModelKey(task, self.model, self.device, self.dtype, self.trust_remote_code,
                        self.allow_pickle, self.revision, speed)


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One partial result: for input number ``index``, a payload or an error sentence."""

    index: int
    source: str
    payload: dict[str, Any] | None = None
    error: str | None = None
    job_id: int | None = None
    complete: bool = True
    """False for one piece of a longer result (a transcript's segments); the input is
    finished when a result with ``complete`` arrives."""


@dataclass(frozen=True, slots=True)
class JobOutcome:
    job_id: int | None
    state: JobState
    message: str = ""
    results: int = 0
    errors: int = 0
    exit_code: int = 0
    consent: str | None = None
    """"pickle" or "remote_code" when the model needs the user's permission to load."""
    revision: str | None = None


def default_batch_size(device: str) -> int:
    """1 on a CPU (batching is slower there, as measured), 8 on an accelerator."""
    return 1 if device == "cpu" else 8


def per_source(runner: Any, pipe: Any, items: Sequence[str], params: Mapping[str, Any],
               control: JobControl, done: Mapping[int, list[dict[str, Any]]],
               finished: set[int]) -> Iterator[ItemResult]:
    """Drive a one-input-at-a-time runner over every input, isolating each input's errors."""
    for index, source in enumerate(items):
        if index in finished:
            continue
        control.check()
        try:
            for payload in runner(pipe, source, params, control, done.get(index, [])):
                yield ItemResult(index, source, payload, complete=False)
        except InputError as exc:
            yield ItemResult(index, source, error=str(exc))
        else:
            yield ItemResult(index, source)


def kept_results(store: JobStore, job_id: int) -> list[ItemResult]:
    """A job's saved results as the job handed them on: how the window shows a past job."""
    return [ItemResult(kept.item, kept.source, kept.payload, kept.error, job_id, kept.complete)
            for kept in store.results(job_id)]


def _done_items(store: JobStore | None, job_id: int | None
                ) -> tuple[dict[int, list[dict[str, Any]]], set[int]]:
    """Partial payloads already saved per input, and the inputs that are finished."""
    done: dict[int, list[dict[str, Any]]] = {}
    finished: set[int] = set()
    if store is None or job_id is None:
        return done, finished
    for result in store.results(job_id):
        if result.payload is not None:
            done.setdefault(result.item, []).append(result.payload)
        if result.complete:
            finished.add(result.item)
    return done, finished


def run_job(spec: JobSpec, control: JobControl, cache: PipelineCache,
            store: JobStore | None = None, *, resume_job: int | None = None) -> JobOutcome:
    """Run ``spec`` to the end; never raises for the user's errors, returns the outcome."""
    job_id: int | None = resume_job
    counts = {"results": 0, "errors": 0}
    try:
        task = get_task(spec.task)
        params = resolve_params(task.params, spec.params)
        if any(p.name == "batch_size" for p in task.params) and not params.get("batch_size"):
            params["batch_size"] = default_batch_size(spec.device)
        if store is not None:
            if job_id is None:
                job_id = store.create_job(task=task.id, model=spec.model, device=spec.device,
                                          dtype=spec.dtype, params=params, inputs=spec.inputs)
            else:
                store.reopen_job(job_id)
        done, finished = _done_items(store, resume_job)  # a new job has saved nothing
        control.say(None, messages.LOADING, force=True, model=spec.model)
        control.check()
        pipe = cache.get(spec.key)
        from engine.models import inference  # imported with the model, not with the window

        control.check()
        runner = task.load_runner()
        if task.batched:
            stream = runner(pipe, list(spec.inputs), params, control, finished)
        else:
            stream = per_source(runner, pipe, list(spec.inputs), params, control, done, finished)

        def deliver(result: ItemResult) -> None:  # once saved: counted and shown
            if result.error:
                counts["errors"] += 1
            elif result.payload is not None:
                counts["results"] += 1
            control.partial(result)

        saver = None
        if store is not None and job_id is not None:  # a batch's rows, or a text's pieces
            wait = (BATCH_GROUP_S, BATCH_GROUP_S) if task.batched else (GROUP_S, QUIET_S)
            saver = ResultSaver(store, job_id, deliver, group_s=wait[0], quiet_s=wait[1])
        try:
            with inference():  # the runner's model calls happen as the stream is read
                for result in stream:  # a piece (complete=False) is not a finished input
                    result = ItemResult(result.index, result.source, result.payload,
                                        result.error, job_id, result.complete)
                    if saver is None:
                        deliver(result)
                    else:
                        saver.add(result)
        except BaseException:
            if saver is not None:  # what is done is saved and shown, however the job ends
                _close_quietly(saver)
            raise
        if saver is not None:
            saver.close()
        control.check()
        control.say(1.0, messages.DONE, force=True)
        message = (messages.INPUTS_UNREADABLE.format(count=counts["errors"])
                   if counts["errors"] else "")
        return _finish(store, job_id, JobState.DONE, message, counts)
    except Cancelled:
        return _finish(store, job_id, JobState.CANCELLED, messages.CANCELLED, counts,
                       EXIT_INTERRUPTED)
    except ConsentRequired as exc:
        outcome = _finish(store, job_id, JobState.FAILED, str(exc), counts, exc.exit_code)
        return JobOutcome(outcome.job_id, outcome.state, outcome.message, outcome.results,
                          outcome.errors, outcome.exit_code, exc.consent, exc.revision)
    except PipedeckError as exc:
        return _finish(store, job_id, JobState.FAILED, str(exc), counts, exc.exit_code)
    except MemoryError:
        log.exception("out of memory in job %s", job_id)
        return _finish(store, job_id, JobState.FAILED, str(OutOfMemory(messages.OUT_OF_MEMORY)),
                       counts, EXIT_MODEL)
    except Exception as exc:  # the last line of defence: log it, say it plainly, keep going
        log.exception("job %s failed", job_id)
        if "out of memory" in str(exc).lower():
            message = messages.OUT_OF_MEMORY
        else:
            message = messages.SOMETHING_WRONG.format(
                detail=f"{type(exc).__name__}: {str(exc)[:200]}")
        return _finish(store, job_id, JobState.FAILED, message, counts, 1)


def _close_quietly(saver: ResultSaver) -> None:
    """Close ``saver`` while another error ends the job: that error is the one to tell."""
    try:
        saver.close()
    except Exception:
        log.exception("saving the last results failed while the job was ending")


def _finish(store: JobStore | None, job_id: int | None, state: JobState, message: str,
            counts: dict[str, int], exit_code: int = 0) -> JobOutcome:
    if store is not None and job_id is not None:
        store.finish_job(job_id, state.value, message)
    return JobOutcome(job_id, state, message, counts["results"], counts["errors"], exit_code)
