"""The job store: every job, its parameters and each partial result, as they arrive.

SQLite in WAL mode, one row per partial result committed at once, so finished work
survives a crash of the app or the machine. Opening the store marks jobs that were
running in a process that is gone as ``interrupted``; they can be resumed.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3  # imported where used: the window's start-up does not need it

log = logging.getLogger(__name__)

ResultRow = tuple[int, str, Mapping[str, Any] | None, str | None, bool]
"""(item, source, payload, error, complete): one partial result as saved."""

_JSON = json.JSONEncoder(default=str, check_circular=False)
"""One encoder for every payload (``json.dumps`` with ``default`` builds one per call).

Payloads are trees the runners build from a pipeline's output, never circular: without the
check, an image's labels encode in a third of the time (~7 µs instead of ~20 µs, most of a
result's saving cost when a tiny model classifies an image in ~6 ms). A cycle would still
end in an error (RecursionError), which fails the save in plain words like any other."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task TEXT NOT NULL,
    model TEXT NOT NULL,
    device TEXT NOT NULL,
    dtype TEXT NOT NULL,
    params TEXT NOT NULL,
    inputs TEXT NOT NULL,
    state TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    pid INTEGER,
    created REAL NOT NULL,
    finished REAL
);
CREATE TABLE IF NOT EXISTS results (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    item INTEGER NOT NULL,
    source TEXT NOT NULL,
    payload TEXT,
    error TEXT,
    complete INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (job_id, seq)
);
-- stores made before 2026-11-30 had an index on (job_id, item): it served no query and
-- added a page to write at every commit
DROP INDEX IF EXISTS results_item;
"""


@dataclass(frozen=True, slots=True)
class JobRecord:
    """A job as the History panel lists it."""

    id: int
    task: str
    model: str
    device: str
    dtype: str
    params: dict[str, Any]
    inputs: list[str]
    state: str
    message: str
    created: float
    finished: float | None
    result_count: int = 0


@dataclass(frozen=True, slots=True)
class StoredResult:
    item: int
    source: str
    payload: dict[str, Any] | None
    error: str | None
    complete: bool = True
    seq: int = 0


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class JobStore:
    """Thread-safe access to the job database (one connection, one lock)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.moved_aside: Path | None = None
        self._lock = threading.Lock()
        import sqlite3

        try:
            self._conn = self._open()
        except sqlite3.DatabaseError:
            self.moved_aside = self._move_aside()
            self._conn = self._open()
        self._mark_interrupted()

    def _open(self) -> sqlite3.Connection:
        import sqlite3

        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None,
                               timeout=10)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.executescript(SCHEMA)
        conn.execute("SELECT count(*) FROM jobs").fetchone()
        return conn

    def _move_aside(self) -> Path:
        """An unreadable store is kept for inspection and a fresh one started."""
        aside = self.path.with_name(f"{self.path.name}.broken-{int(time.time())}")
        log.error("job store %s is unreadable; moved to %s", self.path, aside)
        for suffix in ("", "-wal", "-shm"):
            source = Path(str(self.path) + suffix)
            if source.exists():
                source.replace(Path(str(aside) + suffix))
        return aside

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _mark_interrupted(self) -> None:
        with self._tx() as conn:
            rows = conn.execute("SELECT id, pid FROM jobs WHERE state IN ('running', 'queued')")
            dead = [job_id for job_id, pid in rows.fetchall() if not _pid_alive(pid)]
            for job_id in dead:
                conn.execute("UPDATE jobs SET state='interrupted', message=? WHERE id=?",
                             ("stopped before it finished; its finished work is kept", job_id))

    def create_job(self, *, task: str, model: str, device: str, dtype: str,
                   params: Mapping[str, Any], inputs: Sequence[str]) -> int:
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO jobs (task, model, device, dtype, params, inputs, state, pid, created)"
                " VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?)",
                (task, model, device, dtype, json.dumps(dict(params), default=str),
                 json.dumps(list(inputs)), os.getpid(), time.time()))
            job_id = cursor.lastrowid
        assert job_id is not None
        return job_id

    def reopen_job(self, job_id: int) -> None:
        """Mark an interrupted job as running again in this process (resume)."""
        with self._tx() as conn:
            conn.execute("UPDATE jobs SET state='running', pid=?, finished=NULL, message=''"
                         " WHERE id=?", (os.getpid(), job_id))

    def add_result(self, job_id: int, item: int, source: str,
                   payload: Mapping[str, Any] | None, error: str | None = None, *,
                   complete: bool = True) -> None:
        """Save one partial result now (committed before this returns)."""
        self.add_results(job_id, [(item, source, payload, error, complete)])

    def add_results(self, job_id: int, rows: Sequence[ResultRow]) -> None:
        """Save partial results in one transaction, in order (committed before this returns).

        One commit for many rows: each commit writes to SQLite's log and costs ~0.1 ms,
        which a fast job pays per result (``engine.saving`` groups them).
        """
        data = [(job_id, item, source, None if payload is None else _JSON.encode(payload),
                 error, int(complete)) for item, source, payload, error, complete in rows]
        with self._tx() as conn:
            conn.executemany(
                "INSERT INTO results (job_id, seq, item, source, payload, error, complete)"
                " VALUES (?1, (SELECT COALESCE(MAX(seq), -1) + 1 FROM results"
                " WHERE job_id=?1), ?2, ?3, ?4, ?5, ?6)", data)

    def update_result_payload(self, job_id: int, seq: int, payload: Mapping[str, Any]) -> None:
        """Replace a saved result (a user's edit of a transcript segment, say)."""
        with self._tx() as conn:
            conn.execute("UPDATE results SET payload=? WHERE job_id=? AND seq=?",
                         (_JSON.encode(payload), job_id, seq))

    def finish_job(self, job_id: int, state: str, message: str = "") -> None:
        with self._tx() as conn:
            conn.execute("UPDATE jobs SET state=?, message=?, finished=? WHERE id=?",
                         (state, message, time.time(), job_id))

    def delete_job(self, job_id: int) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM jobs WHERE id=?", (job_id,))

    def job(self, job_id: int) -> JobRecord:
        jobs = self._jobs("WHERE j.id=?", (job_id,))
        if not jobs:
            raise KeyError(job_id)
        return jobs[0]

    def jobs(self, limit: int = 200) -> list[JobRecord]:
        """Most recent first."""
        return self._jobs("ORDER BY j.id DESC LIMIT ?", (limit,))

    def _jobs(self, clause: str, args: tuple[Any, ...]) -> list[JobRecord]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT j.id, j.task, j.model, j.device, j.dtype, j.params, j.inputs, j.state,"
                " j.message, j.created, j.finished,"
                " (SELECT count(*) FROM results r WHERE r.job_id = j.id)"
                f" FROM jobs j {clause}", args).fetchall()
        return [JobRecord(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]),
                          json.loads(row[6]), row[7], row[8], row[9], row[10], row[11])
                for row in rows]

    def results(self, job_id: int) -> list[StoredResult]:
        """Every saved partial result of a job, in the order they arrived."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT item, source, payload, error, complete, seq FROM results"
                " WHERE job_id=? ORDER BY seq", (job_id,)).fetchall()
        return [StoredResult(item, source, None if payload is None else json.loads(payload), error,
                             bool(complete), seq)
                for item, source, payload, error, complete, seq in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def default_store_path() -> Path:
    from engine.paths import data_dir

    return data_dir() / "jobs.sqlite3"
