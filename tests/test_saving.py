"""Results are saved in groups when they come fast, and shown only once saved."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from engine.jobs import ItemResult, JobSpec, JobState, run_job
from engine.models import PipelineCache
from engine.progress import JobControl
from engine.saving import BATCH_GROUP_S, GROUP_S, QUIET_S, ResultSaver, SaveFailed
from engine.store import JobStore, ResultRow


class CountingStore(JobStore):
    """A real job store that counts its commits of results."""

    commits = 0

    def add_results(self, job_id: int, rows: Sequence[ResultRow]) -> None:
        super().add_results(job_id, rows)
        self.commits += 1


class FullDiskStore(JobStore):
    """A real job store whose disk fills up: every write of results fails as SQLite's does."""

    def add_results(self, job_id: int, rows: Sequence[ResultRow]) -> None:
        raise sqlite3.OperationalError("database or disk is full")


def _job(store: JobStore) -> int:
    return store.create_job(task="image-classification", model="m", device="cpu",
                            dtype="auto", params={}, inputs=["x"] * 100)


def test_fast_results_share_commits_and_are_shown_in_order_once_saved(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "jobs.sqlite3")
    job_id = _job(store)
    shown: list[int] = []
    saved_when_shown: list[bool] = []

    def deliver(result: ItemResult) -> None:
        saved_when_shown.append(result.index in {r.item for r in store.results(job_id)})
        shown.append(result.index)

    saver = ResultSaver(store, job_id, deliver)
    started = time.monotonic()
    for index in range(100):
        saver.add(ItemResult(index, f"img{index}.png", {"labels": []}))
        time.sleep(0.001)  # a fast model: a result every millisecond or so
    took = time.monotonic() - started
    saver.close()
    assert shown == list(range(100))
    assert all(saved_when_shown)
    assert [r.item for r in store.results(job_id)] == list(range(100))
    assert store.commits <= min(took / GROUP_S + 2, 30)  # ~one per 50 ms, not one per result


def test_a_batchs_rows_are_saved_a_quarter_second_at_a_time(
        vit_model: Path, images: dict[str, Path], pipedeck_home: Path) -> None:
    """Each commit costs ~0.6 ms in a job: a batch's rows (an image's labels) gather for
    ``BATCH_GROUP_S``, not ``GROUP_S``, so saving costs ~0.25 % of a fast batch, not 1.2 %."""
    store = CountingStore(pipedeck_home / "jobs.sqlite3")
    shown: list[ItemResult] = []
    when: list[float] = []

    def deliver(result: ItemResult) -> None:
        shown.append(result)
        when.append(time.monotonic())

    inputs = tuple(str(images["red square.png"]) for _ in range(80))
    outcome = run_job(JobSpec("classify-image", inputs, str(vit_model)),
                      JobControl(on_partial=deliver), PipelineCache(), store)
    assert outcome.state is JobState.DONE, outcome.message
    assert [result.index for result in shown] == list(range(80))
    assert len(store.results(outcome.job_id)) == 80  # type: ignore[arg-type]
    took = when[-1] - when[0] + BATCH_GROUP_S  # from the first group's start to the last
    # one commit per quarter second, the last group, and the first result if the model's
    # first call was slow (it is saved at once); 50 ms groups made one per 50 ms
    assert store.commits <= took / BATCH_GROUP_S + 2, (store.commits, took)


def test_a_result_is_shown_while_the_next_input_is_still_running(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    job_id = _job(store)
    shown = threading.Event()
    saver = ResultSaver(store, job_id, lambda result: shown.set())
    added = time.monotonic()
    saver.add(ItemResult(0, "fast.png", {"labels": []}))
    # the job's thread is now busy with a slow input and does not call the saver
    assert shown.wait(timeout=5), "a finished result waited for the next one"
    waited = time.monotonic() - added
    assert [r.item for r in store.results(job_id)] == [0]
    saver.close()
    assert waited >= QUIET_S * 0.9  # the saver's thread stepped in, not the job's


def test_the_savers_thread_wakes_once_per_quiet_period_while_results_come(
        tmp_path: Path) -> None:
    """Each wake of the saver's thread takes the GIL and a core from torch's threads: while
    results come it sleeps ``QUIET_S`` at a time, not once per group."""
    store = JobStore(tmp_path / "jobs.sqlite3")
    job_id = _job(store)
    reads = 0  # the saver's thread reads the clock once per turn of its loop
    rescues = 0  # groups it saved itself: the job's thread stalled (a busy machine)

    def on_saver_thread() -> bool:
        return threading.current_thread().name == "pipedeck-saver"

    def clock() -> float:
        nonlocal reads
        reads += on_saver_thread()
        return time.monotonic()

    def deliver(result: ItemResult) -> None:
        nonlocal rescues
        rescues += on_saver_thread()

    saver = ResultSaver(store, job_id, deliver, clock=clock)
    started = time.monotonic()
    index = 0
    while time.monotonic() - started < 16 * GROUP_S:  # ~16 groups' worth of fast results
        saver.add(ItemResult(index, f"img{index}.png", {"labels": []}))
        index += 1
        time.sleep(0.002)
    took = time.monotonic() - started
    saver.close()
    assert len(store.results(job_id)) == index
    # ~one turn per QUIET_S (9 here), and a rescue costs a save's read and a fresh
    # start; waking at each group's start made one turn per group (16)
    assert reads <= took / QUIET_S + 3 + 2 * rescues, (reads, rescues, took)


def test_one_saver_thread_serves_every_job_and_none_is_started_per_job(tmp_path: Path) -> None:
    """A thread of each job's own made the job's thread wait for its start and its end, and
    each of its wakes preempted one of torch's threads."""
    store = JobStore(tmp_path / "jobs.sqlite3")
    rescued_by: list[int] = []
    threads = set()
    for _job_number in range(3):
        shown = threading.Event()

        def deliver(result: ItemResult, shown: threading.Event = shown) -> None:
            rescued_by.append(threading.get_ident())
            shown.set()

        saver = ResultSaver(store, _job(store), deliver)
        threads.add(frozenset(t.ident for t in threading.enumerate()))
        saver.add(ItemResult(0, "fast.png", {"labels": []}))
        assert shown.wait(timeout=5)  # the job's thread is busy: the saver's steps in
        saver.close()
    assert len(set(rescued_by)) == 1
    assert rescued_by[0] != threading.get_ident()
    assert len(threads) == 1, "a thread was started for a job"
    assert [t.name for t in threading.enumerate()].count("pipedeck-saver") == 1


def test_a_full_disk_ends_the_job_in_plain_words_and_shows_nothing_unsaved(
        vit_model: Path, images: dict[str, Path], pipedeck_home: Path) -> None:
    store = FullDiskStore(pipedeck_home / "jobs.sqlite3")
    shown: list[ItemResult] = []
    inputs = tuple(str(images["red square.png"]) for _ in range(5))
    outcome = run_job(JobSpec("classify-image", inputs, str(vit_model)),
                      JobControl(on_partial=shown.append), PipelineCache(), store)
    assert outcome.state is JobState.FAILED
    assert outcome.message.startswith("Could not save the results (database or disk is full)")
    assert "Traceback" not in outcome.message
    assert shown == []
    assert store.job(outcome.job_id).state == "failed"  # type: ignore[arg-type]


def test_a_failed_save_stops_the_job_with_the_reason(tmp_path: Path) -> None:
    store = FullDiskStore(tmp_path / "jobs.sqlite3")
    saver = ResultSaver(store, _job(store), lambda result: None, group_s=0.0)
    with pytest.raises(SaveFailed, match=r"disk is full\)\. Is the disk full\?"):
        saver.add(ItemResult(0, "a.png", {"labels": []}))
    with pytest.raises(SaveFailed):  # and it stays failed: no later result is taken
        saver.add(ItemResult(1, "b.png", {"labels": []}))
    with pytest.raises(SaveFailed):
        saver.close()


def test_a_listener_that_fails_ends_the_job_and_the_rest_is_still_shown(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    shown: list[int] = []

    def deliver(result: ItemResult) -> None:
        if result.index == 1:
            raise RuntimeError("a bug in the window")
        shown.append(result.index)

    saver = ResultSaver(store, _job(store), deliver, group_s=10.0)
    for index in range(3):
        saver.add(ItemResult(index, f"img{index}.png", {"labels": []}))
    with pytest.raises(RuntimeError, match="a bug in the window"):
        saver.close()
    assert shown == [0, 2]


def test_results_that_come_slowly_are_each_saved_and_shown_at_once_by_the_jobs_thread(
        tmp_path: Path) -> None:
    """A model's words come ~0.1 s apart on a CPU: no group gathers, so none waits for the
    saver's thread to step in (``QUIET_S`` later, waking it twice per word)."""
    store = JobStore(tmp_path / "jobs.sqlite3")
    job_id = _job(store)
    shown_by: list[str] = []
    saved_when_shown: list[bool] = []

    def deliver(result: ItemResult) -> None:
        shown_by.append(threading.current_thread().name)
        saved_when_shown.append(result.index in {r.item for r in store.results(job_id)})

    saver = ResultSaver(store, job_id, deliver)
    for index in range(5):
        time.sleep(1.5 * GROUP_S)  # the model writes its next word
        saver.add(ItemResult(index, "prompt", {"delta": f"word{index} "}, complete=False))
        assert len(shown_by) == index + 1, "a word waited to be shown"
    saver.close()
    assert shown_by == [threading.current_thread().name] * 5
    assert all(saved_when_shown)
