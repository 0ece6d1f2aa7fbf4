"""Running the model picker's engine calls off the GUI thread.

Every Hub request and every scan of the model cache can take seconds (or, with a silent
server, up to its timeout), so none of them may run on the GUI thread. Each call runs on a
small shared thread pool; its result or error goes into a queue that a 25 ms timer on the
GUI thread drains while calls are running, so callbacks always run on the GUI thread,
carrying the engine's own frozen values. Calls run side by side: a slow search never waits
behind a download, and stale answers are dropped by the caller.

Why plain Python threads and a queue, not ``QThreadPool.start(callable)``, ``Signal.emit``
or ``QTimer.singleShot(0, context, functor)``: PySide6 6.12.0 on Python 3.11 loses a
reference to ``True`` on every ``SignalInstance.emit`` and one to ``None`` on every Python
callable it calls back, so a few hundred of either abort the process ("Fatal Python error:
bool_dealloc"/"none_dealloc"); 6.11.3 does not. A C++ signal calling a Python slot (the
timer's ``timeout``) is not affected, and ``queue.SimpleQueue`` is thread-safe.
"""

from __future__ import annotations

import logging
import queue
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer

from engine.errors import PipedeckError

log = logging.getLogger(__name__)

POLL_MS = 25
_pool: ThreadPoolExecutor | None = None


def shared_pool() -> ThreadPoolExecutor:
    """One pool for every picker, so closing a dialog never waits for a slow request."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pipedeck-hub")
    return _pool


_Callback = Callable[[Any], None]


class BackgroundCalls(QObject):
    """Starts calls on the shared pool, counts the running ones, delivers their outcomes."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._live: set[int] = set()
        self._next_id = 0
        self._outbox: queue.SimpleQueue[tuple[int | None, _Callback, Any]] = queue.SimpleQueue()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._deliver)

    @property
    def running(self) -> int:
        return len(self._live)

    def start(self, call: Callable[[], Any], on_done: _Callback,
              on_failed: Callable[[BaseException], None]) -> None:
        """Run ``call()`` on the pool; ``on_done(result)`` or ``on_failed(error)`` on this thread.

        ``on_failed`` gets what ``call`` raised; engine errors are best returned as values
        (see :func:`answering`), so this is for the unexpected.
        """
        call_id = self._next_id
        self._next_id += 1
        self._live.add(call_id)
        self._timer.start()
        shared_pool().submit(self._run, call_id, call, on_done, on_failed)

    def post(self, callback: _Callback, value: Any) -> None:
        """From any thread: have ``callback(value)`` run on the GUI thread (e.g. progress).

        Only delivered while a call is running, which is when a worker has anything to say.
        """
        self._outbox.put((None, callback, value))

    def _run(self, call_id: int, call: Callable[[], Any], on_done: _Callback,
             on_failed: Callable[[BaseException], None]) -> None:
        """On a pool thread: run the call, then queue its outcome for the GUI thread."""
        try:
            outcome: tuple[int | None, _Callback, Any] = (call_id, on_done, call())
        except Exception as error:  # shown to the user; unexpected ones are logged too
            if not isinstance(error, PipedeckError):
                log.exception("background call failed")
            outcome = (call_id, on_failed, error)
        self._outbox.put(outcome)

    def _deliver(self) -> None:
        """On the GUI thread: run every queued callback, in the order they were queued."""
        while True:
            try:
                call_id, callback, value = self._outbox.get_nowait()
            except queue.Empty:
                break
            if call_id is not None:
                self._live.discard(call_id)
            callback(value)
        if not self._live:
            self._timer.stop()


@dataclass(frozen=True, slots=True)
class Answer:
    """One call's outcome, ``value`` or the engine's ``error``, tagged with what it answers.

    The tag lets the GUI drop a late answer to an older question (a previous search).
    """

    key: Any
    value: Any = None
    error: PipedeckError | None = None


def answering(key: Any, call: Callable[[], Any]) -> Callable[[], Answer]:
    """Wrap ``call`` so engine errors come back as an :class:`Answer`, not a failure."""
    def run() -> Answer:
        try:
            return Answer(key, call())
        except PipedeckError as error:
            return Answer(key, error=error)
    return run
