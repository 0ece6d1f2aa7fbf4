"""Progress reporting and cooperative cancellation, shared by every job.

One :class:`JobControl` is handed to each job. The job calls :meth:`JobControl.report`
and :meth:`JobControl.check` between items or chunks; the GUI (or Ctrl-C in the CLI)
calls :meth:`JobControl.cancel` from any thread. Progress callbacks run on the job's
thread. Partial results are handed on once saved, in order and one at a time: on the job's
thread too, except that with a job store a result the job's thread leaves waiting (its next
input is slow) is handed on from the store's saver thread (:mod:`engine.saving`). The GUI's
worker turns both into Qt signals, the CLI prints them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.errors import Cancelled


@dataclass(frozen=True, slots=True)
class Progress:
    """A snapshot of how far a job is: ``fraction`` in [0, 1] or None when unknown."""

    fraction: float | None
    message: str = ""
    elapsed_s: float = 0.0
    remaining_s: float | None = None
    template: str = ""
    """The message's template (:mod:`engine.messages`), for a window that translates it."""
    values: tuple[tuple[str, str], ...] = ()
    """The template's fields, as text."""


ProgressCallback = Callable[[Progress], None]
PartialCallback = Callable[[Any], None]


def _ignore(_: Any) -> None:
    return None


@dataclass(eq=False)
class JobControl:
    """Cancel flag, throttled progress and partial-result sink for one job.

    Progress is throttled to ``min_interval_s`` so a fast loop cannot flood the GUI's
    event queue; the final report (fraction 1.0) always goes through.
    """

    on_progress: ProgressCallback = _ignore
    on_partial: PartialCallback = _ignore
    min_interval_s: float = 0.1
    clock: Callable[[], float] = time.monotonic
    _cancel: threading.Event = field(default_factory=threading.Event, init=False)
    _started: float = field(default=0.0, init=False)
    _last_report: float = field(default=-1e9, init=False)

    def __post_init__(self) -> None:
        self._started = self.clock()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; safe from any thread."""
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if a cancel was requested."""
        if self._cancel.is_set():
            raise Cancelled()

    @property
    def elapsed_s(self) -> float:
        return self.clock() - self._started

    def say(self, fraction: float | None, template: str, *, force: bool = False,
            **values: object) -> None:
        """:meth:`report` a line made from an :mod:`engine.messages` template and its values.

        Called for every input or token; a report the throttle would drop is not formatted.
        """
        if not self._due(fraction, force, self.clock()):
            return
        fields = tuple((key, str(value)) for key, value in values.items())
        self.report(fraction, template.format(**dict(fields)), force=force,
                    template=template, values=fields)

    def report(self, fraction: float | None, message: str = "", *, force: bool = False,
               template: str = "", values: tuple[tuple[str, str], ...] = ()) -> None:
        """Report progress; estimates the time left from the pace so far."""
        now = self.clock()
        if not self._due(fraction, force, now):
            return
        self._last_report = now
        elapsed = now - self._started
        remaining = None
        if fraction is not None and 0.0 < fraction < 1.0 and elapsed > 0.5:
            remaining = elapsed * (1.0 - fraction) / fraction
        clamped = None if fraction is None else max(0.0, min(1.0, fraction))
        self.on_progress(Progress(clamped, message, elapsed, remaining, template, values))

    def _due(self, fraction: float | None, force: bool, now: float) -> bool:
        """Whether a report goes through the throttle: forced, final, or none for a while."""
        final = fraction is not None and fraction >= 1.0
        return force or final or now - self._last_report >= self.min_interval_s

    def partial(self, result: Any) -> None:
        """Hand one finished piece of the result to whoever is listening."""
        self.on_partial(result)

    def tqdm_class(self, message: str) -> type:
        """A tqdm-compatible class whose updates report through this control.

        ``huggingface_hub`` accepts such a class for download progress, so downloads
        reach the same progress bar and honour the same cancel flag.
        """
        control = self

        class _ControlTqdm:
            def __init__(self, *args: Any, total: float | None = None, initial: float = 0,
                         **kwargs: Any) -> None:
                self.total = total
                self.n = initial
                self.disable = False

            def update(self, n: float = 1) -> None:
                self.n += n
                control.check()
                if self.total:
                    control.report(self.n / self.total, message)

            def close(self) -> None:
                return None

            def set_description(self, *args: Any, **kwargs: Any) -> None:
                return None

            def refresh(self, *args: Any, **kwargs: Any) -> None:
                return None

            def __enter__(self) -> _ControlTqdm:
                return self

            def __exit__(self, *exc: object) -> None:
                self.close()

        return _ControlTqdm
