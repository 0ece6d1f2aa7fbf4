"""The job store keeps finished work through crashes and bad files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from engine.store import JobStore

WRITER = textwrap.dedent("""
    import os, sys, time
    from engine.store import JobStore
    store = JobStore(sys.argv[1])
    job = store.create_job(task="zero-shot-classification", model="m", device="cpu",
                           dtype="auto", params={"candidate_labels": ["a"]}, inputs=["x", "y", "z"])
    for item in range(2):
        store.add_result(job, item, "x", {"labels": [{"label": "a", "score": 1.0}]})
    print(job, flush=True)
    time.sleep(60)
""")


def test_partial_results_survive_a_killed_process(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                            text=True, cwd=Path(__file__).resolve().parent.parent)
    assert proc.stdout is not None
    job_id = int(proc.stdout.readline())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    store = JobStore(path)
    record = store.job(job_id)
    assert record.state == "interrupted"
    assert [r.item for r in store.results(job_id)] == [0, 1]
    assert record.params == {"candidate_labels": ["a"]}


def test_unreadable_store_is_moved_aside_and_a_new_one_started(tmp_path: Path) -> None:
    path = tmp_path / "jobs.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = JobStore(path)
    assert store.moved_aside is not None and store.moved_aside.exists()
    assert store.jobs() == []


def test_jobs_list_newest_first_with_result_counts(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    first = store.create_job(task="t", model="m", device="cpu", dtype="auto", params={},
                             inputs=["a"])
    second = store.create_job(task="t", model="m", device="cpu", dtype="auto", params={},
                              inputs=["b"])
    store.add_result(second, 0, "b", {"x": 1})
    store.finish_job(first, "done")
    jobs = store.jobs()
    assert [j.id for j in jobs] == [second, first]
    assert jobs[0].result_count == 1 and jobs[1].state == "done"
