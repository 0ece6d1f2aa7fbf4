"""Saving a job's results as they come, several to a commit when they come fast.

A result is handed on (to the window, to the CLI) only once it is in the job store, so
whatever the user has seen survives a crash. Committing each result alone cost ~0.1 ms
(the commit's write to SQLite's log, mostly in the kernel), where a small model classifies
an image in ~3 ms: 3-4 % of such a job, measured. So results are saved in groups: the
first result of a group starts a clock, and the job's thread commits the group in one
transaction, then hands it on in order, with the first result that comes ``GROUP_S`` or
more after it.

If none comes (the next input is slow: fast images, then a huge one), a thread of the
saver's own commits and hands on the group once no result has come for ``2 * GROUP_S``. So
a result is shown about 0.15 s after it exists at the latest (plus the commit's own time),
and a crash loses about that much finished work at most, never anything the user was shown.
Results that come slowly (``GROUP_S`` or more after the one before: a model's words, one at
a time) have no group to wait for: each is committed and shown at once, by the job's thread
(the saver's thread stepped in for every word before, waking twice per word, and each word
showed 0.1 s late).
The job's thread does the steady work: commits on another thread while torch computes take
a core from torch's own threads, which cost more (measured). For the same reason the saver's
thread wakes as little as it can: about once per ``2 * GROUP_S`` while results come, and
at a group's start only when it had no group to watch. (Waking at each group's start made
21 voluntary context switches in a 48-image job on a tiny model, each wake taking the GIL
from the job's thread; this makes 13, 3 of them the thread's own start and end.)
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
"""How long a group gathers results before the job's thread saves it (the saver's thread
steps in when the job's thread has added nothing for twice that)."""


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
                 *, group_s: float = GROUP_S, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        self._store = store
        self._job_id = job_id
        self._deliver = deliver
        self._group_s = group_s
        self._clock = clock
        self._waiting: list[ItemResult] = []
        self._since = 0.0  # when the waiting group's first result came
        self._last = clock()  # when the latest result came (the job's start, at first)
        self._idle = False  # the saver's thread waits for a group, with no deadline
        self._closing = False
        self._error: Exception | None = None
        """The first failure: a :class:`SaveFailed`, or what ``deliver`` raised."""
        self._changed = threading.Condition()
        self._saving = threading.Lock()  # one group at a time, in the order they were taken
        self._thread = threading.Thread(target=self._rescue, name="pipedeck-saver",
                                        daemon=True)
        self._thread.start()

    def add(self, result: ItemResult) -> None:
        """Queue ``result``, saving its group if it is due.

        Raises :class:`SaveFailed` (or what ``deliver`` raised) once a group has failed.
        """
        if self._error is not None:
            raise self._error
        now = self._clock()
        with self._changed:
            # The one before came a while ago: results come slowly (a model's tokens, one
            # long input after another), no group would gather, and this one is saved and
            # shown now rather than by the saver's thread ``2 * group_s`` later.
            slow = now - self._last >= self._group_s
            if not self._waiting:
                self._since = now
                if self._idle and not slow:
                    self._changed.notify()
            self._last = now
            self._waiting.append(result)
            due = slow or now - self._since >= self._group_s
        if due:
            self._save_waiting()
            if self._error is not None:
                raise self._error

    def close(self) -> None:
        """Save and deliver everything still waiting, and stop the saver's thread.

        Raises the first failure, as :meth:`add` does.
        """
        with self._changed:
            self._closing = True
            self._changed.notify()
        self._thread.join()
        self._save_waiting()
        if self._error is not None:
            raise self._error

    def _rescue(self) -> None:
        """The saver's thread: saves a group the job's thread has left waiting too long.

        It sleeps until ``2 * group_s`` after the latest result; a result added meanwhile
        moves that moment on, so while results come it wakes once per ``2 * group_s``.
        """
        while True:
            with self._changed:
                while not self._closing:
                    if not self._waiting:
                        self._idle = True
                        self._changed.wait()
                        self._idle = False
                        continue
                    left = self._last + 2 * self._group_s - self._clock()
                    if left <= 0:
                        break
                    self._changed.wait(left)
                if self._closing:  # close() saves the rest, after this thread has ended
                    return
            self._save_waiting(quiet_for=2 * self._group_s)
            if self._error is not None:
                return

    def _save_waiting(self, quiet_for: float = 0.0) -> None:
        """Commit the waiting group, then deliver it; on failure keep the error, deliver none.

        ``quiet_for``: only if no result has come for that long (the saver's thread decided
        before it held ``_saving``; the job's thread may have added or saved meanwhile).
        """
        with self._saving:
            with self._changed:
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
