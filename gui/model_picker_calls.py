"""Running the model picker's engine calls off the GUI thread.

Every Hub request and every scan of the model cache can take seconds (or, with a silent
server, up to its timeout), so none of them may run on the GUI thread. Each call runs on a
shared ``QThreadPool``; its result or error comes back as a queued signal carrying the
engine's own frozen values, so slots always run on the GUI thread. Calls run side by side:
a slow search never waits behind a download, and stale answers are dropped by the caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot

from engine.errors import PipedeckError

log = logging.getLogger(__name__)

_pool: QThreadPool | None = None


def shared_pool() -> QThreadPool:
    """One pool for every picker; owned by the application, so it outlives any dialog.

    A pool owned by the dialog would make closing it wait for a slow request.
    """
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setObjectName("pipedeck-hub-calls")
        _pool.setMaxThreadCount(4)
    return _pool


class _Relay(QObject):
    """Carries one call's outcome across threads; lives on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)
    settled = Signal(object)


def _run(call: Callable[[], Any], relay: _Relay) -> None:
    try:
        try:
            result = call()
        except Exception as error:  # every error is shown; unexpected ones are logged too
            if not hasattr(error, "message"):
                log.exception("background call failed")
            relay.failed.emit(error)
        else:
            relay.done.emit(result)
        relay.settled.emit(relay)
    except RuntimeError:  # the dialog (and the relay with it) was deleted meanwhile
        log.debug("result of a background call dropped: its dialog is gone")


class BackgroundCalls(QObject):
    """Starts calls on the shared pool and counts the ones still running."""

    idle = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._live: set[_Relay] = set()

    @property
    def running(self) -> int:
        return len(self._live)

    def start(self, call: Callable[[], Any], on_done: Callable[[Any], None],
              on_failed: Callable[[BaseException], None]) -> None:
        """Run ``call()`` on the pool; ``on_done(result)`` or ``on_failed(error)`` on this thread.

        ``on_done`` and ``on_failed`` must be methods of QObjects living on the GUI thread,
        so the queued connection delivers them there (and drops them if that object dies).
        """
        relay = _Relay(self)  # owned by C++: never deleted by a pool thread dropping it
        queued = Qt.ConnectionType.QueuedConnection
        relay.done.connect(on_done, queued)
        relay.failed.connect(on_failed, queued)
        relay.settled.connect(self._settled, queued)
        self._live.add(relay)
        relay.setObjectName(repr([getattr(c.cell_contents, '__code__', c.cell_contents) for c in (call.__closure__ or ())]))
        shared_pool().start(lambda: _run(call, relay))

    @Slot(object)
    def _settled(self, relay: _Relay) -> None:
        self._live.discard(relay)
        relay.deleteLater()
        if not self._live:
            self.idle.emit()


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
