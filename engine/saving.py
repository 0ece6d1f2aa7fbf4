"""Saving a job's results as they come, several to a commit when they come fast.

A result is handed on (to the window, to the CLI) only once it is in the job store, so
whatever the user has seen survives a crash. Committing each result alone cost ~0.1 ms
(the commit's write to SQLite's log, mostly in the kernel), where a small model classifies
an image in ~3 ms: 3-4 % of such a job, measured. So results are saved in groups: the
first result of a group starts a clock, and the job's thread commits the group in one
transaction, then hands it on in order, with the first result that comes ``group_s`` or
more after it.

How long a group gathers depends on what the results are. A model's words and a
transcript's segments are pieces of one text that the user reads as it grows: their groups
last ``GROUP_S`` (50 ms), so the text flows. The whole results of a batch (an image's
labels, a row of a table) are rows that fill a table: their groups last ``BATCH_GROUP_S``
(0.25 s, and the saver's thread waits as long: a table that grows four times a second looks
no different to the user). A commit costs ~0.6 ms in a job (its write, and caches torch has
just filled), so committing every 50 ms cost 1.2 % of a fast batch's time, every 0.25 s
0.25 %, measured on a tiny ViT.

If no result comes for ``quiet_s`` (``QUIET_S``, 0.1 s, for a text's pieces; the next input
is slow: fast images, then a huge one), a thread of the saver's own commits and hands on
the group. So a result is shown at most ``group_s`` after it exists while results keep
coming, ``quiet_s`` once they stop (plus the commit's own time), and a crash loses about
that much finished work at most, never anything the user was shown. Results that come
slowly (``quiet_s`` or ``group_s`` after the one before, whichever is less: a model's
words, one at a time) have no group to wait for: each is committed and shown at once, by
the job's thread (the saver's thread stepped in for every word before, waking twice per
word, and each word showed 0.1 s late).
The job's thread does the steady work: commits on another thread while torch computes take
a core from torch's own threads, which cost more (measured). For the same reason the saver's
thread wakes as little as it can, and it is one thread for the whole process, started with
the first job and kept. A thread of each job's own cost the job's thread a wait for its
start and another at its end; and each wake of a thread preempts one of torch's: a job of
48 images on a tiny model saw 13.6 preemptions of its thread with a saver thread of its
own, 2.1 without one, measured with ``getrusage``. The thread sleeps with no deadline while
no group waits, and otherwise until the group is overdue: ``quiet_s`` after its latest
result, and not before ``group_s`` after its first (when the job's thread saves it itself,
if results keep coming). A batch's 48 rows on a tiny ViT now make 1 voluntary and 7
involuntary context switches in the process, as many as the same job without a store (13.5
and 27 with a thread per job and 50 ms groups).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from engine import messages
from engine.errors import PipedeckError

if TYPE_CHECKING:
    from engine.jobs import ItemResult
    from engine.store import JobStore

log = logging.getLogger(__name__)

GROUP_S = 0.05
"""How long a group of pieces of a text (words, segments) gathers before the job's thread
saves it."""
BATCH_GROUP_S = 0.25
"""How long a group of a batch's whole results (a table's rows) gathers."""
QUIET_S = 0.1
"""How long the saver's thread lets a group wait for the job's thread to add to it."""


class SaveFailed(PipedeckError):
    """The job store refused a write (a full disk, a store another program locked)."""


class ResultSaver:
    """Saves one job's results in groups; see the module docstring.

    ``deliver`` is called with each result once it is saved: in the order the results were
    added, never two calls at once, from the thread that calls :meth:`add` or
    :meth:`close`, or from the saver's own thread. Call :meth:`close` when the job ends,
    however it ends: it saves and delivers what is still waiting.
    """

    def __init__(self, store: JobStore, job_id: int, deliver: Callable[[ItemResult], None],
                 *, group_s: float = GROUP_S, quiet_s: float = QUIET_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._job_id = job_id
        self._deliver = deliver
        self._group_s = group_s
        self._quiet_s = quiet_s
        self._slow_s = min(group_s, quiet_s)
        """A result this long after the one before is saved at once."""
        self._clock = clock
        self._waiting: list[ItemResult] = []
        self._since = 0.0  # when the waiting group's first result came
        self._last = clock()  # when the latest result came (the job's start, at first)
        self._error: Exception | None = None
        """The first failure: a :class:`SaveFailed`, or what ``deliver`` raised."""
        self._lock = _RESCUER.lock  # one for all savers: the thread reads them all
        self._saving = threading.Lock()  # one group at a time, in the order they were taken
        _RESCUER.watch(self)

    def add(self, result: ItemResult) -> None:
        """Queue ``result``, saving its group if it is due.

        Raises :class:`SaveFailed` (or what ``deliver`` raised) once a group has failed.
        """
        if self._error is not None:
            raise self._error
        now = self._clock()
        with self._lock:
            # The one before came a while ago: results come slowly (a model's tokens, one
            # long input after another), no group would gather, and this one is saved and
            # shown now rather than by the saver's thread ``quiet_s`` later.
            slow = now - self._last >= self._slow_s
            if not self._waiting:
                self._since = now
                if not slow:
                    _RESCUER.nudge()
            self._last = now
            self._waiting.append(result)
            due = slow or now - self._since >= self._group_s
        if due:
            self._save_waiting()
            if self._error is not None:
                raise self._error

    def close(self) -> None:
        """Save and deliver everything still waiting; the saver's thread forgets this job.

        Raises the first failure, as :meth:`add` does.
        """
        _RESCUER.forget(self)
        self._save_waiting()
        if self._error is not None:
            raise self._error

    def _overdue_in(self) -> float | None:
        """Seconds until the waiting group is overdue (<= 0: it is), None when none waits.

        Called by the saver's thread, holding ``_lock``.
        """
        if not self._waiting:
            return None
        due = max(self._last + self._quiet_s, self._since + self._group_s)
        return due - self._clock()

    def _save_waiting(self, quiet_for: float = 0.0) -> None:
        """Commit the waiting group, then deliver it; on failure keep the error, deliver none.

        ``quiet_for``: only if no result has come for that long (the saver's thread decided
        before it held ``_saving``; the job's thread may have added or saved meanwhile).
        """
        with self._saving:
            with self._lock:
                if quiet_for and self._clock() - self._last < quiet_for:
                    return
                group, self._waiting = self._waiting, []
            if not group or self._error is not None:
                return
            try:
                self._store.add_results(self._job_id, [
                    (r.index, r.source, r.payload, r.error, r.complete) for r in group])
            except Exception as exc:  # sqlite3's errors, OSError: the job ends with a sentence
                log.exception("saving %d result(s) of job %s failed", len(group), self._job_id)
                self._error = SaveFailed(messages.SAVE_FAILED.format(detail=str(exc)[:200]))
                return
            for result in group:
                try:
                    self._deliver(result)
                except Exception as exc:  # a listener's bug: the job fails, saying so
                    log.exception("handing on a result of job %s failed", self._job_id)
                    if self._error is None:
                        self._error = exc


class _Rescuer:
    """The process's saver thread: saves the groups that jobs' threads leave waiting.

    Started with the first :class:`ResultSaver` and kept (a daemon thread: it holds nothing
    that needs saving when the process ends, the jobs' threads do).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        """Under ``changed``; savers take it directly, as a condition's own enter and exit are
        Python calls (two per result) where a lock's are not. Not re-entrant: none nests."""
        self.changed = threading.Condition(self.lock)
        self._savers: list[ResultSaver] = []
        self._idle = False  # it sleeps with no deadline: no group waits
        self._thread: threading.Thread | None = None

    def watch(self, saver: ResultSaver) -> None:
        with self.changed:
            self._savers.append(saver)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pipedeck-saver",
                                                daemon=True)
                self._thread.start()

    def forget(self, saver: ResultSaver) -> None:
        with self.changed:
            if saver in self._savers:
                self._savers.remove(saver)

    def nudge(self) -> None:
        """A group has started: give the thread a deadline if it has none. Hold ``lock``."""
        if self._idle:
            self.changed.notify()

    def _run(self) -> None:
        while True:
            with self.changed:
                while True:
                    overdue, soonest = self._next()
                    if overdue is not None:
                        break
                    self._idle = soonest is None
                    self.changed.wait(soonest)
                    self._idle = False
            try:
                overdue._save_waiting(quiet_for=overdue._quiet_s)
            except Exception:  # a bug: keep the thread, every later job needs it
                log.exception("the saver's thread failed to save a waiting group")

    def _next(self) -> tuple[ResultSaver | None, float | None]:
        """An overdue saver, else the seconds until the first group is overdue (or None)."""
        soonest: float | None = None
        for saver in self._savers:
            left = saver._overdue_in()
            if left is None:
                continue
            if left <= 0:
                return saver, None
            soonest = left if soonest is None else min(soonest, left)
        return None, soonest


_RESCUER = _Rescuer()
